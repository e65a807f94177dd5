"""Households and their members, relations and own network.

Households are spread over the municipalities by inhabitants (the central town first) and over
its neighbourhood teams' districts; a handful of households share a postcode and street. A
household is one to six persons: a single adult, a couple, or one or two parents with children,
named after the first parent. Only the first ``BSN_PERSONS`` persons get a BSN, from the test
block 99999xxxx (skipping numbers already in the database), encrypted and hashed as
``Person.bsn`` does; the others have none. The household rows themselves are written by the cases
stage, which knows when each household was first registered.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils.text import slugify

from eenplan.common.bsn import synthetic_bsns
from eenplan.common.identifiers import bsn_digest, encrypt_bsn
from eenplan.demo.region import names, texts
from eenplan.demo.region.draw import split
from eenplan.demo.region.records import Home, Member, Town, World
from eenplan.demo.region.volumes import (
    BSN_PERSONS,
    HOUSEHOLD_SIZE_WEIGHTS,
    HOUSEHOLD_SIZES,
    HOUSEHOLDS_PER_POSTCODE,
)
from eenplan.demo.region.writer import BulkWriter
from eenplan.people.constants import Gender, NetworkKind, RelationKind
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.privacy.constants import DataSubjectIdType
from eenplan.privacy.services import pseudonymise_bsn

SURNAME_WEIGHTS = [weight for _p, _s, weight in names.SURNAMES]
NETWORK_SIZES, NETWORK_WEIGHTS = (0, 1, 2, 3), (35, 35, 20, 10)
NETWORK_KINDS = list(NetworkKind)


@dataclass(slots=True)
class _Address:
    street: str
    number: int
    postcode: str
    city: str


def planned_rows(world: World) -> int:
    persons = world.volumes.persons
    return persons * 3 + world.volumes.households


def write_people(world: World, writer: BulkWriter) -> None:
    rng = world.rng("people")
    counts = split(world.volumes.households, [town.inhabitants for town in world.towns], least=1)
    persons, members, relations = [], [], []
    bsns = _free_bsns()
    for town, count in zip(world.towns, counts, strict=True):
        addresses = _addresses(rng, town, count)
        first_home = writer.reserve(Household, count)
        for offset, address in enumerate(addresses):
            home = _home(rng, world, town, first_home + offset, address, persons, bsns)
            world.homes.append(home)
    first_person = writer.reserve(Person, len(persons))
    for offset, (member, _row) in enumerate(persons):
        member.id = first_person + offset
    writer.write(
        Person,
        [
            "id", "uuid", "bsn_encrypted", "bsn_digest", "given_names", "surname_prefix",
            "surname", "birth_date", "gender", "street", "house_number", "postcode", "city",
            "phone", "email",
        ],
        ((member.id, *row) for member, row in persons),
    )  # fmt: skip
    for home in world.homes:
        members += [(home.id, m.id, index == 0) for index, m in enumerate(home.members)]
        relations += _relations(home)
    writer.write(HouseholdMember, ["household_id", "person_id", "is_contact"], members)
    writer.write(Relation, ["household_id", "person_id", "related_person_id", "kind"], relations)
    _network(world, writer, rng)


def _free_bsns() -> list[str]:
    """The test block's valid numbers that no person in the database has yet."""
    candidates = list(synthetic_bsns())
    taken = {person.bsn for person in Person.objects.with_any_bsn(candidates)}
    return [bsn for bsn in candidates if bsn not in taken][:BSN_PERSONS]


def _addresses(rng: random.Random, town: Town, count: int) -> list[_Address]:
    """``count`` addresses in ``town``: a handful of households per postcode and street."""
    addresses, used = [], set()
    while len(addresses) < count:
        while True:
            letters = "".join(rng.choices(names.POSTCODE_LETTERS, k=2))
            postcode = f"{town.postcode_prefix}{rng.randint(0, 99):02d} {letters}"
            if postcode not in used:
                used.add(postcode)
                break
        street, number = rng.choice(names.STREETS), rng.randint(1, 180)
        for step in range(rng.randint(*HOUSEHOLDS_PER_POSTCODE)):
            addresses.append(_Address(street, number + 2 * step, postcode, town.name))
    return addresses[:count]


def _given(rng: random.Random, year: int, female: bool) -> str:
    for before, women, men in names.GIVEN_NAMES:
        if year < before:
            return rng.choice(women if female else men)
    raise AssertionError("GIVEN_NAMES ends after every birth year")


def _birth(rng: random.Random, today: datetime.date, age: int) -> datetime.date:
    return datetime.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))


