"""What a household member may do in the portal, tested on the services and selectors: the rules
for children under 16, proposals that reach the plan only through the coordinator, consent that
ends at once, the access log told back in words, and an export with nothing of others."""

import json

import pytest
from django.core.exceptions import ValidationError

from eenplan.cases.constants import DataCategory
from eenplan.cases.models import Case, Consent
from eenplan.cases.tests.factories import CaseFactory
from eenplan.common.locking import ConflictError
from eenplan.people.models import NetworkMember
from eenplan.plans.constants import ActionStatus, AgreementMethod
from eenplan.plans.models import Goal, PlanVersion
from eenplan.portal import selectors, services
from eenplan.portal.constants import ProposalKind, ProposalStatus
from eenplan.portal.rules import persons_in_care
from eenplan.privacy import policy
from eenplan.privacy.constants import Action as LogAction
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import access_log_write

pytestmark = pytest.mark.django_db


def content_visible(user, case) -> bool:
    rule = policy.case_content_visibility(user, DataCategory.PLAN)
    return Case.objects.filter(rule, pk=case.pk).exists()


# ---------------------------------------------------------------------- who sees what


def test_a_parent_cares_for_children_under_16_and_not_for_one_of_17(family):
    mother = family.account(family.mother)
    assert persons_in_care(mother.citizen) == [family.mother, family.young]
    teen = family.account(family.teen)
    assert persons_in_care(teen.citizen) == [family.teen]


def test_no_account_for_a_child_under_16(family):
    with pytest.raises(ValidationError):
        family.account(family.young)


def test_a_parent_sees_and_changes_consent_for_the_young_child_not_for_the_teen(family):
    mother = family.account(family.mother)
    rows = selectors.my_consents(user=mother)
    assert {(row.person, row.organisation) for row in rows} == {
        (person, org)
        for person in (family.mother, family.young)
        for org in (family.team, family.ggz)
    }
    with pytest.raises(ValidationError):
        services.consent_change(
            user=mother,
            case=family.case,
            organisation=family.ggz,
            person=family.teen,
            categories=[],
        )
    assert Consent.objects.active().filter(person=family.teen).count() == 1


def test_a_member_hides_an_own_action_from_the_household(family):
    mother, father = family.account(family.mother), family.account(family.father)
    services.item_hide(user=mother, case=family.case, action=family.mothers_action)
    [fathers_view] = selectors.my_plans(user=father)
    assert family.mothers_action not in fathers_view.goals[0].visible_actions
    [mothers_view] = selectors.my_plans(user=mother)
    assert family.mothers_action in mothers_view.goals[0].visible_actions
    with pytest.raises(ValidationError):
        services.item_hide(user=mother, case=family.case, action=family.fathers_action)


# ---------------------------------------------------------------------- plan


def test_a_member_agrees_the_plan_digitally_and_another_joins(family):
    mother, father = family.account(family.mother), family.account(family.father)
    version = services.plan_agree(user=mother, case=family.case, revision=family.plan.revision)
    assert version.agreement_method == AgreementMethod.DIGITAL
    assert list(version.agreed_by.all()) == [family.mother]
    services.plan_agree(user=father, case=family.case, revision=family.plan.revision)
    assert set(PlanVersion.objects.get().agreed_by.all()) == {family.mother, family.father}
    [view] = selectors.my_plans(user=father)
    assert view.has_agreed and not view.may_agree
    with pytest.raises(ValidationError):
        services.plan_agree(user=father, case=family.case, revision=family.plan.revision)


def test_a_member_ticks_only_own_actions(family):
    mother = family.account(family.mother)
    services.action_tick(user=mother, action=family.mothers_action)
    family.mothers_action.refresh_from_db()
    assert family.mothers_action.status == ActionStatus.DONE
    with pytest.raises(ValidationError):
        services.action_tick(user=mother, action=family.fathers_action)
    family.fathers_action.refresh_from_db()
    assert family.fathers_action.status == ActionStatus.OPEN


