"""The region, its municipalities, organisations and professionals.

Every municipality is also an organisation (consulenten, policy officers, complaints handlers,
the functional admin) and has one neighbourhood team per ``INHABITANTS_PER_TEAM`` inhabitants;
the other organisations work for the whole region. Each professional has one active membership
with a role that fits the organisation. All accounts share one password hash, of
``EENPLAN_DEMO_PASSWORD``: hashing thousands of passwords would take longer than the region.
"""

import datetime
import random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from eenplan.demo.region import help as kinds
from eenplan.demo.region import names
from eenplan.demo.region.draw import split
from eenplan.demo.region.records import Org, Town, World
from eenplan.demo.region.writer import BulkWriter
from eenplan.indicators.models import PopulationFigure
from eenplan.tenancy.constants import OrganisationType as T
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User

HOUSEHOLD_SIZE = 2.2  # inhabitants per private household
YOUTH_SHARE = 0.2
LEAST_PER_ORGANISATION = 3
LEAST_PER_MUNICIPALITY = 7
PROVIDER_KINDS = frozenset(
    {T.HOME_CARE, T.YOUTH_CARE, T.MENTAL_HEALTH, T.DEBT_HELP, T.EMPLOYMENT_SERVICE}
)
ROLE_LABELS = {
    Role.PROFESSIONAL: "uitvoerder",
    Role.COORDINATOR: "regisseur",
    Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL: "wijkteam",
    Role.MUNICIPAL_OFFICER: "consulent",
    Role.TEAM_LEADER: "teamleider",
    Role.DIRECTOR: "directeur",
    Role.POLICY_OFFICER: "beleid",
    Role.PRIVACY_OFFICER: "privacy",
    Role.FUNCTIONAL_ADMIN: "beheer",
    Role.COMPLAINTS_HANDLER: "klachten",
}


def planned_rows(world: World) -> int:
    """Rows this stage writes, for its progress bar."""
    organisations = world.volumes.organisations
    return (
        1 + 2 * len(names.MUNICIPALITIES) * 2 + organisations * 3 + world.volumes.professionals * 2
    )


def write_tenancy(world: World, writer: BulkWriter) -> None:
    rng = world.rng("tenancy")
    world.region_id = writer.reserve(Region, 1)
    writer.write(
        Region, ["id", "uuid", "name"], [(world.region_id, world.new_uuid(), names.REGION_NAME)]
    )
    _towns(world, writer)
    _organisations(world, writer)
    _professionals(world, writer, rng)


def _towns(world: World, writer: BulkWriter) -> None:
    inhabitants = split(
        world.volumes.inhabitants, [share for _n, share, _p in names.MUNICIPALITIES]
    )
    first = writer.reserve(Municipality, len(inhabitants))
    world.towns = [
        Town(first + i, name, names.CBS_CODE.format(i + 1), count, prefix)
        for i, ((name, _share, prefix), count) in enumerate(
            zip(names.MUNICIPALITIES, inhabitants, strict=True)
        )
    ]
    writer.write(
        Municipality,
        ["id", "uuid", "region_id", "name", "cbs_code", "inhabitants"],
        [
            (t.id, world.new_uuid(), world.region_id, t.name, t.cbs_code, t.inhabitants)
            for t in world.towns
        ],
    )
    source = "Synthetische regio (eenplan generate-region), geen CBS-cijfers"
    writer.write(
        PopulationFigure,
        ["municipality_id", "year", "inhabitants", "households", "youth", "source"],
        [
            (t.id, year, count, round(count / HOUSEHOLD_SIZE), round(count * YOUTH_SHARE), source)
            for t in world.towns
            for year, count in (
                (world.today.year - 1, round(t.inhabitants * 0.995)),
                (world.today.year, t.inhabitants),
            )
        ],
    )


def _organisations(world: World, writer: BulkWriter) -> None:
    local: list[tuple[Town | None, str, str]] = []  # (town, name, type)
    for town in world.towns:
        local.append(
            (town, names.MUNICIPAL_ORGANISATION.format(municipality=town.name), T.MUNICIPALITY)
        )
        teams = max(1, round(town.inhabitants / names.INHABITANTS_PER_TEAM))
        for index in range(teams):
            name = names.TEAM_NAME.format(municipality=town.name)
            local.append(
                (
                    town,
                    f"{name} {names.district(index)}" if teams > 1 else name,
                    T.NEIGHBOURHOOD_TEAM,
                )
            )
    regional_kinds = list(names.ORGANISATIONS)
    regional = max(len(regional_kinds), world.volumes.organisations - len(local))
    counts = split(regional, [names.ORGANISATIONS[k][0] for k in regional_kinds], least=1)
    for kind, count in zip(regional_kinds, counts, strict=True):
        for index in range(count):
            local.append((None, _regional_name(kind, index), kind))
    first = writer.reserve(Organisation, len(local))
    everywhere = [t.id for t in world.towns]
    for offset, (town, name, kind) in enumerate(local):
        org = Org(
            id=first + offset,
            uuid=world.new_uuid(),
            name=name,
            type=kind,
            weight=kinds.SIZE.get(kind, kinds.DEFAULT_SIZE) * (1.0 if offset % 3 else 1.6),
            municipality_ids=[town.id] if town else everywhere,
            agb_code=f"98{first + offset:06d}"[-8:] if kind in PROVIDER_KINDS else "",
        )
        world.orgs.append(org)
        if town and kind == T.MUNICIPALITY:
            town.office = org
        elif town:
            town.teams.append(org)
    writer.write(
        Organisation,
        ["id", "uuid", "name", "type", "agb_code", "phone", "email"],
        [
            (
                o.id,
                o.uuid,
                o.name,
                o.type,
                o.agb_code,
                f"0599-{o.id % 1_000_000:06d}",
                f"info@{slugify(o.name)}.example",
            )
            for o in world.orgs
        ],
    )
    through = Organisation.municipalities.through
    writer.write(
        through,
        ["organisation_id", "municipality_id"],
        [(o.id, m) for o in world.orgs for m in o.municipality_ids],
    )


