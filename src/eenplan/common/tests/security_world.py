"""A small world for the security suite: one household's case with something of every kind
around it, and a user for every party that may or may not reach it.

The own organisation (a neighbourhood team) serves the municipality, coordinates the case and
has a member in every role. Every object a URL can name belongs to this case, its household, its
municipality or the team: a plan with an agreed version, a consent, a coordinator proposal, a
referral, a signal, a meeting with the case on its agenda, a policy signal, a complaint with a
letter, an assessment, a decision, a provider message and a proposal of the household. The
parties outside are a professional of an organisation not involved, and a citizen of another
household.

This module holds no tests; ``world_build()`` is called from the tests' fixtures.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from eenplan.assessments.tests.factories import AssessmentFactory
from eenplan.cases.constants import CaseStatus, ServiceType
from eenplan.cases.services import coordination, network
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.common.constants import LifeDomain
from eenplan.common.models import Job, JobName
from eenplan.complaints import services as complaint_services
from eenplan.complaints.constants import Kind
from eenplan.consultations import services as consultation_services
from eenplan.consultations.constants import ConsultationKind, PolicyTheme
from eenplan.consultations.models import Series
from eenplan.indicators.definitions import CORE
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.plans import services as plan_services
from eenplan.plans.constants import AgreementMethod, OwnerKind
from eenplan.plans.services import Owner
from eenplan.portal import services as portal_services
from eenplan.portal.constants import ProposalKind
from eenplan.privacy import emergency, retention
from eenplan.privacy import requests as privacy_requests
from eenplan.privacy.constants import RequestKind
from eenplan.provisions import services as provision_services
from eenplan.provisions.constants import BudgetDomain
from eenplan.provisions.models import Message
from eenplan.provisions.tests.factories import DecisionFactory, ProductFactory
from eenplan.signals.constants import SignalKind
from eenplan.signals.models import Signal, SignalOrganisation
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

ANONYMOUS = "anoniem"
CITIZEN = "inwoner"
OTHER_CITIZEN = "inwoner-ander-huishouden"
OUTSIDER = "uitvoerder-andere-organisatie"
ROLES = tuple(Role.values)  # a member of the own organisation in each role
PARTIES = (ANONYMOUS, CITIZEN, OTHER_CITIZEN, *ROLES, OUTSIDER)


# The object a URL argument names, by the argument's name.
ARGUMENTS = {
    "case_uuid": "case",
    "household_uuid": "household",
    "involvement_uuid": "involvement",
    "consent_uuid": "consent",
    "proposal_uuid": "proposal",
    "referral_uuid": "referral",
    "signal_uuid": "signal",
    "consultation_uuid": "consultation",
    "attendee_uuid": "attendee",
    "item_uuid": "agenda_item",
    "goal_uuid": "goal",
    "action_uuid": "action",
    "number": "version",
    "complaint_uuid": "complaint",
    "step_uuid": "step",
    "assessment_uuid": "assessment",
    "instrument_uuid": "instrument",
    "municipality_uuid": "municipality",
    "message_uuid": "message",
    "decision_uuid": "decision",
    "access_uuid": "emergency_access",
    "request_uuid": "data_request",
    "hold_uuid": "legal_hold",
    "job_uuid": "job",
    "year": "year",
    "code": "indicator",
}
# Where a namespace uses an argument's name for another object.
NAMESPACE_ARGUMENTS = {
    "household_input": {"proposal_uuid": "household_proposal"},
    "policy-signals": {"signal_uuid": "policy_signal"},
}
# Objects every professional may know of (the API lists them): not the household's.
PUBLIC_OBJECTS = ("municipality", "organisation")
# Namespaces whose URLs are tried with sample values: the admin only has to stay closed.
SAMPLED_NAMESPACES = {"admin"}
# The API names its main object ``uuid``; which object that is follows from the path segment
# before it (``/api/v1/cases/<uuid>/...``).
API_COLLECTIONS = {
    "municipalities": "municipality",
    "organisations": "organisation",
    "persons": "person",
    "households": "household",
    "cases": "case",
    "consents": "consent",
    "referrals": "referral",
    "coordinator-proposals": "proposal",
    "signals": "signal",
    "consultations": "consultation",
    "agenda-items": "agenda_item",
    "policy-signals": "policy_signal",
    "instruments": "instrument",
    "assessments": "assessment",
    "decisions": "decision",
    "budgets": "municipality",
    "messages": "message",
    "complaints": "complaint",
}
UUID_ARGUMENT = re.compile(r"/([\w-]+)/(?:<uuid:uuid>|\{uuid\})/")


@dataclass(repr=False)  # short in a failing example's report
class World:
    users: dict = field(default_factory=dict)  # party -> user (none for anonymous)
    objects: dict = field(default_factory=dict)  # name -> model instance or value

    def path(self, endpoint, *, unknown: bool = False) -> str:
        """The path of a ``url_patterns.Endpoint`` with this world's objects filled in; with
        ``unknown``, uuids that name no object instead of the household's objects."""
        if endpoint.namespace in SAMPLED_NAMESPACES:
            return endpoint.sample_path()
        values = {
            argument: self.value(argument, endpoint.route, endpoint.namespace)
            for argument in endpoint.arguments
        }
        if unknown:
            public = {getattr(self.objects[name], "uuid", None) for name in PUBLIC_OBJECTS}
            values = {
                argument: uuid.uuid4()
                if isinstance(value, uuid.UUID) and value not in public
                else value
                for argument, value in values.items()
            }
        return endpoint.path(values)

    def value(self, argument: str, route: str, namespace: str = ""):
        """The value for ``argument`` of a URL ``route`` (Django's ``<uuid:uuid>`` or
        OpenAPI's ``{uuid}``) in ``namespace``: the uuid of the object it names, or a number or
        code. KeyError when the world has no such object yet."""
        if argument == "uuid":
            match = UUID_ARGUMENT.search(route)
            name = API_COLLECTIONS[match[1] if match else ""]
        else:
            name = NAMESPACE_ARGUMENTS.get(namespace, {}).get(argument) or ARGUMENTS[argument]
        value = self.objects[name]
        return getattr(value, "uuid", value)


