"""Retention periods: which kind a closed case falls under and when it goes, the run that
destroys it (and logs it), legal holds, expired match signals, the report and its pages."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from eenplan.assessments.models import Assessment
from eenplan.assessments.tests.factories import AssessmentFactory
from eenplan.cases.constants import (
    CaseStatus,
    ClosingReason,
    NoteAudience,
    ServiceType,
    SharingGround,
)
from eenplan.cases.models import Case, Consent, Involvement, Note, TimelineEvent
from eenplan.cases.tests.factories import (
    CaseFactory,
    ConsentFactory,
    InvolvementFactory,
    TimelineEventFactory,
)
from eenplan.complaints.constants import Channel, Kind, Status, Theme
from eenplan.complaints.models import Complaint
from eenplan.consultations import services as consultations
from eenplan.consultations.constants import AttendeeKind, ConsultationKind
from eenplan.consultations.models import AgendaItem, Attendee, Consultation
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.people.tests.factories import (
    HouseholdFactory,
    NetworkMemberFactory,
    PersonFactory,
    RelationFactory,
)
from eenplan.plans.constants import AgreementMethod
from eenplan.plans.models import Action as PlanAction
from eenplan.plans.models import Goal, Plan, PlanVersion
from eenplan.plans.tests.factories import ActionFactory
from eenplan.portal.models import Citizen
from eenplan.privacy.chain import verify
from eenplan.privacy.constants import Action, RetentionKind
from eenplan.privacy.models import AccessLogEntry, LegalHold, RetentionRun
from eenplan.privacy.retention import (
    COMPLAINT,
    FAILED,
    HELD,
    HOLD,
    HOUSEHOLDS,
    PERSONS,
    case_retention,
    due_on,
    legal_hold_lift,
    legal_hold_place,
    match_signal_due_on,
    retention_apply,
    retention_report,
)
from eenplan.privacy.services import SYSTEM_USERNAME
from eenplan.provisions.constants import ClaimStatus, DecisionStatus, LegalBasis
from eenplan.provisions.models import Claim, Decision, Message
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.signals.constants import SignalKind
from eenplan.signals.models import Signal
from eenplan.tenancy.constants import AccountKind, Role
from eenplan.tenancy.tests.factories import OrganisationFactory, UserFactory, user_in

pytestmark = pytest.mark.django_db

CLOSED_AT = datetime.datetime(2020, 3, 10, 12, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 1, 15)
UNAGREED, AGREED, YOUTH = (
    RetentionKind.UNAGREED_PLAN,
    RetentionKind.AGREED_PLAN,
    RetentionKind.YOUTH_FILE,
)
CASE_DESTROYED = "bewaartermijn verstreken: casus vernietigd"
PERSON_DESTROYED = "bewaartermijn verstreken: persoon vernietigd"
SIGNAL_REMOVED = "bewaartermijn verstreken: matchsignaal verwijderd"


def close(case: Case, at: datetime.datetime = CLOSED_AT) -> Case:
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.CLOSED, closing_reason=ClosingReason.GOALS_REACHED, closed_at=at
    )
    case.refresh_from_db()
    return case


def closed_case(*, members: int = 2, at: datetime.datetime = CLOSED_AT, **fields) -> Case:
    return close(CaseFactory(household__members=members, **fields), at)


def at(year: int, month: int, day: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, 12, 0, tzinfo=datetime.UTC)


def agree(case: Case) -> None:
    plan = Plan.objects.create(case=case)
    PlanVersion.objects.create(
        plan=plan,
        number=1,
        content={},
        agreed_on=datetime.date(2019, 6, 1),
        agreement_method=AgreementMethod.ON_PAPER,
        recorded_by=UserFactory(),
    )


def complaint(case: Case, *, status=Status.CLOSED, decision=None) -> Complaint:
    return Complaint.objects.create(
        kind=Kind.OBJECTION if decision else Kind.COMPLAINT,
        reference=f"K-{Complaint.objects.count() + 1:05d}",
        case=case,
        person=case.household.members.order_by("pk").first(),
        municipality=case.household.municipality,
        decision=decision,
        description="Ik ben het niet eens met het besluit.",
        theme=Theme.DECISION,
        channel=Channel.LETTER,
        received_on=datetime.date(2019, 9, 1),
        registered_by=UserFactory(),
        handling_organisation=OrganisationFactory(),
        status=status,
        contact_due=datetime.date(2019, 9, 8),
        decision_due=datetime.date(2019, 10, 13),
    )


def match_signal(case: Case, person: Person, raised: datetime.datetime) -> Signal:
    signal = Signal.objects.create(
        kind=SignalKind.MATCH,
        key=f"match:{case.pk}:{person.pk}",
        case=case,
        person=person,
        explanation="Bekend bij twee organisaties.",
    )
    Signal.objects.filter(pk=signal.pk).update(raised_at=raised)
    return signal


def retention_entries(name: str | None = None):
    entries = AccessLogEntry.objects.filter(processing_activity_id__endswith="bewaartermijn")
    return entries.filter(name=name) if name else entries


@pytest.fixture
def privacy_officer():
    return user_in(OrganisationFactory(name="Gemeente Eemsdelta"), Role.PRIVACY_OFFICER)


# ---------------------------------------------------------------------- kinds and due dates


def test_a_case_whose_plan_was_never_agreed_goes_5_years_after_closing():
    retention = case_retention(closed_case())
    assert retention.kind == UNAGREED
    assert retention.help_ended_on == datetime.date(2020, 3, 10)
    assert retention.due_on == datetime.date(2025, 3, 10)


def test_an_agreed_plan_keeps_the_case_15_years():
    case = closed_case()
    agree(case)
    retention = case_retention(case)
    assert (retention.kind, retention.due_on) == (AGREED, datetime.date(2035, 3, 10))


@pytest.mark.parametrize(
    "service_type",
    [
        ServiceType.YOUTH_CARE_AMBULANT,
        ServiceType.YOUTH_CARE_RESIDENTIAL,
        ServiceType.YOUTH_PROTECTION,
    ],
)
def test_youth_care_makes_a_youth_file_kept_20_years(service_type):
    case = closed_case()
    agree(case)  # the youth file wins over the agreed plan
    InvolvementFactory(
        case=case,
        service_type=service_type,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    retention = case_retention(case)
    assert (retention.kind, retention.due_on) == (YOUTH, datetime.date(2040, 3, 10))


def test_a_decision_under_the_jeugdwet_makes_a_youth_file():
    case = closed_case()
    DecisionFactory(
        case=case,
        product__legal_basis=LegalBasis.YOUTH,
        status=DecisionStatus.REFUSED,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    assert case_retention(case).kind == YOUTH


def test_the_clock_starts_when_the_last_help_ends():
    case = closed_case()
    InvolvementFactory(
        case=case,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2021, 5, 31),
    )
    assert due_on(case) == datetime.date(2026, 5, 31)
    DecisionFactory(
        case=case,
        status=DecisionStatus.ENDED,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
        ended_on=datetime.date(2021, 9, 30),
    )
    retention = case_retention(case)
    assert retention.help_ended_on == datetime.date(2021, 9, 30)
    assert retention.due_on == datetime.date(2026, 9, 30)


def test_an_open_case_never_expires(case):
    assert due_on(case) is None


def test_the_periods_come_from_the_settings(settings):
    settings.RETENTION_YEARS = {**settings.RETENTION_YEARS, "plan_niet_vastgesteld": 7}
    case = closed_case()
    assert due_on(case) == datetime.date(2027, 3, 10)
    retention_apply(today=TODAY)
    assert Case.objects.filter(pk=case.pk).exists()


def test_a_leap_day_moves_to_28_february():
    case = closed_case(at=at(2020, 2, 29))
    assert due_on(case) == datetime.date(2025, 2, 28)


# ----------------------------------------------------------------------------- destruction


@pytest.fixture
def full_case(case, professional, involved_org):
    """The root fixture's case with everything that can belong to a case, then closed."""
    meeting = consultations.consultation_plan(
        actor=professional,
        kind=ConsultationKind.NETWORK,
        title="Netwerkoverleg",
        municipality=case.household.municipality,
        date=timezone.localdate(),
        chair=professional,
        organisations=[involved_org],
    )
    consultations.agenda_add(
        actor=professional, consultation=meeting, case=case, question="Wie pakt de schulden op?"
    )
    first, second, third = case.household.members.order_by("pk")
    Attendee.objects.create(
        consultation=meeting,
        kind=AttendeeKind.HOUSEHOLD_MEMBER,
        person=first,
        household=case.household,
    )
    ActionFactory(goal__plan__case=case, owner_person=second)
    Note.objects.create(
        case=case,
        author=professional,
        author_organisation=involved_org,
        audience=NoteAudience.INVOLVED,
        text="Moeder belde over de huur.",
    )
    ConsentFactory(case=case, organisation=involved_org, ground=SharingGround.CONSENT, person=third)
    TimelineEventFactory(case=case)
    AssessmentFactory(case=case)
    decision = DecisionFactory(
        case=case,
        status=DecisionStatus.REFUSED,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    complaint(case, decision=decision)
    message = Message.objects.create(
        municipality=case.household.municipality,
        standard="iwmo",
        code="323",
        incoming=True,
        content="<Declaratie/>",
        created_by=professional,
    )
    Claim.objects.create(
        decision=decision,
        message=message,
        reference="D-1",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 1, 31),
        volume=1,
        amount_cents=10_000,
        status=ClaimStatus.REFUSED,
    )
    match_signal(case, first, at(2019, 5, 1))
    NetworkMemberFactory(household=case.household)
    RelationFactory(household=case.household, person=first, related_person=third)
    return close(case)


