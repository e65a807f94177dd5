"""The demo's year of network meetings: what a chair, an owner and a policy officer open."""

import datetime

import pytest
from django.utils import timezone

from eenplan.consultations import selectors
from eenplan.consultations.constants import AgreementState, PolicySignalStatus
from eenplan.consultations.models import Agreement, Consultation, PolicySignal
from eenplan.plans.selectors import my_actions
from eenplan.tenancy.models import User

pytestmark = pytest.mark.django_db


def test_a_year_of_monthly_meetings_per_municipality(seeded):
    today = timezone.localdate()
    for name in ("Delfzijl", "Appingedam", "Loppersum"):
        meetings = Consultation.objects.filter(series__name=f"Netwerkoverleg {name}")
        assert meetings.filter(date__lt=today, minutes_closed_at__isnull=False).count() == 12
        assert meetings.filter(date__gt=today, minutes_closed_at__isnull=True).count() == 1
        assert meetings.earliest("date").date >= today - datetime.timedelta(days=366)


def test_agreements_in_every_state_land_in_the_owners_actions(seeded):
    states = set(Agreement.objects.with_state().values_list("state", flat=True))
    assert {AgreementState.DONE, AgreementState.OPEN, AgreementState.OVERDUE} <= states
    owner = Agreement.objects.filter(action__owner_professional__isnull=False).first()
    professional = owner.action.owner_professional
    agreement_actions = set(
        Agreement.objects.filter(
            action__owner_professional=professional, action__status__in=["open", "bezig"]
        ).values_list("action_id", flat=True)
    )
    listed = {action.pk for action in my_actions(user=professional, page_size=100).items}
    assert agreement_actions <= listed


def test_next_weeks_agenda_is_ready_for_the_chair(seeded):
    chair = User.objects.get(username="regisseur.delfzijl")
    upcoming = selectors.consultation_list(user=chair, upcoming=True).items[0]
    view = selectors.consultation_get(user=chair, consultation_uuid=upcoming.uuid)
    assert view.is_chair and view.items
    assert all(item.may_be_discussed and not item.is_discussed for item in view.items)


def test_policy_signals_with_answers_the_participants_see(seeded):
    answered = PolicySignal.objects.exclude(status=PolicySignalStatus.OPEN)
    assert answered.count() >= 3 and PolicySignal.objects.count() >= 5
    raiser = User.objects.get(username="wijkteam.delfzijl")
    seen = selectors.policy_signal_list(user=raiser).items
    assert any(signal.response for signal in seen)
