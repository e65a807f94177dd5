"""Population figures: the shipped CSV, another CSV, and CBS StatLine rows parsed offline.

The CBS samples below are recorded in the shape ``cbsodata`` returns them: ``DataProperties``
metadata with the topics' keys, titles and units, ``RegioS`` metadata mapping codes to titles,
and data rows whose ``RegioS`` and ``Perioden`` hold titles (``get_data`` replaces the codes).
"""

import sys
import types
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from eenplan.indicators import cbs
from eenplan.indicators.models import PopulationFigure
from eenplan.indicators.services import PopulationRow, population_load
from eenplan.tenancy.tests.factories import MunicipalityFactory

# A slice of 70072ned's DataProperties: counts first, then the same names as percentages.
PROPERTIES = [
    {"ID": 0, "Type": "TopicGroup", "Key": "", "Title": "Bevolking"},
    {"ID": 1, "Type": "Topic", "Key": "TotaleBevolking_1", "Title": "Totale bevolking",
     "Unit": "aantal"},
    {"ID": 2, "Type": "TopicGroup", "Key": "", "Title": "Leeftijdsgroepen"},
    {"ID": 3, "Type": "Topic", "Key": "JongerDan5Jaar_4", "Title": "Jonger dan 5 jaar",
     "Unit": "aantal"},
    {"ID": 4, "Type": "Topic", "Key": "k_5Tot10Jaar_5", "Title": "5 tot 10 jaar",
     "Unit": "aantal"},
    {"ID": 5, "Type": "Topic", "Key": "k_10Tot15Jaar_6", "Title": "10 tot 15 jaar",
     "Unit": "aantal"},
    {"ID": 6, "Type": "Topic", "Key": "k_15Tot20Jaar_7", "Title": "15 tot 20 jaar",
     "Unit": "aantal"},
    {"ID": 7, "Type": "Topic", "Key": "JongerDan5Jaar_13", "Title": "Jonger dan 5 jaar",
     "Unit": "%"},
    {"ID": 8, "Type": "Topic", "Key": "k_15Tot20Jaar_16", "Title": "15 tot 20 jaar",
     "Unit": "%"},
    {"ID": 9, "Type": "Topic", "Key": "TotaalAantalParticuliereHuishoudens_82",
     "Title": "Particuliere huishoudens, totaal", "Unit": "aantal"},
    {"ID": 10, "Type": "Topic", "Key": "Eenpersoonshuishoudens_86", "Title": "Eenpersoons",
     "Unit": "%"},
]  # fmt: skip
REGIONS = [
    {"Key": "NL01  ", "Title": "Nederland"},
    {"Key": "PV20  ", "Title": "Groningen (PV)"},
    {"Key": "GM0010", "Title": "Delfzijl"},
    {"Key": "GM1979", "Title": "Eemsdelta"},
    {"Key": "GM0402", "Title": "Hilversum"},
]
ROWS = [
    {"ID": 1, "RegioS": "Nederland", "Perioden": "2020", "TotaleBevolking_1": 17407585,
     "JongerDan5Jaar_4": 1.0, "k_5Tot10Jaar_5": 1.0, "k_10Tot15Jaar_6": 1.0,
     "k_15Tot20Jaar_7": 1.0, "TotaalAantalParticuliereHuishoudens_82": 8.0},
    {"ID": 2, "RegioS": "Delfzijl", "Perioden": "2020", "TotaleBevolking_1": 24716,
     "JongerDan5Jaar_4": 1050, "k_5Tot10Jaar_5": 1150, "k_10Tot15Jaar_6": 1250,
     "k_15Tot20Jaar_7": 1300, "TotaalAantalParticuliereHuishoudens_82": 11800},
    {"ID": 3, "RegioS": "Eemsdelta", "Perioden": "2024*", "TotaleBevolking_1": 45500,
     "JongerDan5Jaar_4": 2000, "k_5Tot10Jaar_5": 2100, "k_10Tot15Jaar_6": 2300,
     "k_15Tot20Jaar_7": 2400, "TotaalAantalParticuliereHuishoudens_82": 21000},
    {"ID": 4, "RegioS": "Hilversum", "Perioden": "2025", "TotaleBevolking_1": 92000,
     "JongerDan5Jaar_4": 4500, "k_5Tot10Jaar_5": 4800, "k_10Tot15Jaar_6": 5000,
     "k_15Tot20Jaar_7": 5100, "TotaalAantalParticuliereHuishoudens_82": None},
]  # fmt: skip


