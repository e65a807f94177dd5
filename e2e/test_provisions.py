"""A neighbourhood-team professional grants a provision within the mandate and requests one
beyond it, which the municipal officer then grants from the queue; the officer also looks at the
budget and the messages with providers."""

import datetime
import re

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, expect_pdf, login_professional, menu, screenshot

HOUSEHOLD = "Familie De Vries"  # Delfzijl, coordinated by wijkteam.delfzijl
YOUTH_CARE = "Jeugdhulp ambulant — Jeugdhulp Waddenkust"
SUPPORT = "Begeleiding individueel — GGZ Eemsoever"
LETTER = re.compile(r'filename="besluit-[A-Z0-9]+\.pdf"')


def open_provisions(page) -> None:
    login_professional(page, "wijkteam.delfzijl")
    page.get_by_role("link", name=HOUSEHOLD).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("De Vries")
    tabs = page.get_by_role("navigation", name=re.compile("^Huishouden, plan"))
    tabs.get_by_role("link", name="Voorzieningen").click()
    expect(page.get_by_role("heading", name="Voorzieningen", level=1)).to_be_visible()


def fill_request(page, *, person: str, offer: str, hours_a_week: int, days: int, why: str):
    """Fill in the request form; the offers' labels end in the tariff, so pick by their start."""
    page.get_by_role("link", name="Voorziening aanvragen").click()
    expect(page.get_by_role("heading", name="Voorziening aanvragen")).to_be_visible()
    page.get_by_role("radio", name=person).check()
    offers = page.get_by_label("Voorziening en aanbieder")
    offers.select_option(offers.locator("option", has_text=offer).get_attribute("value"))
    page.get_by_label("Omvang").fill(str(hours_a_week))
    page.get_by_label("Hoe vaak").select_option(label="per week")
    start = datetime.datetime.strptime(page.get_by_label("Ingangsdatum").input_value(), "%d-%m-%Y")
    end = start + datetime.timedelta(days=days)
    page.get_by_label("Einddatum").fill(end.strftime("%d-%m-%Y"))
    page.get_by_label("Waarom is deze voorziening nodig?").fill(why)


def grant_within_mandate(page) -> None:
    fill_request(
        page,
        person="Finn de Vries",
        offer=YOUTH_CARE,
        hours_a_week=1,
        days=180,
        why="Finn slaapt slecht sinds de ruzies thuis. Een uur per week praat hij met een "
        "jeugdhulpverlener, zodat hij weer durft te slapen.",
    )
    page.get_by_role("button", name="Aanvragen").click()
    expect(
        page.get_by_text("Toegekend binnen uw mandaat: Jeugdhulp ambulant voor Finn")
    ).to_be_visible()
    expect(page.get_by_text("Toegekend", exact=True)).to_be_visible()
    expect(page.get_by_text("Binnen mandaat van het team")).to_be_visible()
    expect_pdf(page, page.get_by_role("link", name="Brief aan de inwoner (pdf)"), LETTER)
    page.get_by_role("link", name="Naar alle voorzieningen van dit huishouden").click()


def request_beyond_mandate(page) -> None:
    fill_request(
        page,
        person="Linda de Vries",
        offer=SUPPORT,
        hours_a_week=2,
        days=300,
        why="Linda regelt nu alles alleen: de rekeningen, de school en de omgang met de vader. "
        "Twee uur per week begeleiding helpt haar daarbij.",
    )
    assert_accessible(page)
    page.get_by_role("group", name="Voor wie?").evaluate("el => el.scrollIntoView()")
    screenshot(page, "voorziening-aanvragen")
    page.get_by_role("button", name="Aanvragen").click()
    expect(page.get_by_text("Dit past niet binnen uw mandaat.")).to_be_visible()
    expect(
        page.get_by_text("hoger dan het mandaat van € 5.000,00 per besluit").first
    ).to_be_visible()
    expect(page.get_by_text("Aangevraagd, wacht op de gemeente")).to_be_visible()
    page.get_by_role("link", name="Naar alle voorzieningen van dit huishouden").click()

    decisions = page.get_by_role("table", name=re.compile("Besluiten over voorzieningen"))
    granted = decisions.get_by_role("row").filter(has_text="Jeugdhulp ambulant")
    expect(granted).to_contain_text("Toegekend")
    expect(granted).to_contain_text("Binnen mandaat van het team")
    waiting = decisions.get_by_role("row").filter(has_text="Begeleiding individueel")
    expect(waiting).to_contain_text("Aangevraagd, wacht op de gemeente")
    assert_accessible(page)
    screenshot(page, "voorzieningen-casus")


def officer_grants(page) -> None:
    login_professional(page, "consulent.delfzijl")
    menu(page, "Aanvragen boven mandaat").click()
    expect(page.get_by_role("heading", name="Aanvragen boven mandaat")).to_be_visible()
    # Esther Pranger's debt help waits here too; this is Linda's request.
    row = page.get_by_role("row").filter(has_text="Begeleiding individueel voor Linda")
    expect(row).to_contain_text("Delfzijl")
    expect(row).to_contain_text("hoger dan het mandaat")
    assert_accessible(page)
    screenshot(page, "aanvragen-boven-mandaat")

    row.get_by_role("link", name="Begeleiding individueel voor Linda").click()
    expect(page.get_by_role("heading", name="Beslissen over deze aanvraag")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Toelichting").fill(
        "De begeleiding is nodig nu Linda er alleen voor staat. Na tien maanden kijken we samen "
        "of het nog nodig is."
    )
    page.get_by_role("button", name="Toekennen").click()
    expect(
        page.get_by_text("De aanvraag is toegekend. De brief voor de inwoner staat klaar.")
    ).to_be_visible()
    expect(page.get_by_text("Toegekend", exact=True)).to_be_visible()
    expect(page.get_by_text("Door een consulent van de gemeente")).to_be_visible()
    expect(page.get_by_text("Na tien maanden kijken we samen")).to_be_visible()
    screenshot(page, "voorziening-besluit")
    expect_pdf(page, page.get_by_role("link", name="Brief aan de inwoner (pdf)"), LETTER)

    menu(page, "Aanvragen boven mandaat").click()
    expect(page.get_by_role("heading", name="Aanvragen boven mandaat")).to_be_visible()
    expect(page.get_by_role("link", name="Begeleiding individueel voor Linda")).to_have_count(0)


def officer_checks_budget_and_messages(page) -> None:
    menu(page, "Budget").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Budget sociaal domein Delfzijl")
    expect(page.get_by_role("table", name=re.compile("per domein"))).to_contain_text("Wmo")
    assert_accessible(page)
    screenshot(page, "budget")

    # With one municipality the choice of municipality is skipped: straight to Delfzijl.
    menu(page, "Berichten").click()
    expect(page.get_by_role("heading", name="Berichten met aanbieders")).to_be_visible()
    expect(page.get_by_text("Gemeente Delfzijl.")).to_be_visible()
    # The decisions just granted have a provider, so they wait for an allocation (301).
    expect(page.get_by_role("button", name="Toewijzingen (301) schrijven")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "berichten")


def test_within_the_mandate_at_once_beyond_it_by_the_municipal_officer(
    page, browser, browser_context_args
):
    open_provisions(page)
    assert_accessible(page)
    grant_within_mandate(page)
    request_beyond_mandate(page)

    officer = browser.new_context(**browser_context_args).new_page()
    officer_grants(officer)
    officer_checks_budget_and_messages(officer)
    officer.context.close()
