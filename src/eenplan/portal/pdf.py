"""'Mijn gegevens' as a PDF: the AVG export of ``selectors.my_data`` in a form a person can read.

The PDF shows exactly the dict the JSON download holds, so both downloads always agree. It walks
the dict instead of naming every field: a field added to the export appears here too. Keys become
Dutch headings (underscores to spaces, or a nicer label below), dates are written out in words,
short records become tables. Layout and the Helvetica/cp1252 handling come from ``plans.pdf``.
"""

import datetime
import io
import re

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer

from eenplan.plans.pdf import DASH, GREY, _Builder, _plain, long_date

PAGE_WIDTH = 174 * mm  # A4 minus the margins
TABLE_MAX_COLUMNS = 4  # wider records are shown as label/value blocks, one per record
EMPTY = "Geen"
LABELS = {
    "bsn": "BSN",
    "email": "E-mail",
    "klaar_op": "Klaar op",
    "belangrijkste_vraag": "Wat u het belangrijkste vindt",
    "ingestemd_met_versies": "U stemde in met versie",
    "wie_heeft_mijn_gegevens_bekeken": "Wie heeft mijn gegevens bekeken",
    "casussen": "Uw gezin en de hulp",
    "klachten_en_bezwaren": "Klachten en bezwaren",
    "wat_er_aan_de_hand_is": "Wat er aan de hand is",
    "beslissen_uiterlijk": "We beslissen uiterlijk op",
}
# A heading per record in these lists.
ITEM_LABELS = {"casussen": "Casus", "doelen": "Doel", "klachten_en_bezwaren": "Klacht of bezwaar"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _label(key: str) -> str:
    return LABELS.get(key) or key.replace("_", " ").capitalize()


def _when(text: str) -> str:
    moment = timezone.localtime(datetime.datetime.fromisoformat(text))
    return f"{long_date(moment.date())} om {moment:%H:%M}"


def _scalar(value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, str) and DATE.match(value):
        return long_date(value)
    if isinstance(value, str) and DATE_TIME.match(value):
        return _when(value)
    return str(value)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def _is_cell(value) -> bool:
    """Fits in one table cell: a value or a list of values."""
    return _is_scalar(value) or (isinstance(value, list) and all(map(_is_scalar, value)))


def _inline(value) -> str:
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value) or "Geen"
    return _scalar(value)


def _records(b: _Builder, records: list[dict]) -> None:
    """Records of cells: a table when narrow, otherwise a label/value table per record."""
    keys = list(dict.fromkeys(k for record in records for k in record))
    if len(keys) <= TABLE_MAX_COLUMNS:
        rows = [[_inline(record.get(k)) for k in keys] for record in records]
        b.table([_label(k) for k in keys], rows, [PAGE_WIDTH / len(keys)] * len(keys))
        return
    for record in records:
        rows = [[_label(k), _inline(v)] for k, v in record.items()]
        b.table(["Wat", "Gegevens"], rows, [50 * mm, PAGE_WIDTH - 50 * mm])
        b.story.append(Spacer(1, 3 * mm))


def _list(b: _Builder, key: str, items: list, depth: int) -> None:
    if not items:
        b.add("Niets.", "small")
    elif all(map(_is_scalar, items)):
        b.bullets([_scalar(item) for item in items])
    elif all(isinstance(item, dict) and all(map(_is_cell, item.values())) for item in items):
        _records(b, items)
    else:
        for number, item in enumerate(items, start=1):
            _block(b, f"{ITEM_LABELS.get(key, _label(key))} {number}", item, depth + 1, key)


def _block(b: _Builder, title: str, value, depth: int, key: str = "") -> None:
    """One key of the export: a line for a value, a heading with its parts for the rest."""
    if depth > 0 and _is_cell(value):
        b.add(f"{title}: {_inline(value)}")
        return
    b.add(title, "h2" if depth == 0 else "h3")
    if isinstance(value, dict):
        for child_key, child in value.items():
            _block(b, _label(child_key), child, depth + 1, child_key)
    elif isinstance(value, list):
        _list(b, key, value, depth)
    else:
        b.add(_scalar(value))


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(GREY)
    canvas.drawString(doc.leftMargin, 10 * mm, _plain(f"Mijn gegevens {DASH} pagina {doc.page}"))
    canvas.restoreState()


def render_my_data_pdf(data: dict) -> bytes:
    """The PDF of ``selectors.my_data(user=...)``."""
    b = _Builder()
    for heading in ("h2", "h3"):  # never a heading alone at the bottom of a page
        b.styles[heading].keepWithNext = 1
    b.add("Mijn gegevens in EenPlan", "title")
    made = _scalar(data.get("gemaakt_op"))
    b.add(
        "Hier staat alles wat EenPlan over u bewaart. U heeft dit overzicht zelf gedownload "
        f"op {made}. Er staan persoonlijke gegevens in: bewaar het goed."
    )
    b.add(
        "Klopt er iets niet? Vraag uw regisseur om het te verbeteren. Wilt u dat gegevens "
        "worden verwijderd? Dat kunt u ook aan uw regisseur vragen.",
        "small",
    )
    for key, value in data.items():
        if key != "gemaakt_op":
            _block(b, _label(key), value, 0, key)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title="Mijn gegevens in EenPlan",
        author="EenPlan",
        lang="nl-NL",
    )
    document.build(b.story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
