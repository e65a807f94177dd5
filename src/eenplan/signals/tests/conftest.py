"""Fixtures for the signal tests: two organisations around one household, their professionals,
and helpers that make consent explicit (whatever the involvement factory does by default)."""

import datetime

import pytest
from django.utils import timezone

from eenplan.cases.constants import SharingGround
from eenplan.cases.models import Consent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

TODAY = timezone.localdate()
URLS = "eenplan.signals.tests.urls"


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


def share_plan(case, organisation, *, shares: bool = True) -> None:
    """Make ``organisation`` see the plan content of ``case`` (a member's consent), or not."""
    Consent.objects.filter(case=case, organisation=organisation).delete()
    if shares:
        Consent.objects.create(
            case=case,
            organisation=organisation,
            ground=SharingGround.CONSENT,
            person=case.household.members.order_by("pk").first(),
            shares_plan=True,
            purpose="Samen werken aan het plan",
            valid_from=days_ago(30),
            recorded_by=UserFactory(),
        )


def involve(case, organisation, *, plan_consent: bool = True, **fields):
    """An active involvement (30 days old by default) with plan consent, or without."""
    fields.setdefault("start_date", days_ago(30))
    involvement = InvolvementFactory(case=case, organisation=organisation, **fields)
    share_plan(case, organisation, shares=plan_consent)
    return involvement


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Wijkteam Delfzijl")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Kredietbank Noord")


@pytest.fixture
def pro_a(org_a):
    return user_in(
        org_a, Role.PROFESSIONAL, username="anna", first_name="Anna", email="anna@wijkteam.nl"
    )


@pytest.fixture
def pro_b(org_b):
    return user_in(
        org_b, Role.PROFESSIONAL, username="bert", first_name="Bert", email="bert@krediet.nl"
    )


@pytest.fixture
def household_case():
    """A case in execution for a household of three, no organisation yet."""
    return CaseFactory(household__members=3, status="uitvoering")


@pytest.fixture
def coordinated(household_case, org_a, pro_a):
    """``household_case`` with org A involved and Anna (org A) as coordinator."""
    involve(household_case, org_a, contact=pro_a)
    household_case.coordinator, household_case.coordinator_organisation = pro_a, org_a
    household_case.save()
    return household_case
