"""Reading what a provider sends, safely: a start (305), a stop (307) or a claim (323).

The input is untrusted. A file over ``EENPLAN_MAX_UPLOAD_MB`` (5 MB), or one that does not start
like XML, is refused before it is parsed; the parser (defusedxml) refuses a DTD, entities and
external references, so entity expansion ("billion laughs") and reading local files cannot
happen. The root namespace says which standard and message it is.
What EenPlan needs is returned as plain dataclasses; anything malformed is a Django
``ValidationError`` with a Dutch message, never a crash.

The XSDs are not read at run time (lxml is a test dependency): the checks here are the ones the
processing needs (required elements, dates, numbers, codes), and the tests validate the sample
messages against the official schemas.
"""

import datetime
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml import ElementTree as SafeET
from django.core.exceptions import ValidationError

from eenplan.provisions.constants import Unit
from eenplan.provisions.messages import codes, uploads

UTF8_BOM = b"\xef\xbb\xbf"
MAX_NUMBER = 999_999_999  # LDT_Nummer
MAX_AMOUNT = 99_999_999  # LDT_Bedrag, LDT_Volume
MAX_TOTAL = 999_999_999_999  # LDT_TotaalBedrag
VERSION = r"(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})"  # LDT_Versie
INVALID = "Dit bestand is geen geldig iWmo- of iJw-bericht: %s"


def invalid(reason: str) -> ValidationError:
    return ValidationError(INVALID % reason, code="invalid_message")


@dataclass(frozen=True)
class Header:
    standard: str
    code: str
    sender: str  # AGB code of the provider
    receiver: str  # gemeentecode (4 digits)
    identification: str
    dated: datetime.date
    basis_xsd: str
    message_xsd: str


@dataclass(frozen=True)
class StartLine:
    bsn: str
    allocation_number: int | None
    category: str
    product_code: str
    begin: datetime.date
    status: str


@dataclass(frozen=True)
class StopLine:
    bsn: str
    allocation_number: int | None
    category: str
    product_code: str
    begin: datetime.date
    end: datetime.date
    reason: str
    status: str


@dataclass(frozen=True)
class ClaimLine:
    """A Prestatie of a 323."""

    bsn: str
    reference: str
    previous_reference: str
    allocation_number: int
    category: str
    product_code: str
    period_start: datetime.date
    period_end: datetime.date
    volume: int
    unit: str
    tariff_cents: int | None
    amount_cents: int
    debit: bool

    @property
    def signed_amount(self) -> int:
        return self.amount_cents if self.debit else -self.amount_cents


@dataclass(frozen=True)
class IncomingMessage:
    header: Header
    lines: tuple
    claim_number: str = ""  # 323 only
    claim_total_cents: int = 0  # 323 only, negative for credit


def _refuse_before_parsing(content: bytes) -> None:
    if len(content) > uploads.limit_bytes():
        raise uploads.too_large()
    if not content.strip():
        raise invalid("het bestand is leeg.")
    # Sniffed: XML starts with "<" (after an optional UTF-8 byte order mark).
    if not content.removeprefix(UTF8_BOM).lstrip().startswith(b"<"):
        raise invalid("dit is geen correcte XML. Een XML-bestand begint met <.")