def test_a_citizen_cannot_act_on_another_household(family):
    stranger = family.account(family.mother)
    other = CaseFactory()
    with pytest.raises(Case.DoesNotExist):
        services.proposal_submit(user=stranger, case=other, kind=ProposalKind.STRENGTH, text="x")
    with pytest.raises(Case.DoesNotExist):
        services.message_send(user=stranger, case=other, body="Hallo")


# ---------------------------------------------------------------------- proposals


def test_proposals_reach_the_plan_only_through_the_coordinator(family):
    mother = family.account(family.mother)
    neighbour = services.proposal_submit(
        user=mother,
        case=family.case,
        kind=ProposalKind.NETWORK_MEMBER,
        text="Buurvrouw Els",
        network_kind="buur",
        relationship="buurvrouw",
        detail="Past op Cas op woensdag",
    )
    goal = services.proposal_submit(
        user=mother,
        case=family.case,
        kind=ProposalKind.GOAL,
        text="Werk vinden",
        life_domain="werk_opleiding",
    )
    assert not NetworkMember.objects.exists()
    assert not Goal.objects.filter(title="Werk vinden").exists()

    with pytest.raises(ValidationError):  # involved, may see the plan, but not the coordinator
        services.proposal_take_in(actor=family.ggz_worker, proposal=neighbour)
    with pytest.raises(Case.DoesNotExist):  # a citizen is no coordinator
        services.proposal_take_in(actor=mother, proposal=neighbour)

    services.proposal_take_in(actor=family.coordinator, proposal=neighbour)
    member = NetworkMember.objects.get()
    assert (member.name, member.household) == ("Buurvrouw Els", family.case.household)
    services.proposal_decline(actor=family.coordinator, proposal=goal, answer="Eerst de schulden.")
    goal.refresh_from_db()
    assert goal.status == ProposalStatus.DECLINED and not Goal.objects.filter(title="Werk vinden")
    with pytest.raises(ValidationError):
        services.proposal_take_in(actor=family.coordinator, proposal=goal)


