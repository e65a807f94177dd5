"""The XML EenPlan writes: the allocation (301) and the claim answer (325).

Built with ElementTree from our own data (safe to write). Every element the XSD requires is
filled; optional ones we do not hold are left out. Values are fitted to the basisschema's types:
whitespace folded, names cut to their maximum length, Voorletters letters only, the postcode
without its space, the street name at most 24 characters.

Elements of a message's own types are in the message's namespace; the children of the shared
types (``CDT_...``: a name, a period, an amount) are in the basisschema's namespace, because
that is where those types declare them.
"""

import datetime
import re
import secrets
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from eenplan.provisions.messages import codes
from eenplan.provisions.messages.reading import ClaimLine, IncomingMessage

for _standard in codes.STANDARDS:
    ET.register_namespace(_standard, codes.basis_namespace(_standard))
    for _code in (*codes.OUTGOING, *codes.INCOMING):
        ET.register_namespace(
            codes.message_name(_standard, _code).lower(), codes.namespace(_standard, _code)
        )

MAX_AMOUNT = 99_999_999  # LDT_Bedrag, LDT_Budget and LDT_Volume
INITIALS = re.compile(r"[a-zA-ZÀ-ỳ]")  # LDT_Voorletters: ([a-zA-ZÀ-ỳ])+, at most 6
_ALPHABET = string.ascii_uppercase + string.digits


def new_identification(code: str) -> str:
    """A BerichtIdentificatie (at most 12 characters) for a message not stored yet."""
    return code + "".join(secrets.choice(_ALPHABET) for _ in range(9))


def fold(value: str, max_length: int) -> str:
    """Whitespace folded to single spaces (patterns like ``.*[^\\s].*`` allow no newline)."""
    return " ".join(str(value).split())[:max_length].strip()


class Document:
    """One message under construction: ``add`` puts an element in the message's namespace,
    ``base`` one in the basisschema's."""

    def __init__(self, standard: str, code: str):
        self.standard, self.code = standard, code
        self.ns = codes.namespace(standard, code)
        self.basis = codes.basis_namespace(standard)
        self.root = ET.Element(f"{{{self.ns}}}Bericht")

    def add(self, parent: ET.Element, tag: str, text: object = None) -> ET.Element:
        return self._element(parent, self.ns, tag, text)

    def base(self, parent: ET.Element, tag: str, text: object = None) -> ET.Element:
        return self._element(parent, self.basis, tag, text)

    @staticmethod
    def _element(parent, ns: str, tag: str, text: object) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ns}}}{tag}")
        if text is not None:
            element.text = text.isoformat() if isinstance(text, datetime.date) else str(text)
        return element

    def header(
        self, *, sender: str, receiver: str, identification: str, dated: datetime.date
    ) -> ET.Element:
        header = self.add(self.root, "Header")
        self.add(header, "BerichtCode", codes.BERICHT_CODES[(self.standard, self.code)])
        self.add(header, "BerichtVersie", codes.VERSION)
        self.add(header, "BerichtSubversie", codes.SUBVERSION)
        self.add(header, "Afzender", sender)
        self.add(header, "Ontvanger", receiver)
        self.identification(header, "BerichtIdentificatie", identification, dated)
        self.xsd_version(header, "XsdVersie", *codes.XSD_VERSIONS[self.standard])
        return header

    def identification(self, parent, tag: str, identification: str, dated: datetime.date):
        element = self.add(parent, tag)
        self.base(element, "Identificatie", identification)
        self.base(element, "Dagtekening", dated)

    def xsd_version(self, parent, tag: str, basis_version: str, message_version: str):
        element = self.add(parent, tag)
        self.base(element, "BasisschemaXsdVersie", basis_version)
        self.base(element, "BerichtXsdVersie", message_version)

    def amount(self, parent, tag: str, cents: int, *, total: bool = False):
        """A CDT_BedragMetDC (or with ``total`` a CDT_TotaalBedragMetDC): the size and D or C."""
        element = self.add(parent, tag)
        self.base(element, "TotaalBedrag" if total else "Bedrag", abs(cents))
        self.base(element, "DebetCredit", codes.DEBIT if cents >= 0 else codes.CREDIT)

    def tostring(self) -> bytes:
        ET.indent(self.root)
        return ET.tostring(self.root, encoding="UTF-8", xml_declaration=True)


def municipality_code(municipality) -> str:
    """The 4-digit gemeentecode of the messages: GM0010 is 0010."""
    return municipality.cbs_code[2:]


def initials(given_names: str) -> str:
    letters = (name[0] for name in given_names.split() if INITIALS.fullmatch(name[0]))
    return "".join(letters)[:6].upper()