def test_the_run_destroys_an_expired_case_with_everything_that_belongs_to_it(full_case):
    household, persons = full_case.household, list(full_case.household.members.all())

    run = retention_apply(today=TODAY)

    assert run.counts[UNAGREED] == 1 and run.counts[PERSONS] == 3 and run.counts[HOUSEHOLDS] == 1
    assert run.case_references == [full_case.reference] and run.finished_at
    assert not Case.objects.filter(pk=full_case.pk).exists()
    for model in (Plan, Goal, PlanAction, Note, Consent, TimelineEvent, Involvement, Signal):
        assert not model.objects.exists(), model
    for model in (Assessment, Decision, Complaint, AgendaItem, NetworkMember, Relation):
        assert not model.objects.exists(), model
    assert set(Attendee.objects.values_list("kind", flat=True)) == {AttendeeKind.PROFESSIONAL}
    assert not Household.objects.filter(pk=household.pk).exists()
    assert not Person.objects.filter(pk__in=[p.pk for p in persons]).exists()
    # Kept under their own obligation, without the link: the claim line and the meeting.
    assert Claim.objects.get().decision is None
    assert Consultation.objects.exists()


def test_each_destroyed_subject_is_logged_before_it_goes(full_case):
    persons = {p.uuid for p in full_case.household.members.all()}
    retention_apply(today=TODAY)

    case_entries = retention_entries(CASE_DESTROYED)
    assert {e.person_uuid for e in case_entries} == persons
    assert {(e.case_uuid, e.case_reference) for e in case_entries} == {
        (full_case.uuid, full_case.reference)
    }
    person_entries = retention_entries(PERSON_DESTROYED)
    assert {e.person_uuid for e in person_entries} == persons
    assert {e.case_uuid for e in person_entries} == {None}
    for entry in retention_entries():
        assert entry.action == Action.DELETE
        assert entry.actor is None and entry.actor_username == SYSTEM_USERNAME
        assert entry.organisation_name == ""


