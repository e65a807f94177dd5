import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.provisions.constants import DecisionStatus, Frequency, Route
from eenplan.provisions.models import Decision
from eenplan.provisions.services import (
    Terms,
    decision_approve,
    decision_end,
    decision_refuse,
    decision_request,
)
from eenplan.provisions.tests.factories import MandateFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 3, 1)


def request(setting, *, volume=1, end=datetime.date(2026, 12, 31), actor=None, **terms):
    person = setting.case.household.members.order_by("pk").first()
    return decision_request(
        actor=actor or setting.team_member,
        case=setting.case,
        person=person,
        terms=Terms(
            product=terms.pop("product", setting.stairlift),
            volume=volume,
            start_date=terms.pop("start", START),
            end_date=end,
            provider=terms.pop("provider", setting.provider),
            **terms,
        ),
        motivation="Mevrouw kan de trap niet meer op; zo kan zij thuis blijven wonen.",
        goal=setting.goal,
    )


def test_a_stairlift_within_mandate_is_granted_at_once(setting):
    decision = request(setting)
    assert decision.status == DecisionStatus.GRANTED
    assert decision.route == Route.MANDATE
    assert decision.mandate == setting.mandate
    assert decision.amount_cents == 400_000
    assert decision.decided_by == setting.team_member
    event = TimelineEvent.objects.get(case=setting.case, kind=TimelineEventKind.DECISION_GRANTED)
    assert "binnen mandaat" in event.summary


def test_exactly_the_mandate_per_decision_is_within(setting):
    setting.mandate.max_per_decision_cents = 400_000
    setting.mandate.save()
    assert request(setting).route == Route.MANDATE


def test_one_cent_beyond_the_mandate_goes_to_the_municipality(setting):
    setting.mandate.max_per_decision_cents = 399_999
    setting.mandate.save()
    decision = request(setting)
    assert decision.status == DecisionStatus.REQUESTED
    assert decision.route == Route.OFFICER
    assert decision.mandate is None
    assert "€ 3.999,99 per besluit" in decision.beyond_mandate
    assert TimelineEvent.objects.filter(
        case=setting.case, kind=TimelineEventKind.DECISION_REQUESTED
    ).exists()


def test_the_year_maximum_counts_what_the_resident_already_got(setting):
    request(setting)  # € 4.000 of the € 8.000
    assert request(setting).route == Route.MANDATE  # € 8.000: just within
    third = request(setting, start=datetime.date(2026, 6, 1))
    assert third.route == Route.OFFICER
    assert "jaarmaximum" in third.beyond_mandate
    next_year = request(setting, start=datetime.date(2027, 1, 1), end=datetime.date(2027, 6, 30))
    assert next_year.route == Route.MANDATE


def test_the_duration_of_the_mandate(setting):
    assert request(setting, end=datetime.date(2027, 2, 28)).route == Route.MANDATE  # 12 months
    longer = request(setting, start=datetime.date(2027, 3, 1), end=datetime.date(2028, 3, 1))
    assert longer.route == Route.OFFICER
    assert "12 maanden" in longer.beyond_mandate


def test_a_mandate_for_another_team_does_not_count(setting):
    setting.mandate.organisation = OrganisationFactory(name="Ander team")
    setting.mandate.save()
    decision = request(setting)
    assert decision.route == Route.OFFICER
    assert "geen mandaat" in decision.beyond_mandate


def test_of_two_mandates_the_one_that_fits_is_used(setting):
    wider = MandateFactory(
        municipality=setting.municipality,
        products=[setting.stairlift],
        name="Senior wijkteam",
        max_per_decision_cents=1_000_000,
        max_per_year_cents=2_000_000,
    )
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    assert request(setting).mandate == wider


def test_the_amount_is_volume_times_tariff_over_the_period(setting):
    setting.contract.lines.update(tariff_cents=6_000)
    decision = request(setting, volume=3, frequency=Frequency.WEEK, end=datetime.date(2026, 3, 28))
    assert decision.amount_cents == 3 * 4 * 6_000  # three hours a week for four weeks


def test_a_provider_without_a_contract_is_refused(setting):
    other = OrganisationFactory(name="Zonder contract", agb_code="75999999")
    with pytest.raises(ValidationError, match="geen contract"):
        request(setting, provider=other)
    assert not Decision.objects.exists()


def test_a_period_beyond_the_contract_is_refused(setting):
    setting.contract.valid_until = datetime.date(2026, 6, 30)
    setting.contract.save()
    with pytest.raises(ValidationError, match="30 juni 2026"):
        request(setting)


def test_the_officer_approves_a_request_beyond_mandate(setting):
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    decision = decision_approve(
        actor=setting.officer, decision=request(setting), reason="Noodzakelijk, geen alternatief."
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.GRANTED
    assert decision.decided_by == setting.officer
    assert decision.decision_reason == "Noodzakelijk, geen alternatief."
    assert TimelineEvent.objects.filter(
        case=setting.case,
        kind=TimelineEventKind.DECISION_GRANTED,
        summary__contains="door de gemeente",
    ).exists()


def test_a_refusal_needs_reasons(setting):
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    decision = request(setting)
    with pytest.raises(ValidationError):
        decision_refuse(actor=setting.officer, decision=decision, reason="  ")
    decision_refuse(actor=setting.officer, decision=decision, reason="Een douchestoel volstaat.")
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.REFUSED
    with pytest.raises(ValidationError, match="al afgewezen"):
        decision_approve(actor=setting.officer, decision=decision)


def test_only_an_officer_of_the_municipality_decides(setting):
    setting.mandate.max_per_decision_cents = 100_000
    setting.mandate.save()
    decision = request(setting)
    with pytest.raises(PermissionDenied):
        decision_approve(actor=setting.team_member, decision=decision)
    elsewhere = OrganisationFactory(name="Andere gemeente")
    stranger = user_in(elsewhere, Role.MUNICIPAL_OFFICER, username="elders")
    with pytest.raises(Decision.DoesNotExist):
        decision_approve(actor=stranger, decision=decision)


def test_ending_a_provision_early(setting):
    decision = request(setting)
    with pytest.raises(ValidationError):
        decision_end(
            actor=setting.team_member,
            decision=decision,
            ended_on=datetime.date(2027, 1, 1),
            reason="Verhuisd",
        )
    decision_end(
        actor=setting.team_member,
        decision=decision,
        ended_on=datetime.date(2026, 6, 30),
        reason="Mevrouw is verhuisd.",
    )
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ENDED
    assert decision.ended_on == datetime.date(2026, 6, 30)


def test_an_outsider_cannot_request(setting, outsider):
    from eenplan.cases.models import Case

    with pytest.raises(Case.DoesNotExist):
        request(setting, actor=outsider)