def world_build() -> World:
    world = World()
    objects = world.objects
    municipality = MunicipalityFactory(name="Gemeente Proefdorp")
    team = OrganisationFactory(name="Wijkteam Proefdorp", type=OrganisationType.NEIGHBOURHOOD_TEAM)
    team.municipalities.add(municipality)
    for role in ROLES:
        world.users[role] = user_in(team, role, username=role, email=f"{role}@example.org")
    worker, coordinator = world.users[Role.PROFESSIONAL], world.users[Role.COORDINATOR]
    world.users[OUTSIDER] = user_in(OrganisationFactory(name="Niet betrokken"), username="ander")

    case = CaseFactory(
        household=HouseholdFactory(municipality=municipality, members=3),
        coordinator=coordinator,
        coordinator_organisation=team,
    )
    members = list(case.household.members.order_by("pk"))
    involvement = InvolvementFactory(case=case, organisation=team, contact=worker)
    partner = OrganisationFactory(name="Kredietbank Proefdorp")
    InvolvementFactory(case=case, organisation=partner)
    partner_worker = user_in(partner, username="partner")
    objects |= {
        "municipality": municipality,
        "organisation": team,
        "case": case,
        "household": case.household,
        "person": members[0],
        "involvement": involvement,
        "year": timezone.localdate().year,
        "indicator": CORE[0].code,
    }
    _plan(objects, case, worker, members[0])
    _network(objects, case, team, partner, worker, partner_worker, members)
    _meeting(objects, case, team, municipality, coordinator)
    world.users[CITIZEN] = portal_services.citizen_account_create(
        person=members[0], username="inwoner"
    ).user
    world.users[OTHER_CITIZEN] = _other_citizen(municipality)
    _portal(objects, case, world.users[CITIZEN])
    _complaint(objects, case, team, world.users)
    _provisions(objects, case, team, municipality, world.users)
    objects["assessment"] = AssessmentFactory(
        case=case, person=members[0], organisation=team, assessed_by=worker
    )
    objects["instrument"] = objects["assessment"].instrument
    _privacy(objects, case, world.users)
    return world


def _plan(objects, case, worker, member) -> None:
    case.status = CaseStatus.PLAN
    case.save(update_fields=["status"])
    plan = plan_services.plan_create(actor=worker, case=case)
    goal = plan_services.goal_add(
        actor=worker, plan=plan, life_domain=LifeDomain.FINANCES, title="Rust over geld"
    )
    action = plan_services.action_add(
        actor=worker,
        goal=goal,
        description="Post elke week openen",
        owner=Owner(kind=OwnerKind.HOUSEHOLD_MEMBER, person=member),
    )
    plan.refresh_from_db()
    version = plan_services.plan_agree(
        actor=worker,
        plan=plan,
        revision=plan.revision,
        agreed_by=[member],
        method=AgreementMethod.IN_MEETING,
    )
    objects |= {"plan": plan, "goal": goal, "action": action, "version": version.number}


