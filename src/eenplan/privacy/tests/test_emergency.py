"""Break-the-glass: an uninvolved professional opens a case in an emergency, for a while and for
what they chose; it is logged, reviewed by the privacy officer and shown to the household."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case
from eenplan.people.models import Person
from eenplan.portal.services import citizen_account_create
from eenplan.privacy import emergency, policy
from eenplan.privacy.constants import ProcessingActivity, ReviewOutcome
from eenplan.privacy.models import AccessLogEntry, EmergencyAccess
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

REASON = "Crisisdienst: moeder belt 's nachts in paniek, kinderen alleen thuis."


@pytest.fixture
def privacy_officer():
    return user_in(OrganisationFactory(name="Gemeente"), Role.PRIVACY_OFFICER, username="fg")


def open_for(user, case, categories=(DataCategory.CONTACT,), hours=8):
    return emergency.emergency_access_open(
        actor=user, case=case, reason=REASON, categories=list(categories), hours=hours
    )


def sees(user, case) -> bool:
    return Case.objects.visible_to(user).filter(pk=case.pk).exists()


def test_an_outsider_sees_the_case_only_during_the_access(case, outsider):
    assert not sees(outsider, case)
    access = open_for(outsider, case)
    assert sees(outsider, case)

    access.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    access.started_at = access.expires_at - datetime.timedelta(hours=1)
    access.save()
    assert not sees(outsider, case)


def test_ending_the_access_closes_the_case_at_once(case, outsider):
    access = open_for(outsider, case)
    emergency.emergency_access_end(actor=outsider, access=access)
    assert not sees(outsider, case)


def test_the_access_is_personal_not_for_the_whole_organisation(case, outsider):
    colleague = user_in(outsider.acting_organisation, Role.PROFESSIONAL, username="collega")
    open_for(outsider, case)
    assert not sees(colleague, case)


def test_the_scope_is_the_chosen_categories(case, outsider):
    open_for(outsider, case, categories=[DataCategory.CONTACT])
    access = policy.case_access(outsider, [case.pk])[case.pk]
    assert not access.plan and not access.notes
    assert access.allows(DataCategory.CONTACT, case.household.members.first())
    contact_visible = Person.objects.filter(policy.person_contact_visibility(outsider))
    assert set(contact_visible) == set(case.household.members.all())
    plan_cases = Case.objects.filter(policy.case_content_visibility(outsider, DataCategory.PLAN))
    assert not plan_cases.exists()


def test_known_level_only_when_no_category_is_chosen(case, outsider):
    open_for(outsider, case, categories=[])
    assert sees(outsider, case)
    assert not policy.case_access(outsider, [case.pk])[case.pk].has_content


def test_opening_needs_a_reason_a_case_worker_and_a_limited_time(case, outsider, settings):
    settings.EMERGENCY_ACCESS_MAX_HOURS = 24
    with pytest.raises(ValidationError) as error:
        emergency.emergency_access_open(
            actor=outsider, case=case, reason="nood", categories=[], hours=2
        )
    assert "reason" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        open_for(outsider, case, hours=25)
    assert "hours" in error.value.error_dict
    director = user_in(OrganisationFactory(), Role.DIRECTOR)
    with pytest.raises(PermissionDenied):
        open_for(director, case)


def test_someone_already_on_the_case_needs_no_emergency_access(case, professional):
    with pytest.raises(ValidationError):
        open_for(professional, case)


def test_opening_twice_returns_the_open_access(case, outsider):
    assert open_for(outsider, case) == open_for(outsider, case)
    assert EmergencyAccess.objects.count() == 1


def test_opening_is_logged_as_emergency_access_for_every_member(case, outsider):
    open_for(outsider, case)
    entries = AccessLogEntry.objects.filter(
        actor=outsider, processing_activity_id__endswith=ProcessingActivity.EMERGENCY_ACCESS.value
    )
    assert entries.filter(name="noodtoegang geopend").count() == case.household.members.count()


def test_find_by_reference_is_logged_and_skips_closed_cases(case, outsider):
    assert emergency.emergency_cases_find(user=outsider, reference=case.reference.lower()) == [case]
    assert AccessLogEntry.objects.filter(actor=outsider, action="zoeken").exists()
    assert emergency.emergency_cases_find(user=outsider, reference="EP-0000-000000") == []


def test_find_by_bsn(case, outsider):
    person = case.household.members.exclude(bsn_digest="").first()
    assert emergency.emergency_cases_find(user=outsider, bsn=person.bsn) == [case]


def test_the_privacy_officer_reviews_with_an_outcome(case, outsider, privacy_officer):
    access = open_for(outsider, case)
    assert list(emergency.review_queue(privacy_officer)) == [access]
    with pytest.raises(ValidationError):
        emergency.emergency_access_review(
            actor=privacy_officer, access=access, outcome=ReviewOutcome.NOT_JUSTIFIED, note=""
        )
    emergency.emergency_access_review(
        actor=privacy_officer, access=access, outcome=ReviewOutcome.JUSTIFIED, note=""
    )
    access.refresh_from_db()
    assert access.reviewed_by == privacy_officer and access.review_outcome == "terecht"
    with pytest.raises(PermissionDenied):
        emergency.review_queue(outsider)


def test_pages_open_review_and_portal(client, case, outsider, privacy_officer):
    client.force_login(outsider)
    response = client.post(reverse("privacy:emergency"), {"reference": case.reference})
    assert response.status_code == 200 and case.reference in response.content.decode()
    response = client.post(
        reverse("privacy:emergency-open", args=[case.uuid]),
        {"reason": REASON, "categories": ["contactgegevens"], "hours": "4"},
    )
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200  # the client view of the household

    client.force_login(privacy_officer)
    queue = client.get(reverse("privacy:emergency-queue"))
    assert "Nakijken" in queue.content.decode()
    access = EmergencyAccess.objects.get()
    review_url = reverse("privacy:emergency-review", args=[access.uuid])
    page = client.get(review_url).content.decode()
    assert REASON.replace("'", "&#x27;") in page and "noodtoegang geopend" in page
    response = client.post(review_url, {"outcome": "terecht", "note": ""})
    assert response.status_code == 302

    citizen = citizen_account_create(
        person=case.household.members.first(), username="inwoner-nood"
    ).user
    client.force_login(citizen)
    page = client.get(reverse("portal:access-log")).content.decode()
    assert "Geopend in een noodsituatie" in page
    assert outsider.acting_organisation.name in page and "het was terecht" in page
    assert "in een noodsituatie</strong>" in page


def test_emergency_pages_refuse_who_may_not(client, case):
    client.force_login(user_in(OrganisationFactory(), Role.POLICY_OFFICER))
    assert client.get(reverse("privacy:emergency")).status_code == 403
    assert client.get(reverse("privacy:emergency-queue")).status_code == 403
    outsider_access = open_for(
        user_in(OrganisationFactory(), Role.PROFESSIONAL, username="nacht"), case
    )
    other = user_in(OrganisationFactory(), Role.PROFESSIONAL, username="ander")
    client.force_login(other)
    end_url = reverse("privacy:emergency-end", args=[outsider_access.uuid])
    assert client.post(end_url).status_code == 404
