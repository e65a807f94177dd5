"""The benchmark as a table: its columns (municipalities, then the groups pooled beside them),
one flat row per indicator, column and quarter, and that table as CSV or XLSX.

The pages, the export and the API all read cells through ``cell_of``, so they show the same
numbers. A suppressed cell (``Cell.suppressed``) carries no value, numerator or denominator, so
neither file can hold them: the row says "ja" under "Onderdrukt (<5)" and nothing else. An
indicator without data (``available=False``) has no rows; a local indicator only has rows for its
own municipality. Text a person typed (the name of a local indicator) can never start a formula
in a spreadsheet.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from eenplan.indicators.constants import SMALL_CELL, Scale
from eenplan.indicators.definitions import Indicator
from eenplan.indicators.peers import PeerGroup
from eenplan.indicators.periods import Quarter
from eenplan.indicators.selectors import Benchmark
from eenplan.indicators.values import Cell
from eenplan.tenancy.models import Municipality

HEADER = (
    "Indicator",
    "Code",
    "Gemeente of groep",
    "Kwartaal",
    "Waarde",
    "Teller",
    "Noemer",
    "Eenheid",
    f"Onderdrukt (<{SMALL_CELL})",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """A municipality, or a group of them pooled (a region or another peer group)."""

    name: str
    municipality: Municipality | None = None
    group: PeerGroup | None = None

    @property
    def is_group(self) -> bool:
        return self.group is not None

    @property
    def key(self) -> str:
        return str(self.municipality.uuid) if self.municipality else self.group.key


def columns(benchmark: Benchmark, group: PeerGroup | None) -> list[Column]:
    """The benchmark's municipalities, then the chosen group, or else the regions of those
    municipalities (the region view)."""
    found = [Column(m.name, municipality=m) for m in benchmark.municipalities]
    if group is not None:
        groups = [group]
    else:
        regions = {m.region_id for m in benchmark.municipalities}
        groups = [g for g in benchmark.groups if g.kind == "regio" and g.region_id in regions]
    return found + [Column(f"{g.label} (groep)", group=g) for g in groups]


def applies(benchmark: Benchmark, indicator: Indicator, column: Column) -> bool:
    """A local indicator belongs to its own municipality, never to a group."""
    if column.is_group:
        return indicator.is_core
    return benchmark.applies(indicator, column.municipality.pk)


def cell_of(
    benchmark: Benchmark, indicator: Indicator, column: Column, quarter: Quarter
) -> Cell | None:
    if column.is_group:
        return benchmark.group_cell(indicator.code, column.group.key, quarter)
    return benchmark.cell(indicator.code, column.municipality.pk, quarter)


@dataclass(frozen=True)
class FlatRow:
    indicator: Indicator
    column: Column
    quarter: Quarter
    cell: Cell | None  # None: no data (or a median, which a group cannot pool)

    @property
    def suppressed(self) -> bool:
        return self.cell is not None and self.cell.suppressed

    @property
    def value(self) -> float | None:
        return None if self.cell is None or self.cell.value is None else round(self.cell.value, 2)

    @property
    def numerator(self) -> float | None:
        return None if self.cell is None else _number(self.cell.numerator)

    @property
    def denominator(self) -> float | None:
        return None if self.cell is None else _number(self.cell.denominator)


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def flat_rows(
    benchmark: Benchmark, table: list[Column], quarters: list[Quarter]
) -> Iterator[FlatRow]:
    """Per indicator, per column and per quarter one row, for what applies and has data."""
    for indicator in benchmark.indicators:
        if not indicator.available:
            continue
        for column in table:
            if not applies(benchmark, indicator, column):
                continue
            for quarter in quarters:
                yield FlatRow(
                    indicator, column, quarter, cell_of(benchmark, indicator, column, quarter)
                )


# ------------------------------------------------------------------------------ files


def _text(value: str) -> str:
    """Text a spreadsheet will not read as a formula."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _unit(indicator: Indicator) -> str:
    if indicator.unit:
        return str(indicator.unit)
    return Scale(indicator.scale).label


def _cells(row: FlatRow) -> list:
    return [
        _text(str(row.indicator.name)),
        row.indicator.code,
        _text(row.column.name),
        row.quarter.label,
        row.value,
        row.numerator,
        row.denominator,
        _text(_unit(row.indicator)),
        "ja" if row.suppressed else "nee",
    ]


def _decimal_comma(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def _filename(extension: str) -> str:
    return f"indicatoren-{timezone.localdate():%Y-%m-%d}.{extension}"


def csv_response(rows: Iterator[FlatRow]) -> HttpResponse:
    """Semicolons and decimal commas, UTF-8 with a byte order mark: what Dutch spreadsheet
    programs open as they are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_decimal_comma(value) for value in _cells(row)])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    return response


def xlsx_response(rows: Iterator[FlatRow], indicators: list[Indicator]) -> HttpResponse:
    """A sheet with the numbers and a sheet with every definition."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Indicatoren"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(_cells(row))
    definitions = workbook.create_sheet("Definities")
    definitions.append(("Code", "Indicator", "Wat telt", "Teller", "Noemer", "Periode", "Eenheid"))
    for indicator in indicators:
        definitions.append(
            [
                indicator.code,
                _text(str(indicator.name)),
                _text(str(indicator.counts)),
                str(indicator.numerator_label),
                str(indicator.denominator_label),
                str(indicator.period),
                _text(_unit(indicator)),
            ]
        )
    definitions.append([])
    definitions.append(
        [
            f"Onderdrukt: een cel met een telling van 1 tot en met {SMALL_CELL - 1}, of een "
            f"noemer onder {SMALL_CELL}, wordt niet getoond; er staan dan geen getallen in."
        ]
    )
    for worksheet in (sheet, definitions):
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
