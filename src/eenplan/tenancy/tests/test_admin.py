"""The user page in the admin: every field a functional admin fills in has a label of its own."""

import re

import pytest
from django.urls import reverse

from eenplan.tenancy.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_membership_has_labelled_fields_and_the_dates_are_read_only(client, professional):
    admin_user = UserFactory(username="beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin_user)

    page = client.get(reverse("admin:tenancy_user_change", args=[professional.pk])).content.decode()

    # A stacked inline labels the organisation and role of each membership (a tabular inline
    # names them only in its column headers, which axe reports as select-name).
    for field in ("organisation", "role", "is_active"):
        assert re.search(f'<label[^>]* for="id_memberships-0-{field}"', page), field
    # Django keeps these dates: shown as text, not as two unlabelled inputs.
    assert 'name="last_login_0"' not in page
    assert 'name="date_joined_0"' not in page
