"""The shapes of the demo data: small frozen dataclasses.

The data modules next to this one are plain tables built from these shapes, so a reader (or a
trainer preparing a demo) can change a household's story without reading any loader code. Only
``eenplan.demo.services`` turns them into database rows, and it does so through the domain
services, never by creating case or person rows itself.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ClosingReason, EscalationLevel, ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.people.constants import Gender, NetworkKind, RelationKind
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult
from eenplan.tenancy.constants import OrganisationType, Role


@dataclass(frozen=True)
class MunicipalitySpec:
    name: str
    cbs_code: str
    inhabitants: int


@dataclass(frozen=True)
class RegionSpec:
    name: str
    municipalities: tuple[MunicipalitySpec, ...]


@dataclass(frozen=True)
class OrganisationSpec:
    """``domain`` is the first label of the organisation's demo e-mail domain."""

    name: str
    type: OrganisationType
    domain: str
    kvk_number: str
    municipalities: tuple[str, ...]  # CBS codes
    agb_code: str = ""


@dataclass(frozen=True)
class AccountSpec:
    """A demo user; ``memberships`` holds ``(organisation name, role)`` pairs, main one first."""

    username: str
    first_name: str
    last_name: str
    memberships: tuple[tuple[str, Role], ...]


@dataclass(frozen=True)
class MemberSpec:
    given_names: str
    surname: str
    birth_date: datetime.date
    gender: Gender
    surname_prefix: str = ""
    has_bsn: bool = True  # False: the BSN was not known yet when the household was registered


@dataclass(frozen=True)
class AddressSpec:
    street: str
    house_number: str
    postcode: str
    city: str


@dataclass(frozen=True)
class NetworkSpec:
    name: str
    kind: NetworkKind
    relationship: str
    contribution: str


@dataclass(frozen=True)
class InvolvementSpec:
    """An organisation joins the case; it is the contact's (first case-working) organisation.

    ``persons`` are indexes into the household's members; empty means the whole household.
    """

    contact: str
    service_type: ServiceType
    life_domains: tuple[LifeDomain, ...]
    persons: tuple[int, ...] = ()
    consent: bool = True  # False: the household has not (yet) consented to this organisation
    since_days: int = 0  # started this many days before the day of seeding


@dataclass(frozen=True)
class StepSpec:
    """One step through ``eenplan.cases.workflow.TRANSITIONS``, taken by the coordinator."""

    status: CaseStatus
    closing_reason: ClosingReason | str = ""
    note: str = ""


@dataclass(frozen=True)
class EscalationSpec:
    by: str  # username of the professional who escalates
    level: EscalationLevel
    reason: str


@dataclass(frozen=True)
class ReferralSpec:
    """A referral sent by ``by`` to the organisation of ``to``, still waiting for an answer."""

    by: str
    to: str
    reason: str
    service_type: ServiceType
    life_domains: tuple[LifeDomain, ...]
    persons: tuple[int, ...]


@dataclass(frozen=True)
class ProposalSpec:
    """``by`` proposes ``coordinator`` as coordinator; nobody has agreed yet."""

    by: str
    coordinator: str
    motivation: str


@dataclass(frozen=True)
class CaseSpec:
    """The case: opened by ``opened_by`` (whose organisation becomes the first involvement).

    ``coordinator`` empty: the partners have not agreed on one yet.
    """

    opened_by: str
    service_type: ServiceType
    priority_question: str
    priority_domain: LifeDomain
    other_questions: tuple[tuple[str, LifeDomain], ...]
    involvements: tuple[InvolvementSpec, ...]
    coordinator: str
    steps: tuple[StepSpec, ...] = ()
    escalation: EscalationSpec | None = None
    referrals: tuple[ReferralSpec, ...] = ()
    proposal: ProposalSpec | None = None


@dataclass(frozen=True)
class HouseholdSpec:
    """``relations`` holds ``(i, kind, j)``: member *i* is *kind* of member *j*."""

    name: str
    municipality: str  # CBS code
    address: AddressSpec
    members: tuple[MemberSpec, ...]
    relations: tuple[tuple[int, RelationKind, int], ...]
    case: CaseSpec
    network: tuple[NetworkSpec, ...] = ()


_FORWARD = (CaseStatus.INTAKE, CaseStatus.PLAN, CaseStatus.EXECUTION, CaseStatus.EVALUATION)


def advance(to: CaseStatus) -> tuple[StepSpec, ...]:
    """The straight path from aanmelding up to and including ``to``."""
    return tuple(StepSpec(status) for status in _FORWARD[: _FORWARD.index(to) + 1])


