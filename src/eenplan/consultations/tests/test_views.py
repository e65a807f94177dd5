"""The meeting pages through the Django test client: who sees what on the meeting page, the
forms of the agenda and the minutes, attendees, closing the minutes, a series."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from eenplan.cases.constants import SharingGround
from eenplan.cases.models import TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, ConsentFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.common.constants import LifeDomain
from eenplan.consultations import services
from eenplan.consultations.constants import ConsultationKind, DecisionKind
from eenplan.consultations.models import AgendaItem, Agreement, Attendee, Consultation, Series
from eenplan.consultations.tests.factories import ConsultationFactory
from eenplan.plans.constants import OwnerKind
from eenplan.plans.services import Owner

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NO_CONTENT = "U ziet alleen het casusnummer en de vraag"


def url(name: str, meeting, **kwargs) -> str:
    return reverse(f"consultations:{name}", kwargs={"consultation_uuid": meeting.uuid, **kwargs})


def item_url(name: str, item) -> str:
    return url(name, item.consultation, item_uuid=item.uuid)


def members(case) -> list:
    return [m.person for m in case.household.memberships.order_by("pk")]


def agree(item, actor, *, description="Bel de bank over een betalingsregeling", due=None):
    return services.agreement_add(
        actor=actor,
        item=item,
        description=description,
        owner=Owner(kind=OwnerKind.HOUSEHOLD_MEMBER, person=members(item.case)[0]),
        due_date=due or TODAY + datetime.timedelta(days=14),
        life_domain=LifeDomain.FINANCES,
        goal_title="Grip op de schulden",
    )


@pytest.fixture
def discussed(item, professional):
    """The item with a summary, a decision and an agreement owned by a household member."""
    services.minutes_record(
        actor=professional, item=item, summary="Schuldhulp start snel met het gezin."
    )
    services.decision_record(
        actor=professional, item=item, kind=DecisionKind.OTHER, text="Bewindvoering onderzoeken."
    )
    agree(item, professional)
    return item


# ---------------------------------------------------------------------------- who sees what


def test_every_page_renders_for_a_participant(client, discussed, professional, case):
    client.force_login(professional)
    meeting = discussed.consultation
    pages = {
        "list": client.get(reverse("consultations:list")),
        "plan": client.get(reverse("consultations:plan")),
        "detail": client.get(url("detail", meeting)),
        "follow-up": client.get(reverse("consultations:follow-up")),
        "case-agenda": client.get(
            reverse("consultations:case-agenda", kwargs={"case_uuid": case.uuid})
        ),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        assert_accessible_page(response.content.decode())
    assert meeting.title in pages["list"].content.decode()
    detail = pages["detail"].content.decode()
    for shown in (
        case.household.name,
        discussed.question,
        "Schuldhulp start snel met het gezin.",
        "Bewindvoering onderzoeken.",
        "Bel de bank over een betalingsregeling",
        f"Toestemming van {members(case)[0].full_name}",
    ):
        assert shown in detail
    assert NO_CONTENT not in detail
    assert "Afspraak vastleggen" in detail and "Verslag afronden" in detail
    assert meeting.title in pages["case-agenda"].content.decode()


@pytest.mark.parametrize("who", ["partner", "known_level_user"])
def test_an_attendee_without_consent_sees_only_the_number_and_the_question(
    client, request, discussed, case, who
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(url("detail", discussed.consultation))
    assert response.status_code == 200
    page = response.content.decode()
    assert case.reference in page and discussed.question in page
    assert NO_CONTENT in page
    for hidden in (
        case.household.name,
        "Schuldhulp start snel",
        "Bewindvoering",
        "Bel de bank",
        *(person.full_name for person in members(case)),
        members(case)[0].surname,
    ):
        assert hidden not in page, hidden
    assert "Afspraak vastleggen" not in page
    assert_accessible_page(page)


def test_a_consent_without_involvement_opens_no_content(client, discussed, case, partner):
    """As a sent referral leaves it: a consent, but the organisation is not involved yet."""
    ConsentFactory(case=case, organisation=partner.acting_organisation)
    client.force_login(partner)
    page = client.get(url("detail", discussed.consultation)).content.decode()
    assert NO_CONTENT in page
    assert case.household.name not in page and "Schuldhulp start snel" not in page


def test_a_non_participating_organisation_gets_a_404(client, discussed, outsider):
    client.force_login(outsider)
    meeting = discussed.consultation
    assert client.get(url("detail", meeting)).status_code == 404
    assert client.get(url("minutes-pdf", meeting)).status_code == 404
    response = client.post(item_url("item-minutes", discussed), {"summary": "Overgenomen"})
    assert response.status_code == 404
    discussed.refresh_from_db()
    assert discussed.summary == "Schuldhulp start snel met het gezin."
    unknown = reverse(
        "consultations:detail", kwargs={"consultation_uuid": "6f1c1c52-0000-4000-8000-000000000000"}
    )
    assert client.get(unknown).status_code == 404


def test_a_known_level_attendee_cannot_post_minutes(client, item, known_level_user):
    client.force_login(known_level_user)
    response = client.post(item_url("item-minutes", item), {"summary": "Iets"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.summary == ""


def test_pages_need_a_login(client, meeting):
    response = client.get(url("detail", meeting))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


# ---------------------------------------------------------------------------- the agenda


def test_a_question_that_names_the_household_is_refused_with_a_dutch_error(
    client, meeting, case, professional
):
    client.force_login(professional)
    surname = members(case)[0].surname
    response = client.post(
        url("agenda-add", meeting),
        {"reference": case.reference, "question": f"Hoe helpen we de familie {surname}?"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Haal gegevens weg waarmee iemand te herkennen is" in page
    assert "<title>Fout: " in page
    assert f"Hoe helpen we de familie {surname}?" in page  # the text as typed is kept
    assert_accessible_page(page)
    assert not AgendaItem.objects.exists()


def test_an_unknown_or_hidden_case_number_is_a_field_error(client, meeting, professional):
    hidden = CaseFactory()
    client.force_login(professional)
    for reference in ("EP-0000-000000", hidden.reference):
        response = client.post(
            url("agenda-add", meeting), {"reference": reference, "question": "Wie pakt dit op?"}
        )
        assert response.status_code == 400
        assert "U ziet geen casus met dit nummer" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_a_case_goes_on_the_agenda_from_the_household(client, meeting, case, professional):
    client.force_login(professional)
    page = client.get(reverse("people:household", kwargs={"household_uuid": case.household.uuid}))
    case_agenda = reverse("consultations:case-agenda", kwargs={"case_uuid": case.uuid})
    assert case_agenda in page.content.decode()

    response = client.post(
        case_agenda, {"consultation": meeting.uuid, "question": "Wie wordt het aanspreekpunt?"}
    )

    item = AgendaItem.objects.get(consultation=meeting, case=case)
    assert response.status_code == 302
    assert response.url == url("detail", meeting) + f"#agendapunt-{item.uuid}"
    assert item.question == "Wie wordt het aanspreekpunt?"
    again = client.post(case_agenda, {"consultation": meeting.uuid, "question": "Nog eens?"})
    assert again.status_code == 400
    assert "staat al op de agenda" in again.content.decode()


def test_minutes_wait_for_the_consent_to_discuss(client, meeting, case, professional):
    client.force_login(professional)
    client.post(
        url("agenda-add", meeting), {"reference": case.reference, "question": "Wie pakt het op?"}
    )
    item = AgendaItem.objects.get()

    early = client.post(item_url("item-minutes", item), {"summary": "Besproken."})
    assert early.status_code == 400
    assert "instemt met bespreken" in early.content.decode()

    missing = client.post(item_url("item-consent", item), {"ground": SharingGround.CONSENT})
    assert missing.status_code == 400
    assert "Kies wie uit het huishouden toestemming gaf." in missing.content.decode()
    legal = client.post(item_url("item-consent", item), {"ground": SharingGround.LEGAL_TASK})
    assert legal.status_code == 400
    assert "Leg uit waarom deze grond van toepassing is." in legal.content.decode()

    member = members(case)[0]
    consent = client.post(
        item_url("item-consent", item),
        {"ground": SharingGround.CONSENT, "given_by": member.uuid},
    )
    assert consent.status_code == 302
    minutes = client.post(item_url("item-minutes", item), {"summary": "Besproken met het gezin."})
    assert minutes.status_code == 302
    item.refresh_from_db()
    assert item.consent_given_by == member and item.summary == "Besproken met het gezin."
    page = client.get(url("detail", meeting)).content.decode()
    assert "Besproken met het gezin." in page and "Vastgelegd waarom casus" in page


def test_decisions_via_the_page(client, item, professional, involved_org):
    client.force_login(professional)
    incomplete = client.post(
        item_url("item-decision", item),
        {"kind": DecisionKind.COORDINATOR, "text": "Het wijkteam neemt de regie."},
    )
    assert incomplete.status_code == 400
    assert "Kies de regisseur en de organisatie." in incomplete.content.decode()

    response = client.post(
        item_url("item-decision", item),
        {
            "kind": DecisionKind.COORDINATOR,
            "text": "Het wijkteam neemt de regie.",
            "coordinator": f"{involved_org.uuid}:{professional.uuid}",
        },
    )
    assert response.status_code == 302
    item.case.refresh_from_db()
    assert item.case.coordinator == professional
    escalate = client.post(
        item_url("item-decision", item),
        {"kind": DecisionKind.ESCALATION, "text": "Naar de teamleiders.", "escalation_level": 3},
    )
    assert escalate.status_code == 302
    item.case.refresh_from_db()
    assert item.case.escalation_level == 3


def test_an_agreement_via_the_page_becomes_a_plan_action_on_my_actions(
    client, item, professional, involved_org
):
    client.force_login(professional)
    incomplete = client.post(
        item_url("item-agreement", item),
        {"description": "Budgetplan maken", "owner": f"org:{involved_org.uuid}", "goal": ""},
    )
    assert incomplete.status_code == 400
    page = incomplete.content.decode()
    assert "Spreek af wanneer het klaar is." in page
    assert "Vul het nieuwe doel in, of kies een doel." in page
    assert not Agreement.objects.exists()

    response = client.post(
        item_url("item-agreement", item),
        {
            "description": "Budgetplan maken",
            "owner": f"org:{involved_org.uuid}:{professional.uuid}",
            "due_date": (TODAY + datetime.timedelta(days=7)).strftime("%d-%m-%Y"),
            "goal": "",
            "life_domain": LifeDomain.FINANCES,
            "goal_title": "Grip op de schulden",
        },
    )

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    action = agreement.action
    assert action.owner_professional == professional
    assert action.goal.title == "Grip op de schulden"
    assert action.goal.plan.case == item.case
    my_actions = client.get(reverse("plans:my-actions")).content.decode()
    assert "Budgetplan maken" in my_actions
    plan = client.get(reverse("plans:plan", kwargs={"case_uuid": item.case.uuid}))
    assert f"Afspraak uit {item.consultation.title}" in plan.content.decode()
    assert f"#agendapunt-{item.uuid}" in plan.content.decode()

    # A second agreement under the goal that now exists.
    client.post(
        item_url("item-agreement", item),
        {
            "description": "Brief van de bank meenemen",
            "owner": f"person:{members(item.case)[0].uuid}",
            "due_date": TODAY.strftime("%d-%m-%Y"),
            "goal": action.goal.uuid,
        },
    )
    assert Agreement.objects.filter(action__goal=action.goal).count() == 2


# ---------------------------------------------------------------------------- the meeting


def test_plan_a_meeting_via_the_page(client, professional, involved_org, partner_org, partner):
    client.force_login(professional)
    data = {
        "kind": ConsultationKind.MDO,
        "title": "MDO Appingedam",
        "municipality": CaseFactory().household.municipality.uuid,
        "date": (TODAY + datetime.timedelta(days=3)).strftime("%d-%m-%Y"),
        "start_time": "14:00",
        "chair": partner.uuid,
        "organisations": [involved_org.uuid],
    }
    wrong_chair = client.post(reverse("consultations:plan"), data)
    assert wrong_chair.status_code == 400
    assert "De voorzitter werkt bij een deelnemende organisatie." in wrong_chair.content.decode()
    assert_accessible_page(wrong_chair.content.decode())

    response = client.post(
        reverse("consultations:plan"),
        data | {"organisations": [involved_org.uuid, partner_org.uuid]},
    )
    meeting = Consultation.objects.get()
    assert response.status_code == 302 and response.url == url("detail", meeting)
    assert meeting.chair == partner and meeting.start_time == datetime.time(14, 0)
    assert Attendee.objects.filter(consultation=meeting, professional=partner).exists()


def test_attendees_of_a_plan_meeting_are_named_only_with_content(
    client, case, professional, involved_org, partner_org, partner
):
    meeting = services.consultation_plan(
        actor=professional,
        kind=ConsultationKind.PLAN_MEETING,
        title="Plangesprek",
        municipality=case.household.municipality,
        date=TODAY,
        chair=professional,
        organisations=[involved_org, partner_org],
    )
    item = services.agenda_add(
        actor=professional, consultation=meeting, case=case, question="Wat is de volgende stap?"
    )
    member = members(case)[0]
    client.force_login(professional)
    response = client.post(url("attendee-add", meeting), {"who": f"person:{member.uuid}"})
    assert response.status_code == 302
    assert f"{member.full_name} (gezinslid)" in client.get(url("detail", meeting)).content.decode()

    client.force_login(partner)
    page = client.get(url("detail", meeting)).content.decode()
    assert "Gezinslid (afgeschermd)" in page and member.full_name not in page
    assert f"person:{member.uuid}" not in page  # nor offered in the attendee form
    attendee = Attendee.objects.get(person=member)
    removed = client.post(url("attendee-remove", meeting, attendee_uuid=attendee.uuid))
    assert removed.status_code == 302 and not Attendee.objects.filter(pk=attendee.pk).exists()
    chair = Attendee.objects.get(professional=professional)
    refused = client.post(url("attendee-remove", meeting, attendee_uuid=chair.uuid))
    assert refused.status_code == 400
    assert "De voorzitter blijft deelnemer." in refused.content.decode()
    assert item.pk  # the agenda is untouched


def test_only_the_chair_closes_the_minutes(client, item, professional, partner):
    client.force_login(partner)
    refused = client.post(url("close", item.consultation))
    assert refused.status_code == 400
    assert "De voorzitter rondt het verslag af." in refused.content.decode()

    client.force_login(professional)
    assert client.post(url("close", item.consultation)).status_code == 302
    page = client.get(url("detail", item.consultation)).content.decode()
    assert "Het verslag is afgerond op" in page
    assert "Afspraak vastleggen" not in page and "Casus op de agenda zetten" not in page
    late = client.post(item_url("item-minutes", item), {"summary": "Nog iets."})
    assert late.status_code == 400
    assert "Het verslag van dit overleg is afgerond." in late.content.decode()


def test_the_next_meeting_of_a_series_carries_the_open_agreements(
    client, item, professional, partner
):
    meeting = item.consultation
    series = Series.objects.create(
        name="Netwerkoverleg Delfzijl",
        kind=meeting.kind,
        municipality=meeting.municipality,
        chair=professional,
    )
    series.organisations.set(meeting.organisations.all())
    meeting.series = series
    meeting.save()
    agree(item, professional, description="Huurachterstand uitzoeken")
    client.force_login(professional)

    response = client.post(
        url("plan-next", meeting),
        {"date": (meeting.date + datetime.timedelta(days=28)).strftime("%d-%m-%Y")},
    )

    later = Consultation.objects.exclude(pk=meeting.pk).get()
    assert response.status_code == 302 and response.url == url("detail", later)
    page = client.get(response.url).content.decode()
    assert "Openstaande afspraken uit eerdere overleggen" in page
    assert "Huurachterstand uitzoeken" in page
    client.force_login(partner)
    hidden = client.get(url("detail", later)).content.decode()
    assert item.case.reference in hidden and "Huurachterstand" not in hidden
    assert "Uw organisatie heeft geen toestemming voor de inhoud van deze casus." in hidden


def test_a_policy_signal_from_the_meeting_refuses_names(client, item, professional):
    client.force_login(professional)
    surname = members(item.case)[0].surname
    data = {"theme": "wachtlijsten", "title": "Wachtlijst schuldhulp"}
    refused = client.post(
        url("signal-raise", item.consultation),
        data | {"description": f"Familie {surname} wacht al maanden."},
    )
    assert refused.status_code == 400
    assert "Haal gegevens weg" in refused.content.decode()
    response = client.post(
        url("signal-raise", item.consultation),
        data | {"description": "Gezinnen wachten drie maanden op een eerste gesprek."},
    )
    assert response.status_code == 302
    page = client.get(url("detail", item.consultation)).content.decode()
    assert "Wachtlijst schuldhulp" in page


def test_the_timeline_records_what_the_page_changed(client, item, professional):
    client.force_login(professional)
    client.post(item_url("item-minutes", item), {"summary": "Samen verder."})
    assert TimelineEvent.objects.filter(case=item.case, summary__contains="Samen verder.").exists()


def test_the_list_shows_past_meetings_latest_first(client, meeting, professional):
    for weeks in (9, 1, 5):
        ConsultationFactory(
            title=f"{weeks} weken geleden",
            municipality=meeting.municipality,
            date=TODAY - datetime.timedelta(weeks=weeks),
            chair=professional,
            organisations=list(meeting.organisations.all()),
        )
    client.force_login(professional)
    page = client.get(reverse("consultations:list")).content.decode()
    past = page[page.index('id="geweest"') :]
    positions = [past.index(f"{weeks} weken geleden") for weeks in (1, 5, 9)]
    assert positions == sorted(positions)


def test_the_menu_shows_meetings_and_policy_signals(client, professional):
    client.force_login(professional)
    page = client.get(reverse("consultations:list")).content.decode()
    assert f'href="{reverse("consultations:list")}" aria-current="page">Overleg' in page
    assert f'href="{reverse("policy-signals:list")}"' in page


def test_two_cases_on_one_agenda_each_have_their_own_forms(
    client, item, professional, involved_org
):
    """Every item carries its own forms: unique ids, each posting to its own item."""
    other = CaseFactory(household__members=2)
    InvolvementFactory(case=other, organisation=involved_org)
    second = services.agenda_add(
        actor=professional, consultation=item.consultation, case=other, question="Vraag?"
    )
    services.agenda_record_consent(
        actor=professional, item=second, ground=SharingGround.LEGAL_TASK, note="Jeugdwet."
    )
    client.force_login(professional)
    page = client.get(url("detail", item.consultation)).content.decode()
    for agenda_item in (item, second):
        assert item_url("item-consent", agenda_item) in page
        assert item_url("item-agreement", agenda_item) in page
    assert_accessible_page(page)
