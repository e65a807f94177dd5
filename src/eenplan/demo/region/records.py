"""What the generator keeps in memory between stages: the rows later stages point at.

Plain slotted records with their primary key (reserved before writing) and the few facts other
stages need; everything else goes straight to the database.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, field

from eenplan.demo.region.volumes import Volumes


@dataclass(slots=True, eq=False)
class Org:
    id: int
    uuid: str
    name: str
    type: str
    weight: float
    municipality_ids: list[int]
    agb_code: str = ""
    workers: list[int] = field(default_factory=list)  # users in a case-working role
    coordinators: list[int] = field(default_factory=list)  # regisseurs (else any worker)
    officers: list[int] = field(default_factory=list)  # consulenten


@dataclass(slots=True, eq=False)
class Town:
    id: int
    name: str
    cbs_code: str
    inhabitants: int
    postcode_prefix: int
    office: Org | None = None  # the municipality as an organisation
    teams: list[Org] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Member:
    id: int
    uuid: str
    given_names: str
    full_name: str
    birth_date: datetime.date
    adult: bool
    subject_id: str  # how the access log names this person
    subject_type: str


@dataclass(slots=True, eq=False)
class Home:
    id: int
    uuid: str
    name: str
    town: Town
    team: Org
    members: list[Member]
    network: list[tuple[int, str]] = field(default_factory=list)  # (id, name)
    has_bsn: bool = False
    parents: int = 1  # the first members are the parents (or the one adult)

    @property
    def contact(self) -> Member:
        return self.members[0]

    @property
    def adults(self) -> list[Member]:
        return [m for m in self.members if m.adult] or self.members[:1]

    @property
    def children(self) -> list[Member]:
        return [m for m in self.members if not m.adult]


@dataclass(slots=True, eq=False)
class Involve:
    id: int
    org: Org
    contact: int
    service: str
    domains: list[str]
    start: datetime.date
    end: datetime.date | None
    persons: list[Member]


@dataclass(slots=True, eq=False)
class Goal:
    id: int
    uuid: str
    domain: str
    title: str


@dataclass(slots=True, eq=False)
class Plan:
    id: int
    created: datetime.date
    agreed: list[datetime.date]  # the days versions 1, 2, ... were agreed
    goals: list[Goal] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class CaseRecord:
    id: int
    uuid: str
    reference: str
    home: Home
    status: str
    opened: datetime.date
    intake: datetime.date | None
    closed: datetime.date | None
    domain: str
    coordinator: int | None = None
    coordinator_org: Org | None = None
    coordinator_since: datetime.date | None = None
    escalation: int = 1
    questions: list[str] = field(default_factory=list)  # life domains of the other questions
    milestones: dict[str, datetime.date] = field(default_factory=dict)  # status → since
    involvements: list[Involve] = field(default_factory=list)
    consented: set[int] = field(default_factory=set)  # organisations with consent or a basis
    allocations: Org | None = None  # the BSN persons' home care provider (see provisions)
    plan: Plan | None = None

    def last_day(self, today: datetime.date) -> datetime.date:
        """The day the case closed, or today for an open case."""
        return self.closed or today

    @property
    def orgs(self) -> list[Org]:
        return list({inv.org.id: inv.org for inv in self.involvements}.values())


@dataclass(eq=False)
class World:
    """The generated region so far, shared by the stages."""

    volumes: Volumes
    seed: int
    today: datetime.date
    region_id: int = 0
    towns: list[Town] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    usernames: dict[int, str] = field(default_factory=dict)
    homes: list[Home] = field(default_factory=list)
    cases: list[CaseRecord] = field(default_factory=list)
    admin: int = 0  # the region's functional admin (configures the catalogue)
    _ids: random.Random = field(default_factory=random.Random)

    def rng(self, stage: str) -> random.Random:
        """A generator per stage, from the seed: one stage drawing more leaves the rest alone."""
        return random.Random(f"{self.seed}:{stage}")

    def new_uuid(self) -> str:
        """A random UUID4. Not from the seed: a region generated twice (in two databases, or
        after deleting one) must not share identifiers."""
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def orgs_of(self, kind: str) -> list[Org]:
        return [org for org in self.orgs if org.type == kind]

    @property
    def open_cases(self) -> list[CaseRecord]:
        return [case for case in self.cases if case.closed is None]
