"""A professional whose organisation is involved in no case opens the addresses of a household
and of its plan, and gets the not-found page: nothing tells that the household exists."""

import re

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, login_professional, screenshot


def familie_bakker_addresses(browser, browser_context_args) -> list[str]:
    """The addresses of Familie Bakker's client view, plan and assessments, as its coordinator
    reads them from the pages (in a browser of her own)."""
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        login_professional(page, "regisseur.delfzijl")
        page.get_by_role("link", name="Familie Bakker").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Familie Bakker")
        tabs = page.get_by_role("navigation", name=re.compile("^Huishouden, plan"))
        return [
            page.url.removeprefix(browser_context_args["base_url"]),
            tabs.get_by_role("link", name="Plan", exact=True).get_attribute("href"),
            tabs.get_by_role("link", name="Metingen", exact=True).get_attribute("href"),
        ]
    finally:
        context.close()


def test_an_organisation_in_no_case_gets_not_found_for_a_household(
    page, browser, browser_context_args
):
    addresses = familie_bakker_addresses(browser, browser_context_args)
    login_professional(page, "reclassering.uitvoerder")
    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    expect(page.get_by_text("Er zijn geen casussen")).to_be_visible()

    for address in addresses:
        response = page.goto(address)
        assert response.status == 404, address
        expect(page.locator("body")).not_to_contain_text("Bakker")
        expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina is niet gevonden")
        expect(page.get_by_role("main")).to_contain_text(
            "De pagina bestaat niet, of u heeft er geen toegang toe."
        )
        expect(page.get_by_role("link", name="Naar mijn casussen")).to_be_visible()

    page.goto(addresses[0])
    assert_accessible(page)
    screenshot(page, "niet-gevonden")
