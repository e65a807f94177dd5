"""Citizens and professionals are separate kinds of account: a citizen reaches only the portal,
a professional never does, whatever URL or API call is tried."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.authtoken.models import Token

from eenplan.cases.models import Case
from eenplan.common.tests.url_patterns import endpoints
from eenplan.people.tests.factories import PersonFactory
from eenplan.plans.tests.factories import GoalFactory, PlanFactory
from eenplan.portal.boundary import is_portal_path
from eenplan.portal.services import citizen_account_create
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-voor-de-test"
PUBLIC_API = {"/api/v1/schema/", "/api/v1/docs/", "/api/v1/auth/token/"}


@pytest.fixture
def citizen(case):
    person = case.household.members.order_by("pk").first()
    person.birth_date = datetime.date(1985, 5, 1)
    person.save()
    GoalFactory(plan=PlanFactory(case=case), title="Rust in huis")
    return citizen_account_create(person=person, username="inwoner", password=PASSWORD).user


def _paths():
    """Every URL pattern of the project as a concrete path (arguments filled with samples)."""
    return [endpoint.sample_path() for endpoint in endpoints() if not endpoint.is_regex]


def test_a_citizen_logs_in_on_the_portal_and_sees_the_plan(client, citizen):
    response = client.post(
        reverse("portal:login"), {"username": "inwoner", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert "Rust in huis" in response.content.decode()


def test_each_login_refuses_the_other_kind_of_account(client, citizen, professional):
    professional.set_password(PASSWORD)
    professional.save()
    wrong = {"username": professional.username, "password": PASSWORD}
    assert client.post(reverse("portal:login"), wrong).status_code == 200  # the form again
    assert "_auth_user_id" not in client.session
    wrong = {"username": "inwoner", "password": PASSWORD}
    assert client.post(reverse("login"), wrong).status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_citizen_reaches_no_page_outside_the_portal(client, citizen):
    client.force_login(citizen)
    paths = [p for p in _paths() if not is_portal_path(p)]
    assert len(paths) > 100
    reached = [p for p in paths if client.get(p).status_code != 404]
    assert reached == []


def test_a_professional_reaches_no_portal_page(client, professional):
    client.force_login(professional)
    assert client.get(reverse("portal:home")).status_code == 404


def test_a_citizen_token_reaches_no_professional_endpoint(client, citizen, case):
    token = Token.objects.create(user=citizen)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    for path in ("/api/v1/cases/", f"/api/v1/cases/{case.uuid}/", "/api/v1/persons/?q=a"):
        assert client.get(path, **headers).status_code == 403
    api = [
        p
        for p in _paths()
        if p.startswith("/api/v1/")
        and not is_portal_path(p)
        and p not in PUBLIC_API  # documentation and the professionals' login
    ]
    assert len(api) > 50
    for method in (client.get, client.post):
        reached = [p for p in api if method(p, **headers).status_code not in (403, 404, 405)]
        assert reached == [], method


def test_the_access_rule_gives_a_citizen_no_case(citizen):
    assert not Case.objects.visible_to(citizen).exists()


def test_children_under_16_get_no_account_of_their_own(case):
    child = PersonFactory(birth_date=datetime.date.today() - datetime.timedelta(days=15 * 365))
    case.household.memberships.create(person=child)
    with pytest.raises(ValidationError):
        citizen_account_create(person=child, username="kind")


def test_reading_the_plan_is_logged_with_the_citizen_as_actor(client, citizen):
    client.force_login(citizen)
    client.get(reverse("portal:home"))
    assert AccessLogEntry.objects.filter(actor=citizen, name="eigen plan inzien").exists()


def test_the_professional_token_login_refuses_a_citizen_like_a_wrong_password(client, citizen):
    right = client.post("/api/v1/auth/token/", {"username": "inwoner", "password": PASSWORD})
    wrong = client.post("/api/v1/auth/token/", {"username": "inwoner", "password": "fout"})
    assert right.status_code == wrong.status_code == 400
    assert right.json() == wrong.json()
    assert not Token.objects.filter(user=citizen).exists()
