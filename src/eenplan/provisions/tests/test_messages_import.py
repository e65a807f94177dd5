"""Exchanging messages with providers: writing the allocations (301), reading starts (305),
stops (307) and claims (323) with their answer (325), refusing what does not fit with the
standard's retour codes, refusing hostile files with nothing stored, and who may do it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.constants import ClaimStatus, Standard
from eenplan.provisions.messages import codes, samples, services, writing
from eenplan.provisions.messages.samples import ClaimItem, Fault
from eenplan.provisions.models import Claim, Decision, Message
from eenplan.provisions.tests.factories import ContractFactory, ProviderFactory
from eenplan.provisions.tests.messages_support import (
    assert_valid,
    derived_wmo325,
    make_world,
    schema,
    stairlift_decision,
)
from eenplan.tenancy.constants import OrganisationType, Role
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

JAN = (datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))


@pytest.fixture
def world(setting):
    return make_world(setting)


def _import(world, content: bytes, actor=None) -> Message:
    return services.message_import(
        actor=actor or world.officer, municipality=world.municipality, content=content
    )


def _lines(message: Message) -> list[tuple]:
    return [(line["status"], line["codes"]) for line in message.outcome["lines"]]


ACCEPTED = (ClaimStatus.ACCEPTED, [])


def _refused(*found) -> tuple:
    return (ClaimStatus.REFUSED, list(found))


# --- export (301) -------------------------------------------------------------------------------


def test_export_writes_one_allocation_per_provider_client_and_standard(world, setting):
    second = stairlift_decision(setting, world.wmo.person)

    written = services.message_export_allocations(
        actor=world.officer, municipality=world.municipality
    )

    assert [(m.code, m.standard, m.incoming) for m in written] == [
        ("301", Standard.IWMO, False),
        ("301", Standard.IJW, False),
    ]
    wmo, youth = written
    assert_valid(wmo.content.encode(), schema(Standard.IWMO, codes.ALLOCATION))
    assert_valid(youth.content.encode(), schema(Standard.IJW, codes.ALLOCATION))
    assert wmo.content.count("<wmo301:ToegewezenProduct>") == 2
    assert set(Decision.objects.filter(allocation_message=wmo)) == {world.wmo, second}
    assert world.youth in Decision.objects.filter(allocation_message=youth)
    assert wmo.identification == f"EP{wmo.pk:010d}"
    assert wmo.file_name == f"WMO301_{wmo.identification}.xml"
    assert wmo.provider == world.provider
    logged = AccessLogEntry.objects.filter(name="toewijzing (301) aan aanbieder versturen")
    assert {e.person_uuid for e in logged} == {world.wmo.person.uuid, world.youth.person.uuid}
    # Nothing is written twice.
    again = services.message_export_allocations(
        actor=world.officer, municipality=world.municipality
    )
    assert again == []


def test_export_skips_a_person_without_bsn_with_the_reason(world):
    person = world.youth.person
    person.bsn = ""
    person.save()

    written = services.message_export_allocations(
        actor=world.officer, municipality=world.municipality
    )
    skips = services.allocation_skips(actor=world.officer, municipality=world.municipality)

    assert [m.standard for m in written] == [Standard.IWMO]
    assert [skip.decision for skip in skips] == [world.youth]
    assert "geen BSN" in str(skips[0])
    assert world.youth.reference in str(skips[0])
    world.youth.refresh_from_db()
    assert world.youth.allocation_message is None


def test_export_leaves_requested_decisions_and_those_without_provider(world):
    Decision.objects.filter(pk=world.youth.pk).update(status="aangevraagd")
    Decision.objects.filter(pk=world.wmo.pk).update(provider=None)

    assert (
        services.message_export_allocations(actor=world.officer, municipality=world.municipality)
        == []
    )


# --- access -------------------------------------------------------------------------------------


@pytest.fixture
def other_officer(world):
    other = MunicipalityFactory(region=world.municipality.region)
    organisation = OrganisationFactory(name="Gemeente Elders", type=OrganisationType.MUNICIPALITY)
    organisation.municipalities.add(other)
    return user_in(organisation, Role.MUNICIPAL_OFFICER, username="elders")


def test_only_officers_and_functional_admins_of_the_municipality_exchange(world, other_officer):
    admin_org = OrganisationFactory(name="Beheer")
    admin_org.municipalities.add(world.municipality)
    admin = user_in(admin_org, Role.FUNCTIONAL_ADMIN, username="beheerder")
    claim = samples.claim_xml([world.wmo])

    assert services.may_exchange_messages(world.officer, world.municipality)
    assert services.may_exchange_messages(admin, world.municipality)
    for outsider in (world.setting.team_member, other_officer):
        assert not services.may_exchange_messages(outsider, world.municipality)
        with pytest.raises(PermissionDenied):
            _import(world, claim, actor=outsider)
        with pytest.raises(PermissionDenied):
            services.message_export_allocations(actor=outsider, municipality=world.municipality)
    assert Message.objects.count() == 0
    assert _import(world, claim, actor=admin).outcome["accepted"] == 1


# --- start and stop -----------------------------------------------------------------------------


def test_start_and_stop_are_recorded_on_the_decision_and_the_timeline(world):
    started = _import(world, samples.start_xml([world.youth], begin=datetime.date(2026, 1, 5)))

    world.youth.refresh_from_db()
    assert world.youth.delivery_started_on == datetime.date(2026, 1, 5)
    assert (started.code, started.incoming, started.provider) == ("305", True, world.provider)
    assert _lines(started) == [ACCEPTED]
    assert started.outcome["summary"] == "1 regel: 1 goedgekeurd, 0 afgekeurd."

    stopped = _import(
        world, samples.stop_xml([world.youth], end=datetime.date(2026, 4, 30), reason="33")
    )

    world.youth.refresh_from_db()
    assert world.youth.delivery_ended_on == datetime.date(2026, 4, 30)
    assert world.youth.delivery_stop_reason == "33"
    assert "aanbieder" in stopped.outcome["lines"][0]["explanation"]
    events = TimelineEvent.objects.filter(
        case=world.youth.case, kind=TimelineEventKind.DELIVERY_CHANGED
    )
    assert [e.summary.split(": ")[1][:16] for e in events.order_by("occurred_at", "pk")] == [
        "levering gestart",
        "levering gestopt",
    ]
    assert all(e.data["decision"] == str(world.youth.uuid) for e in events)


def test_start_that_does_not_fit_is_refused_and_changes_nothing(world):
    unknown = _import(world, samples.start_xml([world.wmo], fault=Fault.UNKNOWN_ALLOCATION))
    outside = _import(world, samples.start_xml([world.wmo], fault=Fault.OUTSIDE_PERIOD))

    assert _lines(unknown) == [_refused(codes.NOT_LINKED)]
    assert _lines(outside) == [_refused(codes.BEGIN_OUTSIDE_PERIOD)]
    world.wmo.refresh_from_db()
    assert world.wmo.delivery_started_on is None
    assert not TimelineEvent.objects.filter(kind=TimelineEventKind.DELIVERY_CHANGED).exists()


def test_stop_without_start_and_stop_outside_the_period_are_refused(world):
    assert _lines(_import(world, samples.stop_xml([world.wmo]))) == [
        _refused(codes.NO_CURRENT_START)
    ]
    _import(world, samples.start_xml([world.wmo]))
    world.wmo.refresh_from_db()
    late = _import(world, samples.stop_xml([world.wmo], fault=Fault.OUTSIDE_PERIOD))

    assert _lines(late) == [_refused(codes.END_OUTSIDE_PERIOD)]
    world.wmo.refresh_from_db()
    assert world.wmo.delivery_ended_on is None


def test_start_can_be_withdrawn(world):
    _import(world, samples.start_xml([world.wmo]))
    again = _import(world, samples.start_xml([world.wmo]))
    withdrawn = _import(world, samples.start_xml([world.wmo], status=codes.DELETE_DELIVERY))

    assert _lines(again) == [_refused(codes.SAME_KEY)]
    assert _lines(withdrawn) == [ACCEPTED]
    world.wmo.refresh_from_db()
    assert world.wmo.delivery_started_on is None


# --- claims (323) and the answer (325) ----------------------------------------------------------


def test_claim_is_accepted_and_answered(world):
    claim = _import(
        world,
        samples.claim_xml(
            [
                world.youth,
                ClaimItem(
                    world.youth,
                    period_start=datetime.date(2026, 2, 1),
                    period_end=datetime.date(2026, 2, 28),
                ),
            ],
            claim_number="D1",
        ),
    )

    assert _lines(claim) == [ACCEPTED, ACCEPTED]
    claims = list(Claim.objects.filter(message=claim).order_by("period_start"))
    assert [(c.decision, c.status, c.volume, c.amount_cents) for c in claims] == [
        (world.youth, ClaimStatus.ACCEPTED, 13, 13 * 7_500),
        (world.youth, ClaimStatus.ACCEPTED, 12, 12 * 7_500),
    ]
    reply = claim.reply
    assert (reply.code, reply.incoming, reply.in_reply_to) == ("325", False, claim)
    assert_valid(reply.content.encode(), schema(Standard.IJW, codes.CLAIM_ANSWER))
    assert "<jw325:RetourCode>8001</jw325:RetourCode>" in reply.content
    assert reply.outcome["summary"].startswith("Antwoord op declaratie D1: 2 regels")
    logged = AccessLogEntry.objects.filter(name="declaratie (323) van aanbieder verwerken")
    assert [e.person_uuid for e in logged] == [world.youth.person.uuid]


def test_claim_lines_that_do_not_fit_are_refused_with_the_standards_codes(world):
    content = samples.claim_xml(
        [
            ClaimItem(world.wmo, fault=Fault.UNKNOWN_ALLOCATION),
            ClaimItem(world.wmo, fault=Fault.OUTSIDE_PERIOD),
            ClaimItem(world.wmo, fault=Fault.OVER_VOLUME),
            ClaimItem(world.wmo, reference="GOED"),
            ClaimItem(world.wmo, reference="GOED"),
        ]
    )

    claim = _import(world, content)

    assert _lines(claim) == [
        _refused(codes.UNKNOWN_ALLOCATION),
        _refused(codes.BEGIN_OUTSIDE_PERIOD, codes.END_OUTSIDE_PERIOD),
        _refused(codes.VOLUME_OVER),
        ACCEPTED,
        _refused(codes.REFERENCE_ALREADY_SUBMITTED),
    ]
    stored = list(Claim.objects.filter(message=claim).order_by("pk"))
    assert [c.refusal_code for c in stored] == ["9338", "9307", "9321", "", "8021"]
    assert stored[0].decision is None
    assert stored[3].decision == world.wmo
    assert claim.outcome["lines"][0]["explanation"] == codes.RETOUR_CODES["9338"]
    assert claim.outcome["summary"] == "5 regels: 1 goedgekeurd, 4 afgekeurd."
    # The answer names the refused lines only, with their codes.
    reply = claim.reply.content.encode()
    assert_valid(reply, derived_wmo325())
    assert reply.count(b"<wmo325:Prestatie>") == 4
    assert b"<wmo325:RetourCode>9321</wmo325:RetourCode>" in reply
    assert b"<wmo325:TotaalBedrag>" not in reply  # totals are in the basisschema namespace
    assert b"<iwmo:TotaalBedrag>400000</iwmo:TotaalBedrag>" in reply


def test_volume_over_the_allocation_counts_what_was_accepted_before(world):
    first = _import(world, samples.claim_xml([world.wmo]))  # the one stairlift
    second = _import(world, samples.claim_xml([world.wmo]))

    assert _lines(first) == [ACCEPTED]
    assert _lines(second) == [_refused(codes.VOLUME_SUM_OVER)]


def test_lines_of_one_message_count_against_the_allocation_together(world):
    both = [ClaimItem(world.wmo, reference="R1"), ClaimItem(world.wmo, reference="R2")]
    claim = _import(world, samples.claim_xml(both))

    assert _lines(claim) == [ACCEPTED, _refused(codes.VOLUME_SUM_OVER)]


def test_credit_cancels_an_accepted_line_once(world):
    _import(world, samples.claim_xml([ClaimItem(world.wmo, reference="R1")]))
    credit = samples.claim_xml([ClaimItem(world.wmo, reference="R1", credit=True)])
    credited = _import(world, credit)
    twice = _import(world, samples.claim_xml([ClaimItem(world.wmo, reference="R1", credit=True)]))
    unknown = _import(world, samples.claim_xml([ClaimItem(world.wmo, reference="R9", credit=True)]))

    assert _lines(credited) == [ACCEPTED]
    assert Claim.objects.get(message=credited).amount_cents == -400_000
    assert _lines(twice) == [_refused(codes.ALREADY_CREDITED)]
    assert _lines(unknown) == [_refused(codes.CREDIT_WITHOUT_DEBIT)]
    # After the credit the stairlift can be claimed again.
    assert _lines(_import(world, samples.claim_xml([world.wmo]))) == [ACCEPTED]


def test_allocation_of_another_provider_is_unknown_to_the_sender(world):
    other = ProviderFactory(name="Andere aanbieder")
    ContractFactory(
        region=world.municipality.region,
        provider=other,
        municipalities=[world.municipality],
        tariffs={world.wmo.product: 400_000},
    )
    world.wmo.provider = other  # as if the other provider claims this allocation

    claim = _import(world, samples.claim_xml([world.wmo]))
    start = _import(world, samples.start_xml([world.wmo]))

    assert claim.provider == other
    assert _lines(claim) == [_refused(codes.UNKNOWN_ALLOCATION)]
    assert _lines(start) == [_refused(codes.NOT_LINKED)]
    assert not Claim.objects.filter(decision=world.wmo).exists()


def test_claim_for_a_wrong_client_product_or_tariff(world):
    world.wmo.person.bsn = world.youth.person.bsn
    world.wmo.product.code = "13X99"
    world.wmo.tariff_cents = 390_000

    claim = _import(world, samples.claim_xml([world.wmo]))

    assert _lines(claim) == [
        _refused(codes.NOT_THIS_CLIENT, codes.PRODUCT_CODE_DIFFERS, codes.TARIFF_DIFFERS)
    ]


# --- refused as a whole: nothing stored ----------------------------------------------------------


def _assert_refused(world, content: bytes, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        _import(world, content)
    assert Message.objects.count() == 0
    assert Claim.objects.count() == 0


def test_reimport_of_the_same_message_is_refused(world):
    content = samples.claim_xml([world.wmo], identification="DECL-1")
    _import(world, content)

    with pytest.raises(ValidationError, match="al verwerkt"):
        _import(world, content)
    assert Message.objects.filter(code="323").count() == 1
    assert Claim.objects.count() == 1


def test_message_for_another_municipality_is_refused(world):
    world.wmo.case.household.municipality = MunicipalityFactory(cbs_code="GM0010")

    _assert_refused(world, samples.claim_xml([world.wmo]), "gemeentecode 0010")


def test_message_from_a_provider_without_contract_is_refused(world):
    world.wmo.provider = ProviderFactory(name="Zonder contract")

    _assert_refused(world, samples.claim_xml([world.wmo]), "geen aanbieder met een contract")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">&lol9;</Bericht>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Bericht [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">&xxe;</Bericht>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Bericht SYSTEM "http://example.org/bericht.dtd">
<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"/>"""


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (BILLION_LAUGHS, "DOCTYPE"),
        (EXTERNAL_ENTITY, "DOCTYPE"),
        (EXTERNAL_DTD, "DOCTYPE"),
        (b"Dit is geen XML", "geen correcte XML"),
        (b"<Bericht><Header>", "geen correcte XML"),
        (b"", "leeg"),
        (b"   \n ", "leeg"),
        (b"\xff\xfe<\x00B\x00", "geen correcte XML"),
        (b"<Bericht/>", "geen start \\(305\\), stop \\(307\\) of declaratie"),
        (
            b'<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw315/schema"/>',
            "geen start \\(305\\)",
        ),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "external-dtd",
        "not-xml",
        "unclosed",
        "empty",
        "whitespace",
        "utf16-garbage",
        "no-namespace",
        "jw315",
    ],
)
def test_hostile_or_malformed_input_is_refused_with_nothing_stored(world, content, match):
    _assert_refused(world, content, "Dit bestand is geen geldig iWmo- of iJw-bericht: .*" + match)


def test_file_over_5_mb_is_refused_before_parsing(world):
    content = samples.claim_xml([world.wmo])
    huge = content.replace(
        b"<wmo323:Header>", b"<!--" + b"x" * (5 * 1024 * 1024) + b"--><wmo323:Header>"
    )

    _assert_refused(world, huge, "groter dan 5 MB")


def test_allocation_or_answer_is_not_read_as_incoming(world):
    allocation = writing.allocation_xml([world.wmo])

    _assert_refused(world, allocation, "toewijzing \\(WMO301\\)")


def test_missing_or_wrong_elements_are_named(world):
    content = samples.claim_xml([world.wmo])
    no_bsn = content.replace(f"<wmo323:Bsn>{world.wmo.person.bsn}</wmo323:Bsn>".encode(), b"")
    bad_date = content.replace(b"<iwmo:Begindatum>2026-01-01", b"<iwmo:Begindatum>2026-02-30")
    bad_code = content.replace(b"<wmo323:BerichtCode>484", b"<wmo323:BerichtCode>999")

    _assert_refused(world, no_bsn, "Bsn ontbreekt")
    _assert_refused(world, bad_date, "geen datum")
    _assert_refused(world, bad_code, "BerichtCode hoort 484")
