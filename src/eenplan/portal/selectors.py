"""Every read in the portal goes through these functions.

A citizen sees what the rules in ``portal.rules`` allow: per household they belong to, its current
case with the plan, the coordinator and the organisations involved (minus what another member hid),
and the personal data of the persons in their care (themself and their children under 16). Each
read is written to the access log like any other, with the citizen as actor. The coordinator's
side of proposals and messages is read here too, under the professional rules. Complaints and
objections are read through ``complaints.selectors`` (which log) and told in plain words here.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from eenplan.assessments.models import Assessment
from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case, Consent, Involvement
from eenplan.complaints import selectors as complaint_selectors
from eenplan.complaints.constants import (
    LETTER_STEPS,
    ContactOutcome,
    Outcome,
    Status,
    StepKind,
)
from eenplan.complaints.models import Complaint, Step
from eenplan.plans.models import Action, Goal, PlanVersion
from eenplan.plans.pdf import long_date
from eenplan.portal.models import Citizen, Feedback, HiddenItem, Message, Proposal
from eenplan.portal.rules import hidden_from, persons_in_care
from eenplan.privacy import policy
from eenplan.privacy import requests as privacy_requests
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.constants import ReviewOutcome
from eenplan.privacy.models import AccessLogEntry, DataSubjectRequest, EmergencyAccess
from eenplan.privacy.services import access_log_write
from eenplan.provisions.letter import letter_date, objection_deadline
from eenplan.provisions.models import Decision


def citizen_of(user) -> Citizen:
    """The citizen behind ``user``; ``Citizen.DoesNotExist`` for any other account."""
    if not (user.is_authenticated and user.is_citizen):
        raise Citizen.DoesNotExist
    return Citizen.objects.select_related("person").get(user=user)


def own_cases(user):
    """The cases of the citizen's households (nothing for any other account)."""
    return Case.objects.filter(policy.own_household_case_visibility(user))


def own_case_get(*, user, case_uuid) -> Case:
    """One case of the citizen's households, for a service to act on; ``Case.DoesNotExist``
    otherwise. Not logged: the service that acts logs."""
    return own_cases(user).select_related("household", "coordinator", "plan").get(uuid=case_uuid)


def own_action_get(*, user, action_uuid) -> Action:
    return Action.objects.select_related("goal__plan__case__household").get(
        uuid=action_uuid, goal__plan__case__in=own_cases(user)
    )


def own_involvement_get(*, user, involvement_uuid) -> Involvement:
    return Involvement.objects.select_related("case__household", "organisation").get(
        uuid=involvement_uuid, case__in=own_cases(user)
    )


def _log_read(*, user, name: str, subjects) -> None:
    subjects = list(subjects)
    if subjects:
        access_log_write(actor=user, action=LogAction.READ, name=name, subjects=subjects)


# ------------------------------------------------------------------------------ plan


@dataclass
class HouseholdPlan:
    """One household of the citizen with its current case (None when there is none)."""

    household: object
    case: Case | None
    goals: list
    involvements: list
    in_care: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    version: PlanVersion | None = None  # the latest agreed version
    has_agreed: bool = False  # the citizen agreed the plan as it stands
    feedback: Feedback | None = None  # the citizen's mark for the current period
    hidden_actions: set = field(default_factory=set)  # ids of actions the citizen hid
    hidden_involvements: set = field(default_factory=set)  # and of involvements

    @property
    def plan(self):
        return getattr(self.case, "plan", None) if self.case else None

    @property
    def may_agree(self) -> bool:
        return bool(self.plan and self.goals and not self.has_agreed and not self.case.is_closed)


