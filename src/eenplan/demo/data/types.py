"""The shapes of the demo data: small frozen dataclasses.

The data modules next to this one are plain tables built from these shapes, so a reader (or a
trainer preparing a demo) can change a household's story without reading any loader code. Only
``eenplan.demo.services`` turns them into database rows, and it does so through the domain
services, never by creating case or person rows itself.
"""

import datetime
from dataclasses import dataclass

from eenplan.cases.constants import CaseStatus, ClosingReason, EscalationLevel, ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.people.constants import Gender, NetworkKind, RelationKind
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
class CaseSpec:
    """The case: opened by ``opened_by`` (whose organisation becomes the first involvement)."""

    opened_by: str
    service_type: ServiceType
    priority_question: str
    priority_domain: LifeDomain
    other_questions: tuple[tuple[str, LifeDomain], ...]
    involvements: tuple[InvolvementSpec, ...]
    coordinator: str
    steps: tuple[StepSpec, ...] = ()
    escalation: EscalationSpec | None = None


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


def parents_of(
    children: tuple[int, ...], *parents: int
) -> tuple[tuple[int, RelationKind, int], ...]:
    """Relations saying that each of ``parents`` is a parent of each of ``children``."""
    return tuple((p, RelationKind.PARENT, c) for p in parents for c in children)