def test_the_shipped_file_covers_the_demo_municipalities_for_two_years():
    rows = cbs.read_population_file(cbs.SHIPPED_FILE)

    assert len(rows) == 22
    assert {row.year for row in rows} == {2024, 2025}
    delfzijl = next(row for row in rows if row.cbs_code == "GM0010" and row.year == 2025)
    assert delfzijl.inhabitants == 24_716  # as in eenplan.demo.data.regions
    for row in rows:
        assert 2.0 <= row.inhabitants / row.households <= 2.4
        assert 0.16 <= row.youth / row.inhabitants <= 0.22


def test_csv_rows_are_read_and_checked():
    text = "# demo\ncbs_code,year,inhabitants,households,youth\ngm0010,2025,100,45,20\n\n"
    assert cbs.read_population_csv(StringIO(text)) == [PopulationRow("GM0010", 2025, 100, 45, 20)]
    with pytest.raises(cbs.PopulationDataError, match="youth"):
        cbs.read_population_csv(StringIO("cbs_code,year,inhabitants,households\n"))
    with pytest.raises(cbs.PopulationDataError, match="Regel 2"):
        cbs.read_population_csv(StringIO("cbs_code,year,inhabitants,households,youth\nx,y,1,1,1"))


@pytest.mark.django_db
def test_loading_stores_known_codes_replaces_a_year_and_names_unknown_ones():
    town = MunicipalityFactory(cbs_code="GM0010")
    rows = [
        PopulationRow("GM0010", 2025, 24_716, 11_770, 4_200),
        PopulationRow("GM9999", 2025, 1_000, 450, 200),
    ]
    assert population_load(rows=rows, source="test") == (1, ["GM9999"])
    population_load(rows=[PopulationRow("GM0010", 2025, 24_000, 11_000, 4_000)], source="nieuw")

    figure = PopulationFigure.objects.get(municipality=town)
    assert (figure.year, figure.inhabitants, figure.households, figure.source) == (
        2025,
        24_000,
        11_000,
        "nieuw",
    )


def test_fields_are_found_by_name_and_unit_whatever_their_number():
    fields = cbs.resolve_fields(PROPERTIES)

    assert fields.inhabitants == "TotaleBevolking_1"
    assert fields.households == "TotaalAantalParticuliereHuishoudens_82"
    assert fields.under_15 == ("JongerDan5Jaar_4", "k_5Tot10Jaar_5", "k_10Tot15Jaar_6")
    assert fields.age_15_to_20 == "k_15Tot20Jaar_7"  # the count, not the percentage (_16)

    renumbered = [dict(p, Key=p["Key"].replace("_82", "_90")) for p in PROPERTIES]
    assert cbs.resolve_fields(renumbered).households == "TotaalAantalParticuliereHuishoudens_90"
    with pytest.raises(cbs.PopulationDataError, match="Particuliere huishoudens"):
        cbs.resolve_fields([p for p in PROPERTIES if "Huishoudens" not in p["Key"]])


def test_cbs_rows_become_population_rows_with_youth_approximated():
    rows, incomplete = cbs.population_rows(
        ROWS, cbs.resolve_fields(PROPERTIES), cbs.region_codes(REGIONS)
    )

    # The country is no municipality; Hilversum has no households yet.
    assert rows == [
        # under 15: 1050 + 1150 + 1250 = 3450; plus 3/5 of 1300 = 780
        PopulationRow("GM0010", 2020, 24_716, 11_800, 4_230),
        PopulationRow("GM1979", 2024, 45_500, 21_000, 7_840),
    ]
    assert incomplete == ["Hilversum 2025"]


def test_untyped_values_and_codes_in_the_rows_are_read_too():
    row = {
        "RegioS": "GM0010  ",
        "Perioden": "2021JJ00",
        "TotaleBevolking_1": " 24500",
        "JongerDan5Jaar_4": "1000",
        "k_5Tot10Jaar_5": "1000",
        "k_10Tot15Jaar_6": "1000",
        "k_15Tot20Jaar_7": "1000",
        "TotaalAantalParticuliereHuishoudens_82": "       .",
    }
    fields = cbs.resolve_fields(PROPERTIES)
    assert cbs.population_rows([row], fields) == ([], ["GM0010 2021"])
    row["TotaalAantalParticuliereHuishoudens_82"] = "11000"
    assert cbs.population_rows([row], fields)[0] == [
        PopulationRow("GM0010", 2021, 24_500, 11_000, 3_600)
    ]