def add_name(doc: Document, parent: ET.Element, person, *, full: bool) -> None:
    """Naam as CDT_VolledigeNaam (``full``, with NaamGebruik) or CDT_VerkorteNaam."""
    name = doc.add(parent, "Naam")
    surname = doc.base(name, "Geslachtsnaam")
    doc.base(surname, "Achternaam", fold(person.surname, 200))
    if fold(person.surname_prefix, 10):
        doc.base(surname, "Voorvoegsel", fold(person.surname_prefix, 10))
    if fold(person.given_names, 200):
        doc.base(name, "Voornamen", fold(person.given_names, 200))
    if initials(person.given_names):
        doc.base(name, "Voorletters", initials(person.given_names))
    if full:
        doc.base(name, "NaamGebruik", "1")  # eigen naam


def add_person(doc: Document, client: ET.Element, person, *, full: bool) -> None:
    """Bsn, Geboortedatum, Geslacht and Naam of a client."""
    doc.add(client, "Bsn", person.bsn)
    doc.base(doc.add(client, "Geboortedatum"), "Datum", person.birth_date)
    doc.add(client, "Geslacht", person.gender or "0")
    add_name(doc, client, person, full=full)


def _house(doc: Document, address: ET.Element, house_number: str) -> None:
    match = re.match(r"(\d{1,5})\W*(.*)", fold(house_number, 30))
    if not match:
        return
    house = doc.base(address, "Huis")
    doc.base(house, "Huisnummer", int(match[1]))
    rest = match[2].strip(" -")
    if len(rest) == 1 and rest.isalpha():
        doc.base(house, "Huisletter", rest)
    elif rest:
        doc.base(house, "HuisnummerToevoeging", rest[:4].strip())


def add_contact(doc: Document, client: ET.Element, person) -> None:
    """Contactgegevens: the BRP address (Soort 01), with what we know of it."""
    contact = doc.add(doc.add(client, "Contactgegevens"), "Contact")
    doc.add(contact, "Soort", "01")
    if not (person.house_number or person.postcode or person.street or person.city):
        return
    address = doc.add(contact, "Adres")
    _house(doc, address, person.house_number)
    if person.postcode:
        doc.base(address, "Postcode", "".join(person.postcode.split())[:8])
    if fold(person.street, 24):
        doc.base(address, "Straatnaam", fold(person.street, 24))
    if fold(person.city, 80):
        doc.base(address, "Plaatsnaam", fold(person.city, 80))
    doc.base(address, "LandCode", "NL")


# --- 301 ----------------------------------------------------------------------------------------


def not_exportable(decision) -> str:
    """Why ``decision`` cannot go into a 301 ('' when it can)."""
    person, product = decision.person, decision.product
    if not person.bsn:
        return "De inwoner heeft geen BSN. Een toewijzing gaat alleen met BSN naar de aanbieder."
    if person.birth_date is None:
        return "De geboortedatum van de inwoner ontbreekt."
    if decision.provider is None or not decision.provider.agb_code:
        return "De aanbieder heeft geen AGB-code."
    if not product.standard or not product.category:
        return "Het product valt niet onder iWmo of iJw."
    if decision.volume > MAX_AMOUNT or (not product.code and decision.amount_cents > MAX_AMOUNT):
        return "De omvang of het bedrag is te groot voor het bericht."
    return ""


def _allocated_product(doc: Document, products: ET.Element, decision) -> None:
    decided = timezone.localtime(decision.decided_at or timezone.now())
    item = doc.add(products, "ToegewezenProduct")
    doc.add(item, "ToewijzingNummer", decision.allocation_number)
    product = doc.add(item, "Product")
    doc.base(product, "Categorie", decision.product.category)
    if decision.product.code:
        doc.base(product, "Code", decision.product.code)
    doc.add(item, "Toewijzingsdatum", decided.date())
    doc.add(item, "Toewijzingstijd", decided.strftime("%H:%M:%S"))
    doc.add(item, "Ingangsdatum", decision.start_date)
    doc.add(item, "Einddatum", decision.end_date)
    if decision.product.code:
        size = doc.add(item, "Omvang")
        doc.base(size, "Volume", decision.volume)
        doc.base(size, "Eenheid", decision.unit)
        doc.base(size, "Frequentie", decision.frequency)
    else:  # a task-based allocation (category only) carries a budget instead of a size
        doc.add(item, "Budget", decision.amount_cents)


