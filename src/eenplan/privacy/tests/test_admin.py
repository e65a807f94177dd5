"""The admin obeys the same access rule for personal data and logs what it shows."""

import pytest
from django.urls import reverse

from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db


def changelist(model: str) -> str:
    return reverse(f"admin:{model}_changelist")


def change(model: str, pk: int) -> str:
    return reverse(f"admin:{model}_change", args=[pk])


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.mark.parametrize("model", ["cases_case", "people_household", "people_person"])
def test_superuser_without_membership_sees_no_personal_data(client, superuser, case, model):
    client.force_login(superuser)
    response = client.get(changelist(model))
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0
    assert case.household.name not in response.content.decode()


def test_superuser_cannot_open_a_hidden_case(client, superuser, case):
    client.force_login(superuser)
    response = client.get(change("cases_case", case.pk), follow=True)
    assert case.reference not in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_involved_staff_sees_the_case_and_the_read_is_logged(client, case, involved_org):
    staff = user_in(involved_org, Role.PROFESSIONAL, is_staff=True)
    client.force_login(staff)
    response = client.get(change("cases_case", case.pk))
    assert response.status_code == 200
    members = case.household.members.count()
    assert AccessLogEntry.objects.filter(actor=staff, case_uuid=case.uuid).count() == members


def test_uninvolved_staff_changelist_is_empty(client, case):
    staff = user_in(OrganisationFactory(), Role.PROFESSIONAL, is_staff=True)
    client.force_login(staff)
    response = client.get(changelist("people_person"))
    assert response.context["cl"].result_count == 0


def test_personal_data_is_read_only_in_the_admin(client, case, involved_org):
    staff = user_in(involved_org, Role.PROFESSIONAL, is_staff=True)
    client.force_login(staff)
    person = case.household.members.first()
    response = client.post(change("people_person", person.pk), {"surname": "Anders"})
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.surname != "Anders"


def test_access_log_admin_only_for_privacy_officers(client, superuser, case):
    client.force_login(superuser)
    assert client.get(changelist("privacy_accesslogentry")).status_code == 403
    officer = user_in(OrganisationFactory(), Role.PRIVACY_OFFICER, is_staff=True)
    client.force_login(officer)
    assert client.get(changelist("privacy_accesslogentry")).status_code == 200