def _ages(rng: random.Random, size: int) -> tuple[list[int], int]:
    """Ages of the members, parents first, and how many of them are parents."""
    if size == 1:
        return [rng.choice((rng.randint(19, 45), rng.randint(46, 92)))], 1
    couple = rng.random() < (0.5 if size == 2 else 0.7)
    parents = 2 if couple else 1
    children, youngest = size - parents, rng.randint(0, 16)
    ages = sorted((youngest + rng.randint(0, 3) * i for i in range(children)), reverse=True)
    eldest = ages[0] if ages else rng.randint(0, 40)
    first = eldest + rng.randint(20, 38)
    partner = [max(18, first + rng.randint(-5, 6))] if couple else []
    return [first, *partner, *ages], parents


def _home(rng, world: World, town: Town, home_id: int, address, persons, bsns) -> Home:
    size = rng.choices(HOUSEHOLD_SIZES, HOUSEHOLD_SIZE_WEIGHTS)[0]
    ages, parents = _ages(rng, size)
    prefix, surname, _weight = rng.choices(names.SURNAMES, SURNAME_WEIGHTS)[0]
    first_female = rng.random() < (0.55 if parents == 2 else 0.75)
    members = []
    for index, age in enumerate(ages):
        female = (
            first_female
            if index == 0
            else (not first_female if index < parents else rng.random() < 0.5)
        )
        own_prefix, own_surname = prefix, surname
        if index == 1 and parents == 2 and rng.random() < 0.6:
            own_prefix, own_surname, _w = rng.choices(names.SURNAMES, SURNAME_WEIGHTS)[0]
        birth = _birth(rng, world.today, age)
        given = _given(rng, birth.year, female)
        full_name = " ".join(p for p in (given, own_prefix, own_surname) if p)
        bsn = bsns[len(persons)] if len(persons) < len(bsns) else ""
        uuid = world.new_uuid()
        member = Member(
            id=0,
            uuid=uuid,
            given_names=given,
            full_name=full_name,
            birth_date=birth,
            adult=age >= 18,
            subject_id=pseudonymise_bsn(bsn) if bsn else uuid,
            subject_type=DataSubjectIdType.BSN if bsn else DataSubjectIdType.PERSON_UUID,
        )
        adult = age >= 18
        row = (
            uuid,
            encrypt_bsn(bsn) if bsn else "",
            bsn_digest(bsn) if bsn else "",
            given,
            own_prefix,
            own_surname,
            birth,
            Gender.FEMALE if female else Gender.MALE,
            address.street,
            str(address.number),
            address.postcode,
            address.city,
            f"06-{rng.randint(10_000_000, 99_999_999)}" if adult else "",
            f"{slugify(given)}.{slugify(own_surname)}@mail.example"
            if adult and rng.random() < 0.4
            else "",
        )
        persons.append((member, row))
        members.append(member)
    family = " ".join(p for p in ("Familie", prefix, surname) if p)
    home = Home(home_id, world.new_uuid(), family, town, rng.choice(town.teams), members)
    home.has_bsn = any(m.subject_type == DataSubjectIdType.BSN for m in members)
    home.parents = parents
    return home


def _relations(home: Home) -> list[tuple]:
    parents = home.members[: home.parents]
    rows = []
    if len(parents) == 2:
        a, b = parents
        rows += [
            (home.id, a.id, b.id, RelationKind.PARTNER),
            (home.id, b.id, a.id, RelationKind.PARTNER),
        ]
    for child in home.members[len(parents) :]:
        for parent in parents:
            rows += [
                (home.id, parent.id, child.id, RelationKind.PARENT),
                (home.id, child.id, parent.id, RelationKind.CHILD),
            ]
    return rows


def _network(world: World, writer: BulkWriter, rng: random.Random) -> None:
    plan = [(home, rng.choices(NETWORK_SIZES, NETWORK_WEIGHTS)[0]) for home in world.homes]
    first = writer.reserve(NetworkMember, sum(count for _home, count in plan))
    rows, next_id = [], first
    for home, count in plan:
        for _ in range(count):
            prefix, surname, _w = rng.choice(names.SURNAMES)
            _era, women, men = rng.choice(names.GIVEN_NAMES[1:4])
            given = rng.choice(women + men)
            name = " ".join(p for p in (given, prefix, surname) if p)
            rows.append(
                (
                    next_id,
                    world.new_uuid(),
                    home.id,
                    name,
                    rng.choice(NETWORK_KINDS),
                    rng.choice(names.NETWORK_RELATIONSHIPS),
                    f"06-{rng.randint(10_000_000, 99_999_999)}",
                    rng.choice(texts.NETWORK_CONTRIBUTIONS),
                )
            )
            home.network.append((next_id, name))
            next_id += 1
    writer.write(
        NetworkMember,
        ["id", "uuid", "household_id", "name", "kind", "relationship", "phone", "contribution"],
        rows,
    )
