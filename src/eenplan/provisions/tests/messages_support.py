"""Helpers shared by the message tests (this module holds no tests of its own).

- the official XSDs from ``<project>/../shared/istandaarden/`` (CI always has them there), and
  ``assert_valid`` to validate a message against its schema with lxml;
- ``make_world(setting)``: an iWmo decision (the stairlift of the ``setting`` fixture) and an iJw
  decision (youth care, hours per week) with the contracted provider, and the officer.

pytest reads fixtures from conftest.py only, so each test module wraps ``make_world`` in its own
small fixture.
"""

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone
from lxml import etree

from eenplan.provisions import amounts
from eenplan.provisions.constants import (
    BudgetDomain,
    Frequency,
    LegalBasis,
    Standard,
    Unit,
)
from eenplan.provisions.messages import codes
from eenplan.provisions.models import ContractProduct, Decision
from eenplan.provisions.tests.factories import DecisionFactory, ProductFactory

ISTANDAARDEN = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
FOLDERS = {Standard.IWMO: "iwmo-3.2", Standard.IJW: "ijw-3.2"}


def xsd_path(standard: str, code: str) -> Path:
    return ISTANDAARDEN / FOLDERS[standard] / f"{codes.message_name(standard, code)}.xsd"


@functools.cache
def schema(standard: str, code: str) -> etree.XMLSchema:
    """The official schema; it imports basisschema.xsd relative to its own path."""
    return etree.XMLSchema(etree.parse(str(xsd_path(standard, code))))


def structure(standard: str, code: str) -> str:
    """An XSD without its documentation, versions, namespaces and BerichtCode: what is left is
    the structure of the message, to compare iWmo with iJw."""
    text = xsd_path(standard, code).read_text(encoding="utf-8")
    text = re.sub(r"<xs:annotation>.*?</xs:annotation>", "", text, flags=re.S)
    text = re.sub(r"<xs:pattern value=\"\d{3}\"/>", "", text)
    text = (
        text.replace(f"/{standard}/", "/").replace("wmo" + code, "msg").replace("jw" + code, "msg")
    )
    return re.sub(r"\b(iwmo|ijw)\b", "base", re.sub(r"\s+", " ", text))


@functools.cache
def derived_wmo325() -> etree.XMLSchema:
    """WMO325 as the iJw 325 in the iWmo namespaces (no WMO325.xsd is published in our copies),
    with BerichtCode 485, against the iWmo basisschema."""
    text = xsd_path(Standard.IJW, codes.CLAIM_ANSWER).read_text(encoding="utf-8")
    text = text.replace("/ijw/3_2/basisschema/", "/iwmo/3_2/basisschema/")
    text = text.replace("/ijw/3_2/jw325/", "/iwmo/3_2/wmo325/")
    text = text.replace('<xs:pattern value="491"/>', '<xs:pattern value="485"/>')
    base_url = str(ISTANDAARDEN / FOLDERS[Standard.IWMO] / "WMO325.xsd")
    return etree.XMLSchema(etree.fromstring(text.encode(), base_url=base_url))


def assert_valid(content: bytes, xml_schema: etree.XMLSchema) -> None:
    document = etree.fromstring(content)  # our own output: trusted
    assert xml_schema.validate(document), str(xml_schema.error_log)


@dataclass
class World:
    setting: object
    municipality: object
    provider: object
    officer: object
    wmo: Decision
    youth: Decision


def youth_decision(setting, person, **fields) -> Decision:
    """Youth care (iJw 45) 3 hours a week from the setting's provider, in the first half of 2026."""
    product = ProductFactory(
        region=setting.municipality.region,
        name="Jeugdhulp ambulant",
        standard=Standard.IJW,
        category="45",
        code="45A48",
        unit=Unit.HOUR,
        frequency=Frequency.WEEK,
        legal_basis=LegalBasis.YOUTH,
        budget_domain=BudgetDomain.YOUTH,
    )
    ContractProduct.objects.create(contract=setting.contract, product=product, tariff_cents=7_500)
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
    values = {
        "case": setting.case,
        "person": person,
        "product": product,
        "provider": setting.provider,
        "contract": setting.contract,
        "volume": 3,
        "start_date": start,
        "end_date": end,
        "tariff_cents": 7_500,
        "amount_cents": amounts.amount_cents(
            volume=3, frequency=Frequency.WEEK, start=start, end=end, tariff_cents=7_500
        ),
        "decided_by": setting.officer,
        "decided_at": timezone.now(),
    } | fields
    return DecisionFactory(**values)


def stairlift_decision(setting, person, **fields) -> Decision:
    """The setting's stairlift (iWmo 13, one piece at € 4.000) from its provider, in 2026."""
    values = {
        "case": setting.case,
        "person": person,
        "product": setting.stairlift,
        "provider": setting.provider,
        "contract": setting.contract,
        "decided_by": setting.officer,
        "decided_at": timezone.now(),
    } | fields
    return DecisionFactory(**values)


def make_world(setting) -> World:
    members = list(setting.case.household.members.order_by("pk"))
    wmo = stairlift_decision(setting, members[0])
    youth = youth_decision(setting, members[-1])
    return World(setting, setting.municipality, setting.provider, setting.officer, wmo, youth)
