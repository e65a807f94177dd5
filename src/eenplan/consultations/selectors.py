"""Every read of consultations, in a fixed number of queries.

A meeting is visible to its chair and the participating organisations. Each agenda item carries
``content``: whether the reader's organisation may see the case's plan content (involvement plus
consent, the one case content rule). Without it the item shows only the case number and the
question; its household, minutes, decisions and agreements are left out here, before any page,
API or PDF sees them. Reading items with content writes the access log, one entry per member.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.cases.selectors.case import members_prefetch
from eenplan.common.selectors import Listing
from eenplan.consultations.constants import (
    AgreementState,
    AttendeeKind,
    PolicySignalStatus,
    PolicyTheme,
)
from eenplan.consultations.models import (
    AgendaItem,
    Agreement,
    Attendee,
    Consultation,
    PolicySignal,
)
from eenplan.consultations.services import may_respond
from eenplan.privacy import policy
from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write

MAX_PAGE_SIZE = 100
OPEN_STATES = (AgreementState.OPEN, AgreementState.OVERDUE)
ACTION_OWNERS = (
    "action__owner_organisation",
    "action__owner_professional",
    "action__owner_person",
    "action__owner_network_member",
)


def _page(queryset, page: int, page_size: int) -> Listing:
    page, page_size = max(1, page), max(1, min(page_size, MAX_PAGE_SIZE))
    offset = (page - 1) * page_size
    return Listing(
        items=list(queryset[offset : offset + page_size]),
        count=queryset.count(),
        page=page,
        page_size=page_size,
    )


def _log(user, cases, *, name: str, started_at) -> None:
    """One access-log entry per member of each case read with content (one INSERT)."""
    subjects = {}
    for case in cases:
        members = [m.person for m in case.household.member_list] or [None]
        for person in members:
            subjects[(case.pk, person.pk if person else None)] = (case, person)
    if subjects:
        access_log_write(
            actor=user,
            action=Action.READ,
            name=name,
            subjects=list(subjects.values()),
            started_at=started_at,
        )


def consultation_list(
    *, user, upcoming: bool | None = None, page: int = 1, page_size: int = 25
) -> Listing:
    """Meetings the user sees: upcoming ones soonest first, past ones latest first."""
    meetings = (
        Consultation.objects.visible_to(user)
        .select_related("municipality", "chair", "series")
        .annotate(item_count=Count("items"))
    )
    today = timezone.localdate()
    # Always explicit: Meta.ordering does not apply to a query with an aggregate (item_count).
    if upcoming is True:
        meetings = meetings.filter(date__gte=today).order_by("date", "start_time", "pk")
    else:
        if upcoming is False:
            meetings = meetings.filter(date__lt=today)
        meetings = meetings.order_by("-date", "-start_time", "-pk")
    return _page(meetings, page, page_size)


@dataclass
class ConsultationView:
    consultation: Consultation
    items: list[AgendaItem]
    carried: list[Agreement]
    attendees: list[Attendee]
    policy_signals: list[PolicySignal]
    is_chair: bool

    @property
    def agreements(self) -> list[Agreement]:
        return [agreement for item in self.items for agreement in item.agreement_list]


def _agreements_prefetch() -> Prefetch:
    return Prefetch(
        "agreements",
        queryset=Agreement.objects.with_state().select_related(*ACTION_OWNERS, "action__goal"),
        to_attr="agreement_list",
    )


def _plan_content(user, case_ids: set[int]) -> dict[int, bool]:
    """Per case id, whether the user may see its plan content: the case rule (known level)
    and a consent or basis. ``policy.case_access`` assumes the first, which an attendee of a
    meeting need not meet (an organisation that holds a consent but is no longer involved)."""
    known = set(Case.objects.visible_to(user).filter(pk__in=case_ids).values_list("pk", flat=True))
    access = policy.case_access(user, case_ids)
    return {case_id: case_id in known and access[case_id].plan for case_id in case_ids}


def _with_content(user, items: list[AgendaItem]) -> list[AgendaItem]:
    """Mark each item's ``content`` and strip what the reader may not see."""
    content = _plan_content(user, {item.case_id for item in items})
    for item in items:
        item.content = content[item.case_id]
        if not item.content:
            item.summary = ""
            item.decision_list, item.agreement_list = [], []
            # Who consented and why names the household: content too.
            item.consent_given_by, item.consent_note = None, ""
            item.case.household.member_list = []
    return items


def _items(consultation: Consultation) -> list[AgendaItem]:
    items = list(
        consultation.items.select_related(
            "case__household", "added_by_organisation", "consent_given_by"
        ).prefetch_related(_members_prefetch("case"), "decisions", _agreements_prefetch())
    )
    for item in items:
        item.decision_list = list(item.decisions.all())
    return items


def _members_prefetch(case_path: str) -> Prefetch:
    """The household members of the case at ``case_path``, as ``household.member_list``."""
    prefetch = members_prefetch()
    prefetch.add_prefix(case_path)
    return prefetch


def consultation_get(*, user, consultation_uuid: uuid.UUID) -> ConsultationView:
    """One meeting with its agenda, minutes and the open agreements it carries over;
    ``Consultation.DoesNotExist`` when the user may not see it."""
    started_at = timezone.now()
    consultation = (
        Consultation.objects.visible_to(user)
        .select_related("municipality", "chair", "series")
        .prefetch_related("organisations")
        .get(uuid=consultation_uuid)
    )
    items = _with_content(user, _items(consultation))
    carried = carried_agreements(user=user, consultation=consultation)
    content_households = {item.case.household_id for item in items if item.content}
    attendees = list(
        consultation.attendees.select_related(
            "professional", "organisation", "person", "network_member"
        ).order_by("kind", "pk")
    )
    for attendee in attendees:
        attendee.name_visible = (
            attendee.kind == AttendeeKind.PROFESSIONAL
            or attendee.household_id in content_households
        )
    shown = [item.case for item in items if item.content] + [
        agreement.item.case for agreement in carried if agreement.content
    ]
    _log(user, shown, name="overleg bekijken", started_at=started_at)
    return ConsultationView(
        consultation=consultation,
        items=items,
        carried=carried,
        attendees=attendees,
        policy_signals=list(
            consultation.policy_signals.visible_to(user).select_related("raised_by_organisation")
        ),
        is_chair=consultation.chair_id == user.pk,
    )


