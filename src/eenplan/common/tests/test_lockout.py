"""Brute-force protection: after five wrong passwords for one account from one address, that
login is refused for a while, on the professional login, the portal login and the API."""

import datetime

import pytest
from django.conf import settings

from eenplan.people.models import HouseholdMember
from eenplan.people.tests.factories import HouseholdFactory, PersonFactory
from eenplan.portal.services import citizen_account_create
from eenplan.tenancy.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
GOOD = settings.DEMO_PASSWORD


def guess(client, url, username, password, times=1):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": password})
    return response


def test_a_professional_is_locked_out_after_five_wrong_passwords(client):
    UserFactory(username="piet")
    UserFactory(username="klaas")
    assert guess(client, "/inloggen/", "piet", "fout", times=4).status_code == 200
    locked = guess(client, "/inloggen/", "piet", "fout")
    assert locked.status_code == 429
    assert "U kunt even niet inloggen" in locked.content.decode()
    # Now even the right password is refused; another account from here is not affected.
    assert guess(client, "/inloggen/", "piet", GOOD).status_code == 429
    assert guess(client, "/inloggen/", "klaas", GOOD).status_code == 302


def test_a_good_login_resets_the_count(client):
    UserFactory(username="piet")
    guess(client, "/inloggen/", "piet", "fout", times=4)
    assert guess(client, "/inloggen/", "piet", GOOD).status_code == 302
    client.logout()
    assert guess(client, "/inloggen/", "piet", "fout", times=4).status_code == 200


def test_the_portal_and_the_api_lock_too(client):
    person = PersonFactory(birth_date=datetime.date(1980, 1, 1))
    HouseholdMember.objects.create(household=HouseholdFactory(), person=person)
    citizen_account_create(person=person, username="inwoner", password=GOOD)
    page = guess(client, "/mijn/inloggen/", "inwoner", "fout", times=5)
    assert page.status_code == 429 and "Wacht 15 minuten" in page.content.decode()

    # The API's token login answers a locked account like a wrong password.
    UserFactory(username="api-gebruiker")
    guess(client, "/api/v1/auth/token/", "api-gebruiker", "fout", times=5)
    refused = guess(client, "/api/v1/auth/token/", "api-gebruiker", GOOD)
    assert refused.status_code == 400 and "token" not in refused.json()
