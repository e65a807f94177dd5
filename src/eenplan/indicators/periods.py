"""Quarters: the period of every indicator value."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

_LABEL = re.compile(r"^(\d{4})-K([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def containing(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, label: str) -> "Quarter":
        """``2026-K3``; ``ValueError`` otherwise."""
        match = _LABEL.match(label.strip())
        if not match:
            raise ValueError(f"Geen kwartaal: {label!r} (verwacht bijvoorbeeld 2026-K3).")
        return cls(int(match[1]), int(match[2]))

    @property
    def label(self) -> str:
        return f"{self.year}-K{self.number}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The last day of the quarter."""
        return self.next().start - datetime.timedelta(days=1)

    @property
    def start_at(self) -> datetime.datetime:
        return _midnight(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the quarter (exclusive bound)."""
        return _midnight(self.next().start)

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)

    def __str__(self) -> str:
        return f"K{self.number} {self.year}"


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def last_quarters(count: int, today: datetime.date | None = None) -> list[Quarter]:
    """The ``count`` quarters up to and including the current one, oldest first."""
    quarter = Quarter.containing(today or timezone.localdate())
    quarters = [quarter]
    for _ in range(count - 1):
        quarters.append(quarters[-1].previous())
    return quarters[::-1]
