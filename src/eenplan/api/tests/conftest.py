"""Fixtures for the API tests: a client logged in with a token, users in every role, and a case
with an agreed plan."""

import itertools

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import HelpQuestion
from eenplan.cases.tests.factories import InvolvementFactory, TimelineEventFactory
from eenplan.people.tests.factories import NetworkMemberFactory, RelationFactory
from eenplan.plans import services as plan_services
from eenplan.plans.constants import AgreementMethod, OwnerKind
from eenplan.plans.services import Owner
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in


@pytest.fixture(autouse=True)
def _fresh_throttle_cache():
    """Login throttling counts in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def client_for(api_client):
    """``client_for(user)``: an API client sending ``Authorization: Token <key>`` for ``user``."""

    def login(user) -> APIClient:
        token, _ = Token.objects.get_or_create(user=user)
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return api_client

    return login


@pytest.fixture
def team_leader(involved_org):
    return user_in(involved_org, Role.TEAM_LEADER, username="teamleider")


@pytest.fixture
def policy_officer(involved_org):
    return user_in(involved_org, Role.POLICY_OFFICER, username="beleid")


@pytest.fixture
def privacy_officer(involved_org):
    return user_in(involved_org, Role.PRIVACY_OFFICER, username="privacy")


@pytest.fixture
def superuser():
    """A superuser without any membership: being superuser grants nothing."""
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def enrich():
    """``enrich(case, coordinator=user, organisation=org, size=n)``: fill a case's household.

    Adds relations, ``size`` network members, help questions, involvements of other
    organisations with a contact, and timeline events, so a test sees every part of the client
    view (and a query-count test can compare sizes).
    """

    def fill(case, *, coordinator=None, organisation=None, size: int = 1):
        members = list(case.household.members.order_by("pk"))
        for parent, child in itertools.pairwise(members):
            RelationFactory(
                household=case.household, person=parent, related_person=child, kind="ouder"
            )
        for index in range(size):
            NetworkMemberFactory(household=case.household, name=f"Buur {index}")
            HelpQuestion.objects.create(
                case=case, text=f"Hulpvraag {index}", life_domain="huisvesting", position=index
            )
            other = OrganisationFactory()
            InvolvementFactory(
                case=case,
                organisation=other,
                contact=user_in(other, Role.PROFESSIONAL, email=f"hulp{index}@example.org"),
                life_domains=["huisvesting", "financien"],
            )
            TimelineEventFactory(case=case, actor=coordinator)
        if coordinator is not None:
            case.coordinator, case.coordinator_organisation = coordinator, organisation
            case.save()
        return case

    return fill


@pytest.fixture
def partner(case):
    """A professional of a second organisation involved in ``case``."""
    organisation = OrganisationFactory(name="Kredietbank Fivelboezem")
    InvolvementFactory(case=case, organisation=organisation)
    return user_in(organisation, Role.PROFESSIONAL, username="partner", first_name="Bart")


@pytest.fixture
def planned(case, professional):
    """``case`` in execution with an agreed plan (version 1): one goal with one action of the
    contact person. Returns ``(plan, goal, action, version)``, freshly read."""
    case.status = CaseStatus.PLAN
    case.save()
    plan = plan_services.plan_create(actor=professional, case=case)
    goal = plan_services.goal_add(
        actor=professional, plan=plan, life_domain="financien", title="Rust over geld"
    )
    contact = case.household.memberships.get(is_contact=True).person
    action = plan_services.action_add(
        actor=professional,
        goal=goal,
        description="Post elke week openen",
        owner=Owner(kind=OwnerKind.HOUSEHOLD_MEMBER, person=contact),
    )
    plan.refresh_from_db()
    version = plan_services.plan_agree(
        actor=professional,
        plan=plan,
        revision=plan.revision,
        agreed_by=[contact],
        method=AgreementMethod.IN_MEETING,
    )
    plan.refresh_from_db()
    goal.refresh_from_db()
    action.refresh_from_db()
    return plan, goal, action, version
