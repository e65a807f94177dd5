"""Small drawing helpers shared by the stages."""

import datetime
import random
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.conf import settings

DAY = datetime.timedelta(days=1)
UTC = datetime.UTC
_LOCAL = ZoneInfo(settings.TIME_ZONE)


def split(total: int, weights: Sequence[float], least: int = 0) -> list[int]:
    """``total`` over the weights (largest remainder), each at least ``least`` when it fits."""
    floor = least if least * len(weights) <= total else 0
    rest = total - floor * len(weights)
    whole = sum(weights)
    shares = [rest * w / whole for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for index in by_remainder[: rest - sum(counts)]:
        counts[index] += 1
    return [floor + c for c in counts]


def between(rng: random.Random, low: datetime.date, high: datetime.date) -> datetime.date:
    """A day from ``low`` up to and including ``high`` (``low`` when the range is empty)."""
    days = (high - low).days
    return low + datetime.timedelta(days=rng.randint(0, days)) if days > 0 else low


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A moment on ``day`` (local time), in UTC as the database gives it back."""
    local = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=_LOCAL)
    return local.astimezone(UTC)


def repeats(rng: random.Random, mean: float, cap: int) -> int:
    """At least 1, on average ``mean`` (geometric), at most ``cap``."""
    more = max(0.0, min(0.95, (mean - 1) / mean)) if mean > 1 else 0.0
    count = 1
    while count < cap and rng.random() < more:
        count += 1
    return count


def rounded(rng: random.Random, value: float) -> int:
    """``value`` rounded up or down at random, so that the rounding averages out."""
    whole = int(value)
    return whole + (rng.random() < value - whole)