def _current_case(household) -> Case | None:
    goals = Goal.objects.prefetch_related(
        Prefetch(
            "actions",
            queryset=Action.objects.select_related(
                "owner_organisation", "owner_professional", "owner_person", "owner_network_member"
            ),
        )
    )
    return (
        Case.objects.filter(household=household)
        .select_related("coordinator", "coordinator_organisation", "plan")
        .prefetch_related(
            Prefetch("plan__goals", queryset=goals),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.active()
                .select_related("organisation", "contact")
                .prefetch_related("persons")
                .order_by("organisation__name"),
            ),
        )
        .order_by("closed_at", "-opened_at")  # an open case (no closed_at) first
        .first()
    )


def _household_plan(citizen, household, hidden_actions, hidden_involvements) -> HouseholdPlan:
    person = citizen.person
    case = _current_case(household)
    plan = getattr(case, "plan", None) if case else None
    goals = list(plan.goals.all()) if plan else []
    for goal in goals:
        goal.visible_actions = [a for a in goal.actions.all() if a.pk not in hidden_actions]
    result = HouseholdPlan(
        household,
        case,
        goals,
        [i for i in case.involvements.all() if i.pk not in hidden_involvements] if case else [],
        in_care=persons_in_care(citizen, household),
    )
    if case is None:
        return result
    result.proposals = list(Proposal.objects.filter(case=case).select_related("proposed_by"))
    if plan is not None:
        result.version = plan.versions.order_by("-number").first()
        result.has_agreed = bool(
            not plan.is_draft
            and result.version
            and result.version.agreed_by.filter(pk=person.pk).exists()
        )
        if result.version:
            result.feedback = Feedback.objects.filter(
                case=case, person=person, plan_version=result.version.number
            ).first()
    own = HiddenItem.objects.filter(person=person).values_list("action_id", "involvement_id")
    result.hidden_actions = {action for action, _involvement in own if action}
    result.hidden_involvements = {involvement for _action, involvement in own if involvement}
    return result


def my_plans(*, user) -> list[HouseholdPlan]:
    citizen = citizen_of(user)
    hidden_actions, hidden_involvements = hidden_from(citizen)
    households = citizen.person.households.prefetch_related("memberships__person")
    result, subjects = [], []
    for household in households:
        result.append(_household_plan(citizen, household, hidden_actions, hidden_involvements))
        subjects += [(result[-1].case, m.person) for m in household.memberships.all()]
    _log_read(user=user, name="eigen plan inzien", subjects=subjects)
    return result


# ------------------------------------------------------------------------------ consent


@dataclass
class ConsentRow:
    """What one organisation may receive about one person in the citizen's care."""

    case: Case
    organisation: object
    person: object
    consents: list  # the person's active consents for this organisation
    bases: list  # legal bases that cover the person (not the household's to withdraw)

    @property
    def categories(self) -> set[str]:
        return {c.value for consent in self.consents for c in consent.categories}

    @property
    def level(self) -> str:
        return "inhoud" if self.categories or self.bases else "bekend"


def my_consents(*, user) -> list[ConsentRow]:
    citizen = citizen_of(user)
    rows, subjects = [], []
    for case in own_cases(user).open().select_related("household"):
        persons = persons_in_care(citizen, case.household)
        organisations = {
            i.organisation_id: i.organisation
            for i in case.involvements.active().select_related("organisation")
        }
        active = list(
            Consent.objects.active()
            .filter(case=case, organisation_id__in=organisations)
            .filter(Q(person__in=persons) | Q(person__isnull=True))
        )
        for person in persons:
            for org_id, organisation in sorted(organisations.items(), key=lambda o: o[1].name):
                mine = [c for c in active if c.organisation_id == org_id]
                rows.append(
                    ConsentRow(
                        case,
                        organisation,
                        person,
                        [c for c in mine if c.is_consent and c.person_id == person.pk],
                        [c for c in mine if not c.is_consent and c.person_id in (None, person.pk)],
                    )
                )
            subjects.append((case, person))
    _log_read(user=user, name="eigen toestemmingen inzien", subjects=subjects)
    return rows


