"""Loading a year of network meetings (``eenplan.demo.data.consultations``) through the
consultation services, as the professionals who bring the cases.

Per municipality one monthly series: twelve past meetings with minutes, decisions and
agreements (done, open and overdue, as the deadlines fall), and next week's meeting with its
agenda ready for the chair. Then the policy signals and their answers.
"""

import datetime

from django.utils import timezone

from eenplan.cases.constants import CaseStatus, DataCategory, SharingGround
from eenplan.cases.models import Case
from eenplan.consultations import services
from eenplan.consultations.constants import ConsultationKind, DecisionKind, PolicySignalStatus
from eenplan.consultations.models import Consultation, PolicySignal, Series
from eenplan.demo.data.consultations import (
    AGREEMENT_DAYS,
    AGREEMENTS,
    CASE_EVERY_MONTHS,
    DECISION,
    MONTHS_BACK,
    POLICY_SIGNALS,
    QUESTIONS,
    SERIES,
    SUMMARIES,
    PolicySignalSpec,
    SeriesSpec,
)
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import Goal
from eenplan.plans.services import Owner, action_set_status
from eenplan.privacy import policy
from eenplan.tenancy.models import Municipality, Organisation, User

TUESDAY = 1
# Agreements due this long ago are done, except every fifth, which is left overdue.
DONE_AFTER_DAYS = 14


def consultations_load(*, users: dict[str, User], municipalities: dict[str, Municipality]) -> int:
    """Load the series that do not exist yet; returns the number of meetings created."""
    created = 0
    for spec in SERIES:
        if not Series.objects.filter(name=spec.name).exists():
            created += _series_load(
                spec=spec, users=users, municipality=municipalities[spec.municipality]
            )
    for spec in POLICY_SIGNALS:
        if not PolicySignal.objects.filter(title=spec.title).exists():
            _policy_signal_load(
                spec=spec, users=users, municipality=municipalities[spec.municipality]
            )
    return created


def second_tuesday(year: int, month: int) -> datetime.date:
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(TUESDAY - first.weekday()) % 7 + 7)


