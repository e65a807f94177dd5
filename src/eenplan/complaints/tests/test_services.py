import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from eenplan.common.deadlines import weeks_after
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
from eenplan.complaints.models import Complaint, ComplaintSettings
from eenplan.privacy.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def register(world, actor=None, **fields):
    values = {
        "case": world.case,
        "person": world.family.mother,
        "kind": Kind.COMPLAINT,
        "description": "De hulpverlener kwam drie keer niet opdagen.",
        "theme": Theme.TREATMENT,
        "channel": Channel.PHONE,
        "received_on": datetime.date(2026, 11, 2),
    }
    return services.complaint_register(actor=actor or world.family.coordinator, **values | fields)


def visible(user, complaint) -> bool:
    return Complaint.objects.visible_to(user).filter(pk=complaint.pk).exists()


def talk(world, complaint, outcome, actor=None):
    return services.contact_record(
        actor=actor or complaint.handler,
        complaint=complaint,
        occurred_on=timezone.localdate(),
        way=ContactWay.PHONE,
        summary="Mevrouw voelde zich niet serieus genomen; excuses aangeboden.",
        outcome=outcome,
    )


def test_a_citizen_objects_to_a_refusal_and_someone_else_than_the_decider_handles_it(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    # The two complaints handlers are busy; the officer is free, but decided the refusal.
    register(world)
    register(world)
    with django_capture_on_commit_callbacks(execute=True):
        objection = register(
            world,
            actor=world.mother,
            kind=Kind.OBJECTION,
            decision=world.refusal,
            description="Ik kan de trap echt niet meer op.",
        )
    assert objection.decision == world.refusal
    assert objection.handling_organisation == world.municipal
    assert objection.handler in (world.handler, world.other_handler)
    assert (objection.channel, objection.received_on) == (Channel.PORTAL, timezone.localdate())
    assert objection.theme == Theme.DECISION and objection.reference.startswith("B-")
    # The objection period ended on 13 May 2026: a late objection counts from its receipt.
    assert objection.decision_made_known_on == datetime.date(2026, 4, 1)
    assert objection.decision_due == weeks_after(timezone.localdate(), 6)
    assert objection.contact_due == deadlines.contact_due(timezone.localdate())
    recipients = [address for mail in mailoutbox for address in mail.to]
    assert "anna@example.org" in recipients and "regie@example.org" in recipients
    assert all("trap" not in mail.body for mail in mailoutbox), "notices carry no content"
    # A complaint, by contrast, may go to the officer: now the one with the fewest open items.
    assert register(world).handler == world.officer


def test_a_complaint_about_one_organisation_goes_to_its_own_handler(world):
    about_ggz = register(world, organisations=[world.family.ggz])
    assert (about_ggz.handling_organisation, about_ggz.handler) == (
        world.family.ggz,
        world.ggz_handler,
    )
    # Debt help has nobody handling complaints: the municipality takes it.
    about_debt_help = register(world, organisations=[world.debt_help])
    assert about_debt_help.handling_organisation == world.municipal


def test_only_those_concerned_see_a_complaint(world):
    complaint = register(world, organisations=[world.family.ggz])
    for user in (world.ggz_handler, world.family.ggz_worker, world.family.coordinator):
        assert visible(user, complaint)
    for user in (world.debt_worker, world.handler, world.officer, world.mother):
        assert not visible(user, complaint)


def test_the_municipality_settings_set_the_contact_days_and_committees(world):
    ComplaintSettings.objects.create(
        municipality=world.case.household.municipality,
        contact_working_days=2,
        complaints_committee=True,
    )
    complaint = register(world, received_on=datetime.date(2026, 3, 2))
    assert complaint.committee
    assert complaint.contact_due == datetime.date(2026, 3, 4)
    assert complaint.decision_due == datetime.date(2026, 5, 11)


def test_a_citizen_files_for_a_young_child_not_for_a_child_of_seventeen(world):
    child = register(world, actor=world.mother, person=world.family.young)
    assert child.person == world.family.young and child.registered_by == world.mother
    with pytest.raises(PermissionDenied):
        register(world, actor=world.mother, person=world.family.teen)


def test_bad_registrations_are_refused_with_reasons(world):
    with pytest.raises(ValidationError) as error:
        register(world, kind=Kind.OBJECTION, description=" ", received_on=datetime.date(2099, 1, 1))
    assert {"decision", "description", "received_on"} <= set(error.value.message_dict)
    with pytest.raises(PermissionDenied):
        register(world, actor=world.handler)  # does not work on the case


def test_a_phone_call_resolves_it_informally(world, django_capture_on_commit_callbacks, mailoutbox):
    complaint = register(world)
    with django_capture_on_commit_callbacks(execute=True):
        talk(world, complaint, ContactOutcome.RESOLVED)
    complaint.refresh_from_db()
    assert complaint.status == Status.CLOSED
    assert complaint.outcome == Outcome.RESOLVED_INFORMALLY
    assert complaint.contacted_on == complaint.closed_on == timezone.localdate()
    assert "regie@example.org" in [a for mail in mailoutbox for a in mail.to]
    entry = AccessLogEntry.objects.filter(name="persoonlijk contact vastleggen").get()
    assert (entry.case_uuid, entry.person_uuid) == (world.case.uuid, world.family.mother.uuid)
    assert "Klachten en bezwaren" in entry.purpose
    with pytest.raises(ValidationError):
        talk(world, complaint, ContactOutcome.TALK_AGAIN)  # closed


def test_the_citizen_confirms_in_the_portal_or_says_it_is_not_resolved(world):
    complaint = register(world, actor=world.mother)
    talk(world, complaint, ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    services.resolution_answer(user=world.mother, complaint=complaint, resolved=False, text="Nee")
    complaint.refresh_from_db()
    assert complaint.status == Status.IN_CONVERSATION
    talk(world, complaint, ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    services.resolution_answer(user=world.mother, complaint=complaint, resolved=True)
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.RESOLVED_INFORMALLY)
    kinds = list(complaint.steps.values_list("kind", flat=True))
    assert kinds == [
        StepKind.REGISTERED,
        StepKind.CONTACT,
        StepKind.NOT_RESOLVED,
        StepKind.CONTACT,
        StepKind.CONFIRMED,
    ]


def test_an_unreached_citizen_is_not_counted_as_contacted(world):
    complaint = register(world)
    talk(world, complaint, ContactOutcome.NOT_REACHED)
    complaint.refresh_from_db()
    assert (complaint.status, complaint.contacted_on) == (Status.NEW, None)


def test_only_the_handler_acts(world):
    complaint = register(world)
    for user in (world.family.coordinator, world.debt_worker, world.ggz_handler):
        with pytest.raises(PermissionDenied):
            talk(world, complaint, ContactOutcome.RESOLVED, actor=user)
    # A colleague handling complaints at the same organisation may take over.
    colleague = world.other_handler if complaint.handler == world.handler else world.handler
    services.handler_assign(actor=colleague, complaint=complaint, handler=colleague)
    with pytest.raises(ValidationError):
        services.handler_assign(actor=colleague, complaint=complaint, handler=world.debt_worker)


def test_the_formal_route_of_a_complaint(world):
    complaint = register(world, received_on=datetime.date(2026, 11, 2))
    talk(world, complaint, ContactOutcome.FORMAL)
    ack = services.acknowledge(actor=complaint.handler, complaint=complaint)
    assert ack.due_on == datetime.date(2026, 12, 14)
    with pytest.raises(ValidationError):
        services.extend(actor=complaint.handler, complaint=complaint, weeks=5, reason="Drukte")
    step = services.extend(actor=complaint.handler, complaint=complaint, weeks=4, reason="Ziekte")
    assert step.due_on == datetime.date(2027, 1, 11)
    with pytest.raises(ValidationError):
        services.extend(actor=complaint.handler, complaint=complaint, weeks=1, reason="Nog meer")
    decision = services.decide(
        actor=complaint.handler,
        complaint=complaint,
        outcome=Outcome.PARTLY_FOUNDED,
        reasons="De afspraken zijn niet nagekomen; de toon was wel correct.",
    )
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.PARTLY_FOUNDED)
    assert complaint.closed_on == decision.occurred_on


def test_an_objection_is_postponed_once_and_then_only_with_consent(world):
    objection = register(
        world,
        kind=Kind.OBJECTION,
        decision=world.refusal,
        received_on=datetime.date(2026, 4, 20),
    )
    assert objection.decision_due == datetime.date(2026, 6, 24)
    handler = objection.handler
    services.extend(actor=handler, complaint=objection, weeks=6, reason="Advies arts nodig")
    with pytest.raises(ValidationError):
        services.extend(actor=handler, complaint=objection, weeks=2, reason="Nog meer tijd")
    services.extend(
        actor=handler, complaint=objection, weeks=2, reason="Op verzoek", with_consent=True
    )
    objection.refresh_from_db()
    assert objection.extension_weeks == 8
    assert objection.decision_due == datetime.date(2026, 8, 19)


def test_a_citizen_withdraws_their_own_complaint_only(world):
    complaint = register(world)
    teen = world.family.account(world.family.teen)
    with pytest.raises(PermissionDenied):
        services.withdraw(actor=teen, complaint=complaint)
    services.withdraw(actor=world.mother, complaint=complaint, text="Het is goed zo.")
    complaint.refresh_from_db()
    assert (complaint.status, complaint.outcome) == (Status.CLOSED, Outcome.WITHDRAWN)
