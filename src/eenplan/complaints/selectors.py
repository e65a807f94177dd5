"""Every read of complaints and objections goes through these functions.

Professionals see them through ``policy.complaint_visibility`` (handler, complaints handlers of
the handling organisation, the case's coordinator, and those working on the case for an
organisation it is about); every read of one that names a person writes the access log. A
citizen sees their own and those of their children under 16 (the portal's rule). Overviews per
handler and organisation and the period report are counts only.
"""

import datetime
import statistics
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.complaints.constants import Kind, Outcome, Theme
from eenplan.complaints.models import Complaint, Step, overdue_on
from eenplan.indicators.constants import SMALL_CELL
from eenplan.portal.rules import persons_in_care
from eenplan.privacy import policy
from eenplan.privacy.constants import Action, ProcessingActivity
from eenplan.privacy.services import access_log_write
from eenplan.provisions.letter import LETTER_STATUSES
from eenplan.provisions.models import Decision
from eenplan.tenancy.constants import Role

PAGE_SIZE = 50


def _log(user, complaints, name: str) -> None:
    subjects = {(c.case_id, c.person_id): (c.case, c.person) for c in complaints}
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name=name,
            subjects=subjects.values(),
            activity=ProcessingActivity.COMPLAINT_HANDLING,
        )


def _complaints(user) -> QuerySet:
    return Complaint.objects.visible_to(user).select_related(
        "case__household",
        "person",
        "municipality",
        "handler",
        "handling_organisation",
        "decision__product",
    )


# ------------------------------------------------------------------------------ lists


@dataclass(frozen=True)
class ComplaintFilter:
    open_only: bool = True
    kind: str = ""
    handler_uuid: uuid.UUID | None = None
    organisation_uuid: uuid.UUID | None = None
    overdue_only: bool = False
    mine: bool = False


def _filtered(user, chosen: ComplaintFilter) -> QuerySet:
    complaints = _complaints(user)
    if chosen.open_only:
        complaints = complaints.open()
    if chosen.kind in Kind.values:
        complaints = complaints.filter(kind=chosen.kind)
    if chosen.mine:
        complaints = complaints.filter(handler_id=user.pk)
    if chosen.handler_uuid:
        complaints = complaints.filter(handler__uuid=chosen.handler_uuid)
    if chosen.organisation_uuid:
        complaints = complaints.filter(handling_organisation__uuid=chosen.organisation_uuid)
    if chosen.overdue_only:
        complaints = complaints.filter(overdue_on(timezone.localdate()))
    return complaints


def complaint_page(*, user, chosen: ComplaintFilter, number: int = 1) -> Page:
    """One page of the complaints the user may see, nearest deadline first."""
    complaints = _filtered(user, chosen).order_by("decision_due", "received_on", "pk")
    page = Paginator(complaints, PAGE_SIZE).get_page(number)
    _log(user, page.object_list, "klachten en bezwaren inzien")
    return page


@dataclass
class Tally:
    label: str
    key: str
    open: int = 0
    overdue: int = 0


def overview(*, user) -> tuple[list[Tally], list[Tally]]:
    """Open items and overdue items per handler and per handling organisation. Counts only."""
    today = timezone.localdate()
    counts = dict(
        open=Count("pk"),
        overdue=Count("pk", filter=overdue_on(today)),
    )
    complaints = Complaint.objects.visible_to(user).open()
    per_handler = [
        Tally(
            " ".join(filter(None, (row["handler__first_name"], row["handler__last_name"])))
            or row["handler__username"]
            or "Nog geen behandelaar",
            str(row["handler__uuid"] or ""),
            row["open"],
            row["overdue"],
        )
        for row in complaints.values(
            "handler__uuid", "handler__first_name", "handler__last_name", "handler__username"
        )
        .annotate(**counts)
        .order_by("handler__username")
    ]
    per_organisation = [
        Tally(
            row["handling_organisation__name"],
            str(row["handling_organisation__uuid"]),
            row["open"],
            row["overdue"],
        )
        for row in complaints.values("handling_organisation__uuid", "handling_organisation__name")
        .annotate(**counts)
        .order_by("handling_organisation__name")
    ]
    return per_handler, per_organisation


# ------------------------------------------------------------------------------ one