def test_the_log_chain_verifies_after_a_run(full_case):
    retention_apply(today=TODAY)
    out = StringIO()
    call_command("verify_access_log", stdout=out)  # seals what is new, then walks the chain
    assert "Het toegangslog is intact." in out.getvalue()
    assert verify().checked == AccessLogEntry.objects.count() >= 6


def test_the_user_who_started_the_run_is_named(privacy_officer):
    closed_case()
    run = retention_apply(actor=privacy_officer, today=TODAY)
    assert run.started_by == privacy_officer
    assert {e.actor_username for e in retention_entries()} == {privacy_officer.username}


def test_a_person_still_in_another_case_stays():
    expired = closed_case(members=2)
    shared, gone = expired.household.members.order_by("pk")
    other = CaseFactory(household__members=1)
    HouseholdMember.objects.create(household=other.household, person=shared)

    run = retention_apply(today=TODAY)

    assert run.counts[PERSONS] == 1
    assert Person.objects.filter(pk=shared.pk).exists()
    assert not Person.objects.filter(pk=gone.pk).exists()
    assert not Household.objects.filter(pk=expired.household.pk).exists()
    assert shared in other.household.members.all() and other.household.members.count() == 2
    assert {e.person_uuid for e in retention_entries(PERSON_DESTROYED)} == {gone.uuid}
    assert retention_entries(CASE_DESTROYED).count() == 2


