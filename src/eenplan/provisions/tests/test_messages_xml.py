"""The XML of iWmo/iJw messages against the official XSDs (from ../shared/istandaarden/): the
301 and 325 EenPlan writes, and the sample 305, 307 and 323 a provider would send."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from lxml import etree

from eenplan.provisions.constants import Standard
from eenplan.provisions.messages import codes, reading, samples, writing
from eenplan.provisions.tests.messages_support import (
    assert_valid,
    derived_wmo325,
    make_world,
    schema,
    stairlift_decision,
    structure,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(setting):
    return make_world(setting)


def _decision(world, standard):
    return world.wmo if standard == Standard.IWMO else world.youth


def test_official_schemas_are_beside_the_project():
    for standard in codes.STANDARDS:
        for code in (codes.ALLOCATION, codes.START, codes.STOP, codes.CLAIM):
            assert isinstance(schema(standard, code), etree.XMLSchema)
    assert isinstance(schema(Standard.IJW, codes.CLAIM_ANSWER), etree.XMLSchema)


@pytest.mark.parametrize("standard", codes.STANDARDS)
def test_allocation_validates(world, standard):
    decision = _decision(world, standard)

    content = writing.allocation_xml([decision], identification="EP0000000001")

    assert_valid(content, schema(standard, codes.ALLOCATION))
    root = etree.fromstring(content)
    assert root.tag == f"{{{codes.namespace(standard, codes.ALLOCATION)}}}Bericht"
    text = content.decode()
    assert f"<{standard}:Identificatie>EP0000000001<" in text
    assert f">{decision.pk}</" in text
    assert f">{decision.person.bsn}</" in text
    assert f">{world.municipality.cbs_code[2:]}</" in text


def test_allocation_fits_names_and_addresses_to_the_basisschema(world):
    person = world.wmo.person
    person.given_names = "Émile  Jan-Willem\n 'Tjeerd 1e Anna Bo Cas"
    person.surname_prefix = "van der den ten"
    person.surname = "Heuvel\nachter"
    person.street = "Burgemeester van Roijensingel Oost"
    person.house_number = "112bis-3"
    person.postcode = "9934 AB"
    person.gender = "2"

    content = writing.allocation_xml([world.wmo])

    assert_valid(content, schema(Standard.IWMO, codes.ALLOCATION))
    text = content.decode()
    assert "<iwmo:Voorletters>ÉJABC</iwmo:Voorletters>" in text
    assert "<iwmo:Voorvoegsel>van der de</iwmo:Voorvoegsel>" in text
    assert "<iwmo:Straatnaam>Burgemeester van Roijens</iwmo:Straatnaam>" in text
    assert "<iwmo:Postcode>9934AB</iwmo:Postcode>" in text
    assert "<iwmo:Huisnummer>112</iwmo:Huisnummer>" in text


def test_allocation_without_address_or_code_still_validates(world):
    person = world.wmo.person
    person.street = person.house_number = person.postcode = person.city = ""
    world.wmo.product.code = ""  # a task-based allocation: a budget instead of a size

    content = writing.allocation_xml([world.wmo])

    assert_valid(content, schema(Standard.IWMO, codes.ALLOCATION))
    assert b"Budget>400000<" in content
    assert b"Omvang" not in content


def test_allocation_of_two_decisions_for_one_client(world, setting):
    second = stairlift_decision(setting, world.wmo.person)

    content = writing.allocation_xml([world.wmo, second])

    assert_valid(content, schema(Standard.IWMO, codes.ALLOCATION))
    assert content.count(b"ToegewezenProduct>") == 4  # two opening and two closing tags


def test_allocation_refuses_what_cannot_be_exported(world):
    world.wmo.person.bsn = ""
    assert "BSN" in writing.not_exportable(world.wmo)
    with pytest.raises(ValueError, match="BSN"):
        writing.allocation_xml([world.wmo])
    with pytest.raises(ValueError, match="one client"):
        writing.allocation_xml([world.youth, world.wmo])


@pytest.mark.parametrize("standard", codes.STANDARDS)
def test_sample_start_and_stop_validate(world, standard):
    decision = _decision(world, standard)

    start = samples.start_xml([decision])
    stop = samples.stop_xml([decision], end=datetime.date(2026, 3, 31))

    assert_valid(start, schema(standard, codes.START))
    assert_valid(stop, schema(standard, codes.STOP))
    assert reading.read_message(start).lines[0].begin == decision.start_date
    read = reading.read_message(stop).lines[0]
    assert (read.end, read.reason) == (datetime.date(2026, 3, 31), codes.STOP_AS_PLANNED[standard])


@pytest.mark.parametrize("standard", codes.STANDARDS)
@pytest.mark.parametrize("fault", [None, *samples.Fault])
def test_sample_claims_validate_also_when_faulty(world, standard, fault):
    decision = _decision(world, standard)

    content = samples.claim_xml([samples.ClaimItem(decision, fault=fault)])

    assert_valid(content, schema(standard, codes.CLAIM))
    line = reading.read_message(content).lines[0]
    assert (line.allocation_number == decision.pk) == (fault != samples.Fault.UNKNOWN_ALLOCATION)


def test_sample_claim_reads_back(world):
    claim = samples.claim_xml(
        [world.youth, samples.ClaimItem(world.youth, volume=2, credit=True, reference="R-1")],
        claim_number="D2026001",
        identification="DEC1",
    )

    incoming = reading.read_message(claim)

    assert (incoming.header.code, incoming.header.standard) == ("323", Standard.IJW)
    assert incoming.header.sender == world.provider.agb_code
    assert incoming.header.receiver == world.municipality.cbs_code[2:]
    assert incoming.claim_number == "D2026001"
    debit, credit = incoming.lines
    assert (debit.volume, debit.unit, debit.tariff_cents) == (13, "04", 7_500)
    assert debit.period_start == datetime.date(2026, 1, 1)
    assert debit.period_end == datetime.date(2026, 1, 31)
    assert (credit.reference, credit.signed_amount) == ("R-1", -15_000)
    assert incoming.claim_total_cents == 13 * 7_500 - 15_000


def _claim_answer(decision, *, refuse: bool) -> bytes:
    claim = reading.read_message(
        samples.claim_xml([decision, samples.ClaimItem(decision, volume=1)], claim_number="D1")
    )
    answers = [
        writing.LineAnswer(
            line, (codes.VOLUME_SUM_OVER, codes.END_OUTSIDE_PERIOD) if refuse else ()
        )
        for line in claim.lines
    ]
    return writing.claim_answer_xml(claim, answers, identification="EP0000000002")


@pytest.mark.parametrize("refuse", [False, True])
def test_claim_answer_validates_against_jw325(world, refuse):
    content = _claim_answer(world.youth, refuse=refuse)

    assert_valid(content, schema(Standard.IJW, codes.CLAIM_ANSWER))
    assert (b"RetourCode>8001<" in content) is not refuse
    assert (b"RetourCode>9322<" in content) is refuse


def test_iwmo_and_ijw_schemas_share_their_structure():
    for code in (codes.ALLOCATION, codes.START, codes.STOP, codes.CLAIM):
        assert structure(Standard.IWMO, code) == structure(Standard.IJW, code), code


@pytest.mark.parametrize("refuse", [False, True])
def test_wmo_claim_answer_validates_against_the_ijw_shaped_schema(world, refuse):
    """No WMO325.xsd is published in our copies. The iWmo and iJw schemas of the other messages
    differ only in namespaces, codes and texts (the test above), so the iWmo 325 is checked
    against the iJw 325 moved to the iWmo namespaces and the iWmo basisschema."""
    content = _claim_answer(world.wmo, refuse=refuse)

    assert_valid(content, derived_wmo325())
    assert b"<wmo325:BerichtCode>485<" in content


def test_reader_refuses_outgoing_messages(world):
    with pytest.raises(ValidationError, match="toewijzing"):
        reading.read_message(writing.allocation_xml([world.wmo]))
