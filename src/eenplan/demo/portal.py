"""Loading Mijn EenPlan's demo story (``eenplan.demo.data.portal``): citizen accounts, report
marks, the coordinator's messages, the household's proposals and professionals' reads.

Everything goes through the portal's and the cases' own services and selectors, as the citizen
or the professional who would do it, so the story carries the timeline and the access log a real
one carries. Those always write "now"; the moments are dated back afterwards with plain updates,
like ``eenplan.demo.history`` does. Loading twice changes nothing: an account that exists gets
its password reset, a mark, message or proposal that exists is left alone.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.cases.selectors import case_get
from eenplan.demo.data.portal import CITIZENS, EMERGENCY, LOOKS, MARKS, MESSAGES, PROPOSALS
from eenplan.demo.data.synthetic import SYNTHETIC_PREFIX
from eenplan.demo.data.types import CitizenSpec, EmergencySpec, HouseholdProposalSpec, LookSpec
from eenplan.people.models import Household, Person
from eenplan.plans import services as plan_services
from eenplan.plans.constants import OwnerKind
from eenplan.portal import services
from eenplan.portal.constants import ProposalKind
from eenplan.portal.models import Citizen, Feedback, Message, Proposal
from eenplan.privacy import emergency
from eenplan.privacy.models import AccessLogEntry, EmergencyAccess
from eenplan.tenancy.models import User

# What the coordinator adds to a goal taken over from a proposal: a goal without anyone working
# on it would raise a gap signal.
PROPOSED_GOAL_ACTION = "Uitzoeken wie dit kan betalen en het samen met het gezin regelen"


def portal_load(*, users: dict[str, User], password: str) -> int:
    """Create (or refresh) the citizen accounts and their story; the number of accounts."""
    hashed = make_password(password)  # hashed once: all demo accounts share the password
    citizens = {spec.username: _account(spec, hashed) for spec in CITIZENS}
    for spec in MARKS:
        _mark(citizens[spec.username], spec)
    for spec in MESSAGES:
        _message(_case(spec.household), spec.body, spec.days_ago)
    for spec in PROPOSALS:
        _proposal(citizens[spec.username], spec)
    if not _looked_before(users):
        for spec in LOOKS:
            _look(users[spec.username], spec)
    _emergency(users[EMERGENCY.username], EMERGENCY)
    return len(citizens)


def _ago(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=days)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def _household(name: str) -> Household:
    return Household.objects.exclude(name__startswith=SYNTHETIC_PREFIX).get(name=name)


def _case(household_name: str) -> Case:
    return (
        Case.objects.filter(household=_household(household_name))
        .select_related("household", "coordinator")
        .get()
    )


def _member(spec: CitizenSpec) -> Person:
    """The member in the order of the household's spec (the order they were registered in)."""
    memberships = _household(spec.household).memberships.select_related("person").order_by("pk")
    return memberships[spec.member].person


def _account(spec: CitizenSpec, hashed: str) -> User:
    person = _member(spec)
    citizen = Citizen.objects.select_related("user").filter(person=person).first()
    if citizen is None:
        citizen = services.citizen_account_create(person=person, username=spec.username)
    user = citizen.user
    user.password, user.is_active = hashed, True
    user.save(update_fields=["password", "is_active"])
    return user


def _mark(user: User, spec) -> None:
    case = _case(_household_of(user))
    if Feedback.objects.filter(case=case, person=user.citizen.person).exists():
        return
    feedback = services.feedback_give(user=user, case=case, score=spec.score, comment=spec.comment)
    Feedback.objects.filter(pk=feedback.pk).update(given_at=_ago(spec.days_ago, 20))


def _household_of(user: User) -> str:
    return next(spec.household for spec in CITIZENS if spec.username == user.username)


def _message(case: Case, body: str, days_ago: int) -> None:
    if Message.objects.filter(case=case, body=body).exists():
        return
    message = services.message_send(user=case.coordinator, case=case, body=body)
    Message.objects.filter(pk=message.pk).update(sent_at=_ago(days_ago, 9))


def _proposal(user: User, spec: HouseholdProposalSpec) -> None:
    case = _case(_household_of(user))
    if Proposal.objects.filter(case=case, text=spec.text).exists():
        return
    proposal = services.proposal_submit(
        user=user,
        case=case,
        kind=ProposalKind.GOAL if spec.domain else ProposalKind.STRENGTH,
        text=spec.text,
        detail=spec.detail,
        life_domain=spec.domain or "",
    )
    Proposal.objects.filter(pk=proposal.pk).update(created_at=_ago(spec.days_ago, 19))
    if not spec.answer:
        return
    proposal = services.proposal_take_in(
        actor=case.coordinator, proposal=proposal, answer=spec.answer
    )
    if proposal.goal is not None:
        plan_services.action_add(
            actor=case.coordinator,
            goal=proposal.goal,
            description=PROPOSED_GOAL_ACTION,
            owner=plan_services.Owner(
                OwnerKind.ORGANISATION, organisation=case.coordinator_organisation
            ),
            due_date=timezone.localdate() + datetime.timedelta(days=21),
        )
    Proposal.objects.filter(pk=proposal.pk).update(decided_at=_ago(max(spec.days_ago - 1, 0), 11))


def _looked_before(users: dict[str, User]) -> bool:
    """The reads are written once: a second load finds them by their first reader."""
    first = LOOKS[0]
    case = _case(first.household)
    return AccessLogEntry.objects.filter(
        actor=users[first.username], case_uuid=case.uuid, start_time__lte=_ago(first.days_ago, 23)
    ).exists()


def _emergency(user: User, spec: EmergencySpec) -> None:
    """A professional who does not work on the case opens it at night (break-the-glass), and
    reads the household page; the privacy officer has yet to review it. Once only."""
    case = _case(spec.household)
    if EmergencyAccess.objects.filter(user=user, case=case).exists():
        return
    last = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    access = emergency.emergency_access_open(
        actor=user, case=case, reason=spec.reason, categories=list(spec.categories), hours=4
    )
    case_get(user=user, case_uuid=case.uuid)
    opened = _ago(spec.days_ago, 2)
    EmergencyAccess.objects.filter(pk=access.pk).update(
        started_at=opened, expires_at=opened + datetime.timedelta(hours=4)
    )
    AccessLogEntry.objects.filter(pk__gt=last, actor=user).update(
        start_time=opened + datetime.timedelta(minutes=3),
        end_time=opened + datetime.timedelta(minutes=3),
    )


def _look(user: User, spec: LookSpec) -> None:
    """The professional opens the case page (the case selector logs it), on that day."""
    case = _case(spec.household)
    last = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    case_get(user=user, case_uuid=case.uuid)
    moment = _ago(spec.days_ago, 14)
    AccessLogEntry.objects.filter(pk__gt=last, actor=user).update(
        start_time=moment, end_time=moment
    )