def _network(objects, case, team, partner, worker, partner_worker, members) -> None:
    objects["consent"] = network.consent_record(
        actor=worker,
        case=case,
        organisation=team,
        categories=["plan"],
        purpose="Samen werken aan het plan",
        person=members[1],
        given_by=members[1],
    )
    objects["referral"] = network.referral_send(
        actor=partner_worker,
        case=case,
        to_organisation=team,
        persons=[members[0]],
        reason="Hulp bij de administratie",
        service_type=ServiceType.SOCIAL_WORK,
        life_domains=[LifeDomain.FINANCES],
        categories=["plan"],
        guardian=None,
    )
    objects["proposal"] = coordination.coordinator_propose(
        actor=partner_worker, case=case, coordinator=worker, organisation=team
    )
    signal = Signal.objects.create(
        kind=SignalKind.OVERLAP,
        key="overlap:financien",
        case=case,
        explanation="Twee organisaties werken aan financiën.",
    )
    for organisation in (team, partner):
        SignalOrganisation.objects.create(signal=signal, organisation=organisation)
    objects["signal"] = signal
    network.note_add(actor=worker, case=case, text="Moeder belt liever na tienen.")


def _meeting(objects, case, team, municipality, coordinator) -> None:
    series = Series.objects.create(
        name="Netwerkoverleg Proefdorp",
        kind=ConsultationKind.NETWORK,
        municipality=municipality,
        chair=coordinator,
    )
    series.organisations.set([team])
    meeting = consultation_services.consultation_plan(
        actor=coordinator,
        kind=series.kind,
        title=series.name,
        municipality=municipality,
        date=timezone.localdate(),
        chair=coordinator,
        organisations=[team],
        series=series,
    )
    item = consultation_services.agenda_add(
        actor=coordinator, consultation=meeting, case=case, question="Wie pakt de schulden op?"
    )
    item = consultation_services.agenda_record_consent(
        actor=coordinator,
        item=item,
        ground="toestemming",
        given_by=case.household.members.order_by("pk").first(),
    )
    objects |= {
        "consultation": meeting,
        "agenda_item": item,
        "attendee": meeting.attendees.first(),
        "policy_signal": consultation_services.policy_signal_raise(
            actor=coordinator,
            theme=PolicyTheme.WAITING_LISTS,
            title="Wachtlijst schuldhulp",
            description="Gezinnen wachten maanden op schuldhulp.",
            municipality=municipality,
        ),
    }


def _other_citizen(municipality):
    other = CaseFactory(household=HouseholdFactory(municipality=municipality, members=2))
    person = other.household.members.order_by("pk").first()
    return portal_services.citizen_account_create(person=person, username="buurvrouw").user


def _portal(objects, case, citizen) -> None:
    objects["household_proposal"] = portal_services.proposal_submit(
        user=citizen, case=case, kind=ProposalKind.STRENGTH, text="Oma helpt op woensdag"
    )
    portal_services.message_send(user=citizen, case=case, body="Kunt u mij terugbellen?")


def _complaint(objects, case, team, users) -> None:
    complaint = complaint_services.complaint_register(
        actor=users[CITIZEN],
        case=case,
        person=case.household.members.order_by("pk").first(),
        kind=Kind.COMPLAINT,
        description="Niemand belt terug.",
        organisations=[team],
    )
    step = complaint_services.acknowledge(actor=complaint.handler, complaint=complaint)
    objects |= {"complaint": complaint, "step": step}


def _privacy(objects, case, users) -> None:
    """An emergency access the outsider has already ended (an open one would let them in
    everywhere), a data-subject request and a legal hold."""
    access = emergency.emergency_access_open(
        actor=users[OUTSIDER],
        case=case,
        reason="Crisisdienst: de moeder is 's nachts niet bereikbaar.",
        categories=[],
        hours=1,
    )
    objects["emergency_access"] = emergency.emergency_access_end(
        actor=users[OUTSIDER], access=access
    )
    officer = users[Role.PRIVACY_OFFICER]
    objects["data_request"] = privacy_requests.request_register(
        actor=officer,
        person=case.household.members.order_by("pk").first(),
        kind=RequestKind.CORRECTION,
        description="Het telefoonnummer klopt niet.",
    )
    objects["legal_hold"] = retention.legal_hold_place(
        actor=officer, case=case, reason="Procedure bij de rechtbank loopt."
    )


def _provisions(objects, case, team, municipality, users) -> None:
    product = ProductFactory(region=municipality.region)
    objects["decision"] = DecisionFactory(
        case=case,
        product=product,
        requested_by=users[Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL],
        requested_by_organisation=team,
        start_date=timezone.localdate(),
        end_date=timezone.localdate() + datetime.timedelta(days=365),
    )
    provision_services.budget_set(
        actor=users[Role.MUNICIPAL_OFFICER],
        municipality=municipality,
        year=objects["year"],
        allocations={domain: 100_000_000 for domain in BudgetDomain.values},
    )
    objects["message"] = Message.objects.create(
        municipality=municipality,
        standard=product.standard,
        code="301",
        incoming=False,
        content="<Bericht/>",
        created_by=users[Role.MUNICIPAL_OFFICER],
    )
    objects["job"] = Job.objects.create(  # the officer read a provider's message
        name=JobName.MESSAGE_IMPORT,
        key="security-world",
        requested_by=users[Role.MUNICIPAL_OFFICER],
    )
