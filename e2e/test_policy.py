"""The policy officer compares the municipalities on the indicators, reads an indicator, the
definitions and the stories, exports the dashboard, and reads the policy signals and the budget."""

import io
import re

from openpyxl import load_workbook
from playwright.sync_api import expect

from e2e.conftest import assert_accessible, login_professional, menu, screenshot, scroll_to_top

POLICY_OFFICER = "beleid.delfzijl"
EEMSDELTA = ("Appingedam", "Delfzijl", "Loppersum")
CSV_HEADER = (
    "Indicator;Code;Gemeente of groep;Kwartaal;Waarde;Teller;Noemer;Eenheid;Onderdrukt (<5)"
)
RUNNING_CASES = "Lopende casussen per 1.000 huishoudens"


def _log_in_and_open(page, menu_item: str) -> None:
    login_professional(page, POLICY_OFFICER)
    menu(page, menu_item).click()


def _benchmark(page):
    return page.get_by_role("table", name=re.compile(r"^Indicatoren per gemeente in K\d \d{4}"))


def test_the_dashboard_compares_the_municipalities_and_hides_small_numbers(page):
    _log_in_and_open(page, "Indicatoren")
    expect(page.get_by_role("heading", name="Indicatoren", level=1)).to_be_visible()
    expect(
        page.get_by_text("een cijfer over minder dan 5 casussen wordt niet getoond")
    ).to_be_visible()

    table = _benchmark(page)
    for municipality in (*EEMSDELTA, "Proeftuin Eemsdelta (groep)", "Hilversum"):
        expect(table.get_by_role("columnheader", name=municipality, exact=True)).to_be_visible()
    # Running cases count thousands of cases: every municipality has a number.
    running = table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=re.compile(f"^{re.escape(RUNNING_CASES)}"))
    )
    for value in running.get_by_role("cell").all_inner_texts():
        assert re.fullmatch(r"\d+,\d", value), value
    # Small numbers are hidden, and the legend says why.
    expect(table.get_by_role("cell", name="<5", exact=True).first).to_be_visible()
    expect(page.get_by_text("niet getoond, zodat niemand te herkennen is")).to_be_visible()
    # The local indicator of Delfzijl: a number there, "n.v.t." elsewhere.
    local = table.get_by_role("row").filter(has_text="Lopende casussen met prio-vraag Financiën")
    expect(local).to_contain_text("lokaal")
    expect(local).to_contain_text("alleen Delfzijl")
    expect(local.get_by_role("cell", name="n.v.t.", exact=True).first).to_be_visible()
    assert_accessible(page)
    scroll_to_top(page.get_by_role("heading", name=re.compile("^Per gemeente in")))
    screenshot(page, "indicatoren")

    # Only the municipalities of Proeftuin Eemsdelta, with the region pooled beside them.
    page.get_by_label("Vergelijken met").select_option(label="Proeftuin Eemsdelta")
    page.get_by_role("button", name="Toon").click()
    table = _benchmark(page)
    headers = ["Indicator", *EEMSDELTA, "Proeftuin Eemsdelta (groep)"]
    expect(table.get_by_role("columnheader")).to_have_text(headers)
    assert_accessible(page)


def test_the_dashboard_exports_the_selection_as_csv_and_xlsx(page):
    _log_in_and_open(page, "Indicatoren")
    page.get_by_label("Vergelijken met").select_option(label="Proeftuin Eemsdelta")
    page.get_by_role("button", name="Toon").click()
    expect(_benchmark(page)).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    assert re.fullmatch(r"indicatoren-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename)
    text = download.value.path().read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "a byte order mark, for Dutch spreadsheet programs"
    lines = text.removeprefix("\ufeff").splitlines()
    assert lines[0] == CSV_HEADER
    assert any(line.startswith(f"{RUNNING_CASES};") and ";Delfzijl;" in line for line in lines)
    # The export follows the selection: the other region is not in it.
    assert not any(";Hilversum;" in line for line in lines)

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert re.fullmatch(r"indicatoren-\d{4}-\d{2}-\d{2}\.xlsx", download.value.suggested_filename)
    content = download.value.path().read_bytes()
    assert content.startswith(b"PK"), "an XLSX file is a zip archive"
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    assert "Definities" in workbook.sheetnames
    first_row = next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True))
    assert ";".join(first_row) == CSV_HEADER


