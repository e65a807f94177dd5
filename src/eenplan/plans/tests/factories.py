import factory

from eenplan.cases.tests.factories import CaseFactory
from eenplan.common.constants import LifeDomain
from eenplan.plans.constants import OwnerKind
from eenplan.plans.models import Action, Goal, Plan


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    case = factory.SubFactory(CaseFactory)
    strengths = "Moeder is zeer betrokken en oma helpt elke woensdag."
    concerns = "Schulden lopen op; zoon verzuimt school."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    life_domain = LifeDomain.FINANCES
    title = factory.Sequence(lambda n: f"Doel {n}: vaste lasten op tijd betaald")


class ActionFactory(factory.django.DjangoModelFactory):
    """An action owned by a household member of the goal's case."""

    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    description = factory.Sequence(lambda n: f"Actie {n}: post elke week samen openen")
    owner_kind = OwnerKind.HOUSEHOLD_MEMBER
    owner_person = factory.LazyAttribute(lambda a: a.goal.plan.case.household.members.first())