def complaint_get(*, user, complaint_uuid: uuid.UUID) -> Complaint:
    """One complaint or objection with its steps; ``Complaint.DoesNotExist`` when the user may
    not see it."""
    complaint = (
        _complaints(user)
        .prefetch_related("organisations", "steps__recorded_by")
        .get(uuid=complaint_uuid)
    )
    _log(user, [complaint], f"{complaint.get_kind_display().lower()} inzien")
    return complaint


def step_get(*, complaint: Complaint, step_uuid: uuid.UUID) -> Step:
    """A step of a complaint already read through ``complaint_get`` or ``own_complaint_get``."""
    return complaint.steps.select_related("recorded_by").get(uuid=step_uuid)


def objectable_decisions(*, user, case, persons=None) -> QuerySet:
    """Decisions of ``case`` one can object to (they have a letter): for a citizen those about
    the persons they act for, for a professional those they may see."""
    if user.is_citizen:
        decisions = Decision.objects.filter(case=case, person__in=persons or [])
    else:
        decisions = Decision.objects.visible_to(user).filter(case=case)
    return (
        decisions.filter(status__in=LETTER_STATUSES)
        .select_related("product", "person")
        .order_by("-decided_at", "pk")
    )


# ------------------------------------------------------------------------------ citizen


def _own(user) -> QuerySet:
    if not (user.is_authenticated and user.is_citizen):
        return Complaint.objects.none()
    own_cases = Case.objects.filter(policy.own_household_case_visibility(user))
    return (
        Complaint.objects.filter(person__in=persons_in_care(user.citizen), case__in=own_cases)
        .select_related(
            "case__household", "person", "handler", "handling_organisation", "decision__product"
        )
        .prefetch_related("steps__recorded_by", "organisations")
        .order_by("-received_on", "-pk")
    )


def own_complaints(*, user) -> list[Complaint]:
    complaints = list(_own(user))
    _log(user, complaints, "eigen klachten en bezwaren inzien")
    return complaints


def own_complaint_get(*, user, complaint_uuid: uuid.UUID) -> Complaint:
    complaint = _own(user).get(uuid=complaint_uuid)
    _log(user, [complaint], f"eigen {complaint.get_kind_display().lower()} inzien")
    return complaint


# ------------------------------------------------------------------------------ report


def report_municipality_ids(user) -> set[int]:
    """Municipalities whose period report the user may see: where they hold a policy role or
    handle complaints."""
    ids = policy.role_municipality_ids(user, policy.POLICY_ROLES | {Role.COMPLAINTS_HANDLER})
    return set(ids.values_list("municipality_id", flat=True))


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    received: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    informal: int = 0
    contact_in_time: int = 0
    contacted: int = 0
    lead_days_informal: float | None = None
    lead_days_formal: float | None = None
    themes: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def informal_share(self) -> float | None:
        return self.informal / self.closed if self.closed else None

    @property
    def contact_in_time_share(self) -> float | None:
        return self.contact_in_time / self.contacted if self.contacted else None


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def period_report(*, user, start: datetime.date, end: datetime.date, municipality_ids=None):
    """Counts over the complaints and objections of the user's municipalities received or
    closed between ``start`` and ``end``; themes under 5 are shown as None (small cells)."""
    allowed = report_municipality_ids(user)
    chosen = allowed & set(municipality_ids) if municipality_ids else allowed
    complaints = Complaint.objects.filter(municipality_id__in=chosen)
    received = complaints.filter(received_on__range=(start, end))
    report = Report(start=start, end=end)
    report.received = {kind.value: received.filter(kind=kind).count() for kind in Kind}
    contacted = received.filter(contacted_on__isnull=False).values_list(
        "contacted_on", "contact_due"
    )
    report.contacted = len(contacted)
    report.contact_in_time = sum(1 for on, due in contacted if on <= due)
    closed = list(
        complaints.filter(closed_on__range=(start, end)).values_list(
            "outcome", "received_on", "closed_on"
        )
    )
    report.closed = len(closed)
    informal = [(c - r).days for o, r, c in closed if o == Outcome.RESOLVED_INFORMALLY]
    formal = [(c - r).days for o, r, c in closed if o != Outcome.RESOLVED_INFORMALLY]
    report.informal = len(informal)
    report.lead_days_informal = _median(informal)
    report.lead_days_formal = _median(formal)
    themes = Counter(received.values_list("theme", flat=True))
    report.themes = [
        (theme.label, count if count >= SMALL_CELL else None)
        for theme in Theme
        if (count := themes.get(theme.value, 0))
    ]
    return report
