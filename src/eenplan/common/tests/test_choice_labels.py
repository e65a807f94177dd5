"""``get_FOO_display`` gives the label of the stored value, as Django's own does."""

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.people.constants import RelationKind
from eenplan.people.models import Relation


def test_the_label_of_the_stored_value():
    assert Case(status=CaseStatus.PLAN).get_status_display() == CaseStatus.PLAN.label
    event = TimelineEvent(kind=TimelineEventKind.COORDINATOR_SET)
    assert event.get_kind_display() == TimelineEventKind.COORDINATOR_SET.label
    assert Relation(kind=RelationKind.PARENT).get_kind_display() == RelationKind.PARENT.label


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert Case(status="onbekend").get_status_display() == "onbekend"