def test_an_indicator_shows_its_definition_trend_and_stories(page):
    _log_in_and_open(page, "Indicatoren")
    _benchmark(page).get_by_role("link", name=RUNNING_CASES, exact=True).click()

    expect(page.get_by_role("heading", name=RUNNING_CASES, level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Definitie")).to_be_visible()
    denominator = page.get_by_role("definition").filter(has_text="Particuliere huishoudens (CBS)")
    expect(denominator).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(f"^{re.escape(RUNNING_CASES)}: trend"))
    ).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile(": vergelijking in K\\d \\d{4}"))
    ).to_be_visible()
    numbers = page.get_by_role("table", name=re.compile(f"^{re.escape(RUNNING_CASES)}"))
    expect(numbers.get_by_role("rowheader", name="Delfzijl", exact=True)).to_be_visible()
    expect(numbers.get_by_role("rowheader", name="Proeftuin Eemsdelta (groep)")).to_be_visible()
    # The story the wijkteam wrote about this number stands next to it.
    expect(page.get_by_role("heading", name="Eerst de schulden, dan de rest")).to_be_visible()
    assert_accessible(page)
    scroll_to_top(page.get_by_role("heading", name=re.compile("^Trend van")))
    screenshot(page, "indicator-detail")

    page.get_by_role("link", name="Terug naar Indicatoren").click()
    expect(page.get_by_role("heading", name="Indicatoren", level=1)).to_be_visible()


def test_the_definitions_and_the_stories_from_practice(page):
    _log_in_and_open(page, "Indicatoren")
    page.get_by_role("link", name="Alle definities").click()
    expect(page.get_by_role("heading", name="Definities van de indicatoren")).to_be_visible()
    expect(page.get_by_role("heading", name="De standaard kern")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Plan vastgesteld binnen 6 weken na de intake")
    ).to_be_visible()
    expect(
        page.get_by_text("Lokale indicator van Delfzijl, naast de standaard kern")
    ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "indicatoren-definities")

    page.get_by_role("link", name="Terug naar Indicatoren").click()
    page.get_by_role("link", name="Verhalen uit de praktijk").click()
    expect(page.get_by_role("heading", name="Verhalen uit de praktijk", level=1)).to_be_visible()
    for title in ("Eerst de schulden, dan de rest", "Eén plan na de schade aan het huis"):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Gemeente").select_option(label="Delfzijl")
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page.get_by_role("heading", name="Terug na een jaar")).to_be_visible()
    expect(page.get_by_role("heading", name="Eén plan na de schade aan het huis")).to_have_count(0)


def test_the_policy_signals_and_their_report(page):
    _log_in_and_open(page, "Beleidssignalen")
    expect(page.get_by_role("heading", name="Beleidssignalen", level=1)).to_be_visible()
    signals = page.get_by_role("table", name=re.compile("^Beleidssignalen, pagina"))
    waiting = signals.get_by_role("row").filter(has_text="Lange wachttijd voor een eerste gesprek")
    expect(waiting).to_contain_text("Wachtlijsten")
    expect(waiting).to_contain_text("Opgepakt")
    assert_accessible(page)
    screenshot(page, "beleidssignalen")

    signals.get_by_role("link", name="Geen nazorg na afronding van schuldhulp ingekocht").click()
    expect(page.get_by_role("heading", name="Reactie van de gemeente")).to_be_visible()
    response = page.get_by_role("paragraph").filter(has_text="We nemen nazorg mee in de nieuwe")
    expect(response).to_be_visible()
    expect(page.get_by_role("button", name="Reactie opslaan")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Terug naar Beleidssignalen").click()
    page.get_by_role("link", name="Rapportage per thema en kwartaal").click()
    expect(page.get_by_role("heading", name="Rapportage beleidssignalen")).to_be_visible()
    report = page.get_by_role("table", name=re.compile("per thema en kwartaal"))
    for theme in ("Wachtlijsten", "Contracten en inkoop", "Financiering", "Totaal"):
        expect(report.get_by_role("rowheader", name=theme, exact=True)).to_be_visible()
    assert_accessible(page)


def test_the_policy_officer_sees_the_budget(page):
    _log_in_and_open(page, "Budget")
    expect(
        page.get_by_role("heading", name=re.compile(r"^Budget sociaal domein Delfzijl \d{4}$"))
    ).to_be_visible()
    expect(page.get_by_text("Hier staan alleen totalen, nooit namen van inwoners.")).to_be_visible()
    assert_accessible(page)