def test_a_household_with_another_case_stays_with_its_members():
    household = HouseholdFactory(members=2)
    expired = close(CaseFactory(household=household))
    CaseFactory(household=household)

    run = retention_apply(today=TODAY)

    assert not Case.objects.filter(pk=expired.pk).exists()
    assert household.members.count() == 2 and household.cases.count() == 1
    assert (run.counts[PERSONS], run.counts[HOUSEHOLDS]) == (0, 0)


def test_a_citizen_account_is_emptied_and_switched_off_not_deleted():
    case = closed_case(members=1)
    person = case.household.members.get()
    user = UserFactory(kind=AccountKind.CITIZEN, email="anna@example.org", first_name="Anna")
    Citizen.objects.create(user=user, person=person)

    retention_apply(today=TODAY)

    user.refresh_from_db()
    assert not Citizen.objects.exists()
    assert (user.first_name, user.last_name, user.email) == ("", "", "")
    assert user.username == f"vernietigd-{user.pk}"
    assert not user.is_active and not user.has_usable_password()


def test_a_case_that_is_not_yet_due_or_open_stays(case):
    not_due = closed_case(at=at(2022, 6, 1))
    run = retention_apply(today=TODAY)
    assert run.case_references == []
    assert Case.objects.filter(pk__in=[case.pk, not_due.pk]).count() == 2


def test_a_dry_run_changes_nothing():
    case = closed_case()
    run = retention_apply(today=TODAY, dry_run=True)
    assert run.dry_run and run.counts[UNAGREED] == 1
    assert run.case_references == [case.reference]
    assert Case.objects.filter(pk=case.pk).exists()
    assert case.household.members.count() == 2
    assert not retention_entries().exists()


def test_running_again_finds_nothing_more():
    closed_case()
    retention_apply(today=TODAY)
    entries = retention_entries().count()
    again = retention_apply(today=TODAY)
    assert again.case_references == [] and again.counts[UNAGREED] == 0
    assert retention_entries().count() == entries
    assert RetentionRun.objects.count() == 2


