import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.consultations import selectors, services
from eenplan.consultations.constants import (
    AgreementState,
    DecisionKind,
    PolicySignalStatus,
    PolicyTheme,
)
from eenplan.consultations.models import PolicySignal
from eenplan.consultations.reminders import send_reminders
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.services import Owner, action_set_status
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def agree(item, actor, *, due=TODAY + datetime.timedelta(days=10), description="Bel de bank"):
    return services.agreement_add(
        actor=actor,
        item=item,
        description=description,
        owner=Owner(
            kind=OwnerKind.ORGANISATION, organisation=actor.acting_organisation, professional=actor
        ),
        due_date=due,
        life_domain=LifeDomain.FINANCES,
        goal_title="Grip op de schulden",
    )


def test_an_agreement_becomes_a_linked_plan_action_on_the_timeline(item, professional):
    agreement = agree(item, professional)

    action = agreement.action
    assert action.agreement == agreement
    assert action.goal.plan.case == item.case
    assert action.owner_professional == professional
    assert action.due_date == TODAY + datetime.timedelta(days=10)
    assert TimelineEvent.objects.filter(
        case=item.case,
        kind=TimelineEventKind.PLAN_CHANGED,
        summary__contains="Afspraak uit Netwerkoverleg Delfzijl",
    ).exists()


def test_an_agreement_lands_under_an_existing_goal(item, professional):
    first = agree(item, professional)
    second = services.agreement_add(
        actor=professional,
        item=item,
        description="Stuur de brief",
        owner=Owner(kind=OwnerKind.HOUSEHOLD_MEMBER, person=item.case.household.members.first()),
        due_date=TODAY,
        goal=first.action.goal,
    )
    assert second.action.goal == first.action.goal
    assert first.action.goal.plan.goals.count() == 1


def test_no_minutes_or_agreements_before_consent_to_discuss(meeting, case, professional):
    item = services.agenda_add(
        actor=professional, consultation=meeting, case=case, question="Wie pakt de schulden op?"
    )
    with pytest.raises(ValidationError, match="instemt met bespreken"):
        agree(item, professional)
    with pytest.raises(ValidationError, match="instemt met bespreken"):
        services.minutes_record(actor=professional, item=item, summary="Besproken")


def test_the_question_to_the_meeting_names_no_one(meeting, case, professional):
    member = case.household.members.first()
    with pytest.raises(ValidationError, match=member.surname):
        services.agenda_add(
            actor=professional,
            consultation=meeting,
            case=case,
            question=f"Hoe helpen we {member.given_names} {member.surname}?",
        )
    with pytest.raises(ValidationError, match="postcode"):
        services.agenda_add(
            actor=professional, consultation=meeting, case=case, question="Gezin in 9934 AB"
        )


def test_only_the_coordinator_or_an_involved_professional_puts_a_case_on_the_agenda(
    meeting, case, partner
):
    with pytest.raises(Case.DoesNotExist):
        services.agenda_add(actor=partner, consultation=meeting, case=case, question="Vraag")


def test_an_attendee_without_access_sees_only_the_number_and_the_question(
    item, professional, partner, known_level_user
):
    agree(item, professional)
    services.minutes_record(actor=professional, item=item, summary="Schuldhulp start snel.")

    for attendee in (partner, known_level_user):
        view = selectors.consultation_get(user=attendee, consultation_uuid=item.consultation.uuid)
        (seen,) = view.items
        assert not seen.content
        assert seen.summary == "" and seen.agreement_list == [] and seen.decision_list == []
        assert seen.question == item.question
        assert selectors.agreement_list(user=attendee).count == 0
    assert not AccessLogEntry.objects.filter(actor__in=[partner, known_level_user]).exists()

    own = selectors.consultation_get(user=professional, consultation_uuid=item.consultation.uuid)
    assert own.items[0].content and own.items[0].summary == "Schuldhulp start snel."
    assert AccessLogEntry.objects.filter(actor=professional, name="overleg bekijken").count() == 3


def test_a_known_level_organisation_cannot_write_minutes(item, known_level_user):
    with pytest.raises(Case.DoesNotExist):
        services.minutes_record(actor=known_level_user, item=item, summary="x")


def test_a_decision_on_the_coordinator_sets_it_on_the_case(item, professional, involved_org):
    services.decision_record(
        actor=professional,
        item=item,
        kind=DecisionKind.COORDINATOR,
        text="Wijkteam neemt de regie.",
        coordinator=professional,
        coordinator_organisation=involved_org,
    )
    item.case.refresh_from_db()
    assert item.case.coordinator == professional
    assert "Besluit in Netwerkoverleg Delfzijl" in (
        TimelineEvent.objects.get(case=item.case, kind=TimelineEventKind.COORDINATOR_SET).summary
    )


