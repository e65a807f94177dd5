"""Complaints and objections in the demo: one in every state, most resolved in a conversation,
handled by the complaints handler of the household's municipality, and Monique van der Laan's
refusal left for her to object to in Mijn EenPlan."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from eenplan.complaints import services
from eenplan.complaints.constants import Kind, Outcome, Status, StepKind
from eenplan.complaints.models import Complaint
from eenplan.complaints.selectors import objectable_decisions
from eenplan.demo.complaints import complaints_load
from eenplan.demo.data.complaints import COMPLAINTS
from eenplan.demo.data.portal import START_CITIZEN
from eenplan.demo.selectors import demo_accounts
from eenplan.portal.rules import persons_in_care
from eenplan.provisions.constants import DecisionStatus
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db

HANDLERS = {
    "Delfzijl": "klachten.delfzijl",
    "Appingedam": "klachten.appingedam",
    "Loppersum": "klachten.loppersum",
}


def _user(username: str) -> User:
    return User.objects.get(username=username)


def test_complaints_and_objections_in_every_state_over_the_past_months(seeded):
    complaints = list(Complaint.objects.select_related("municipality", "handler"))
    today = timezone.localdate()

    assert len(complaints) == len(COMPLAINTS)
    assert {c.status for c in complaints} == set(Status.values)
    assert {c.kind for c in complaints} == set(Kind.values)
    closed = [c for c in complaints if c.status == Status.CLOSED]
    informal = [c for c in closed if c.outcome == Outcome.RESOLVED_INFORMALLY]
    assert {Outcome.WITHDRAWN, Outcome.PARTLY_FOUNDED} <= {c.outcome for c in closed}
    assert len(informal) > len(closed) / 2, "most end in a conversation"
    assert len({(c.received_on.year, c.received_on.month) for c in complaints}) >= 5
    assert all(c.received_on <= today for c in complaints)
    assert all(c.closed_on < today for c in closed), "dated back to the story's day"
    assert all(c.handler.username == HANDLERS[c.municipality.name] for c in complaints)


def test_the_formal_objection_has_its_letters_and_a_hearing_ahead(seeded):
    objection = Complaint.objects.get(kind=Kind.OBJECTION, status=Status.FORMAL)
    steps = {step.kind: step for step in objection.steps.all()}

    assert objection.decision.status == DecisionStatus.REFUSED
    assert {StepKind.ACKNOWLEDGED, StepKind.EXTENDED, StepKind.HEARING_PLANNED} <= set(steps)
    assert objection.extension_weeks == steps[StepKind.EXTENDED].weeks > 0
    assert steps[StepKind.HEARING_PLANNED].hearing_at > timezone.now()
    assert all(step.occurred_on < timezone.localdate() for step in steps.values())


def test_objections_are_against_refused_or_ended_decisions(seeded):
    objections = Complaint.objects.filter(kind=Kind.OBJECTION).select_related("decision")
    assert objections
    assert {o.decision.status for o in objections} <= {
        DecisionStatus.REFUSED,
        DecisionStatus.ENDED,
    }


def test_each_handler_sees_the_complaints_of_their_own_municipality_only(seeded):
    listed = {row.username: row.role for row in demo_accounts()}
    table = StringIO()
    call_command("demo_accounts", stdout=table)
    assert "De klachtbehandelaars (klachten.delfzijl, " in table.getvalue()
    for municipality, username in HANDLERS.items():
        assert listed[username] == Role.COMPLAINTS_HANDLER
        seen = Complaint.objects.visible_to(_user(username))
        assert seen.exists()
        assert set(seen.values_list("municipality__name", flat=True)) == {municipality}


def test_the_citizen_confirms_in_the_portal_that_it_is_resolved(seeded):
    waiting = Complaint.objects.get(status=Status.AWAITING_CONFIRMATION)
    citizen = User.objects.get(citizen__person=waiting.person)

    services.resolution_answer(user=citizen, complaint=waiting, resolved=True)

    waiting.refresh_from_db()
    assert (waiting.status, waiting.outcome) == (Status.CLOSED, Outcome.RESOLVED_INFORMALLY)


def test_monique_objects_to_her_refusal_in_the_portal(seeded):
    monique = _user(START_CITIZEN)
    case = monique.citizen.person.households.get().cases.get()
    decisions = objectable_decisions(
        user=monique, case=case, persons=persons_in_care(monique.citizen, case.household)
    )
    refusal = decisions.get(status=DecisionStatus.REFUSED)
    assert not refusal.objections.exists(), "left for the demo"

    objection = services.complaint_register(
        actor=monique,
        case=case,
        person=monique.citizen.person,
        kind=Kind.OBJECTION,
        decision=refusal,
        description="Dylan heeft echt nieuwe kleren nodig om naar school te gaan.",
    )

    assert objection.status == Status.NEW and objection.received_on == timezone.localdate()
    assert objection.handler.username == "klachten.loppersum"


def test_loading_again_registers_nothing(seeded):
    count = Complaint.objects.count()
    assert complaints_load() == 0
    assert Complaint.objects.count() == count
