import pytest
from django.core.cache import cache
from django.test import override_settings

from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Tests make many users; the production hasher would spend most of the suite's time on
    their passwords."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Counts cached by one test (the dashboard's, the menu's) are not another test's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def involved_org():
    return OrganisationFactory(name="Wijkteam Delfzijl")


@pytest.fixture
def case(involved_org):
    """A case in intake for a household of three, with one involved organisation."""
    case = CaseFactory(household__members=3)
    InvolvementFactory(case=case, organisation=involved_org)
    return case


@pytest.fixture
def professional(involved_org):
    """A professional of the organisation involved in ``case``."""
    return user_in(involved_org, Role.PROFESSIONAL, username="involved")


@pytest.fixture
def outsider():
    """A professional of an organisation not involved in ``case``."""
    return user_in(
        OrganisationFactory(name="Niet betrokken"), Role.PROFESSIONAL, username="outsider"
    )
