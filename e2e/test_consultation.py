"""The chair of next week's Netwerkoverleg Appingedam writes the minutes of a case and records an
agreement for a colleague, who then finds it under Mijn acties."""

import datetime
import re

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, expect_pdf, login_professional, menu, screenshot, today

HOUSEHOLD = "Huishouden Zuidema"  # on next week's agenda, with consent to discuss
CASE = r"EP-\d{4}-\d{6}"  # the year of seeding is in the case number
OWNER = "Thomas Wolters (Wijkteam Appingedam)"  # wijkteam.appingedam
AGREEMENT = "Met Harm de brieven van schuldeisers ordenen en een overzicht van de schulden maken"


def open_next_meeting(page) -> None:
    menu(page, "Overleg").click()
    expect(page.get_by_role("heading", name="Overleg", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "overleg-lijst")

    past = page.get_by_role("table", name="Eerdere overleggen, nieuwste eerst")
    dates = past.locator("time").evaluate_all("times => times.map(t => t.dateTime)")
    assert dates and dates == sorted(dates, reverse=True)

    upcoming = page.get_by_role("table", name="Geplande overleggen, eerstvolgende eerst")
    upcoming.get_by_role("link", name="Netwerkoverleg Appingedam").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerkoverleg Appingedam")
    expect(page.get_by_text("Nog open", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "overleg")


def agenda_item(page):
    return page.get_by_role("article", name=re.compile(f"Casus {CASE} — {HOUSEHOLD}"))


def disclose(scope, summary: str) -> None:
    """Open a folded form (a <summary>, which has no role to find it by)."""
    scope.locator("summary", has_text=summary).click()


def write_summary(page) -> None:
    item = agenda_item(page)
    expect(item.get_by_text("Mag besproken worden")).to_be_visible()
    disclose(item, "Samenvatting schrijven")
    item.get_by_label("Samenvatting van de bespreking").fill(
        "Harm wil blijven wonen. Eerst de schulden in beeld, dan met de woonstichting praten."
    )
    item.get_by_role("button", name="Samenvatting opslaan").click()
    saved = re.compile(f"De samenvatting bij casus {CASE} is opgeslagen.")
    expect(page.get_by_text(saved)).to_be_visible()
    summary = agenda_item(page).get_by_role("paragraph").filter(has_text="Eerst de schulden")
    expect(summary).to_be_visible()


def record_agreement(page, due: datetime.date) -> None:
    item = agenda_item(page)
    disclose(item, "Afspraak vastleggen")
    item.get_by_label("Afspraak", exact=True).fill(AGREEMENT)
    # The owner list offers the involved organisations and their professionals by name.
    item.get_by_label("Wie doet het").select_option(label=OWNER)
    item.get_by_label("Klaar op").fill(due.strftime("%d-%m-%Y"))
    item.get_by_label("Bij welk doel?").select_option(
        label="Harm weet hoe groot zijn schulden zijn (Financiën)"
    )
    item.locator("summary", has_text="Afspraak vastleggen").evaluate("el => el.scrollIntoView()")
    assert_accessible(page)
    screenshot(page, "overleg-verslag")

    item.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.get_by_text(f"De afspraak staat als actie voor {OWNER}")).to_be_visible()
    row = agenda_item(page).get_by_role("row").filter(has_text=AGREEMENT)
    expect(row).to_contain_text(OWNER)
    expect(row.locator(f'time[datetime="{due.isoformat()}"]')).to_be_visible()
    expect(row).to_contain_text("Open")


def close_minutes(page) -> None:
    page.get_by_role("button", name="Verslag afronden").click()
    expect(page.get_by_text("Het verslag is afgerond op")).to_be_visible()
    expect(page.get_by_role("button", name="Verslag afronden")).to_have_count(0)
    minutes = re.compile(r'filename="verslag-\d{4}-\d{2}-\d{2}-[0-9a-f-]+\.pdf"')
    expect_pdf(page, page.get_by_role("link", name="Verslag als PDF"), minutes)


def owner_finds_the_agreement(page, due: datetime.date) -> None:
    login_professional(page, "wijkteam.appingedam")
    menu(page, "Mijn acties").click()
    expect(page.get_by_role("heading", name="Mijn acties")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=AGREEMENT)
    expect(row).to_contain_text(HOUSEHOLD)
    expect(row).to_contain_text("Harm weet hoe groot zijn schulden zijn")
    expect(row).to_contain_text(OWNER)
    expect(row.locator(f'time[datetime="{due.isoformat()}"]')).to_be_visible()
    expect(row).to_contain_text("Open")
    assert_accessible(page)
    screenshot(page, "mijn-acties")


def test_an_agreement_from_the_meeting_reaches_the_owners_actions(
    page, browser, browser_context_args
):
    due = today() + datetime.timedelta(days=14)
    login_professional(page, "regisseur.appingedam")
    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    open_next_meeting(page)
    write_summary(page)
    record_agreement(page, due)
    close_minutes(page)

    owner = browser.new_context(**browser_context_args).new_page()
    owner_finds_the_agreement(owner, due)
    owner.context.close()
