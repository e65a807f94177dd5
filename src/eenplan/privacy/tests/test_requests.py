"""Requests to correct or erase data (AVG art. 16/17): filed, decided with reasons within the
month, carried out through one service that logs the change."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from eenplan.portal.services import citizen_account_create
from eenplan.privacy import requests
from eenplan.privacy.chain import verify
from eenplan.privacy.constants import RequestDecision, RequestKind
from eenplan.privacy.models import AccessLogEntry, DataSubjectRequest
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return user_in(OrganisationFactory(name="Gemeente"), Role.PRIVACY_OFFICER, username="fg")


@pytest.fixture
def person(case):
    return case.household.members.exclude(bsn_digest="").first()


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime.date(2026, 3, 10), datetime.date(2026, 4, 10)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)),
        (datetime.date(2026, 12, 15), datetime.date(2027, 1, 15)),
    ],
)
def test_the_decision_is_due_one_month_after_receipt(received, due):
    assert requests.one_month_after(received) == due


def file(officer, person, kind=RequestKind.CORRECTION):
    return requests.request_register(
        actor=officer,
        person=person,
        kind=kind,
        description="Achternaam is fout gespeld.",
        received_on=datetime.date(2026, 11, 2),
    )


def test_a_correction_is_decided_and_carried_out_with_a_log_entry(officer, person):
    request = file(officer, person)
    assert request.due_on == datetime.date(2026, 12, 2)
    requests.request_decide(
        actor=officer,
        request=request,
        decision=RequestDecision.GRANTED,
        reasons="De gemeente heeft de schrijfwijze in de BRP nagekeken.",
        corrections={"surname": "Jansen", "postcode": "9934ab"},
    )
    requests.request_carry_out(actor=officer, request=request)
    person.refresh_from_db()
    assert (person.surname, person.postcode) == ("Jansen", "9934 AB")
    entry = AccessLogEntry.objects.get(name__startswith="gegevens verbeteren")
    assert entry.person_uuid == person.uuid and entry.action == "wijzigen"
    assert verify().intact


def test_a_decision_needs_reasons_and_an_officer(officer, person, professional):
    request = file(officer, person)
    with pytest.raises(ValidationError):
        requests.request_decide(
            actor=officer, request=request, decision=RequestDecision.REFUSED, reasons=" "
        )
    with pytest.raises(PermissionDenied):
        requests.request_decide(
            actor=professional, request=request, decision=RequestDecision.REFUSED, reasons="x"
        )


def test_a_refused_request_is_not_carried_out(officer, person):
    request = file(officer, person, RequestKind.ERASURE)
    requests.request_decide(
        actor=officer,
        request=request,
        decision=RequestDecision.REFUSED,
        reasons="De hulp loopt nog; de Jeugdwet verplicht tot bewaren (AVG art. 17 lid 3 b).",
    )
    with pytest.raises(ValidationError):
        requests.request_carry_out(actor=officer, request=request)


def test_an_invalid_correction_is_refused_and_nothing_changes(officer, person):
    request = file(officer, person)
    requests.request_decide(
        actor=officer,
        request=request,
        decision=RequestDecision.GRANTED,
        reasons="Toegewezen.",
        corrections={"postcode": "niet goed"},
    )
    surname = person.surname
    with pytest.raises(ValidationError):
        requests.request_carry_out(actor=officer, request=request)
    person.refresh_from_db()
    request.refresh_from_db()
    assert person.surname == surname and request.carried_out_at is None


def test_erasure_anonymises_the_person_and_closes_the_account(officer, person):
    account = citizen_account_create(person=person, username="inwoner-wis").user
    request = file(officer, person, RequestKind.ERASURE)
    requests.request_decide(
        actor=officer, request=request, decision=RequestDecision.GRANTED, reasons="Hulp is klaar."
    )
    requests.request_carry_out(actor=officer, request=request)
    person.refresh_from_db()
    account.refresh_from_db()
    assert person.full_name == "(gewist) (gewist)" and person.bsn == "" and not person.birth_date
    assert not account.is_active
    assert AccessLogEntry.objects.filter(person_uuid=person.uuid, action="verwijderen").exists()
    assert DataSubjectRequest.objects.get().person_name != "(gewist) (gewist)"


def test_a_citizen_files_a_request_in_the_portal_and_the_officer_decides(client, officer, person):
    citizen = citizen_account_create(person=person, username="inwoner-avg").user
    client.force_login(citizen)
    url = reverse("portal:data-requests")
    response = client.post(
        url, {"kind": "rectificatie", "person": str(person.uuid), "description": "Naam fout."}
    )
    assert response.status_code == 302
    assert "Nog geen beslissing" in client.get(url).content.decode()
    request = DataSubjectRequest.objects.get()
    assert request.registered_by == citizen

    client.force_login(officer)
    assert person.full_name in client.get(reverse("privacy:requests")).content.decode()
    detail = reverse("privacy:request", args=[request.uuid])
    assert client.get(detail).status_code == 200
    response = client.post(
        detail, {"decision": "toegewezen", "reasons": "Klopt.", "new_surname": "Jansen"}
    )
    assert response.status_code == 302
    client.post(reverse("privacy:request-carry-out", args=[request.uuid]), {"note": ""})
    person.refresh_from_db()
    assert person.surname == "Jansen"


def test_a_citizen_cannot_file_for_someone_outside_their_care(client, case, person):
    citizen = citizen_account_create(person=person, username="inwoner-x").user
    stranger = case.household.members.exclude(pk=person.pk).first()
    client.force_login(citizen)
    response = client.post(
        reverse("portal:data-requests"),
        {"kind": "wissing", "person": str(stranger.uuid), "description": "Weg ermee."},
    )
    assert response.status_code == 400 and not DataSubjectRequest.objects.exists()


def test_request_pages_refuse_other_roles(client, professional):
    client.force_login(professional)
    assert client.get(reverse("privacy:requests")).status_code == 403
