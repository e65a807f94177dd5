import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases import services
from eenplan.cases.constants import CaseStatus, ServiceType, TimelineEventKind
from eenplan.cases.models import Case
from eenplan.cases.tests.factories import CaseFactory
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.privacy.constants import Action
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


def test_opening_a_case_involves_the_registering_organisation(professional, involved_org):
    household = HouseholdFactory(members=3)
    case = services.case_open(
        actor=professional,
        household=household,
        priority_question="Wij willen van de schulden af.",
        priority_domain="financien",
        other_questions=[("Mijn zoon gaat niet naar school.", "werk_opleiding")],
        service_type=ServiceType.SOCIAL_WORK,
    )
    assert case.status == CaseStatus.REFERRAL
    assert case.reference.startswith("EP-")
    assert [q.text for q in case.other_questions.all()] == ["Mijn zoon gaat niet naar school."]
    involvement = case.involvements.get()
    assert involvement.organisation == involved_org and involvement.contact == professional
    assert involvement.persons.count() == 3
    assert case.timeline.get().kind == TimelineEventKind.CASE_OPENED
    entries = AccessLogEntry.objects.filter(case_uuid=case.uuid, action=Action.UPDATE)
    assert entries.count() == 3
    assert Case.objects.visible_to(professional).filter(pk=case.pk).exists()


def test_one_open_case_per_household(case, professional):
    with pytest.raises(ValidationError) as error:
        services.case_open(
            actor=professional,
            household=case.household,
            priority_question="Nog een plan?",
            service_type=ServiceType.SOCIAL_WORK,
        )
    assert "household" in error.value.message_dict


def test_only_case_workers_open_cases():
    policy_officer = user_in(OrganisationFactory(), Role.POLICY_OFFICER)
    with pytest.raises(ValidationError):
        services.case_open(
            actor=policy_officer,
            household=HouseholdFactory(members=1),
            priority_question="Hulp",
            service_type=ServiceType.SOCIAL_WORK,
        )


def test_an_outsider_cannot_change_a_case(case, outsider):
    with pytest.raises(Case.DoesNotExist):
        services.case_transition(actor=outsider, case=case, to_status=CaseStatus.PLAN)
    with pytest.raises(Case.DoesNotExist):
        services.case_escalate(actor=outsider, case=case, level=3, reason="Vastgelopen")
    case.refresh_from_db()
    assert case.status == CaseStatus.INTAKE and case.escalation_level == 1


def test_coordinator_comes_from_an_involved_organisation(case, professional, involved_org):
    coordinator = user_in(involved_org, Role.COORDINATOR)
    services.case_set_coordinator(
        actor=professional, case=case, coordinator=coordinator, organisation=involved_org
    )
    case.refresh_from_db()
    assert case.coordinator == coordinator
    assert case.timeline.first().kind == TimelineEventKind.COORDINATOR_SET

    elsewhere = OrganisationFactory()
    with pytest.raises(ValidationError) as error:
        services.case_set_coordinator(
            actor=professional,
            case=case,
            coordinator=user_in(elsewhere, Role.COORDINATOR),
            organisation=elsewhere,
        )
    assert "organisation" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.case_set_coordinator(
            actor=professional,
            case=case,
            coordinator=user_in(involved_org, Role.TEAM_LEADER),
            organisation=involved_org,
        )
    assert "coordinator" in error.value.message_dict


def test_escalation_needs_a_reason_and_a_level_from_1_to_5(case, professional):
    with pytest.raises(ValidationError):
        services.case_escalate(actor=professional, case=case, level=3, reason=" ")
    with pytest.raises(ValidationError):
        services.case_escalate(actor=professional, case=case, level=6, reason="Te laat")
    services.case_escalate(actor=professional, case=case, level=4, reason="Geen woning.")
    case.refresh_from_db()
    assert (case.escalation_level, case.escalation_reason) == (4, "Geen woning.")
    assert case.timeline.first().data == {"from": 1, "to": 4, "decision": False}


def test_involvement_for_household_members_only(case, professional):
    organisation = OrganisationFactory()
    stranger_case = CaseFactory()
    with pytest.raises(ValidationError) as error:
        services.involvement_add(
            actor=professional,
            case=case,
            organisation=organisation,
            service_type=ServiceType.DEBT_HELP,
            life_domains=["financien"],
            persons=list(stranger_case.household.members.all()),
        )
    assert "persons" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.involvement_add(
            actor=professional,
            case=case,
            organisation=organisation,
            service_type=ServiceType.DEBT_HELP,
            life_domains=["geluk"],
            persons=list(case.household.members.all()),
        )
    assert "life_domains" in error.value.message_dict


def test_ending_an_involvement_ends_that_organisations_access(case, involved_org, professional):
    colleague_org = OrganisationFactory()
    colleague = user_in(colleague_org)
    involvement = services.involvement_add(
        actor=professional,
        case=case,
        organisation=colleague_org,
        contact=colleague,
        service_type=ServiceType.DEBT_HELP,
        life_domains=["financien"],
        persons=list(case.household.members.all()),
        start_date=timezone.localdate() - datetime.timedelta(days=10),
    )
    assert Case.objects.visible_to(colleague).filter(pk=case.pk).exists()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    services.involvement_end(actor=professional, involvement=involvement, end_date=yesterday)
    assert not Case.objects.visible_to(colleague).filter(pk=case.pk).exists()
    assert case.timeline.first().kind == TimelineEventKind.INVOLVEMENT_ENDED
