"""The coordinator's side of Mijn EenPlan, the tab "Inbreng huishouden": proposals reach the plan
only through the coordinator, only the coordinator reads and answers the messages, and the
e-mail notices on both sides carry no content."""

import pytest
from django.urls import reverse

from eenplan.people.models import NetworkMember
from eenplan.plans.models import Goal
from eenplan.portal import services
from eenplan.portal.constants import ProposalKind, ProposalStatus
from eenplan.portal.models import Message

pytestmark = pytest.mark.django_db


def page_url(family) -> str:
    return reverse("household_input:page", args=[family.case.uuid])


def take_in_url(family, proposal) -> str:
    return reverse("household_input:take-in", args=[family.case.uuid, proposal.uuid])


def decline_url(family, proposal) -> str:
    return reverse("household_input:decline", args=[family.case.uuid, proposal.uuid])


def goal_proposal(family, mother):
    return services.proposal_submit(
        user=mother,
        case=family.case,
        kind=ProposalKind.GOAL,
        text="Werk vinden",
        detail="Liefst in de zorg",
        life_domain="werk_opleiding",
    )


def test_the_coordinator_takes_a_goal_proposal_into_the_plan(client, family):
    proposal = goal_proposal(family, family.account(family.mother))
    client.force_login(family.coordinator)
    page = client.get(page_url(family))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Werk vinden" in html and "Zet in het plan" in html and "Niet overnemen" in html
    assert 'aria-current="page">Inbreng huishouden' in html

    prefix = f"overnemen-{proposal.uuid}"
    response = client.post(take_in_url(family, proposal), {f"{prefix}-answer": "Goed idee!"})
    assert response.status_code == 302
    goal = Goal.objects.get(plan=family.plan, title="Werk vinden")
    assert goal.description == "Liefst in de zorg"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.goal, proposal.answer) == (
        ProposalStatus.TAKEN_IN,
        goal,
        "Goed idee!",
    )
    assert "Er zijn geen open voorstellen." in client.get(page_url(family)).content.decode()


def test_a_network_member_proposal_becomes_a_network_member_of_the_household(client, family):
    proposal = services.proposal_submit(
        user=family.account(family.mother),
        case=family.case,
        kind=ProposalKind.NETWORK_MEMBER,
        text="Buurvrouw Els",
        network_kind="buur",
        relationship="buurvrouw",
        detail="Past op Cas op woensdag",
    )
    client.force_login(family.coordinator)
    assert client.post(take_in_url(family, proposal), {}).status_code == 302
    member = NetworkMember.objects.get()
    assert (member.name, member.household) == ("Buurvrouw Els", family.case.household)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.TAKEN_IN and proposal.network_member == member


def test_declining_needs_an_answer_for_the_household(client, family):
    proposal = goal_proposal(family, family.account(family.mother))
    client.force_login(family.coordinator)
    prefix = f"niet-overnemen-{proposal.uuid}"
    response = client.post(decline_url(family, proposal), {f"{prefix}-answer": " "})
    assert response.status_code == 400
    assert "Schrijf aan het huishouden waarom niet." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN

    answer = {f"{prefix}-answer": "Eerst de schulden, dan werk."}
    assert client.post(decline_url(family, proposal), answer).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.answer == "Eerst de schulden, dan werk."
    assert not Goal.objects.filter(title="Werk vinden").exists()


def test_an_involved_professional_sees_proposals_but_neither_decides_nor_reads_messages(
    client, family
):
    mother = family.account(family.mother)
    proposal = goal_proposal(family, mother)
    services.message_send(user=mother, case=family.case, body="Geheim verhaal")
    client.force_login(family.ggz_worker)

    html = client.get(page_url(family)).content.decode()
    assert "Werk vinden" in html and "Zet in het plan" not in html
    assert "Geheim verhaal" not in html and "handelt de berichten" in html

    response = client.post(take_in_url(family, proposal), {})
    assert response.status_code == 400
    assert "De regisseur van dit huishouden beslist over voorstellen." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    assert not Goal.objects.filter(title="Werk vinden").exists()

    reply = client.post(
        reverse("household_input:reply", args=[family.case.uuid]), {"bericht-body": "Hallo"}
    )
    assert reply.status_code == 400
    assert not Message.objects.filter(from_household=False).exists()
    assert Message.objects.get().read_at is None  # the coordinator has not read it


def test_an_uninvolved_professional_gets_not_found(client, family, outsider):
    proposal = goal_proposal(family, family.account(family.mother))
    client.force_login(outsider)
    assert client.get(page_url(family)).status_code == 404
    assert client.post(take_in_url(family, proposal), {}).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN


def test_messages_go_both_ways_with_a_notice_without_content(
    client, family, mailoutbox, django_capture_on_commit_callbacks
):
    family.mother.email = "anna@example.org"
    family.mother.save()
    mother = family.account(family.mother)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(user=mother, case=family.case, body="Kunt u dinsdag bellen?")
    [to_coordinator] = mailoutbox
    assert to_coordinator.to == ["regie@example.org"]
    assert "dinsdag" not in to_coordinator.body and page_url(family) in to_coordinator.body

    client.force_login(family.coordinator)
    html = client.get(page_url(family)).content.decode()
    assert "Kunt u dinsdag bellen?" in html
    assert Message.objects.get().read_at is not None  # the coordinator read it

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("household_input:reply", args=[family.case.uuid]),
            {"bericht-body": "Ja, om 10 uur bel ik u."},
        )
    assert response.status_code == 302
    to_household = mailoutbox[-1]
    assert to_household.to == ["anna@example.org"]
    assert "10 uur" not in to_household.body and reverse("portal:messages") in to_household.body
    assert Message.objects.filter(from_household=False, body="Ja, om 10 uur bel ik u.").exists()


def test_the_plan_page_has_the_household_input_tab(client, family):
    client.force_login(family.coordinator)
    html = client.get(reverse("plans:plan", args=[family.case.uuid])).content.decode()
    assert page_url(family) in html