def _parse(content: bytes) -> Element:
    _refuse_before_parsing(content)
    try:
        return SafeET.fromstring(
            content, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DTDForbidden:
        raise invalid("het bevat een DOCTYPE (DTD). Dat hoort niet in een bericht.") from None
    except EntitiesForbidden:
        raise invalid("het bevat XML-entiteiten. Dat hoort niet in een bericht.") from None
    except DefusedXmlException:
        raise invalid("het verwijst naar externe bestanden.") from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise invalid(
            f"dit is geen correcte XML (fout op regel {line}, kolom {column + 1})."
        ) from None
    except (ValueError, UnicodeError):
        raise invalid("dit is geen correcte XML.") from None


class _Reader:
    """Finds elements by a path of ``m:`` (message namespace) and ``b:`` (basisschema) steps."""

    def __init__(self, standard: str, code: str):
        self.ns = {"m": codes.namespace(standard, code), "b": codes.basis_namespace(standard)}

    def all(self, parent: Element, path: str) -> list[Element]:
        return parent.findall(path, self.ns)

    def optional(self, parent: Element, path: str) -> str:
        element = parent.find(path, self.ns)
        return " ".join((element.text or "").split()) if element is not None else ""

    def text(self, parent: Element, path: str) -> str:
        value = self.optional(parent, path)
        if not value:
            raise invalid(f"het element {_name(path)} ontbreekt of is leeg.")
        return value

    def date(self, parent: Element, path: str) -> datetime.date:
        value = self.text(parent, path)
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        raise invalid(f"{_name(path)} is geen datum als 2026-03-31 ({value[:20]}).")

    def number(self, parent: Element, path: str, maximum: int, *, required=True) -> int | None:
        value = self.text(parent, path) if required else self.optional(parent, path)
        if not value and not required:
            return None
        if not re.fullmatch(r"\d{1,12}", value) or int(value) > maximum:
            raise invalid(f"{_name(path)} is geen geldig getal ({value[:20]}).")
        return int(value)

    def code(self, parent: Element, path: str, allowed, *, required=True) -> str:
        value = self.text(parent, path) if required else self.optional(parent, path)
        if (value or required) and value not in allowed:
            raise invalid(f"{_name(path)} heeft een onbekende waarde ({value[:20]}).")
        return value

    def matching(self, parent: Element, path: str, pattern: str) -> str:
        value = self.text(parent, path)
        if not re.fullmatch(pattern, value):
            raise invalid(f"{_name(path)} heeft een ongeldige waarde ({value[:20]}).")
        return value


def _name(path: str) -> str:
    return "/".join(step.split(":")[-1] for step in path.split("/"))


def _identify(root: Element) -> tuple[str, str]:
    match = re.fullmatch(r"\{(.*)\}Bericht", root.tag)
    known = codes.BY_NAMESPACE.get(match[1]) if match else None
    if known is None:
        raise invalid("het is geen start (305), stop (307) of declaratie (323) van iWmo of iJw.")
    standard, code = known
    if code not in codes.INCOMING:
        raise invalid(
            f"dit is een {codes.LABELS[code].lower()} ({codes.message_name(standard, code)}), "
            "een bericht dat de gemeente zelf verstuurt. EenPlan leest alleen start (305), "
            "stop (307) en declaratie (323)."
        )
    return standard, code


def _header(read: _Reader, root: Element, standard: str, code: str) -> Header:
    expected = codes.BERICHT_CODES[(standard, code)]
    if read.text(root, "m:Header/m:BerichtCode") != expected:
        raise invalid(f"de BerichtCode hoort {expected} te zijn.")
    return Header(
        standard=standard,
        code=code,
        sender=read.matching(root, "m:Header/m:Afzender", r"\d{8}"),
        receiver=read.matching(root, "m:Header/m:Ontvanger", r"\d{4}"),
        identification=read.matching(
            root, "m:Header/m:BerichtIdentificatie/b:Identificatie", r".{1,12}"
        ),
        dated=read.date(root, "m:Header/m:BerichtIdentificatie/b:Dagtekening"),
        basis_xsd=read.matching(root, "m:Header/m:XsdVersie/b:BasisschemaXsdVersie", VERSION),
        message_xsd=read.matching(root, "m:Header/m:XsdVersie/b:BerichtXsdVersie", VERSION),
    )


def _bsn(read: _Reader, client: Element) -> str:
    return read.matching(client, "m:Bsn", r"\d{9}")


def _starts(read: _Reader, root: Element) -> tuple[StartLine, ...]:
    client = _one(read, root, "m:Client")
    bsn = _bsn(read, client)
    return tuple(
        StartLine(
            bsn=bsn,
            allocation_number=read.number(item, "m:ToewijzingNummer", MAX_NUMBER, required=False),
            category=read.optional(item, "m:Product/b:Categorie"),
            product_code=read.optional(item, "m:Product/b:Code"),
            begin=read.date(item, "m:Begindatum"),
            status=read.code(item, "m:StatusAanlevering", codes.DELIVERY_STATUSES),
        )
        for item in _some(read, client, "m:StartProducten/m:StartProduct")
    )


def _stops(read: _Reader, root: Element, standard: str) -> tuple[StopLine, ...]:
    client = _one(read, root, "m:Client")
    bsn = _bsn(read, client)
    return tuple(
        StopLine(
            bsn=bsn,
            allocation_number=read.number(item, "m:ToewijzingNummer", MAX_NUMBER, required=False),
            category=read.optional(item, "m:Product/b:Categorie"),
            product_code=read.optional(item, "m:Product/b:Code"),
            begin=read.date(item, "m:Begindatum"),
            end=read.date(item, "m:Einddatum"),
            reason=read.code(item, "m:RedenBeeindiging", codes.STOP_REASONS[standard]),
            status=read.code(item, "m:StatusAanlevering", codes.DELIVERY_STATUSES),
        )
        for item in _some(read, client, "m:StopProducten/m:StopProduct")
    )


def _claim_line(read: _Reader, item: Element, bsn: str) -> ClaimLine:
    return ClaimLine(
        bsn=bsn,
        reference=read.matching(item, "m:ProductReferentie/b:ReferentieNummer", r".{1,20}"),
        previous_reference=read.optional(item, "m:ProductReferentie/b:VorigReferentieNummer")[:20],
        allocation_number=read.number(item, "m:ToewijzingNummer", MAX_NUMBER),
        category=read.matching(item, "m:ProductCategorie", r"\d{2}"),
        product_code=read.matching(item, "m:ProductCode", r".{1,5}"),
        period_start=read.date(item, "m:ProductPeriode/b:Begindatum"),
        period_end=read.date(item, "m:ProductPeriode/b:Einddatum"),
        volume=read.number(item, "m:GeleverdVolume", MAX_AMOUNT),
        unit=read.code(item, "m:Eenheid", Unit.values),
        tariff_cents=read.number(item, "m:ProductTarief", MAX_AMOUNT, required=False),
        amount_cents=read.number(item, "m:IngediendBedrag/b:Bedrag", MAX_AMOUNT),
        debit=read.code(item, "m:IngediendBedrag/b:DebetCredit", (codes.DEBIT, codes.CREDIT))
        == codes.DEBIT,
    )


def _claim(read: _Reader, root: Element, header: Header) -> IncomingMessage:
    claim = _one(read, root, "m:Declaratie")
    lines = []
    for client in _some(read, claim, "m:Clienten/m:Client"):
        bsn = _bsn(read, client)
        lines += [
            _claim_line(read, item, bsn) for item in _some(read, client, "m:Prestaties/m:Prestatie")
        ]
    total = read.number(claim, "m:TotaalIngediendBedrag/b:TotaalBedrag", MAX_TOTAL)
    side = read.code(claim, "m:TotaalIngediendBedrag/b:DebetCredit", (codes.DEBIT, codes.CREDIT))
    return IncomingMessage(
        header=header,
        lines=tuple(lines),
        claim_number=read.matching(claim, "m:DeclaratieNummer", r"[a-zA-Z0-9]{1,12}"),
        claim_total_cents=total if side == codes.DEBIT else -total,
    )


def _one(read: _Reader, parent: Element, path: str) -> Element:
    found = read.all(parent, path)
    if len(found) != 1:
        raise invalid(f"het bericht heeft niet precies één {_name(path)}.")
    return found[0]


def _some(read: _Reader, parent: Element, path: str) -> list[Element]:
    found = read.all(parent, path)
    if not found:
        raise invalid(f"het element {_name(path)} ontbreekt.")
    return found


def read_message(content: bytes) -> IncomingMessage:
    """The header and lines of a 305, 307 or 323; ValidationError if it is none of them."""
    root = _parse(content)
    standard, code = _identify(root)
    read = _Reader(standard, code)
    header = _header(read, root, standard, code)
    if code == codes.START:
        return IncomingMessage(header, _starts(read, root))
    if code == codes.STOP:
        return IncomingMessage(header, _stops(read, root, standard))
    return _claim(read, root, header)
