"""Population figures for the indicators' denominators: the shipped CSV, and CBS StatLine.

The CSV (``data/population.csv``, or any file with the same header) has one row per municipality
and year: ``cbs_code,year,inhabitants,households,youth``.

CBS StatLine table 70072ned, *Regionale kerncijfers Nederland*, has per municipality and year
(on 1 January) everything the denominators need. We use these topics (their keys in one published
version of the table; the number after the name shifts when CBS adds topics, so the keys are
looked up in the table's metadata by name and unit, see ``resolve_fields``):

* ``TotaleBevolking_1`` — Totale bevolking → inhabitants;
* ``TotaalAantalParticuliereHuishoudens_82`` — Particuliere huishoudens, totaal → households;
* ``JongerDan5Jaar_4``, ``k_5Tot10Jaar_5``, ``k_10Tot15Jaar_6`` and ``k_15Tot20Jaar_7`` — the
  absolute age groups (number of inhabitants, not the percentages further on in the table).

CBS has no group "under 18". Youth is approximated as everyone under 15 plus three fifths of the
group 15 to 20 (the ages 15, 16 and 17 of the five ages 15-19, taken as equally large), rounded.
That is close enough for a denominator; load exact figures with ``--file`` where a municipality
has them.

Parsing is pure (``population_rows``), so it is tested on recorded rows without a network;
``fetch_cbs`` does the network part through the optional ``cbsodata`` package.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eenplan.indicators.services import PopulationRow

TABLE = "70072ned"
CBS_SOURCE = "CBS StatLine 70072ned (Regionale kerncijfers Nederland)"
SHIPPED_FILE = Path(__file__).parent / "data" / "population.csv"
SHIPPED_SOURCE = "Meegeleverde demo-schatting (afgerond, niet voor analyse)"
CSV_COLUMNS = ("cbs_code", "year", "inhabitants", "households", "youth")
# Share of the group 15 to 20 years that is younger than 18: ages 15, 16 and 17 of 15-19.
UNDER_18_OF_15_TO_20 = 3 / 5
# Plausible figures in a CSV row: the years CBS could count, and never more than a country.
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_COUNT = 100_000_000
INSTALL_HINT = (
    "Het pakket cbsodata is niet geïnstalleerd; het is optioneel. Installeer het met "
    "'.venv/bin/pip install -e \".[cbs]\"' (of 'pip install cbsodata') en probeer het opnieuw, "
    "of laad een CSV met --file."
)

_CODE = re.compile(r"^GM\d{4}$")
_YEAR = re.compile(r"(\d{4})")
_NUMBERED = re.compile(r"^(.*)_(\d+)$")


class PopulationDataError(ValueError):
    """The figures cannot be read; the message says why, in words for the operator."""


# ------------------------------------------------------------------------------------ CSV


def read_population_csv(lines: Iterable[str]) -> list[PopulationRow]:
    """Rows from a CSV in the shipped format (header first; empty lines and lines starting
    with ``#`` are skipped)."""
    content = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(content)
    try:
        fieldnames = reader.fieldnames or []
        missing = [column for column in CSV_COLUMNS if column not in fieldnames]
        if missing:
            raise PopulationDataError(
                f"De CSV mist de kolom(men) {', '.join(missing)}; "
                f"verwacht: {','.join(CSV_COLUMNS)}."
            )
        return [_csv_row(record, number) for number, record in enumerate(reader, start=2)]
    except csv.Error as error:
        raise PopulationDataError(f"De CSV is niet te lezen: {error}.") from error


def _csv_row(record: dict, number: int) -> PopulationRow:
    if None in record or None in record.values():
        # More or fewer values than columns: often a thousands separator ("25,000").
        raise PopulationDataError(
            f"Regel {number} van de CSV heeft niet precies {len(CSV_COLUMNS)} waarden "
            "(schrijf getallen zonder scheidingsteken voor duizendtallen)."
        )
    try:
        row = PopulationRow(
            cbs_code=record["cbs_code"].strip().upper(),
            year=int(record["year"]),
            inhabitants=int(record["inhabitants"]),
            households=int(record["households"]),
            youth=int(record["youth"]),
        )
    except ValueError as error:
        raise PopulationDataError(
            f"Regel {number} van de CSV is geen geldige rij: {dict(record)}."
        ) from error
    if not FIRST_YEAR <= row.year <= LAST_YEAR:
        raise PopulationDataError(
            f"Regel {number} van de CSV: het jaar {row.year} ligt niet tussen {FIRST_YEAR} en "
            f"{LAST_YEAR}."
        )
    if not all(0 <= count <= MAX_COUNT for count in (row.inhabitants, row.households, row.youth)):
        raise PopulationDataError(
            f"Regel {number} van de CSV: een aantal is negatief of groter dan honderd miljoen."
        )
    return row


def read_population_file(path: Path) -> list[PopulationRow]:
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            return read_population_csv(handle)
    except OSError as error:
        raise PopulationDataError(f"Kan {path} niet lezen: {error.strerror or error}.") from error
    except UnicodeDecodeError as error:
        raise PopulationDataError(
            f"{path} is geen tekstbestand in UTF-8 (byte {error.start + 1}); sla het op als "
            "CSV in UTF-8."
        ) from error


# ------------------------------------------------------------------------------------ CBS


@dataclass(frozen=True)
class CbsFields:
    """The keys of the topics we read in this version of the table."""

    inhabitants: str
    households: str
    under_15: tuple[str, ...]  # the groups that together are everyone under 15
    age_15_to_20: str

    @property
    def keys(self) -> list[str]:
        return [self.inhabitants, self.households, *self.under_15, self.age_15_to_20]


# Names of the topics, without their position number; alternatives in order of preference.
_INHABITANTS = ("TotaleBevolking",)
_HOUSEHOLDS = (
    "TotaalAantalParticuliereHuishoudens",
    "ParticuliereHuishoudensTotaal",
    "HuishoudensTotaal",
)
_UNDER_15 = (("JongerDan5Jaar",), ("k_5Tot10Jaar",), ("k_10Tot15Jaar",))
_AGE_15_TO_20 = ("k_15Tot20Jaar",)


def resolve_fields(properties: Iterable[dict]) -> CbsFields:
    """Find the keys in the table's ``DataProperties``: by name without the position number,
    among the absolute topics (unit "aantal"); where a name occurs twice (counts first, then
    percentages), the first."""
    found: dict[str, str] = {}
    for prop in sorted(properties, key=lambda p: _position(p.get("Key") or "")):
        key = (prop.get("Key") or "").strip()
        match = _NUMBERED.match(key)
        if prop.get("Type", "Topic") != "Topic" or not match:
            continue
        unit = (prop.get("Unit") or "aantal").strip().casefold()
        if unit == "aantal":
            found.setdefault(match[1], key)

    def pick(names: tuple[str, ...], label: str) -> str:
        for name in names:
            if name in found:
                return found[name]
        raise PopulationDataError(
            f"Tabel {TABLE} heeft geen onderwerp '{label}' (gezocht: {', '.join(names)}); "
            "mogelijk heeft CBS de tabel veranderd."
        )

    return CbsFields(
        inhabitants=pick(_INHABITANTS, "Totale bevolking"),
        households=pick(_HOUSEHOLDS, "Particuliere huishoudens"),
        under_15=tuple(pick(names, names[0]) for names in _UNDER_15),
        age_15_to_20=pick(_AGE_15_TO_20, "15 tot 20 jaar"),
    )


def _position(key: str) -> int:
    match = _NUMBERED.match(key.strip())
    return int(match[2]) if match else 10**9


def region_codes(regions: Iterable[dict]) -> dict[str, str]:
    """Title → CBS code for the municipalities in the table's ``RegioS`` metadata
    (``cbsodata.get_data`` replaces codes by titles in the rows it returns)."""
    return {
        (region.get("Title") or "").strip(): region["Key"].strip()
        for region in regions
        if _CODE.match((region.get("Key") or "").strip())
    }


def _number(value) -> float | None:
    """A typed value (int, float or None) or an untyped one ("  1234", "." for missing)."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if text in {"", ".", "-", "x"}:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def population_rows(
    rows: Iterable[dict], fields: CbsFields, codes: dict[str, str] | None = None
) -> tuple[list[PopulationRow], list[str]]:
    """CBS rows (as ``cbsodata.get_data`` returns them) into ``PopulationRow``: municipalities
    only, the year from ``Perioden``. Also returns the rows skipped for a missing figure, as
    "<municipality> <year>" (CBS publishes households later than inhabitants)."""
    codes = codes or {}
    result, incomplete = [], []
    for row in rows:
        region = str(row.get("RegioS") or "").strip()
        code = region if _CODE.match(region) else codes.get(region)
        year = _YEAR.search(str(row.get("Perioden") or ""))
        if code is None or year is None:
            continue  # a province, a region or the country
        values = {key: _number(row.get(key)) for key in fields.keys}
        if any(value is None for value in values.values()):
            incomplete.append(f"{region} {year[1]}")
            continue
        under_15 = sum(values[key] for key in fields.under_15)
        youth = under_15 + UNDER_18_OF_15_TO_20 * values[fields.age_15_to_20]
        result.append(
            PopulationRow(
                cbs_code=code,
                year=int(year[1]),
                inhabitants=round(values[fields.inhabitants]),
                households=round(values[fields.households]),
                youth=round(youth),
            )
        )
    return result, incomplete


@dataclass(frozen=True)
class CbsResult:
    rows: list[PopulationRow]
    incomplete: list[str]
    years: list[int]


def fetch_cbs(*, year: int | None = None, years_back: int = 3) -> CbsResult:
    """Read the municipalities' figures from StatLine: ``year``, or the last ``years_back``
    years in the table. Needs the optional ``cbsodata`` package and a network."""
    try:
        import cbsodata
    except ImportError as error:
        raise PopulationDataError(INSTALL_HINT) from error
    try:
        fields = resolve_fields(cbsodata.get_meta(TABLE, "DataProperties"))
        codes = region_codes(cbsodata.get_meta(TABLE, "RegioS"))
        available = sorted(
            int(match[1])
            for period in cbsodata.get_meta(TABLE, "Perioden")
            if (match := re.match(r"^(\d{4})JJ00", (period.get("Key") or "").strip()))
        )
        years = [year] if year else available[-years_back:]
        if not years or (year and year not in available):
            raise PopulationDataError(
                f"CBS heeft in tabel {TABLE} geen cijfers voor {year or 'enig jaar'}; "
                f"beschikbaar: {available[0] if available else '-'} t/m "
                f"{available[-1] if available else '-'}."
            )
        periods = " or ".join(f"Perioden eq '{y}JJ00'" for y in years)
        rows = cbsodata.get_data(
            TABLE,
            typed=True,
            select=["RegioS", "Perioden", *fields.keys],
            filters=f"startswith(RegioS,'GM') and ({periods})",
        )
    except PopulationDataError:
        raise
    except (OSError, ValueError, KeyError) as error:
        # requests' errors are OSErrors (no network, DNS, an HTTP error status); a reply that
        # is not the JSON expected is a ValueError or KeyError.
        raise PopulationDataError(
            f"CBS StatLine is niet bereikbaar ({error}). Controleer de internetverbinding, of "
            "laad een CSV met --file."
        ) from error
    parsed, incomplete = population_rows(rows, fields, codes)
    return CbsResult(rows=parsed, incomplete=incomplete, years=years)
