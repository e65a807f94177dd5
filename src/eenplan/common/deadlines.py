"""Dutch legal calendar: the Algemene termijnenwet (Atw) and working days.

A period set by law that ends on a Saturday, Sunday or generally recognised holiday is extended
to the next day that is none of these (Atw article 1). The holidays are those of Atw article 3:
New Year's Day, Easter Monday, Ascension Day, Whit Monday, the King's birthday as celebrated
(27 April, or 26 April when that is a Sunday), Liberation Day (5 May) and both Christmas days;
Easter Sunday and Whit Sunday are Sundays anyway. Good Friday is not one of them.
"""

import datetime
from functools import cache

ONE_DAY = datetime.timedelta(days=1)


def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[datetime.date]:
    """The generally recognised holidays of Atw article 3 in ``year``."""
    easter = easter_sunday(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = datetime.date(year, 4, 26)
    return frozenset(
        {
            datetime.date(year, 1, 1),
            easter,
            easter + ONE_DAY,
            easter + datetime.timedelta(days=39),  # Ascension Day
            easter + datetime.timedelta(days=49),  # Whit Sunday
            easter + datetime.timedelta(days=50),  # Whit Monday
            kings_day,
            datetime.date(year, 5, 5),
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def statutory_end(day: datetime.date) -> datetime.date:
    """The last day of a legal period that would end on ``day``, extended by Atw article 1."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


def weeks_after(day: datetime.date, weeks: int) -> datetime.date:
    """The last day of a period of ``weeks`` weeks that starts the day after ``day``: the same
    weekday, ``weeks`` weeks later, extended by the Atw."""
    return statutory_end(day + datetime.timedelta(weeks=weeks))


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The ``count``-th working day after ``day``."""
    while count > 0:
        day += ONE_DAY
        if is_working_day(day):
            count -= 1
    return day
