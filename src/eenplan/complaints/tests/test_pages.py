"""The professional pages of complaints and objections: the list with its deadlines and tallies,
registering from the case, the page of one with the handler's forms, and the period report."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from eenplan.complaints import deadlines, services
from eenplan.complaints.constants import (
    Channel,
    ContactOutcome,
    ContactWay,
    Kind,
    Outcome,
    Status,
    StepKind,
    Theme,
)
from eenplan.complaints.models import Complaint
from eenplan.plans.pdf import long_date
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


def register(world, **fields) -> Complaint:
    values = {
        "case": world.case,
        "person": world.family.mother,
        "kind": Kind.COMPLAINT,
        "description": "De hulpverlener kwam drie keer niet opdagen.",
        "theme": Theme.TREATMENT,
        "channel": Channel.PHONE,
        "received_on": timezone.localdate(),
    }
    return services.complaint_register(actor=world.family.coordinator, **values | fields)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def typed(day: datetime.date) -> str:
    return day.strftime("%d-%m-%Y")


def post(client, user, complaint, name: str, data: dict):
    client.force_login(user)
    prefix = name.replace("_", "-")
    fields = {f"{prefix}-{key}": value for key, value in data.items()}
    return client.post(reverse(f"complaints:{prefix}", args=[complaint.uuid]), fields)


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def overdue_row(page: str, complaint) -> bool:
    row = rf'<tr class="eenplan-table__row--overdue">\s*<th[^>]*>\s*<a[^>]*>{complaint.reference}<'
    return re.search(row, page) is not None


def letter(client, complaint, kind: str) -> str:
    step = complaint.steps.filter(kind=kind).latest("recorded_at")
    url = reverse("complaints:letter", args=[complaint.uuid, step.uuid])
    return pdf_text(client.get(url))


# ------------------------------------------------------------------------------ the list


def test_the_list_shows_what_is_late_and_the_tallies(client, world):
    late = register(world, received_on=days_ago(20))  # personal contact was due long ago
    fresh = register(world)
    client.force_login(world.handler)

    page = client.get(reverse("complaints:list")).content.decode()

    assert late.reference in page and fresh.reference in page
    assert overdue_row(page, late) and not overdue_row(page, fresh)
    contact_days = (timezone.localdate() - late.contact_due).days
    assert f"Te laat</strong> {contact_days} dagen te laat" in page
    decision_days = (fresh.decision_due - timezone.localdate()).days
    assert f"nog {decision_days} dagen" in page
    # Tallies: both handlers of the municipality have one open item, one of them late.
    assert "Open per behandelaar" in page and "Gemeente Oostdorp" in page
    assert "1 te laat" in page

    only_late = client.get(reverse("complaints:list"), {"te_laat": "on"}).content.decode()
    assert late.reference in only_late and fresh.reference not in only_late


def test_an_uninvolved_organisation_sees_nothing(client, world):
    complaint = register(world, organisations=[world.family.ggz])
    client.force_login(world.debt_worker)

    assert client.get(reverse("complaints:detail", args=[complaint.uuid])).status_code == 404
    assert complaint.reference not in client.get(reverse("complaints:list")).content.decode()


def test_the_menu_and_the_case_page_lead_to_the_complaints(client, world):
    client.force_login(world.family.coordinator)
    household = reverse("people:household", args=[world.case.household.uuid])
    menu_link = f'href="{reverse("complaints:list")}"'
    page = client.get(household).content.decode()
    assert menu_link in page
    assert reverse("complaints:new", args=[world.case.uuid]) in page

    client.force_login(world.debt_worker)  # neither handles complaints nor coordinates
    assert menu_link not in client.get(household).content.decode()


# ------------------------------------------------------------------------------ registering


def test_a_professional_registers_an_objection_on_a_citizens_behalf(client, world):
    client.force_login(world.family.coordinator)
    url = reverse("complaints:new", args=[world.case.uuid])
    data = {
        "kind": Kind.OBJECTION,
        "person": str(world.family.mother.uuid),
        "received_on": typed(timezone.localdate()),
        "channel": Channel.LETTER,
        "theme": Theme.DECISION,
        "description": "Mevrouw kan de trap echt niet meer op.",
    }

    without_decision = client.post(url, data)
    assert without_decision.status_code == 400
    assert "Kies het besluit waartegen het bezwaar is." in without_decision.content.decode()

    response = client.post(url, data | {"decision": str(world.refusal.uuid)}, follow=True)
    objection = Complaint.objects.get(kind=Kind.OBJECTION)
    assert response.redirect_chain[-1][0] == reverse("complaints:detail", args=[objection.uuid])
    assert f"Het bezwaar is geregistreerd met kenmerk {objection.reference}" in (
        response.content.decode()
    )
    assert objection.decision == world.refusal and objection.channel == Channel.LETTER
    # Who took the decision never handles the objection (Awb 7:5), nor is offered to take over.
    assert objection.handler != world.officer
    client.force_login(objection.handler)
    page = client.get(reverse("complaints:detail", args=[objection.uuid])).content.decode()
    assert str(world.other_handler.uuid) in page and str(world.officer.uuid) not in page


def test_a_case_the_user_does_not_see_has_no_registration_page(client, world):
    stranger = user_in(OrganisationFactory(name="Elders"), Role.COORDINATOR, username="elders")
    client.force_login(stranger)
    assert client.get(reverse("complaints:new", args=[world.case.uuid])).status_code == 404


# ------------------------------------------------------------------------------ handling


def test_a_phone_call_resolves_it(client, world):
    complaint = register(world)
    response = post(
        client,
        complaint.handler,
        complaint,
        "contact",
        {
            "occurred_on": typed(timezone.localdate()),
            "way": ContactWay.PHONE,
            "summary": "Mevrouw voelde zich niet gehoord. Excuses aangeboden; nieuwe afspraak.",
            "outcome": ContactOutcome.RESOLVED,
        },
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Status.CLOSED
    assert complaint.outcome == Outcome.RESOLVED_INFORMALLY
    assert complaint.contacted_on == timezone.localdate()
    page = client.get(response["Location"]).content.decode()
    assert "De klacht is opgelost en afgehandeld." in page
    assert "Excuses aangeboden" in page


def test_the_coordinator_reads_but_does_not_handle(client, world):
    complaint = register(world)
    client.force_login(world.family.coordinator)
    page = client.get(reverse("complaints:detail", args=[complaint.uuid])).content.decode()
    assert "U kunt de klacht alleen lezen." in page
    assert "Contact vastleggen" not in page

    response = post(
        client,
        world.family.coordinator,
        complaint,
        "contact",
        {
            "occurred_on": typed(timezone.localdate()),
            "way": ContactWay.PHONE,
            "summary": "Gebeld.",
            "outcome": ContactOutcome.RESOLVED,
        },
    )
    assert response.status_code == 403
    complaint.refresh_from_db()
    assert complaint.status == Status.NEW


def test_the_formal_route_with_its_letters(client, world):
    received = days_ago(7)
    complaint = register(world, received_on=received)
    handler = complaint.handler

    assert (
        post(client, handler, complaint, "formal", {"reason": "Wil het op papier."}).status_code
        == 302
    )
    assert post(client, handler, complaint, "acknowledge", {}).status_code == 302
    text = letter(client, complaint, StepKind.ACKNOWLEDGED)
    assert "Wij hebben uw klacht ontvangen" in text
    assert f"uiterlijk op {long_date(complaint.decision_due)}" in text
    assert long_date(received) in text

    extended = post(
        client, handler, complaint, "extend", {"weeks": "4", "reason": "Wij wachten op GGZ Noord."}
    )
    assert extended.status_code == 302
    complaint.refresh_from_db()
    new_due = deadlines.complaint_due(received, extension_weeks=4)
    assert complaint.decision_due == new_due
    text = letter(client, complaint, StepKind.EXTENDED)
    assert "Wij hebben meer tijd nodig" in text
    assert f"uiterlijk op {long_date(new_due)}" in text
    assert "artikel 9:11 lid 2" in text

    decided = post(
        client,
        handler,
        complaint,
        "decide",
        {"outcome": Outcome.FOUNDED, "reasons": "De afspraken zijn niet nagekomen."},
    )
    assert decided.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.FOUNDED)
    text = letter(client, complaint, StepKind.DECIDED)
    assert "Besluit op uw klacht" in text and "Uw klacht is gegrond." in text
    assert "De afspraken zijn niet nagekomen." in text
    assert "Nationale ombudsman" in text and "binnen een jaar" in text


def test_a_step_without_a_letter_has_no_pdf(client, world):
    complaint = register(world)
    client.force_login(complaint.handler)
    registered = complaint.steps.get(kind=StepKind.REGISTERED)
    url = reverse("complaints:letter", args=[complaint.uuid, registered.uuid])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        (
            "contact",
            {"way": ContactWay.PHONE, "summary": "", "outcome": ContactOutcome.TALK_AGAIN},
            "Vul in: wat zit erachter, en wat spraken jullie af?",
        ),
        (
            "contact",
            {
                "occurred_on": typed(timezone.localdate() + datetime.timedelta(days=3)),
                "way": ContactWay.PHONE,
                "summary": "Gebeld.",
                "outcome": ContactOutcome.TALK_AGAIN,
            },
            "Die datum ligt in de toekomst.",
        ),
        (
            "extend",
            {"weeks": "10", "reason": "Druk."},
            "Een klacht kan één keer, met ten hoogste 4 weken, uitgesteld worden.",
        ),
    ],
)
def test_bad_input_shows_an_error_and_changes_nothing(client, world, name, data, error):
    complaint = register(world)
    services.formal_start(
        actor=complaint.handler, complaint=complaint, reason="De inwoner wil een besluit."
    )
    data = {"occurred_on": typed(timezone.localdate())} | data

    response = post(client, complaint.handler, complaint, name, data)

    assert response.status_code == 400
    assert error in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == Status.FORMAL and complaint.extension_weeks == 0
    assert not complaint.steps.filter(kind__in=[StepKind.CONTACT, StepKind.EXTENDED]).exists()


# ------------------------------------------------------------------------------ the report


def test_the_period_report_counts(client, world):
    resolved = register(world, received_on=days_ago(3))
    register(world, received_on=days_ago(2))
    services.contact_record(
        actor=resolved.handler,
        complaint=resolved,
        occurred_on=days_ago(1),
        way=ContactWay.PHONE,
        summary="Opgelost.",
        outcome=ContactOutcome.RESOLVED,
    )
    client.force_login(world.handler)
    period = {"van": typed(days_ago(10)), "tot": typed(timezone.localdate())}

    page = client.get(reverse("complaints:report"), period).content.decode()
    assert '<th scope="row">Klachten ontvangen</th><td>2</td>' in page
    assert '<th scope="row">Afgehandeld</th><td>1</td>' in page
    assert '<th scope="row">Daarvan opgelost in een gesprek</th><td>100%</td>' in page
    assert '<th scope="row">Bejegening</th><td>minder dan 5</td>' in page

    csv = client.get(reverse("complaints:report-csv"), period)
    assert csv["Content-Type"].startswith("text/csv")
    assert "Klachten ontvangen;2" in csv.content.decode()

    client.force_login(world.debt_worker)
    assert client.get(reverse("complaints:report")).status_code == 403