def allocation_xml(
    decisions: Iterable,
    *,
    identification: str | None = None,
    dated: datetime.date | None = None,
) -> bytes:
    """A 301 for one provider and one client: all the given decisions of one standard.

    The decisions must share provider, person, municipality and standard, and be exportable
    (``not_exportable``); a ValueError says otherwise.
    """
    decisions = sorted(decisions, key=lambda d: d.pk)
    if not decisions:
        raise ValueError("A 301 needs at least one decision.")
    first = decisions[0]
    key = _group_key(first)
    if any(_group_key(d) != key for d in decisions):
        raise ValueError("A 301 is for one provider, one client and one standard.")
    if reasons := [not_exportable(d) for d in decisions if not_exportable(d)]:
        raise ValueError(reasons[0])
    doc = Document(first.product.standard, codes.ALLOCATION)
    doc.header(
        sender=municipality_code(first.case.household.municipality),
        receiver=first.provider.agb_code,
        identification=identification or new_identification(codes.ALLOCATION),
        dated=dated or timezone.localdate(),
    )
    client = doc.add(doc.root, "Client")
    add_person(doc, client, first.person, full=True)
    add_contact(doc, client, first.person)
    products = doc.add(client, "ToegewezenProducten")
    for decision in decisions:
        _allocated_product(doc, products, decision)
    return doc.tostring()


def _group_key(decision) -> tuple:
    return (
        decision.provider_id,
        decision.person_id,
        decision.product.standard,
        decision.case.household.municipality_id,
    )


# --- 325 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineAnswer:
    """The answer to one claim line: no retour codes means accepted."""

    line: ClaimLine
    codes: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.codes


def _refused_line(doc: Document, parent: ET.Element, answer: LineAnswer) -> None:
    line = answer.line
    item = doc.add(parent, "Prestatie")
    reference = doc.add(item, "ProductReferentie")
    doc.base(reference, "ReferentieNummer", line.reference)
    if line.previous_reference:
        doc.base(reference, "VorigReferentieNummer", line.previous_reference)
    doc.add(item, "ToewijzingNummer", line.allocation_number)
    doc.add(item, "ProductCategorie", line.category)
    doc.add(item, "ProductCode", line.product_code)
    period = doc.add(item, "ProductPeriode")
    doc.base(period, "Begindatum", line.period_start)
    doc.base(period, "Einddatum", line.period_end)
    doc.add(item, "GeleverdVolume", line.volume)
    doc.add(item, "Eenheid", line.unit)
    if line.tariff_cents is not None:
        doc.add(item, "ProductTarief", line.tariff_cents)
    doc.amount(item, "IngediendBedrag", line.signed_amount)
    _retour_codes(doc, item, answer.codes)


def _retour_codes(doc: Document, parent: ET.Element, retour_codes: Sequence[str]) -> None:
    element = doc.add(parent, "RetourCodes")
    for code in retour_codes:
        doc.add(element, "RetourCode", code)


def claim_answer_xml(
    claim: IncomingMessage,
    answers: Sequence[LineAnswer],
    *,
    identification: str | None = None,
    dated: datetime.date | None = None,
) -> bytes:
    """The 325 for a 323: the totals, and every refused line with its retour codes.

    As the standard has it since release 3.0, the answer names only the refused lines; a claim
    accepted in full gets retour code 8001 and no Clienten.
    """
    header = claim.header
    doc = Document(header.standard, codes.CLAIM_ANSWER)
    head = doc.header(
        sender=header.receiver,
        receiver=header.sender,
        identification=identification or new_identification(codes.CLAIM_ANSWER),
        dated=dated or timezone.localdate(),
    )
    doc.identification(head, "DeclaratieIdentificatie", header.identification, header.dated)
    doc.xsd_version(head, "XsdVersieDeclaratie", header.basis_xsd, header.message_xsd)
    _retour_codes(doc, head, [codes.ACCEPTED])
    body = doc.add(doc.root, "DeclaratieAntwoord")
    doc.add(body, "DeclaratieNummer", claim.claim_number)
    doc.amount(body, "TotaalIngediendBedrag", claim.claim_total_cents, total=True)
    accepted = sum(a.line.signed_amount for a in answers if a.accepted)
    doc.amount(body, "TotaalToegekendBedrag", accepted, total=True)
    refused = [answer for answer in answers if not answer.accepted]
    if refused:
        clients = doc.add(body, "Clienten")
        for bsn in dict.fromkeys(answer.line.bsn for answer in refused):
            client = doc.add(clients, "Client")
            doc.add(client, "Bsn", bsn)
            lines = doc.add(client, "Prestaties")
            for answer in refused:
                if answer.line.bsn == bsn:
                    _refused_line(doc, lines, answer)
            _retour_codes(doc, client, [codes.ACCEPTED])
    _retour_codes(doc, body, [codes.ACCEPTED if refused else codes.CLAIM_FULLY_ACCEPTED])
    return doc.tostring()
