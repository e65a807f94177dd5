"""The decision letter: plain Dutch, the right amount, the reason of a refusal, and the objection
clause (six weeks, to the college van burgemeester en wethouders of the municipality)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from eenplan.plans.pdf import long_date
from eenplan.provisions.letter import letter_date, objection_deadline, render_decision_letter
from eenplan.provisions.selectors import decision_get
from eenplan.provisions.services import Terms, decision_end, decision_refuse, decision_request

pytestmark = pytest.mark.django_db


def _request(setting, **terms):
    person = setting.case.household.members.order_by("pk").first()
    return decision_request(
        actor=setting.team_member,
        case=setting.case,
        person=person,
        terms=Terms(
            product=setting.stairlift,
            provider=setting.provider,
            volume=1,
            start_date=datetime.date(2026, 3, 1),
            end_date=datetime.date(2026, 12, 31),
            **terms,
        ),
        motivation="Mevrouw kan de trap niet meer op.",
        goal=setting.goal,
    )


def _text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _letter(client, user, decision) -> str:
    client.force_login(user)
    return _text(client.get(reverse("provisions:letter", args=[decision.uuid])))


def test_a_granted_decision_letter(client, setting):
    decision = _request(setting)
    text = _letter(client, setting.team_member, decision)
    today = timezone.localdate()
    assert "Besluit over uw aanvraag" in text
    assert f"U krijgt deze voorziening: {setting.stairlift.name}." in text
    assert "€ 4.000,00" in text
    assert "1 maart 2026 tot en met 31 december 2026" in text
    assert "Trapliften Noord" in text
    assert "Wet maatschappelijke ondersteuning 2015" in text
    assert "Veilig de trap op" in text
    assert decision.reference in text
    # The objection clause: six weeks, to whom, what to write, calling first.
    assert "binnen zes weken na de datum van deze brief" in text
    assert long_date(objection_deadline(today)) in text
    assert f"burgemeester en wethouders van de gemeente {setting.municipality.name}" in text
    assert "waarom u het niet eens bent" in text
    assert "Wilt u eerst praten over het besluit? Bel dan" in text
    assert "Sociaal Team" in text


def test_a_refusal_letter_gives_the_reason(client, setting):
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    decision = decision_refuse(
        actor=setting.officer, decision=_request(setting), reason="Een douchestoel volstaat."
    )
    text = _letter(client, setting.officer, decision)
    assert "U krijgt deze voorziening niet." in text
    assert "Een douchestoel volstaat." in text
    assert "€ 4.000,00" in text
    assert "bezwaar maken" in text


def test_an_ended_decision_letter_says_when_it_stops(client, setting):
    decision = decision_end(
        actor=setting.team_member,
        decision=_request(setting),
        ended_on=datetime.date(2026, 6, 30),
        reason="Mevrouw is verhuisd.",
    )
    text = _letter(client, setting.team_member, decision)
    assert "De laatste dag is 30 juni 2026" in text
    assert "Mevrouw is verhuisd." in text
    assert letter_date(decision) == timezone.localdate()


def test_names_outside_the_standard_font_are_written_plainly(setting):
    person = setting.case.household.members.order_by("pk").first()
    person.given_names = "Łucja Đurić"
    person.save()
    decision = decision_get(user=setting.team_member, decision_uuid=_request(setting).uuid)
    reader = PdfReader(io.BytesIO(render_decision_letter(decision)))
    assert "Lucja Duric" in reader.pages[0].extract_text()


def test_objection_runs_six_weeks():
    # Six weeks after Sunday 1 March 2026 is Sunday 12 April: the period runs to Monday.
    assert objection_deadline(datetime.date(2026, 3, 1)) == datetime.date(2026, 4, 13)
    assert objection_deadline(datetime.date(2026, 3, 4)) == datetime.date(2026, 4, 15)
    assert objection_deadline(None) is None