def test_a_failing_case_stays_whole_and_the_others_go_on():
    """An objection in another case about this case's decision holds on to it (PROTECT): that
    case is rolled back, log entries included, and the next one is destroyed."""
    stuck = closed_case()
    decision = DecisionFactory(
        case=stuck,
        status=DecisionStatus.REFUSED,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    complaint(CaseFactory(household__members=1), decision=decision)
    fine = closed_case()

    run = retention_apply(today=TODAY)

    assert run.counts[FAILED] == 1 and run.case_references == [fine.reference]
    assert Case.objects.filter(pk=stuck.pk).exists() and stuck.household.members.count() == 2
    assert not retention_entries().filter(case_uuid=stuck.uuid).exists()
    assert not Case.objects.filter(pk=fine.pk).exists()


# ------------------------------------------------------------------------------ legal holds


def test_a_legal_hold_keeps_an_expired_case_until_it_is_lifted(privacy_officer):
    case = closed_case()
    hold = legal_hold_place(actor=privacy_officer, case=case, reason="Rechtszaak over de zorg.")
    assert case_retention(case).stopped_by == HOLD

    run = retention_apply(today=TODAY)
    assert run.counts[HELD] == 1 and run.case_references == []
    assert Case.objects.filter(pk=case.pk).exists()

    legal_hold_lift(actor=privacy_officer, hold=hold)
    hold.refresh_from_db()
    assert hold.lifted_by == privacy_officer and hold.lifted_at
    assert retention_apply(today=TODAY).case_references == [case.reference]


def test_an_open_complaint_keeps_the_case_too():
    case = closed_case()
    complaint(case, status=Status.FORMAL)
    assert case_retention(case).stopped_by == COMPLAINT
    assert retention_apply(today=TODAY).counts[HELD] == 1


def test_placing_and_lifting_a_hold_is_logged(privacy_officer):
    case = closed_case(members=3)
    hold = legal_hold_place(actor=privacy_officer, case=case, reason="Inspectie onderzoekt.")
    legal_hold_lift(actor=privacy_officer, hold=hold)
    for name in ("bewaarplicht geplaatst", "bewaarplicht opgeheven"):
        entries = retention_entries(name)
        assert entries.count() == 3
        assert {(e.action, e.actor_username, e.case_uuid) for e in entries} == {
            (Action.UPDATE, privacy_officer.username, case.uuid)
        }


def test_only_a_privacy_officer_places_or_lifts_a_hold(privacy_officer, professional):
    case = closed_case()
    with pytest.raises(PermissionDenied):
        legal_hold_place(actor=professional, case=case, reason="Zomaar.")
    hold = legal_hold_place(actor=privacy_officer, case=case, reason="Rechtszaak.")
    with pytest.raises(PermissionDenied):
        legal_hold_lift(actor=professional, hold=hold)


def test_a_hold_needs_a_reason_and_is_lifted_once(privacy_officer):
    case = closed_case()
    with pytest.raises(ValidationError):
        legal_hold_place(actor=privacy_officer, case=case, reason="  ")
    hold = legal_hold_place(actor=privacy_officer, case=case, reason="Rechtszaak.")
    legal_hold_lift(actor=privacy_officer, hold=hold)
    with pytest.raises(ValidationError):
        legal_hold_lift(actor=privacy_officer, hold=hold)


# ---------------------------------------------------------------------------- match signals


def test_a_match_signal_goes_after_2_years_or_at_23():
    raised = at(2025, 6, 1)
    assert match_signal_due_on(raised, None) == datetime.date(2027, 6, 1)
    assert match_signal_due_on(raised, datetime.date(2003, 2, 1)) == datetime.date(2026, 2, 1)
    # Someone already 23 when it was raised: only the two years count.
    assert match_signal_due_on(raised, datetime.date(1985, 4, 12)) == datetime.date(2027, 6, 1)


def test_the_run_removes_expired_match_signals_and_logs_them(privacy_officer):
    case = CaseFactory(household__members=0)
    turns_23, adult, young, old = (
        PersonFactory(birth_date=datetime.date(2003, 2, 1)),
        PersonFactory(birth_date=datetime.date(1985, 4, 12)),
        PersonFactory(birth_date=datetime.date(2010, 8, 1)),
        PersonFactory(birth_date=datetime.date(1985, 4, 12)),
    )
    recent = at(2025, 6, 1)
    match_signal(case, turns_23, recent)
    match_signal(case, old, at(2023, 12, 1))
    kept = [match_signal(case, adult, recent), match_signal(case, young, recent)]
    held_case = CaseFactory(household__members=1)
    held = match_signal(held_case, held_case.household.members.get(), at(2023, 1, 1))
    legal_hold_place(actor=privacy_officer, case=held_case, reason="Rechtszaak.")

    run = retention_apply(today=datetime.date(2026, 3, 1))

    assert run.counts[RetentionKind.MATCH_SIGNAL] == 2
    assert set(Signal.objects.values_list("pk", flat=True)) == {s.pk for s in [*kept, held]}
    entries = retention_entries(SIGNAL_REMOVED)
    assert {(e.case_uuid, e.person_uuid) for e in entries} == {
        (case.uuid, turns_23.uuid),
        (case.uuid, old.uuid),
    }
    assert Person.objects.filter(pk=turns_23.pk).exists()  # only the signal goes


# ---------------------------------------------------------------------------------- report


def test_the_report_shows_what_goes_when(privacy_officer):
    expired = closed_case()
    held = closed_case()
    hold = legal_hold_place(actor=privacy_officer, case=held, reason="Rechtszaak.")
    april = closed_case(at=at(2021, 4, 20))
    later = closed_case(at=at(2023, 6, 1))
    agree(later)  # 15 years: 2038
    match_signal(CaseFactory(household__members=1), PersonFactory(), at(2024, 3, 5))

    report = retention_report(user=privacy_officer, today=TODAY)

    rows = {period.label: period.cells for period in report.periods}
    # Columns: youth file, agreed plan, never agreed, match signal, held.
    assert rows == {
        "Nu verlopen (gaat bij de volgende run)": [0, 0, 1, 0, 1],
        "maart 2026": [0, 0, 0, 1, 0],
        "april 2026": [0, 0, 1, 0, 0],
        "2038": [0, 1, 0, 0, 0],
    }
    assert report.horizon == datetime.date(2027, 1, 1)
    soon = [(item.reference, item.stopped_by) for item in report.soon]
    due_now = sorted([(expired.reference, ""), (held.reference, HOLD)])
    assert soon == [*due_now, (april.reference, "")]
    assert report.holds == [hold]


def test_the_report_is_for_privacy_officers_only(professional):
    with pytest.raises(PermissionDenied):
        retention_report(user=professional)


# ------------------------------------------------------------------------------------ pages

PAGE = reverse("privacy:retention")
CSV = reverse("privacy:retention-csv")
PLACE = reverse("privacy:retention-hold")


def test_the_page_shows_the_report_to_a_privacy_officer(client, privacy_officer):
    case = closed_case()
    retention_apply(today=TODAY, dry_run=True)
    client.force_login(privacy_officer)
    content = client.get(PAGE).content.decode()
    assert "Bewaartermijnen" in content and case.reference in content
    assert "Casus zonder vastgesteld plan" in content and "Proefrun" in content


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.TEAM_LEADER, Role.FUNCTIONAL_ADMIN])
def test_the_pages_refuse_everyone_else(client, privacy_officer, role):
    hold = legal_hold_place(actor=privacy_officer, case=closed_case(), reason="Rechtszaak.")
    client.force_login(user_in(OrganisationFactory(), role))
    lift = reverse("privacy:retention-hold-lift", kwargs={"hold_uuid": hold.uuid})
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403
    assert client.post(PLACE, {"reference": hold.case.reference, "reason": "x"}).status_code == 403
    assert client.post(lift).status_code == 403
    assert LegalHold.objects.get().lifted_at is None and LegalHold.objects.count() == 1


