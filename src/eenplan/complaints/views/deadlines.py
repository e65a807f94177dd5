"""Days left to the deadlines of an open complaint or objection, as the list and page show them."""

import datetime
from dataclasses import dataclass

from eenplan.complaints.models import Complaint


@dataclass(frozen=True)
class Deadlines:
    """Days to the legal deadline and, while personal contact is awaited, to the day for it;
    negative when past, None when it no longer applies."""

    decision_days: int | None
    contact_days: int | None
    overdue: bool


def deadlines_of(complaint: Complaint, today: datetime.date) -> Deadlines:
    return Deadlines(
        complaint.decision_days_left(today),
        complaint.contact_days_left(today),
        complaint.is_overdue(today),
    )


@dataclass(frozen=True)
class Row:
    complaint: Complaint
    deadlines: Deadlines