def _meeting_dates(today: datetime.date) -> list[datetime.date]:
    """The second Tuesday of each month of the past year that has passed, then next week."""
    dates = []
    for back in range(MONTHS_BACK, -1, -1):
        month_index = today.year * 12 + today.month - 1 - back
        dates.append(second_tuesday(month_index // 12, month_index % 12 + 1))
    return [*[date for date in dates if date < today][-MONTHS_BACK:], today + datetime.timedelta(7)]


def _series_load(*, spec: SeriesSpec, users: dict[str, User], municipality: Municipality) -> int:
    cases = list(
        Case.objects.filter(household__municipality=municipality)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("household")
        .order_by("pk")
    )
    organisations = list(
        Organisation.objects.filter(involvements__case__in=cases).distinct().order_by("name")
    )
    chair = users[spec.chair]
    series = Series.objects.create(
        name=spec.name,
        kind=ConsultationKind.NETWORK,
        municipality=municipality,
        chair=chair,
    )
    series.organisations.set(organisations)
    today = timezone.localdate()
    dates = _meeting_dates(today)
    for number, date in enumerate(dates):
        meeting = services.consultation_plan(
            actor=chair,
            kind=series.kind,
            title=series.name,
            municipality=municipality,
            date=date,
            chair=chair,
            organisations=organisations,
            series=series,
            location=spec.location,
        )
        agenda = [
            (index, case)
            for index, case in enumerate(cases)
            if (index + number) % CASE_EVERY_MONTHS == 0
        ]
        for index, case in agenda:
            _discuss(meeting=meeting, case=case, users=users, turn=index + number, today=today)
        _attendees_add(meeting=meeting, chair=chair, cases=[case for _, case in agenda])
        if date < today:
            services.consultation_close(actor=chair, consultation=meeting)
    return len(dates)


def _attendees_add(*, meeting: Consultation, chair: User, cases: list[Case]) -> None:
    """The contact professionals of the organisations involved in the cases on the agenda."""
    contacts = {
        (involvement.contact, involvement.organisation)
        for case in cases
        for involvement in case.involvements.active().select_related("contact", "organisation")
        if involvement.contact and involvement.contact != chair
    }
    for user, organisation in sorted(contacts, key=lambda pair: (pair[0].username, pair[1].name)):
        services.attendee_add(
            actor=chair, consultation=meeting, professional=user, organisation=organisation
        )


def _discussant(case: Case, users: dict[str, User]) -> User | None:
    """Who brings the case: its coordinator, else a professional whose organisation may see the
    plan; None when nobody in the demo may."""
    content = Case.objects.filter(pk=case.pk)
    candidates = [case.coordinator] if case.coordinator else []
    candidates += sorted(users.values(), key=lambda user: user.username)
    for user in candidates:
        if content.filter(policy.case_content_visibility(user, DataCategory.PLAN)).exists():
            return user
    return None


def _discuss(
    *, meeting: Consultation, case: Case, users: dict[str, User], turn: int, today: datetime.date
) -> None:
    actor = _discussant(case, users)
    if actor is None:
        return
    item = services.agenda_add(
        actor=actor, consultation=meeting, case=case, question=QUESTIONS[turn % len(QUESTIONS)]
    )
    contact = case.household.memberships.filter(is_contact=True).select_related("person").first()
    item = services.agenda_record_consent(
        actor=actor, item=item, ground=SharingGround.CONSENT, given_by=contact.person
    )
    if meeting.date >= today:
        return  # next week's meeting: the agenda is ready, the chair writes the minutes
    services.minutes_record(actor=actor, item=item, summary=SUMMARIES[turn % len(SUMMARIES)])
    if turn % 4 == 0:
        services.decision_record(actor=actor, item=item, kind=DecisionKind.OTHER, text=DECISION)
    goal = Goal.objects.filter(plan__case=case).order_by("position", "pk").first()
    if goal is None or not goal.plan.is_draft:
        # No plan yet, or an agreed one: a new action would open a draft to agree with the
        # household again, and the demo keeps its agreed plans to show them.
        return
    due = meeting.date + datetime.timedelta(days=AGREEMENT_DAYS)
    for offset in range(1 + turn % 2):
        description, owner_kind = AGREEMENTS[(turn + offset) % len(AGREEMENTS)]
        if owner_kind == "household":
            owner = Owner(kind=OwnerKind.HOUSEHOLD_MEMBER, person=contact.person)
        else:
            owner = Owner(
                kind=OwnerKind.ORGANISATION,
                organisation=actor.acting_organisation,
                professional=actor,
            )
        agreement = services.agreement_add(
            actor=actor, item=item, description=description, owner=owner, due_date=due, goal=goal
        )
        if due < today - datetime.timedelta(days=DONE_AFTER_DAYS) and (turn + offset) % 5:
            action = agreement.action
            action_set_status(
                actor=actor,
                action=action,
                lock_version=action.lock_version,
                status=ActionStatus.DONE,
            )


def _policy_signal_load(
    *, spec: PolicySignalSpec, users: dict[str, User], municipality: Municipality
) -> None:
    raised_on = timezone.localdate() - datetime.timedelta(days=30 * spec.months_ago)
    meeting = (
        Consultation.objects.filter(municipality=municipality, date__lte=raised_on)
        .order_by("-date")
        .first()
    )
    signal = services.policy_signal_raise(
        actor=users[spec.raised_by],
        theme=spec.theme,
        title=spec.title,
        description=spec.description,
        consultation=meeting,
        municipality=municipality,
    )
    raised_at = timezone.make_aware(
        datetime.datetime.combine(meeting.date if meeting else raised_on, datetime.time(11))
    )
    PolicySignal.objects.filter(pk=signal.pk).update(raised_at=raised_at)  # back-dated demo
    if spec.status != PolicySignalStatus.OPEN:
        services.policy_signal_respond(
            actor=users[spec.responded_by],
            signal=signal,
            status=spec.status,
            response=spec.response,
        )
