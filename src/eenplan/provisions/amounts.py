"""Money of a decision: how many units a volume, frequency and period add up to, what that costs,
and which part of it falls in a budget year.

Amounts are exact fractions until the last step and rounded half up to whole cents, so the sum
of a decision's parts over years can differ from its amount by at most a cent per year.
"""

import calendar
import datetime
from fractions import Fraction

from eenplan.provisions.constants import Frequency


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def months_in(start: datetime.date, end: datetime.date) -> Fraction:
    """Months from ``start`` up to and including ``end``: whole months, then the rest in days
    of the month it falls in (1 January - 31 March is exactly 3)."""
    after_end = end + datetime.timedelta(days=1)
    whole = (after_end.year - start.year) * 12 + after_end.month - start.month
    if add_months(start, whole) > after_end:
        whole -= 1
    anchor = add_months(start, whole)
    month_length = calendar.monthrange(anchor.year, anchor.month)[1]
    return whole + Fraction((after_end - anchor).days, month_length)


def days_in(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days + 1


def total_units(volume: int, frequency: str, start: datetime.date, end: datetime.date) -> Fraction:
    if frequency == Frequency.DAY:
        return Fraction(volume * days_in(start, end))
    if frequency == Frequency.WEEK:
        return Fraction(volume * days_in(start, end), 7)
    if frequency == Frequency.MONTH:
        return volume * months_in(start, end)
    return Fraction(volume)


def to_cents(value: Fraction) -> int:
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


def amount_cents(
    *, volume: int, frequency: str, start: datetime.date, end: datetime.date, tariff_cents: int
) -> int:
    return to_cents(total_units(volume, frequency, start, end) * tariff_cents)


def share_between(
    amount: int,
    start: datetime.date,
    end: datetime.date,
    first: datetime.date,
    last: datetime.date,
) -> int:
    """The part of ``amount``, spread evenly over the days from ``start`` to ``end``, that falls
    from ``first`` up to and including ``last``."""
    first, last = max(start, first), min(end, last)
    if last < first:
        return 0
    return to_cents(Fraction(amount * days_in(first, last), days_in(start, end)))