def test_the_page_sends_anonymous_visitors_to_the_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_privacy_officer_places_and_lifts_a_hold_on_the_page(client, privacy_officer):
    case = closed_case()
    client.force_login(privacy_officer)
    response = client.post(PLACE, {"reference": case.reference.lower(), "reason": "Rechtszaak."})
    assert response.status_code == 302
    hold = LegalHold.objects.get(case=case)
    assert hold.placed_by == privacy_officer and hold.reason == "Rechtszaak."
    assert "Rechtszaak." in client.get(PAGE).content.decode()

    lift = reverse("privacy:retention-hold-lift", kwargs={"hold_uuid": hold.uuid})
    assert client.post(lift).status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_by == privacy_officer


def test_the_hold_form_explains_its_errors(client, privacy_officer):
    client.force_login(privacy_officer)
    response = client.post(PLACE, {"reference": "EP-1999-999999", "reason": "Rechtszaak."})
    assert response.status_code == 400
    assert "Er is geen casus met dit kenmerk." in response.content.decode()
    assert client.post(PLACE, {"reference": "", "reason": ""}).status_code == 400
    assert not LegalHold.objects.exists()


def test_the_csv_lists_every_closed_case_with_its_date(client, privacy_officer):
    case = closed_case()
    client.force_login(privacy_officer)
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("casus;soort")
    assert lines[1] == f"{case.reference};Casus zonder vastgesteld plan;2020-03-10;2025-03-10;"


# ---------------------------------------------------------------------------------- command


def test_the_command_reports_per_kind_and_a_dry_run_changes_nothing():
    case = closed_case()
    out = StringIO()
    call_command("apply_retention", "--dry-run", "--today", "2026-01-15", stdout=out)
    assert "Casus zonder vastgesteld plan: 1" in out.getvalue()
    assert "Proefrun" in out.getvalue() and Case.objects.filter(pk=case.pk).exists()

    out = StringIO()
    call_command("apply_retention", "--today", "2026-01-15", stdout=out)
    assert case.reference in out.getvalue() and "Klaar." in out.getvalue()
    assert not Case.objects.filter(pk=case.pk).exists()


def test_the_command_refuses_a_wrong_date():
    with pytest.raises(CommandError):
        call_command("apply_retention", "--today", "15-01-2026")


def test_the_command_destroys_nothing_before_its_time():
    case = closed_case(at=at(2024, 1, 1))
    future = (timezone.localdate() + datetime.timedelta(days=3650)).isoformat()
    with pytest.raises(CommandError, match="alleen met --dry-run"):
        call_command("apply_retention", "--today", future)
    out = StringIO()
    call_command("apply_retention", "--dry-run", "--today", future, stdout=out)
    assert case.reference in out.getvalue()
    assert Case.objects.filter(pk=case.pk).exists()
