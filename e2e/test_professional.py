"""A professional logs in, finds a household and opens its client view."""

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, login_professional


def test_a_professional_finds_a_household_and_opens_it(page):
    login_professional(page, "regisseur.delfzijl")
    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Zoeken").click()
    page.get_by_label("Naam").fill("Bakker")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Familie Bakker").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bakker")
    assert_accessible(page)