# ------------------------------------------------------------------------------ command


def _load(*args: str) -> str:
    out = StringIO()
    call_command("load_population", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_command_loads_a_csv_and_says_what_it_skipped(tmp_path):
    MunicipalityFactory(cbs_code="GM0010", name="Delfzijl")
    MunicipalityFactory(cbs_code="GM0003", name="Appingedam")
    path = tmp_path / "bevolking.csv"
    path.write_text(
        "cbs_code,year,inhabitants,households,youth\n"
        "GM0010,2024,24815,11820,4220\n"
        "GM0010,2025,24716,11770,4200\n"
        "GM0363,2025,930000,480000,150000\n"
    )

    output = _load("--file", str(path))

    assert "2 bevolkingscijfers opgeslagen (bron: Bestand bevolking.csv)" in output
    assert "1 CBS-codes horen bij geen gemeente in EenPlan" in output and "GM0363" in output
    assert "Geen cijfers in deze bron voor: Appingedam (GM0003)" in output
    assert PopulationFigure.objects.filter(municipality__cbs_code="GM0010").count() == 2


@pytest.mark.django_db
def test_command_loads_the_shipped_file_by_default():
    MunicipalityFactory(cbs_code="GM0402", name="Hilversum")

    output = _load()

    assert "2 bevolkingscijfers opgeslagen" in output and "demo-schatting" in output
    assert "10 CBS-codes" in output  # the other demo municipalities do not exist here


@pytest.mark.django_db
def test_command_refuses_a_broken_file_and_year_without_cbs(tmp_path):
    path = tmp_path / "kapot.csv"
    path.write_text("gemeente,jaar\nGM0010,2025\n")
    with pytest.raises(CommandError, match="mist de kolom"):
        _load("--file", str(path))
    with pytest.raises(CommandError, match="niet lezen"):
        _load("--file", str(tmp_path / "bestaat-niet.csv"))
    with pytest.raises(CommandError, match="--year hoort bij --cbs"):
        _load("--year", "2024")


def _fake_cbsodata(*, offline: bool = False):
    def get_meta(table, name):
        assert table == cbs.TABLE
        if offline:
            raise ConnectionError("Failed to resolve 'opendata.cbs.nl'")
        periods = [{"Key": "2020JJ00", "Title": "2020"}, {"Key": "2024JJ00", "Title": "2024*"}]
        return {"DataProperties": PROPERTIES, "RegioS": REGIONS, "Perioden": periods}[name]

    def get_data(table, typed, select, filters):
        assert typed and "RegioS" in select and "TotaleBevolking_1" in select
        assert filters == "startswith(RegioS,'GM') and (Perioden eq '2020JJ00')"
        return [row for row in ROWS if row["Perioden"] == "2020"]

    return types.SimpleNamespace(get_meta=get_meta, get_data=get_data)


@pytest.mark.django_db
def test_command_reads_cbs_through_cbsodata(monkeypatch):
    MunicipalityFactory(cbs_code="GM0010", name="Delfzijl")
    monkeypatch.setitem(sys.modules, "cbsodata", _fake_cbsodata())

    output = _load("--cbs", "--year", "2020")

    assert "1 bevolkingscijfers opgeslagen (bron: CBS StatLine 70072ned" in output
    figure = PopulationFigure.objects.get()
    assert (figure.year, figure.inhabitants, figure.youth) == (2020, 24_716, 4_230)


@pytest.mark.django_db
def test_command_explains_a_missing_package_an_unknown_year_and_no_network(monkeypatch):
    monkeypatch.setitem(sys.modules, "cbsodata", None)  # import fails
    with pytest.raises(CommandError, match=r"pip install -e \"\.\[cbs\]\""):
        _load("--cbs")

    monkeypatch.setitem(sys.modules, "cbsodata", _fake_cbsodata())
    with pytest.raises(CommandError, match="geen cijfers voor 1999"):
        _load("--cbs", "--year", "1999")

    monkeypatch.setitem(sys.modules, "cbsodata", _fake_cbsodata(offline=True))
    with pytest.raises(CommandError, match="niet bereikbaar"):
        _load("--cbs")
