"""The export of the dashboard's selection as CSV and XLSX: the numbers the page shows, no
number behind a suppressed cell, nothing about a person, and no text that a spreadsheet runs as
a formula. The fixture is ``region`` of ``test_views``."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from eenplan.indicators import services
from eenplan.indicators.export import HEADER
from eenplan.indicators.tests.test_views import (
    PERSONAL,
    QUARTER,
    RUNNING,
    build_region,
    page,
)
from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return build_region()


SELECTION = {"quarter": QUARTER.label, "start": QUARTER.label, "end": QUARTER.label}


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response) -> list[dict]:
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Indicatoren"].iter_rows(values_only=True))
    assert rows[0] == HEADER
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def one(rows: list[dict], code: str, column: str) -> dict:
    (found,) = [r for r in rows if r["Code"] == code and r["Gemeente of groep"] == column]
    return found


def test_the_csv_holds_the_selection_with_suppressed_cells_empty(client, region):
    response = page(client, region.viewer, "export-csv", SELECTION)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert {r["Kwartaal"] for r in rows} == {QUARTER.label}
    shown = one(rows, RUNNING, "Grootstad")
    assert (shown["Waarde"], shown["Teller"], shown["Noemer"]) == ("3,00", "6", "2000")
    assert shown["Onderdrukt (<5)"] == "nee"
    assert shown["Eenheid"] == "per 1.000 huishoudens"
    hidden = one(rows, RUNNING, "Kleindorp")
    assert (hidden["Waarde"], hidden["Teller"], hidden["Noemer"]) == ("", "", "")
    assert hidden["Onderdrukt (<5)"] == "ja"
    assert one(rows, RUNNING, "Regio Noord (groep)")["Teller"] == "6"
    marks = [r for r in rows if r["Code"] == "tevredenheid"]  # no household gave a mark
    assert marks and {(r["Waarde"], r["Teller"], r["Noemer"]) for r in marks} == {("", "", "")}


def test_the_xlsx_holds_the_same_numbers_and_the_definitions(client, region):
    response = page(client, region.viewer, "export-xlsx", SELECTION)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    shown = one(rows, RUNNING, "Grootstad")
    assert (shown["Waarde"], shown["Teller"], shown["Noemer"]) == (3.0, 6, 2000)
    hidden = one(rows, RUNNING, "Kleindorp")
    assert (hidden["Waarde"], hidden["Teller"], hidden["Noemer"]) == (None, None, None)
    assert hidden["Onderdrukt (<5)"] == "ja"
    workbook = load_workbook(io.BytesIO(response.content))
    codes = [row[0] for row in workbook["Definities"].iter_rows(min_row=2, values_only=True)]
    assert RUNNING in codes and "tevredenheid" in codes


def test_no_suppressed_row_in_either_file_carries_a_number(client, region):
    suppressed = "Onderdrukt (<5)"
    csv_suppressed = [
        r for r in csv_rows(page(client, region.viewer, "export-csv")) if r[suppressed] == "ja"
    ]
    xlsx_suppressed = [
        r for r in xlsx_rows(page(client, region.viewer, "export-xlsx")) if r[suppressed] == "ja"
    ]
    assert csv_suppressed and xlsx_suppressed
    for row in csv_suppressed:
        assert row["Waarde"] == row["Teller"] == row["Noemer"] == ""
    for row in xlsx_suppressed:
        assert row["Waarde"] is row["Teller"] is row["Noemer"] is None


def test_the_exports_hold_nothing_about_a_person(client, region):
    text = page(client, region.viewer, "export-csv").content.decode()
    workbook = load_workbook(io.BytesIO(page(client, region.viewer, "export-xlsx").content))
    cells = " ".join(
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for value in (*PERSONAL, str(region.case.uuid), str(region.case.household.uuid)):
        assert value not in text and value not in cells, value


def test_a_local_indicator_is_exported_for_its_municipality_and_never_as_a_formula(client, region):
    organisation = OrganisationFactory()
    organisation.municipalities.add(region.big)
    local = services.local_indicator_define(
        actor=user_in(organisation, Role.FUNCTIONAL_ADMIN),
        municipality=region.big,
        name='=HYPERLINK("https://example.org")',
        numerator="lopende_casussen",
        denominator="huishoudens",
        scale=1000,
    )
    rows = xlsx_rows(page(client, region.viewer, "export-xlsx", SELECTION))
    mine = [r for r in rows if r["Code"] == local.code]
    assert [r["Gemeente of groep"] for r in mine] == ["Grootstad"]
    assert mine[0]["Indicator"].startswith("'=")
    csv_export = csv_rows(page(client, region.viewer, "export-csv", SELECTION))
    assert one(csv_export, local.code, "Grootstad")["Indicator"].startswith("'=")


def test_an_impossible_selection_exports_nothing(client, region):
    response = page(client, region.viewer, "export-csv", {"start": QUARTER.label, "end": "1999-K1"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_only_viewers_export(client, region):
    for name in ("export-csv", "export-xlsx"):
        assert page(client, region.professional, name).status_code == 403
    client.logout()
    response = client.get(reverse("indicators:export-csv"))
    assert response.status_code == 302
