import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from eenplan.provisions import amounts
from eenplan.provisions.constants import Frequency


def test_whole_months_count_as_whole():
    assert amounts.months_in(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == 3
    assert amounts.months_in(dt.date(2026, 1, 31), dt.date(2026, 2, 27)) == 1
    assert amounts.months_in(dt.date(2026, 1, 15), dt.date(2026, 1, 29)) == Fraction(15, 31)


def test_units_per_frequency():
    start, end = dt.date(2026, 1, 1), dt.date(2026, 1, 14)
    assert amounts.total_units(2, Frequency.DAY, start, end) == 28
    assert amounts.total_units(3, Frequency.WEEK, start, end) == 6
    assert amounts.total_units(1, Frequency.TOTAL, start, end) == 1


def test_adding_months_keeps_the_day_or_takes_the_last():
    assert amounts.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert amounts.add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31))


@given(days, st.integers(min_value=0, max_value=1500), st.integers(min_value=0, max_value=10**9))
def test_the_parts_of_an_amount_over_years_add_up(start, length, amount):
    end = start + dt.timedelta(days=length)
    parts = [amounts.share_between(amount, start, end, dt.date(y, 1, 1), dt.date(y, 12, 31))
             for y in range(start.year, end.year + 1)]  # fmt: skip
    assert abs(sum(parts) - amount) <= len(parts)
