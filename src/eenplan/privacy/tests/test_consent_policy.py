"""Consent and legal bases decide what an involved organisation sees beyond the known level."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.cases import selectors as case_selectors
from eenplan.cases.constants import DataCategory, NoteAudience, SharingGround
from eenplan.cases.models import Case, Note
from eenplan.cases.services import consent_record, consent_withdraw, note_add
from eenplan.cases.tests.factories import ConsentFactory, InvolvementFactory
from eenplan.people import selectors as people_selectors
from eenplan.plans.models import Goal, Plan
from eenplan.plans.services import goal_add
from eenplan.plans.tests.factories import GoalFactory, PlanFactory
from eenplan.privacy import policy
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconsented(case):
    """A professional of an organisation involved in ``case`` without consent or legal basis."""
    organisation = OrganisationFactory(name="GGZ Noord")
    InvolvementFactory(case=case, organisation=organisation, consent=False)
    return user_in(organisation, Role.PROFESSIONAL)


@pytest.fixture
def plan(case):
    plan = PlanFactory(case=case)
    GoalFactory(plan=plan)
    return plan


def adult(case):
    return case.household.memberships.get(is_contact=True).person


def test_known_level_sees_the_case_but_no_content(case, unconsented, plan):
    assert Case.objects.visible_to(unconsented).filter(pk=case.pk).exists()
    assert not Plan.objects.visible_to(unconsented).exists()
    assert not Goal.objects.visible_to(unconsented).exists()
    found = case_selectors.case_get(user=unconsented, case_uuid=case.uuid)
    assert found.priority_question == ""
    assert not found.access.has_content
    assert list(found.other_questions.all()) == []
    with pytest.raises(PermissionDenied):
        case_selectors.case_timeline(user=unconsented, case_uuid=case.uuid)


def test_client_view_at_known_level_keeps_names_and_contacts_only(case, unconsented, plan):
    view = people_selectors.household_client_view(
        user=unconsented, household_uuid=case.household.uuid
    )
    assert {m.person.surname for m in view.members} == {"Bakker"}
    assert all(m.person.street == "" and m.person.postcode == "" for m in view.members)
    assert view.timeline == [] and view.network == []
    involvements = view.case.involvements.all()
    assert {i.organisation.name for i in involvements} >= {"Wijkteam Delfzijl", "GGZ Noord"}
    assert all(i.service_type == "" and i.life_domains == [] for i in involvements)


def test_consent_opens_the_plan_and_withdrawal_closes_it_at_once(
    case, unconsented, professional, plan
):
    consent = consent_record(
        actor=professional,
        case=case,
        organisation=unconsented.acting_organisation,
        person=adult(case),
        categories=[DataCategory.PLAN],
        purpose="Afstemmen van de behandeling met het gezinsplan",
    )
    assert Plan.objects.visible_to(unconsented).filter(pk=plan.pk).exists()
    assert case_selectors.case_get(user=unconsented, case_uuid=case.uuid).priority_question
    assert case_selectors.case_timeline(user=unconsented, case_uuid=case.uuid)

    consent_withdraw(actor=professional, consent=consent, note="Moeder wil dit niet meer.")
    assert not Plan.objects.visible_to(unconsented).exists()
    assert case.timeline.first().kind == "toestemming_ingetrokken"


def test_consent_covers_only_its_categories_and_its_period(case, unconsented, plan):
    organisation = unconsented.acting_organisation
    today = timezone.localdate()
    ConsentFactory(
        case=case,
        organisation=organisation,
        shares_plan=False,
        shares_notes=True,
        shares_contact=False,
        shares_assessments=False,
    )
    assert not Plan.objects.visible_to(unconsented).exists()
    ConsentFactory(
        case=case, organisation=organisation, valid_from=today + datetime.timedelta(days=1)
    )
    ConsentFactory(
        case=case,
        organisation=organisation,
        valid_from=today - datetime.timedelta(days=10),
        valid_until=today - datetime.timedelta(days=1),
    )
    assert not Plan.objects.visible_to(unconsented).exists()
    access = policy.case_access(unconsented, [case.pk])[case.pk]
    assert access.categories == {DataCategory.NOTES}


def test_contact_details_open_per_person(case, unconsented):
    mother, child = adult(case), case.household.members.exclude(pk=adult(case).pk).first()
    ConsentFactory(
        case=case,
        organisation=unconsented.acting_organisation,
        ground=SharingGround.CONSENT,
        person=mother,
        given_by=mother,
        shares_plan=False,
        shares_notes=False,
        shares_assessments=False,
        shares_contact=True,
    )
    view = people_selectors.household_client_view(
        user=unconsented, household_uuid=case.household.uuid
    )
    streets = {m.person.pk: m.person.street for m in view.members}
    assert streets[mother.pk] == "Molenstraat"
    assert streets[child.pk] == ""
    hits = people_selectors.person_search(user=unconsented, name=child.given_names)
    assert hits and hits[0].street == ""
    # An address is contact data: searching by postcode finds only the consenting member.
    found = people_selectors.person_search(user=unconsented, postcode="9934AB")
    assert [p.pk for p in found] == [mother.pk]


def test_a_consent_of_an_organisation_no_longer_involved_opens_nothing(case, unconsented):
    involvement = case.involvements.get(organisation=unconsented.acting_organisation)
    ConsentFactory(case=case, organisation=unconsented.acting_organisation)
    involvement.end_date = timezone.localdate() - datetime.timedelta(days=1)
    involvement.save()
    assert not Case.objects.visible_to(unconsented).exists()
    assert not Plan.objects.filter(policy.related_case_visibility(unconsented, "case")).exists()


@pytest.mark.parametrize(
    ("audience", "sees"),
    [
        (NoteAudience.OWN_ORGANISATION, {"author", "colleague"}),
        (NoteAudience.INVOLVED, {"author", "colleague", "consented", "coordinator"}),
        (NoteAudience.COORDINATOR, {"author", "coordinator"}),
    ],
)
def test_notes_reach_their_audience_only(case, involved_org, professional, audience, sees):
    colleague = user_in(involved_org, Role.PROFESSIONAL)
    consented_org = OrganisationFactory()
    InvolvementFactory(case=case, organisation=consented_org)
    coordinator = user_in(consented_org, Role.COORDINATOR)
    case.coordinator, case.coordinator_organisation = coordinator, consented_org
    case.save()
    known_org = OrganisationFactory()
    InvolvementFactory(case=case, organisation=known_org, consent=False)
    readers = {
        "author": professional,
        "colleague": colleague,
        "consented": user_in(consented_org, Role.PROFESSIONAL),
        "coordinator": coordinator,
        "known_level": user_in(known_org, Role.PROFESSIONAL),
        "outsider": user_in(OrganisationFactory(), Role.PROFESSIONAL),
    }
    note = note_add(
        actor=professional, case=case, text="Vader is weer aan het werk.", audience=audience
    )
    seen_by = {
        name
        for name, user in readers.items()
        if Note.objects.visible_to(user).filter(pk=note.pk).exists()
    }
    assert seen_by == sees
    assert "Vader" not in case.timeline.first().summary


def test_legal_basis_needs_a_justification_and_the_relying_organisation(case, professional):
    safety_org = OrganisationFactory(name="Veilig Thuis")
    InvolvementFactory(case=case, organisation=safety_org, consent=False)
    safety_worker = user_in(safety_org, Role.PROFESSIONAL)
    basis = dict(
        case=case,
        organisation=safety_org,
        ground=SharingGround.MELDCODE,
        categories=[DataCategory.PLAN, DataCategory.CONTACT],
        purpose="Veiligheid van de kinderen",
    )
    with pytest.raises(Exception, match="Onderbouw"):
        consent_record(actor=safety_worker, **basis)
    with pytest.raises(Exception, match="organisatie zelf"):
        consent_record(actor=professional, justification="Signalen van geweld", **basis)
    consent_record(actor=safety_worker, justification="Melding volgens de Meldcode", **basis)
    access = policy.case_access(safety_worker, [case.pk])[case.pk]
    assert access.plan
    assert all(access.allows(DataCategory.CONTACT, m) for m in case.household.members.all())


def test_without_plan_consent_the_plan_cannot_be_changed_either(case, unconsented, plan):
    with pytest.raises(Case.DoesNotExist):
        goal_add(actor=unconsented, plan=plan, life_domain="financien", title="Stiekem doel")
    assert plan.goals.count() == 1


def test_a_known_level_organisation_withdraws_only_its_own_consent(case, unconsented):
    own = ConsentFactory(case=case, organisation=unconsented.acting_organisation, shares_plan=False)
    other = case.consents.exclude(pk=own.pk).get()
    with pytest.raises(ValidationError, match="ontvangende organisatie"):
        consent_withdraw(actor=unconsented, consent=other)
    consent_withdraw(actor=unconsented, consent=own)
    assert case.consents.get(pk=own.pk).withdrawn_at is not None