def carried_agreements(*, user, consultation: Consultation) -> list[Agreement]:
    """Open agreements of the earlier meetings of the same series: the next agenda starts with
    them. Each carries ``content``; without it only its case number, deadline and state show."""
    if consultation.series_id is None:
        return []
    agreements = list(
        Agreement.objects.with_state()
        .filter(
            item__consultation__series_id=consultation.series_id,
            item__consultation__date__lt=consultation.date,
            state__in=OPEN_STATES,
        )
        .select_related(*ACTION_OWNERS, "item__consultation", "item__case__household")
        .prefetch_related(_members_prefetch("item__case"))
        .order_by(F("action__due_date").asc(nulls_last=True), "pk")
    )
    content = _plan_content(user, {agreement.item.case_id for agreement in agreements})
    for agreement in agreements:
        agreement.content = content[agreement.item.case_id]
    return agreements


def agenda_item_get(*, user, item_uuid: uuid.UUID) -> AgendaItem:
    """One agenda item with ``content`` set; ``DoesNotExist`` when its meeting is not visible."""
    started_at = timezone.now()
    item = (
        AgendaItem.objects.visible_to(user)
        .select_related("consultation", "case__household", "consent_given_by")
        .prefetch_related(_members_prefetch("case"), "decisions", _agreements_prefetch())
        .get(uuid=item_uuid)
    )
    item.decision_list = list(item.decisions.all())
    _with_content(user, [item])
    if item.content:
        _log(user, [item.case], name="agendapunt bekijken", started_at=started_at)
    return item


def agreement_list(
    *,
    user,
    consultation: uuid.UUID | None = None,
    organisation: uuid.UUID | None = None,
    owner: uuid.UUID | None = None,
    state: str = "",
    page: int = 1,
    page_size: int = 50,
) -> Listing:
    """Agreements the user may see (the case's plan content), for follow-up: per meeting, per
    owner (a professional) and per organisation. Open ones by default, oldest deadline first."""
    started_at = timezone.now()
    agreements = (
        Agreement.objects.visible_to(user)
        .with_state()
        .select_related(*ACTION_OWNERS, "item__consultation", "item__case__household")
        .prefetch_related(_members_prefetch("item__case"))
    )
    if consultation:
        agreements = agreements.filter(item__consultation__uuid=consultation)
    if organisation:
        agreements = agreements.filter(action__owner_organisation__uuid=organisation)
    if owner:
        agreements = agreements.filter(action__owner_professional__uuid=owner)
    if state in AgreementState.values:
        agreements = agreements.filter(state=state)
    else:
        agreements = agreements.filter(state__in=OPEN_STATES)
    listing = _page(
        agreements.order_by(F("action__due_date").asc(nulls_last=True), "pk"), page, page_size
    )
    _log(
        user,
        {a.item.case_id: a.item.case for a in listing.items}.values(),
        name="afspraken bekijken",
        started_at=started_at,
    )
    return listing


def policy_signal_list(
    *, user, theme: str = "", status: str = "", page: int = 1, page_size: int = 25
) -> Listing:
    signals = PolicySignal.objects.visible_to(user).select_related(
        "municipality", "raised_by_organisation", "consultation", "responded_by"
    )
    if theme:
        signals = signals.filter(theme=theme)
    if status:
        signals = signals.filter(status=status)
    listing = _page(signals, page, page_size)
    answerable = set(
        policy.policy_role_municipality_ids(user).values_list("municipality_id", flat=True)
    )
    for signal in listing.items:
        signal.may_respond = signal.municipality_id in answerable
    return listing


def policy_signal_get(*, user, signal_uuid: uuid.UUID) -> PolicySignal:
    signal = (
        PolicySignal.objects.visible_to(user)
        .select_related("municipality", "raised_by_organisation", "consultation", "responded_by")
        .get(uuid=signal_uuid)
    )
    signal.may_respond = may_respond(user, signal)
    return signal


@dataclass(frozen=True)
class ThemeRow:
    theme: str
    label: str
    per_quarter: list[int]
    total: int
    acted_on: int


def policy_signal_report(*, user, year: int) -> list[ThemeRow]:
    """Policy signals per theme and quarter of ``year``, with how many were acted on."""
    start = datetime.date(year, 1, 1)
    signals = PolicySignal.objects.visible_to(user).filter(
        raised_at__date__gte=start, raised_at__date__lt=start.replace(year=year + 1)
    )
    counts = {
        (row["theme"], row["raised_at__quarter"]): row
        for row in signals.values("theme", "raised_at__quarter").annotate(
            total=Count("pk"), acted_on=Count("pk", filter=Q(status=PolicySignalStatus.ACTED_ON))
        )
    }
    rows = []
    for theme in PolicyTheme:
        per_quarter = [counts.get((theme.value, q), {}).get("total", 0) for q in range(1, 5)]
        acted_on = sum(counts.get((theme.value, q), {}).get("acted_on", 0) for q in range(1, 5))
        rows.append(ThemeRow(theme, str(theme.label), per_quarter, sum(per_quarter), acted_on))
    return rows