def case_organisations(*, user, case: Case) -> list:
    """The organisations that help in ``case`` (one of the citizen's own, from
    ``own_case_get``), as the plan page shows them: without what another member hid."""
    _actions, hidden = hidden_from(citizen_of(user))
    involvements = case.involvements.exclude(pk__in=hidden).select_related("organisation")
    organisations = {i.organisation_id: i.organisation for i in involvements}
    _log_read(user=user, name="betrokken organisaties inzien", subjects=[(case, None)])
    return list(organisations.values())


def organisation_sees_plan(*, case: Case, organisation) -> bool:
    """Whether ``organisation`` still sees the household's plan after a member's change: one
    member's consent or a legal basis opens the household-wide plan. Tells no one's data."""
    return (
        Consent.objects.active()
        .filter(case=case, organisation=organisation, shares_plan=True)
        .exists()
    )


# ------------------------------------------------------------------------------ messages


def my_messages(*, user) -> list[tuple[Case, list[Message]]]:
    """Per case of the citizen's households, the thread with the coordinator."""
    citizen = citizen_of(user)
    result = []
    for case in own_cases(user).select_related("coordinator", "coordinator_organisation"):
        thread = list(Message.objects.filter(case=case).select_related("author"))
        result.append((case, thread))
    _log_read(
        user=user,
        name="berichten met de regisseur lezen",
        subjects=[(case, citizen.person) for case, thread in result if thread],
    )
    return result


def case_messages(*, user, case: Case) -> list[Message]:
    """The coordinator's side of the thread; empty for anyone else."""
    if user.is_citizen or case.coordinator_id != user.pk:
        return []
    thread = list(Message.objects.filter(case=case).select_related("author"))
    members = case.household.memberships.select_related("person")
    _log_read(
        user=user,
        name="berichten met het huishouden lezen",
        subjects=[(case, m.person) for m in members] if thread else [],
    )
    return thread


def case_proposals(*, user, case: Case) -> list[Proposal]:
    """The household's proposals, for professionals who may see the plan."""
    if not Case.objects.filter(
        policy.case_content_visibility(user, DataCategory.PLAN), pk=case.pk
    ).exists():
        return []
    proposals = list(Proposal.objects.filter(case=case).select_related("proposed_by"))
    _log_read(
        user=user,
        name="voorstellen van het huishouden inzien",
        subjects=[(case, p.proposed_by) for p in proposals],
    )
    return proposals


# ------------------------------------------------------------------------------ complaints

# What the citizen reads about their complaint or objection, in plain words; the model's labels
# are the professionals' words.
STATUS_TEXTS = {
    Status.NEW: "Ontvangen. Iemand neemt contact met u op.",
    Status.IN_CONVERSATION: "We praten met u over een oplossing.",
    Status.AWAITING_CONFIRMATION: "Is het opgelost? We wachten op uw antwoord.",
    Status.MEDIATION: (
        "Bemiddeling. Iemand helpt u en de organisatie om samen een oplossing te vinden."
    ),
    Status.FORMAL: "We behandelen uw {kind} officieel. U krijgt een brief met het besluit.",
    Status.CLOSED: "Afgehandeld.",
}
OUTCOME_TEXTS = {
    Outcome.RESOLVED_INFORMALLY: "Opgelost in een gesprek.",
    Outcome.FOUNDED: "U krijgt gelijk (gegrond).",
    Outcome.PARTLY_FOUNDED: "U krijgt voor een deel gelijk (deels gegrond).",
    Outcome.UNFOUNDED: "U krijgt geen gelijk (ongegrond).",
    Outcome.INADMISSIBLE: (
        "We hebben het niet behandeld (niet-ontvankelijk). In de brief staat waarom."
    ),
    Outcome.WITHDRAWN: "Ingetrokken.",
}
CONTACT_TEXTS = {
    ContactOutcome.RESOLVED: "Het is opgelost.",
    ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL: "Het lijkt opgelost. Wilt u dat bevestigen?",
    ContactOutcome.TALK_AGAIN: "Het is nog niet opgelost. We praten verder.",
    ContactOutcome.MEDIATION: "We bieden bemiddeling aan.",
    ContactOutcome.FORMAL: "U wilt dat we het officieel behandelen.",
    ContactOutcome.NOT_REACHED: "",
}
STEP_TEXTS = {
    StepKind.REGISTERED: "We hebben uw {kind} ontvangen.",
    StepKind.HANDLER: "{text} behandelt nu uw {kind}.",
    StepKind.CONTACT: "Gesprek met {who}{way}. {contact}",
    StepKind.CONFIRMED: "Antwoord in Mijn EenPlan: het is opgelost.",
    StepKind.NOT_RESOLVED: "Antwoord in Mijn EenPlan: het is nog niet opgelost.",
    StepKind.MEDIATION: "We bieden bemiddeling aan.",
    StepKind.FORMAL: "We behandelen uw {kind} nu officieel.",
    StepKind.ACKNOWLEDGED: "Brief: we hebben uw {kind} ontvangen. We beslissen uiterlijk op {due}.",
    StepKind.EXTENDED: "Brief: het duurt langer. We beslissen nu uiterlijk op {due}.",
    StepKind.HEARING_PLANNED: (
        "Brief: we nodigen u uit voor een gesprek (hoorzitting) op {hearing} in {place}."
    ),
    StepKind.HEARING_HELD: "Het gesprek (hoorzitting) is geweest.",
    StepKind.DECIDED: "Brief met het besluit: {outcome}",
    StepKind.WITHDRAWN: "Uw {kind} is ingetrokken.",
}
NOT_REACHED_TEXT = "{who} probeerde u te bereiken{way}. Dat lukte niet."