def aged(years: int, *, days: int) -> datetime.date:
    """A birth date that makes someone ``years`` old on the day the demo is loaded, with their
    last birthday ``days`` ago: for a story that hangs on an age (a child of 17 has their own
    account, one of 14 does not), which fixed dates would break as the years go by."""
    today = timezone.localdate()
    try:
        birthday = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - years, day=28)
    return birthday - datetime.timedelta(days=days)


def parents_of(
    children: tuple[int, ...], *parents: int
) -> tuple[tuple[int, RelationKind, int], ...]:
    """Relations saying that each of ``parents`` is a parent of each of ``children``."""
    return tuple((p, RelationKind.PARENT, c) for p in parents for c in children)


# The household plan. Dates are relative to the day of seeding (``due_in`` days from today,
# ``days_ago`` days before today), so a demo always has overdue actions and recent agreements.


@dataclass(frozen=True)
class OwnerSpec:
    """Who does an action: the organisation of the demo user ``professional`` (named as well
    when ``named``), household member ``member`` or network member ``network`` (indexes in the
    order of the household's spec)."""

    professional: str = ""
    named: bool = False
    member: int | None = None
    network: int | None = None


def by_org(username: str, *, named: bool = False) -> OwnerSpec:
    return OwnerSpec(professional=username, named=named)


def by_member(index: int) -> OwnerSpec:
    return OwnerSpec(member=index)


def by_network(index: int) -> OwnerSpec:
    return OwnerSpec(network=index)


@dataclass(frozen=True)
class ActionSpec:
    description: str
    owner: OwnerSpec
    due_in: int | None = None  # days from today; negative is in the past
    status: ActionStatus = ActionStatus.OPEN
    cancel_reason: str = ""


@dataclass(frozen=True)
class GoalSpec:
    domain: LifeDomain
    title: str
    actions: tuple[ActionSpec, ...]
    description: str = ""


@dataclass(frozen=True)
class AgreementSpec:
    """The household agrees (members ``by``); the coordinator records it, which commits the
    coordinator's organisation; ``commitments`` are demo users whose organisations commit too."""

    by: tuple[int, ...]
    method: AgreementMethod
    days_ago: int
    commitments: tuple[str, ...] = ()


@dataclass(frozen=True)
class RevisionSpec:
    """Changes after an agreement, which open the next draft; agreed again if ``agreement``.

    ``actions`` holds ``(goal index, action)``, ``retitled`` holds ``(goal index, new title)``.
    """

    goals: tuple[GoalSpec, ...] = ()
    actions: tuple[tuple[int, ActionSpec], ...] = ()
    retitled: tuple[tuple[int, str], ...] = ()
    agreement: AgreementSpec | None = None


@dataclass(frozen=True)
class PlanSpec:
    """The plan of a household's case, made by the coordinator when the case reaches `plan`.

    Agreeing moves the case on to `uitvoering`. When the case's steps reach `evaluatie`, the
    coordinator starts the evaluation through the plan and records ``results`` as
    ``(goal index, result, note)``. ``revision`` is applied after the last step.
    """

    strengths: str
    concerns: str
    goals: tuple[GoalSpec, ...]
    evaluation_in: int | None = None  # evaluation date, days from today
    agreement: AgreementSpec | None = None
    results: tuple[tuple[int, GoalResult, str], ...] = ()
    revision: RevisionSpec | None = None


# Mijn EenPlan, the citizen portal (``eenplan.demo.data.portal``). Household members are named
# by household name and member index (in the order of the household's spec).


@dataclass(frozen=True)
class CitizenSpec:
    """A household member's portal account; ``try_this`` tells a trainer what to show with it."""

    username: str
    household: str
    member: int
    try_this: str


@dataclass(frozen=True)
class MarkSpec:
    """The account's report mark for the current (latest agreed) plan period."""

    username: str
    score: int
    days_ago: int
    comment: str = ""


@dataclass(frozen=True)
class MessageSpec:
    """A message from the household's coordinator in the portal."""

    household: str
    body: str
    days_ago: int


@dataclass(frozen=True)
class HouseholdProposalSpec:
    """A household member proposes a goal (``domain``) or a strength (no ``domain``) in the
    portal; the coordinator takes it into the plan when ``answer`` is given."""

    username: str
    text: str
    days_ago: int
    domain: LifeDomain | None = None
    detail: str = ""
    answer: str = ""


@dataclass(frozen=True)
class LookSpec:
    """A professional opened the household's case ``days_ago``: the access log the household
    reads in the portal."""

    username: str
    household: str
    days_ago: int


@dataclass(frozen=True)
class EmergencySpec:
    """A professional not on the case opened it in an emergency ``days_ago``, at night."""

    username: str
    household: str
    reason: str
    categories: tuple[str, ...]
    days_ago: int
