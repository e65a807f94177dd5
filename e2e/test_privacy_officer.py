"""The privacy officer searches the access log, reviews the demo's emergency access to the Van der
Laan household, and reads the requests and the retention page (without changing either)."""

import re

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, login_professional, menu, screenshot, scroll_to_top

PRIVACY_OFFICER = "privacy.officer"
# The demo's emergency access (eenplan/demo/data/portal.py): the probation officer, at night.
EMERGENCY_USER = "Youssef El Idrissi"
EMERGENCY_REASON = "Dylan (17) is vannacht aangehouden"
JUSTIFIED = "Terecht: de noodsituatie rechtvaardigde de toegang"


def _log_in_and_open(page, menu_item: str) -> None:
    login_professional(page, PRIVACY_OFFICER)
    menu(page, menu_item).click()


def _emergency_rows(page):
    queue = page.get_by_role("table", name="Noodtoegang, niet nagekeken eerst")
    return queue.get_by_role("row").filter(has_text=EMERGENCY_USER)


def _open_the_demo_emergency(page) -> None:
    """Open the review of the demo's emergency access; another test may have opened a case in an
    emergency as the same professional, so the reason tells them apart."""
    links = _emergency_rows(page).get_by_role("link")
    expect(links.first).to_be_visible()
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        page.goto(href)
        if page.get_by_text(EMERGENCY_REASON).count():
            return
    raise AssertionError(f"no emergency access with the reason {EMERGENCY_REASON!r}")