def _regional_name(kind: str, index: int) -> str:
    options = names.ORGANISATIONS[kind][1]
    base = options[index % len(options)]
    rounds = index // len(options)
    return base if rounds == 0 else f"{base} {names.district(rounds - 1)}"


def _roles(kind: str, count: int, first_office: bool) -> list[str]:
    """The roles of an organisation's ``count`` professionals, leaders first."""
    if kind == T.MUNICIPALITY:
        fixed = [Role.MUNICIPAL_OFFICER, Role.FUNCTIONAL_ADMIN, Role.POLICY_OFFICER]
        fixed += [Role.PRIVACY_OFFICER] if first_office else []
        fixed += [Role.COMPLAINTS_HANDLER, Role.TEAM_LEADER]
        rest = max(0, count - len(fixed))
        policy = rest // 4
        return fixed + [Role.POLICY_OFFICER] * policy + [Role.MUNICIPAL_OFFICER] * (rest - policy)
    leaders = [Role.TEAM_LEADER] * max(1, count // 25)
    if kind == T.NEIGHBOURHOOD_TEAM:
        coordinators = max(1, round(count * 0.15))
        worker = Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL
    else:
        leaders.append(Role.DIRECTOR)
        coordinators = max(1, round(count * 0.08))
        worker = Role.PROFESSIONAL
    rest = count - len(leaders) - coordinators
    return (leaders + [Role.COORDINATOR] * coordinators + [worker] * max(1, rest))[:count]


def _professionals(world: World, writer: BulkWriter, rng: random.Random) -> None:
    counts = split(
        max(world.volumes.professionals, LEAST_PER_ORGANISATION * len(world.orgs)),
        [org.weight for org in world.orgs],
        least=LEAST_PER_ORGANISATION,
    )
    # A municipality has its fixed roles even in a small region (see ``_roles``).
    counts = [
        max(count, LEAST_PER_MUNICIPALITY) if org.type == T.MUNICIPALITY else count
        for org, count in zip(world.orgs, counts, strict=True)
    ]
    password = make_password(settings.DEMO_PASSWORD)
    first = writer.reserve(User, sum(counts))
    users, memberships, next_id = [], [], first
    first_office = True
    joined = datetime.datetime.combine(world.today, datetime.time(8), tzinfo=datetime.UTC)
    for org, count in zip(world.orgs, counts, strict=True):
        roles = _roles(org.type, count, first_office and org.type == T.MUNICIPALITY)
        first_office = first_office and org.type != T.MUNICIPALITY
        slug = slugify(org.name)
        for number, role in enumerate(roles, 1):
            user_id, next_id = next_id, next_id + 1
            username = f"{slug}.{ROLE_LABELS[role]}{number:02d}"
            prefix, surname, _weight = rng.choice(names.SURNAMES)
            _era, female, male = rng.choice(names.GIVEN_NAMES[1:4])
            given = rng.choice(female if rng.random() < 0.7 else male)
            last_name = f"{prefix} {surname}".strip()
            users.append(
                (
                    user_id,
                    world.new_uuid(),
                    password,
                    username,
                    given,
                    last_name,
                    f"{username}@lindeveen.example",
                    joined,
                )
            )
            memberships.append((world.new_uuid(), user_id, org.id, role, joined))
            world.usernames[user_id] = username
            if role in (Role.PROFESSIONAL, Role.COORDINATOR, Role.NEIGHBOURHOOD_TEAM_PROFESSIONAL):
                org.workers.append(user_id)
            if role == Role.COORDINATOR:
                org.coordinators.append(user_id)
            if role == Role.MUNICIPAL_OFFICER:
                org.officers.append(user_id)
            if role == Role.FUNCTIONAL_ADMIN and not world.admin:
                world.admin = user_id
    for org in world.orgs:
        # Officers work on the municipality's own cases (income support) as well.
        org.workers = org.workers or org.officers
        org.coordinators = org.coordinators or org.workers
    writer.write(
        User,
        ["id", "uuid", "password", "username", "first_name", "last_name", "email", "date_joined"],
        users,
    )
    writer.write(
        Membership, ["uuid", "user_id", "organisation_id", "role", "created_at"], memberships
    )