def test_a_goal_proposal_taken_in_opens_a_new_draft(family):
    mother = family.account(family.mother)
    services.plan_agree(user=mother, case=family.case, revision=family.plan.revision)
    proposal = services.proposal_submit(
        user=mother,
        case=family.case,
        kind=ProposalKind.GOAL,
        text="Werk vinden",
        life_domain="werk_opleiding",
    )
    services.proposal_take_in(actor=family.coordinator, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.goal.title == "Werk vinden"
    family.plan.refresh_from_db()
    assert family.plan.is_draft and family.plan.version_number == 2


# ---------------------------------------------------------------------- consent


def test_withdrawing_consent_takes_effect_at_once(family):
    mother = family.account(family.mother)
    assert content_visible(family.ggz_worker, family.case)
    for person in (family.mother, family.young):
        services.consent_change(
            user=mother, case=family.case, organisation=family.ggz, person=person, categories=[]
        )
    # The teen's own consent still opens the household-wide plan: it is theirs to withdraw.
    assert content_visible(family.ggz_worker, family.case)
    teen = family.account(family.teen)
    services.consent_change(
        user=teen, case=family.case, organisation=family.ggz, person=family.teen, categories=[]
    )
    assert not content_visible(family.ggz_worker, family.case)
    assert Case.objects.visible_to(family.ggz_worker).filter(pk=family.case.pk).exists()


def test_changing_consent_replaces_the_categories(family):
    mother = family.account(family.mother)
    consent = services.consent_change(
        user=mother,
        case=family.case,
        organisation=family.ggz,
        person=family.mother,
        categories=[DataCategory.CONTACT],
    )
    assert consent.categories == [DataCategory.CONTACT] and consent.given_by == family.mother
    active = Consent.objects.active().filter(person=family.mother, organisation=family.ggz)
    assert list(active) == [consent]


# ---------------------------------------------------------------------- access log


def test_the_access_log_shown_matches_the_entries_written(family):
    mother = family.account(family.mother)
    selectors.my_plans(user=mother)  # own reads are left out
    access_log_write(
        actor=family.ggz_worker,
        action=LogAction.READ,
        name="klantbeeld inzien",
        subjects=[(family.case, family.mother), (family.case, family.young)],
    )
    access_log_write(
        actor=family.ggz_worker,
        action=LogAction.READ,
        name="klantbeeld inzien",
        subjects=[(family.case, family.teen)],  # the teen's own business
    )
    shown = selectors.my_access_log(user=mother)
    written = AccessLogEntry.objects.filter(
        person_uuid__in=[family.mother.uuid, family.young.uuid]
    ).exclude(actor=mother)
    assert len(shown) == written.count() == 2
    assert {(e.who, e.what, e.about) for e in shown} == {
        ("GGZ Noord", "klantbeeld inzien", family.mother.full_name),
        ("GGZ Noord", "klantbeeld inzien", family.young.full_name),
    }


# ---------------------------------------------------------------------- export


def test_the_export_holds_the_persons_data_and_nothing_of_others(family):
    mother = family.account(family.mother)
    services.message_send(user=mother, case=family.case, body="Kunnen we dinsdag bellen?")
    services.plan_agree(user=mother, case=family.case, revision=family.plan.revision)
    services.feedback_give(user=mother, case=family.case, score=8, comment="Fijn geholpen")
    access_log_write(
        actor=family.ggz_worker,
        action=LogAction.READ,
        name="klantbeeld inzien",
        subjects=[(family.case, family.mother)],
    )
    data = selectors.my_data(user=mother)
    text = json.dumps(data, ensure_ascii=False)
    assert data["persoon"]["bsn"] == family.mother.bsn
    assert "Belt de schuldhulp" in text and "Kunnen we dinsdag bellen?" in text
    assert data["casussen"][0]["waarderingen"][0]["cijfer"] == 8
    assert data["wie_heeft_mijn_gegevens_bekeken"][0]["wie"] == "GGZ Noord"
    for other in (family.father, family.young, family.teen):
        assert other.bsn not in text and other.given_names not in text
    assert "Gaat naar de huisarts" not in text  # the father's action


# ---------------------------------------------------------------------- messages, feedback


def test_feedback_needs_an_agreed_plan_and_one_mark_per_period(family):
    mother = family.account(family.mother)
    with pytest.raises(ValidationError):
        services.feedback_give(user=mother, case=family.case, score=7)
    services.plan_agree(user=mother, case=family.case, revision=family.plan.revision)
    with pytest.raises(ValidationError):
        services.feedback_give(user=mother, case=family.case, score=11)
    services.feedback_give(user=mother, case=family.case, score=6)
    feedback = services.feedback_give(user=mother, case=family.case, score=8)
    assert (feedback.score, feedback.plan_version) == (8, 1)
    assert family.case.feedback.count() == 1


def test_only_the_coordinator_writes_the_household(
    family, mailoutbox, django_capture_on_commit_callbacks
):
    mother = family.account(family.mother)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(user=mother, case=family.case, body="Geheim verhaal")
    assert mailoutbox[-1].to == ["regie@example.org"]
    assert "Geheim verhaal" not in mailoutbox[-1].body
    with pytest.raises(ValidationError):
        services.message_send(user=family.ggz_worker, case=family.case, body="Hallo")
    services.message_send(user=family.coordinator, case=family.case, body="Dinsdag om 10 uur")
    [(_case, thread)] = selectors.my_messages(user=mother)
    assert [m.body for m in thread] == ["Geheim verhaal", "Dinsdag om 10 uur"]
    assert selectors.case_messages(user=family.ggz_worker, case=family.case) == []


def test_a_plan_changed_since_the_member_read_it_is_not_agreed(family):
    mother = family.account(family.mother)
    read = family.plan.revision
    services.proposal_take_in(
        actor=family.coordinator,
        proposal=services.proposal_submit(
            user=mother, case=family.case, kind=ProposalKind.STRENGTH, text="Oma helpt"
        ),
    )
    with pytest.raises(ConflictError):
        services.plan_agree(user=mother, case=family.case, revision=read)
    assert not PlanVersion.objects.exists()