def _name(user) -> str:
    return user.get_full_name() or user.username


def _moment(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    value = timezone.localtime(value)
    return f"{long_date(value.date())} om {value:%H:%M}"


@dataclass
class OwnStep:
    """One step of the citizen's complaint or objection, told in plain words."""

    step: Step
    title: str
    text: str  # the step's own words: the summary of a conversation, the reasons, ...

    @property
    def has_letter(self) -> bool:
        return self.step.kind in LETTER_STEPS


@dataclass
class OwnComplaint:
    complaint: Complaint
    status: str
    outcome: str
    steps: list[OwnStep] = field(default_factory=list)

    @property
    def waits_for_contact(self) -> bool:
        return self.complaint.status == Status.NEW

    @property
    def may_answer(self) -> bool:
        return self.complaint.status == Status.AWAITING_CONFIRMATION

    @property
    def may_withdraw(self) -> bool:
        return self.complaint.is_open


def _step_text(step: Step, kind: str) -> OwnStep:
    way = f" ({step.get_contact_way_display().lower()})" if step.contact_way else ""
    template = STEP_TEXTS[step.kind]
    if step.kind == StepKind.CONTACT and step.contact_outcome == ContactOutcome.NOT_REACHED:
        template = NOT_REACHED_TEXT
    title = template.format(
        kind=kind,
        text=step.text,
        who=_name(step.recorded_by),
        way=way,
        contact=CONTACT_TEXTS.get(step.contact_outcome, ""),
        due=long_date(step.due_on),
        hearing=_moment(step.hearing_at),
        place=step.place,
        outcome=OUTCOME_TEXTS.get(step.outcome, ""),
    )
    # The handler step's text is the handler's name, already in the title.
    text = "" if step.kind == StepKind.HANDLER else step.text
    return OwnStep(step, title.strip(), text)


def _own_complaint(complaint: Complaint) -> OwnComplaint:
    kind = complaint.get_kind_display().lower()
    return OwnComplaint(
        complaint,
        STATUS_TEXTS[complaint.status].format(kind=kind),
        OUTCOME_TEXTS.get(complaint.outcome, ""),
        [_step_text(step, kind) for step in complaint.steps.all()],
    )


def my_complaints(*, user) -> list[OwnComplaint]:
    """The complaints and objections of the citizen and of their children under 16."""
    return [_own_complaint(c) for c in complaint_selectors.own_complaints(user=user)]


def my_complaint_get(*, user, complaint_uuid) -> OwnComplaint:
    """One of them; ``Complaint.DoesNotExist`` for any other."""
    complaint = complaint_selectors.own_complaint_get(user=user, complaint_uuid=complaint_uuid)
    return _own_complaint(complaint)


def my_complaint_letter_step(*, user, complaint_uuid, step_uuid) -> Step:
    """A step of one of them that comes with a letter; ``Step.DoesNotExist`` otherwise."""
    complaint = complaint_selectors.own_complaint_get(user=user, complaint_uuid=complaint_uuid)
    step = complaint_selectors.step_get(complaint=complaint, step_uuid=step_uuid)
    if step.kind not in LETTER_STEPS:
        raise Step.DoesNotExist
    return step


@dataclass
class ObjectableDecision:
    """A decision the citizen may object to, with the last day of the objection period."""

    decision: Decision
    made_known_on: datetime.date | None
    last_day: datetime.date | None

    @property
    def is_late(self) -> bool:
        return self.last_day is not None and self.last_day < timezone.localdate()


def my_objectable_decisions(*, user, case: Case) -> list[ObjectableDecision]:
    """The decisions in ``case`` about the citizen and their children under 16 that came with a
    letter, newest first."""
    citizen = citizen_of(user)
    decisions = complaint_selectors.objectable_decisions(
        user=user, case=case, persons=persons_in_care(citizen, case.household)
    )
    result = []
    for decision in decisions:
        made_known_on = letter_date(decision)
        last_day = objection_deadline(made_known_on)
        result.append(ObjectableDecision(decision, made_known_on, last_day))
    _log_read(
        user=user,
        name="eigen besluiten inzien voor bezwaar",
        subjects={(case, item.decision.person) for item in result},
    )
    return result


# ------------------------------------------------------------------------------ access log


@dataclass
class LookedAt:
    """One access-log entry told to the citizen: who (organisation), when, what, about whom,
    and whether it happened under an emergency access."""

    when: object
    who: str
    what: str
    action: str
    about: str
    emergency: bool = False


def _under_emergency(entry: AccessLogEntry, accesses: list[EmergencyAccess]) -> bool:
    return any(
        entry.actor_id == access.user_id
        and entry.case_uuid == access.case.uuid
        and access.started_at <= entry.start_time <= access.closes_at
        for access in accesses
    )


def my_access_log(*, user, only_self: bool = False, limit: int = 500) -> list[LookedAt]:
    """Entries about the persons in the citizen's care (``only_self``: about the citizen), newest
    first, without their own reads and changes. Household members acting in the portal are
    named as such, not by account."""
    citizen = citizen_of(user)
    in_care = [citizen.person] if only_self else persons_in_care(citizen)
    persons = {str(p.uuid): p for p in in_care}
    entries = (
        AccessLogEntry.objects.filter(person_uuid__in=list(persons))
        .exclude(actor=user)
        .select_related("actor")
        .order_by("-start_time", "-pk")[:limit]
    )
    accesses = list(_emergency_accesses(user))
    return [
        LookedAt(
            when=entry.start_time,
            who=entry.organisation_name
            or (
                "Een gezinslid in Mijn EenPlan"
                if entry.actor and entry.actor.is_citizen
                else "EenPlan"
            ),
            what=entry.name,
            action=entry.get_action_display(),
            about=persons[str(entry.person_uuid)].full_name,
            emergency=_under_emergency(entry, accesses),
        )
        for entry in entries
    ]


@dataclass
class EmergencyShown:
    """An emergency access to the household's file, told to the citizen."""

    opened: datetime.datetime
    closes: datetime.datetime
    organisation: str
    reason: str
    review: str


REVIEW_TEXT = {
    "": "De privacyfunctionaris kijkt dit nog na.",
    ReviewOutcome.JUSTIFIED: "De privacyfunctionaris heeft dit nagekeken: het was terecht.",
    ReviewOutcome.NOT_JUSTIFIED: (
        "De privacyfunctionaris heeft dit nagekeken: het was niet terecht. "
        "De organisatie is daarop aangesproken."
    ),
}


def _emergency_accesses(user):
    return EmergencyAccess.objects.filter(case__in=own_cases(user)).select_related(
        "case", "organisation"
    )


def my_emergency_accesses(*, user) -> list[EmergencyShown]:
    """Every time someone opened the household's file in an emergency, newest first."""
    return [
        EmergencyShown(
            opened=access.started_at,
            closes=access.closes_at,
            organisation=access.organisation.name,
            reason=access.reason,
            review=REVIEW_TEXT[access.review_outcome],
        )
        for access in _emergency_accesses(user)
    ]


def my_data_requests(*, user) -> list[DataSubjectRequest]:
    """The requests to correct or erase data about the citizen and their children under 16."""
    items = list(privacy_requests.own_requests(persons_in_care(citizen_of(user))))
    if items:
        _log_read(
            user=user,
            name="eigen verzoeken inzien",
            subjects=[(item.case, item.person) for item in items],
        )
    return items


# ------------------------------------------------------------------------------ export


def _person_data(person) -> dict:
    return {
        "bsn": person.bsn,
        "voornamen": person.given_names,
        "tussenvoegsel": person.surname_prefix,
        "achternaam": person.surname,
        "geboortedatum": person.birth_date.isoformat() if person.birth_date else None,
        "adres": person.address,
        "telefoon": person.phone,
        "email": person.email,
    }


def _action_data(action: Action, person) -> dict:
    return {
        "actie": action.description,
        "wie": "ikzelf" if action.owner_person_id == person.pk else action.owner_label,
        "klaar_op": action.due_date.isoformat() if action.due_date else None,
        "status": action.get_status_display(),
    }


def _case_data(case: Case, user, person, complaints: list) -> dict:
    """What this case holds about ``person``: the household plan (goals; actions of the person
    and of organisations, never another member's), the person's own records, and
    ``complaints``: the complaints and objections of the person and their children under 16."""
    plan = getattr(case, "plan", None)
    others = Q(owner_person__isnull=False) & ~Q(owner_person=person) | Q(
        owner_network_member__isnull=False
    )
    goals = [
        {
            "doel": goal.title,
            "toelichting": goal.description,
            "leefgebied": goal.get_life_domain_display(),
            "acties": [
                _action_data(a, person)
                for a in goal.actions.exclude(others).select_related(
                    "owner_organisation", "owner_professional", "owner_person"
                )
            ],
        }
        for goal in (plan.goals.all() if plan else [])
    ]
    return {
        "casus": case.reference,
        "huishouden": case.household.name,
        "belangrijkste_vraag": case.priority_question,
        "regisseur": case.coordinator.get_full_name() if case.coordinator else None,
        "plan": {
            "versie": plan.version_number if plan else None,
            "vastgesteld": (not plan.is_draft) if plan else False,
            "doelen": goals,
            "ingestemd_met_versies": list(
                PlanVersion.objects.filter(plan__case=case, agreed_by=person).values_list(
                    "number", flat=True
                )
            ),
        },
        "toestemmingen": [
            {
                "organisatie": c.organisation.name,
                "grondslag": c.get_ground_display(),
                "gegevens": [str(category.label) for category in c.categories],
                "geldig_vanaf": c.valid_from.isoformat(),
                "ingetrokken_op": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in Consent.objects.filter(case=case, person=person).select_related("organisation")
        ],
        "metingen": [
            {
                "instrument": a.instrument.name,
                "gemeten_op": a.assessed_on.isoformat(),
                "scores": {s.domain.name: s.value for s in a.scores.all()},
            }
            for a in Assessment.objects.filter(case=case, person=person)
            .select_related("instrument")
            .prefetch_related("scores__domain")
        ],
        "voorzieningen": [
            {
                "product": d.product.name,
                "status": d.get_status_display(),
                "van": d.start_date.isoformat(),
                "tot": d.end_date.isoformat(),
                "aanbieder": d.provider.name if d.provider_id else None,
            }
            for d in Decision.objects.filter(case=case, person=person).select_related(
                "product", "provider"
            )
        ],
        "voorstellen": [
            {"soort": p.get_kind_display(), "voorstel": p.text, "status": p.get_status_display()}
            for p in Proposal.objects.filter(case=case, proposed_by=person)
        ],
        "berichten": [
            {
                "van": "ikzelf" if m.author_id == user.pk else "regisseur",
                "verstuurd_op": m.sent_at.isoformat(),
                "bericht": m.body,
            }
            for m in Message.objects.filter(Q(from_household=False) | Q(author=user), case=case)
        ],
        "waarderingen": [
            {"planversie": f.plan_version, "cijfer": f.score, "toelichting": f.comment}
            for f in Feedback.objects.filter(case=case, person=person)
        ],
        "klachten_en_bezwaren": [_complaint_data(c) for c in complaints],
    }


def _complaint_data(complaint: Complaint) -> dict:
    item = _own_complaint(complaint)
    decision = complaint.decision
    return {
        "kenmerk": complaint.reference,
        "soort": complaint.get_kind_display(),
        "van": complaint.person.full_name,
        "ontvangen_op": complaint.received_on.isoformat(),
        "besluit": f"{decision.product.name} ({decision.reference})" if decision else None,
        "wat_er_aan_de_hand_is": complaint.description,
        "onderwerp": complaint.get_theme_display(),
        "over_organisaties": [o.name for o in complaint.organisations.all()],
        "telefoon": complaint.contact_phone,
        "email": complaint.contact_email,
        "behandelaar": _name(complaint.handler) if complaint.handler else None,
        "behandelende_organisatie": complaint.handling_organisation.name,
        "status": item.status,
        "beslissen_uiterlijk": complaint.decision_due.isoformat(),
        "uitkomst": item.outcome or None,
        "afgehandeld_op": complaint.closed_on.isoformat() if complaint.closed_on else None,
        "stappen": [
            {"datum": s.step.occurred_on.isoformat(), "wat": s.title, "toelichting": s.text}
            for s in item.steps
        ],
    }


def my_data(*, user) -> dict:
    """Everything EenPlan holds about the citizen (AVG art. 15), and nothing about others but
    the complaints and objections of their children under 16, which the citizen acts for."""
    citizen = citizen_of(user)
    person = citizen.person
    cases = list(own_cases(user).select_related("household", "coordinator", "plan"))
    complaints: dict[int, list] = {}
    for complaint in complaint_selectors.own_complaints(user=user):
        complaints.setdefault(complaint.case_id, []).append(complaint)
    data = {
        "gemaakt_op": timezone.now().isoformat(),
        "persoon": _person_data(person),
        "huishoudens": [m.household.name for m in person.memberships.select_related("household")],
        "casussen": [_case_data(case, user, person, complaints.get(case.pk, [])) for case in cases],
        "wie_heeft_mijn_gegevens_bekeken": [
            {
                "wanneer": e.when.isoformat(),
                "wie": e.who,
                "wat": e.what,
                "handeling": e.action,
                "noodsituatie": e.emergency,
            }
            for e in my_access_log(user=user, only_self=True, limit=10_000)
        ],
        "geopend_in_een_noodsituatie": [
            {
                "geopend": e.opened.isoformat(),
                "tot": e.closes.isoformat(),
                "organisatie": e.organisation,
                "reden": e.reason,
                "nagekeken": e.review,
            }
            for e in my_emergency_accesses(user=user)
        ],
    }
    access_log_write(
        actor=user,
        action=LogAction.READ,
        name="eigen gegevens downloaden",
        subjects=[(case, person) for case in cases] or [(None, person)],
    )
    return data