def test_the_access_log_shows_who_opened_a_household(page):
    # The case reference of the Van der Laan household, from the emergency access list.
    _log_in_and_open(page, "Noodtoegang")
    reference = _emergency_rows(page).last.get_by_role("cell").nth(2).inner_text()
    assert re.fullmatch(r"EP-\d{4}-\d{6}", reference), reference

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toegangslog").click()
    expect(page.get_by_role("heading", name="Toegangslog", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ regels?$"))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Casuskenmerk").fill(reference)
    page.get_by_role("button", name="Filter toepassen").click()
    result = page.get_by_role(
        "heading", name=re.compile(r"^\d+ regels? die passen bij het filter$")
    )
    expect(result).to_be_visible()
    log = page.get_by_role("table", name=re.compile("^Toegangslog, pagina"))
    cases = log.get_by_role("link", name=re.compile(r"^EP-\d{4}-\d{6}"))
    expect(cases.first).to_be_visible()
    assert {text.split(":")[0].strip() for text in cases.all_inner_texts()} == {reference}
    assert_accessible(page)
    scroll_to_top(page.get_by_role("heading", name="Filter", exact=True))
    screenshot(page, "privacy-toegangslog")

    # Newest first: page on to the night of the emergency access.
    # (One line per household member.)
    opened = log.get_by_role("row").filter(has_text="noodtoegang geopend").first
    shown = 1
    while not opened.count():
        page.get_by_role("button", name="Volgende pagina").click()
        shown += 1
        expect(log).to_have_accessible_name(re.compile(f"^Toegangslog, pagina {shown} van"))
        assert {t.split(":")[0].strip() for t in cases.all_inner_texts()} == {reference}
    expect(opened).to_contain_text("reclassering.uitvoerder")
    expect(opened).to_contain_text("Reclasseringsteam Eemsdelta")
    expect(opened).to_contain_text("Inzien")

    page.get_by_role("link", name="Filters wissen").click()
    expect(page.get_by_label("Casuskenmerk")).to_have_value("")
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ regels?$"))).to_be_visible()


def test_the_privacy_officer_reviews_the_emergency_access(page):
    _log_in_and_open(page, "Noodtoegang")
    expect(page.get_by_role("heading", name="Noodtoegang nakijken")).to_be_visible()
    expect(_emergency_rows(page).filter(has_text="Nakijken").first).to_be_visible()
    assert_accessible(page)

    _open_the_demo_emergency(page)
    expect(page.get_by_role("heading", name=re.compile(r"^Noodtoegang EP-"))).to_be_visible()
    details = page.get_by_role("definition")
    expect(details.filter(has_text="Youssef El Idrissi (reclassering.uitvoerder)")).to_be_visible()
    expect(
        details.filter(has_text="Wie er betrokken is, adres, telefoon en e-mail")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Wat er is bekeken"))).to_be_visible()
    assert_accessible(page)
    screenshot(page, "noodtoegang-beoordelen")

    # Without an outcome nothing is recorded: the form says what is missing.
    page.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page).to_have_title(re.compile("^Fout: "))
    expect(
        page.get_by_role("alert").get_by_role("link", name=re.compile("^Oordeel: "))
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label(JUSTIFIED).check()
    page.get_by_label("Toelichting").fill(
        "Nagevraagd bij de reclassering: moeder en jeugdhulp waren die nacht niet te bereiken."
    )
    page.get_by_role("button", name="Oordeel vastleggen").click()

    expect(page.get_by_text("Uw oordeel is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Noodtoegang nakijken")).to_be_visible()
    expect(_emergency_rows(page).filter(has_text=JUSTIFIED)).to_have_count(1)

    _open_the_demo_emergency(page)
    expect(page.get_by_role("heading", name="Oordeel", exact=True)).to_be_visible()
    expect(page.get_by_text(f"{JUSTIFIED} — Femke Smit")).to_be_visible()
    expect(page.get_by_text("moeder en jeugdhulp waren die nacht niet te bereiken")).to_be_visible()
    expect(page.get_by_role("button", name="Oordeel vastleggen")).to_have_count(0)
    assert_accessible(page)


def test_the_requests_page_registers_only_a_complete_request(page):
    _log_in_and_open(page, "Verzoeken")
    expect(page.get_by_role("heading", name="Verzoeken van betrokkenen")).to_be_visible()
    expect(page.get_by_text("Beslis binnen een maand na ontvangst")).to_be_visible()
    form = page.get_by_role("form", name="Verzoek per brief of aan de balie registreren")
    expect(form.get_by_role("radio", name="Gegevens verbeteren (AVG art. 16)")).to_be_visible()
    expect(form.get_by_role("radio", name="Gegevens wissen (AVG art. 17)")).to_be_visible()
    for label in ("BSN van de betrokkene", "Wat vraagt de betrokkene?", "Ontvangen op"):
        expect(form.get_by_label(label)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "privacy-verzoeken")

    # An empty form registers nothing and names what is missing.
    page.get_by_role("button", name="Registreren").click()
    expect(page).to_have_title(re.compile("^Fout: "))
    errors = page.get_by_role("alert")
    expect(errors.get_by_role("heading", name="Er is iets niet goed ingevuld")).to_be_visible()
    expect(errors.get_by_role("link", name=re.compile("^BSN van de betrokkene: "))).to_be_visible()
    assert_accessible(page)


def test_the_retention_page_shows_what_goes_and_what_is_held(page):
    _log_in_and_open(page, "Bewaartermijnen")
    expect(page.get_by_role("heading", name="Bewaartermijnen", level=1)).to_be_visible()
    when = page.get_by_role("table", name=re.compile("^Aantal te vernietigen casussen"))
    expect(
        when.get_by_role("rowheader", name="Nu verlopen (gaat bij de volgende run)")
    ).to_be_visible()

    # The demo's two old cases: one past its period, one under a legal hold.
    # .first: the section, around the table's scrollable region of the same name.
    soon = page.get_by_role("region", name=re.compile("^Casussen die verlopen vóór")).first
    expired = soon.get_by_role("row").filter(has_text=re.compile(r"EP-\d{4}-A000001"))
    expect(expired).to_contain_text("Verlopen")
    held = soon.get_by_role("row").filter(has_text=re.compile(r"EP-\d{4}-A000002"))
    expect(held).to_contain_text("Bewaarplicht")
    holds = page.get_by_role("region", name="Bewaarplicht", exact=True).first
    expect(holds).to_contain_text("De rechtbank behandelt het beroep")
    expect(holds.get_by_role("button", name=re.compile(r"^Opheffen"))).to_be_visible()
    expect(page.get_by_role("button", name="Bewaarplicht plaatsen")).to_be_visible()
    expect(
        page.get_by_text("Casus zonder vastgesteld plan: 5 jaar na het einde van de hulp")
    ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "bewaartermijnen")

    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Alle afgesloten casussen met hun datum downloaden (CSV)"
        ).click()
    assert re.fullmatch(
        r"bewaartermijnen-\d{4}-\d{2}-\d{2}\.csv", download.value.suggested_filename
    )
    lines = download.value.path().read_text(encoding="utf-8").splitlines()
    assert lines[0] == "casus;soort;einde hulp;vernietigen vanaf;tegengehouden door"
    assert any(re.match(r"EP-\d{4}-A000002;.*;bewaarplicht", line, re.I) for line in lines)
