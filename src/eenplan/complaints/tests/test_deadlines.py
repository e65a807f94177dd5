"""Worked examples of the legal periods (Awb 6:7, 6:8, 7:10, 9:11 and the Algemene termijnenwet),
checked by hand against a 2026 calendar."""

import datetime

import pytest

from eenplan.common.deadlines import easter_sunday, public_holidays, working_days_after
from eenplan.complaints import deadlines

D = datetime.date


@pytest.mark.parametrize(
    "year, easter",
    [(2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)), (2026, D(2026, 4, 5)), (2038, D(2038, 4, 25))],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


def test_the_holidays_of_the_termijnenwet():
    holidays = public_holidays(2025)
    assert D(2025, 4, 26) in holidays, "King's Day moves to Saturday when 27 April is a Sunday"
    assert D(2025, 4, 27) not in holidays
    assert D(2025, 5, 5) in holidays, "Liberation Day counts every year"
    assert D(2025, 4, 18) not in holidays, "Good Friday is no holiday in the Atw"
    assert {D(2025, 5, 29), D(2025, 6, 9), D(2025, 12, 26)} <= holidays


def test_personal_contact_counts_working_days():
    # Thursday 30 April 2026 + 5 working days: 1, 4, (5 May is a holiday) 6, 7, 8 May.
    assert deadlines.contact_due(D(2026, 4, 30)) == D(2026, 5, 8)
    assert deadlines.contact_due(D(2026, 4, 30), working_days=2) == D(2026, 5, 4)
    assert working_days_after(D(2026, 12, 24), 1) == D(2026, 12, 28)


@pytest.mark.parametrize(
    "received, committee, extension, due",
    [
        (D(2026, 3, 2), False, 0, D(2026, 4, 13)),  # six weeks
        (D(2026, 3, 2), True, 0, D(2026, 5, 11)),  # ten weeks with a complaints committee
        (D(2026, 3, 2), False, 4, D(2026, 5, 11)),  # postponed by the maximum four weeks
        (D(2026, 3, 2), True, 4, D(2026, 6, 8)),
        (D(2026, 3, 24), False, 0, D(2026, 5, 6)),  # 5 May is Liberation Day
        (D(2026, 11, 14), False, 0, D(2026, 12, 28)),  # Saturday and Boxing Day, then Sunday
    ],
)
def test_a_complaint_is_decided_within_six_or_ten_weeks(received, committee, extension, due):
    assert deadlines.complaint_due(received, committee=committee, extension_weeks=extension) == due


def test_the_objection_period_is_six_weeks_from_the_day_after_the_decision():
    assert deadlines.objection_period_end(D(2026, 4, 1)) == D(2026, 5, 13)
    # Six weeks after Thursday 2 April 2026 is Ascension Day: the period runs to Friday.
    assert deadlines.objection_period_end(D(2026, 4, 2)) == D(2026, 5, 15)


@pytest.mark.parametrize(
    "made_known, received, committee, extension, due",
    [
        # Six weeks counted from the day after the objection period ended on 13 May.
        (D(2026, 4, 1), D(2026, 4, 20), False, 0, D(2026, 6, 24)),
        (D(2026, 4, 1), D(2026, 4, 20), True, 0, D(2026, 8, 5)),  # advisory committee
        (D(2026, 4, 1), D(2026, 4, 20), False, 6, D(2026, 8, 5)),  # postponed six weeks
        (D(2026, 4, 2), D(2026, 4, 3), False, 0, D(2026, 6, 26)),  # period ended on 15 May
        # A late objection is counted from its receipt.
        (D(2026, 4, 1), D(2026, 6, 1), False, 0, D(2026, 7, 13)),
    ],
)
def test_an_objection_is_decided_six_or_twelve_weeks_after_the_period(
    made_known, received, committee, extension, due
):
    found = deadlines.objection_due(
        made_known, received, committee=committee, extension_weeks=extension
    )
    assert found == due
