"""Monique van der Laan, on her phone, reads and agrees her family's draft plan in Mijn EenPlan,
ticks her action, withdraws a consent, sees who looked at her data and downloads it."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import (
    PHONE,
    assert_accessible,
    login_citizen,
    screenshot,
    scroll_to_top,
    scrolls_sideways,
)

MONIQUE = "monique.vanderlaan"
HER_ACTION = "Elke maandag samen met Truus de post openen en sorteren"
VOLUNTEERS = "Thuisadministratie Samen op Orde"


@pytest.fixture
def phone(browser, browser_context_args):
    """A page in a phone-sized context of its own."""
    context = browser.new_context(**{**browser_context_args, **PHONE})
    yield context.new_page()
    context.close()


@pytest.fixture
def monique(phone):
    login_citizen(phone, MONIQUE)
    expect(phone.get_by_role("heading", name="Mijn plan", level=1)).to_be_visible()
    return phone


def check_page(page) -> None:
    assert not scrolls_sideways(page), f"{page.url} is wider than the phone's screen"
    assert_accessible(page)


def test_she_logs_in_on_her_phone(phone):
    phone.goto("/mijn/inloggen/")
    expect(phone.get_by_role("heading", name="Inloggen op Mijn plan")).to_be_visible()
    check_page(phone)
    screenshot(phone, "portaal-inloggen")

    login_citizen(phone, MONIQUE)
    expect(phone.get_by_role("heading", name="Mijn plan", level=1)).to_be_visible()
    expect(phone.get_by_role("heading", name="Huishouden Van der Laan")).to_be_visible()
    check_page(phone)
    screenshot(phone, "portaal-home")


def test_she_reads_the_draft_plan_and_agrees(monique):
    expect(monique.get_by_text("Dit plan is nog niet af.")).to_be_visible()
    expect(monique.get_by_role("heading", name="Romy kan weer naar zwemles")).to_be_visible()
    scroll_to_top(monique.get_by_role("heading", name="Hoe staat het plan ervoor?"))
    screenshot(monique, "portaal-plan")

    scroll_to_top(monique.get_by_role("heading", name="Bent u het eens met dit plan?"))
    screenshot(monique, "portaal-akkoord")
    monique.get_by_role("button", name="Ik ga akkoord met dit plan").click()

    expect(monique.get_by_role("status")).to_contain_text("U heeft ingestemd met versie 1")
    expect(monique.get_by_text("Afgesproken", exact=True)).to_be_visible()
    expect(monique.get_by_text("U heeft ingestemd met versie 1.")).to_be_visible()
    expect(monique.get_by_role("button", name="Ik ga akkoord met dit plan")).to_have_count(0)
    check_page(monique)


def test_she_ticks_her_action_as_done(monique):
    action = monique.get_by_role("listitem").filter(has_text=HER_ACTION)
    expect(action.get_by_text("Open", exact=True)).to_be_visible()
    action.get_by_role("button", name=re.compile("^Afvinken")).click()

    expect(monique.get_by_role("status")).to_have_text("Goed zo! De actie staat op klaar.")
    expect(action.get_by_text("Klaar", exact=True)).to_be_visible()
    expect(action.get_by_role("button", name=re.compile("^Toch nog niet klaar"))).to_be_visible()
    check_page(monique)


def test_she_withdraws_the_volunteers_consent(monique):
    monique.get_by_role("link", name="Toestemming").click()
    expect(monique.get_by_role("heading", name="Toestemming", level=1)).to_be_visible()
    check_page(monique)
    scroll_to_top(monique.get_by_role("heading", name="Over uzelf"))
    screenshot(monique, "portaal-toestemming")

    about_her = monique.get_by_role("region", name="Over uzelf")
    card = about_her.get_by_role("listitem").filter(
        has=monique.get_by_role("heading", name=VOLUNTEERS)
    )
    expect(card).to_contain_text(f"Met uw toestemming mag {VOLUNTEERS} nu dit zien over u")
    card.get_by_role("button", name=re.compile("^Trek alles in")).click()

    expect(monique.get_by_role("status")).to_contain_text(
        f"{VOLUNTEERS} krijgt geen gegevens meer met uw toestemming."
    )
    expect(card).to_contain_text(
        f"{VOLUNTEERS} ziet nu alleen dat u bekend bent en wie de regisseur is."
    )
    expect(card.get_by_role("button", name=re.compile("Trek alles in"))).to_have_count(0)
    check_page(monique)


def test_she_sees_who_looked_at_her_data(monique):
    monique.get_by_role("link", name="Wie keek").click()
    expect(monique.get_by_role("heading", name="Wie heeft mijn gegevens bekeken?")).to_be_visible()
    # Organisations, not the names of their employees, in the column "Wie".
    expect(monique.get_by_role("cell", name="Sociaal Team Loppersum").first).to_be_visible()
    expect(monique.get_by_role("cell", name="Hilde Brouwer")).to_have_count(0)
    check_page(monique)
    scroll_to_top(monique.get_by_role("table"))
    screenshot(monique, "portaal-wie-keek")


def test_she_downloads_her_data(monique):
    monique.get_by_role("link", name="Mijn gegevens").click()
    expect(monique.get_by_role("heading", name="Mijn gegevens", level=1)).to_be_visible()
    check_page(monique)
    scroll_to_top(monique.get_by_text("In het bestand staat:"))
    screenshot(monique, "portaal-mijn-gegevens")

    with monique.expect_download() as download:
        monique.get_by_role("link", name=re.compile("Download als JSON")).click()
    assert download.value.suggested_filename == "mijn-gegevens.json"
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["persoon"]["voornamen"] == "Monique"
    assert data["persoon"]["achternaam"] == "Laan"
    assert [case["huishouden"] for case in data["casussen"]] == ["Huishouden Van der Laan"]
    assert data["wie_heeft_mijn_gegevens_bekeken"]

    with monique.expect_download() as download:
        monique.get_by_role("link", name=re.compile("Download als PDF")).click()
    assert download.value.suggested_filename == "mijn-gegevens.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