def test_reminders_are_sent_once_per_due_moment(item, professional, settings):
    settings.REMINDER_DAYS_BEFORE = 3
    professional.email = "eigenaar@example.org"
    professional.save()
    agreement = agree(item, professional, due=TODAY + datetime.timedelta(days=2))

    assert send_reminders(today=TODAY).sent == 1
    assert send_reminders(today=TODAY).sent == 0
    assert mail.outbox[0].to == ["eigenaar@example.org"]
    assert item.case.household.name not in mail.outbox[0].body

    after_deadline = TODAY + datetime.timedelta(days=3)
    assert send_reminders(today=after_deadline).sent == 1
    assert send_reminders(today=after_deadline + datetime.timedelta(days=1)).sent == 0

    action = agreement.action
    action.due_date = TODAY + datetime.timedelta(days=20)  # a moved deadline is a new moment
    action.save()
    assert send_reminders(today=TODAY + datetime.timedelta(days=18)).sent == 1
    assert len(mail.outbox) == 3


def test_no_reminder_for_a_finished_agreement(item, professional):
    professional.email = "eigenaar@example.org"
    professional.save()
    agreement = agree(item, professional, due=TODAY - datetime.timedelta(days=1))
    action_set_status(
        actor=professional,
        action=agreement.action,
        lock_version=agreement.action.lock_version,
        status=ActionStatus.DONE,
    )
    assert send_reminders(today=TODAY).sent == 0


def test_the_next_meeting_carries_the_open_agreements(item, professional, involved_org, partner):
    series = services.Series.objects.create(
        name="Netwerkoverleg Delfzijl",
        kind=item.consultation.kind,
        municipality=item.consultation.municipality,
        chair=professional,
    )
    series.organisations.set(item.consultation.organisations.all())
    item.consultation.series = series
    item.consultation.save()
    open_one = agree(item, professional, description="Open afspraak")
    done = agree(item, professional, description="Klaar")
    action_set_status(
        actor=professional,
        action=done.action,
        lock_version=done.action.lock_version,
        status=ActionStatus.DONE,
    )

    later = services.consultation_plan_next(
        actor=professional, series=series, date=item.consultation.date + datetime.timedelta(30)
    )

    view = selectors.consultation_get(user=professional, consultation_uuid=later.uuid)
    assert [a.pk for a in view.carried] == [open_one.pk]
    assert view.carried[0].state == AgreementState.OPEN and view.carried[0].content
    hidden = selectors.consultation_get(user=partner, consultation_uuid=later.uuid).carried
    assert [a.content for a in hidden] == [False]


def test_a_policy_signal_holds_no_personal_data(item, professional):
    member = item.case.household.members.first()
    for text in (member.surname, item.case.reference, "BSN 123456782", "bel 06-12345678"):
        with pytest.raises(ValidationError):
            services.policy_signal_raise(
                actor=professional,
                consultation=item.consultation,
                theme=PolicyTheme.WAITING_LISTS,
                title="Wachtlijst schuldhulp",
                description=f"Gezin wacht te lang, zie {text}.",
            )
    signal = services.policy_signal_raise(
        actor=professional,
        consultation=item.consultation,
        theme=PolicyTheme.WAITING_LISTS,
        title="Wachtlijst schuldhulp",
        description="Gezinnen wachten drie maanden op een eerste gesprek.",
    )
    fields = {f.name for f in PolicySignal._meta.get_fields()}
    assert not fields & {"case", "household", "person"}
    assert signal.municipality == item.consultation.municipality


def test_a_policy_officer_answers_and_the_participants_read_it(item, professional, partner):
    signal = services.policy_signal_raise(
        actor=professional,
        consultation=item.consultation,
        theme=PolicyTheme.CONTRACTS,
        title="Contract dekt geen nazorg",
        description="Na afsluiten schuldhulp is er geen nazorg ingekocht.",
    )
    municipal = OrganisationFactory(name="Gemeente")
    municipal.municipalities.add(item.consultation.municipality)
    officer = user_in(municipal, Role.POLICY_OFFICER)
    with pytest.raises(ValidationError):
        services.policy_signal_respond(
            actor=partner, signal=signal, status=PolicySignalStatus.ACTED_ON, response="Ja"
        )

    services.policy_signal_respond(
        actor=officer,
        signal=signal,
        status=PolicySignalStatus.ACTED_ON,
        response="Nazorg komt in het contract van 2027.",
    )

    seen = selectors.policy_signal_get(user=partner, signal_uuid=signal.uuid)
    assert seen.response == "Nazorg komt in het contract van 2027."
    assert seen.status == PolicySignalStatus.ACTED_ON
    report = selectors.policy_signal_report(user=officer, year=signal.raised_at.year)
    contracts = next(row for row in report if row.theme == PolicyTheme.CONTRACTS)
    assert (contracts.total, contracts.acted_on) == (1, 1)
    outsider = user_in(OrganisationFactory(), Role.POLICY_OFFICER)
    assert selectors.policy_signal_list(user=outsider).count == 0
