"""The legal periods of complaints (Awb chapter 9) and objections (Awb chapters 6 and 7).

Complaint (Awb 9:11): decided within six weeks of receipt, or ten weeks when a complaints
committee (9:14) advises; the decision may be postponed once, by at most four weeks.

Objection: the objection period is six weeks (6:7) and starts the day after the decision was
made known (6:8), so it ends on the same weekday six weeks later. The decision on the objection
is due six weeks after the day the objection period ended, or twelve weeks with an advisory
committee (7:13); it may be postponed by at most six weeks (7:10 paragraph 3), and further only
with the objector's consent (7:10 paragraph 4a). An objection received after the period (late,
but excusable: 6:11) is counted from the day of receipt, as the courts do.

Every period ends no earlier than the next working day (Algemene termijnenwet), see
``common.deadlines``. The first personal contact is due within a number of working days the
municipality sets (default 5); that is the platform's own promise, not a legal period.
"""

import datetime

from eenplan.common.deadlines import weeks_after, working_days_after

COMPLAINT_WEEKS = 6
COMPLAINT_COMMITTEE_WEEKS = 10
COMPLAINT_MAX_EXTENSION_WEEKS = 4
OBJECTION_PERIOD_WEEKS = 6
OBJECTION_WEEKS = 6
OBJECTION_COMMITTEE_WEEKS = 12
OBJECTION_MAX_EXTENSION_WEEKS = 6
CONTACT_WORKING_DAYS = 5


def contact_due(received_on: datetime.date, working_days: int = CONTACT_WORKING_DAYS):
    return working_days_after(received_on, working_days)


def complaint_due(
    received_on: datetime.date, *, committee: bool = False, extension_weeks: int = 0
) -> datetime.date:
    weeks = COMPLAINT_COMMITTEE_WEEKS if committee else COMPLAINT_WEEKS
    return weeks_after(received_on, weeks + extension_weeks)


def objection_period_end(made_known_on: datetime.date) -> datetime.date:
    """The last day to object to a decision made known on ``made_known_on``."""
    return weeks_after(made_known_on, OBJECTION_PERIOD_WEEKS)


def objection_due(
    made_known_on: datetime.date,
    received_on: datetime.date,
    *,
    committee: bool = False,
    extension_weeks: int = 0,
) -> datetime.date:
    counted_from = max(objection_period_end(made_known_on), received_on)
    weeks = OBJECTION_COMMITTEE_WEEKS if committee else OBJECTION_WEEKS
    return weeks_after(counted_from, weeks + extension_weeks)
