"""The complaints handler of Delfzijl calls Eva Wiersma about her new complaint, records that the
conversation solved it, and Eva confirms in Mijn EenPlan that it is solved."""

import re

from playwright.sync_api import expect

from e2e.conftest import PHONE, assert_accessible, login_citizen, login_professional, screenshot

HANDLER = "klachten.delfzijl"
EVA = "eva.wiersma"
CONVERSATION = (
    "Eva gebeld. Ze wil zelf ook gehoord worden in het gezinsplan. Afgesproken: de regisseur "
    "plant een gesprek met alleen Eva, en haar wensen als mantelzorger komen in het plan."
)


def open_evas_complaint(page) -> str:
    """From the list of complaints to Eva's new one; returns its reference."""
    page.get_by_role("link", name="Klachten en bezwaren").click()
    expect(page.get_by_role("heading", name="Klachten en bezwaren", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Eva Wiersma")
    expect(row).to_contain_text("Nieuw: wacht op persoonlijk contact")
    assert_accessible(page)
    screenshot(page, "klachten")

    link = row.get_by_role("link", name=re.compile(r"K-\d{4}-\d+"))
    reference = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", name=f"Klacht {reference}")).to_be_visible()
    return reference


def test_a_complaint_is_solved_in_a_conversation_and_the_citizen_confirms(
    page, browser, browser_context_args
):
    login_professional(page, HANDLER)
    reference = open_evas_complaint(page)
    expect(page.get_by_text("Nieuw: wacht op persoonlijk contact")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "klacht")

    # A new complaint opens with the conversation form: the conversation comes first.
    expect(page.get_by_text("Persoonlijk contact vastleggen")).to_be_visible()
    page.get_by_label("Hoe had u contact?").select_option(label="Telefoon")
    page.get_by_label("Wat zit erachter, en wat spraken jullie af?").fill(CONVERSATION)
    page.get_by_label("Opgelost; inwoner bevestigt het in Mijn EenPlan").check()
    screenshot(page, "klacht-gesprek")
    page.get_by_role("button", name="Contact vastleggen").click()

    expect(page.get_by_role("status")).to_have_text(
        "Het contact is vastgelegd. De status is nu: Opgelost? Wacht op de inwoner."
    )
    expect(page.get_by_text("Opgelost? Wacht op de inwoner", exact=True)).to_be_visible()
    assert_accessible(page)

    confirm_in_mijn_eenplan(browser, browser_context_args, reference)

    page.reload()
    expect(page.get_by_text("Opgelost in een gesprek", exact=True)).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text="Inwoner bevestigt: opgelost")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Contact vastleggen")).to_have_count(0)

    # Closed, it leaves the list of open complaints and shows among the handled ones.
    page.get_by_role("link", name="Naar alle klachten en bezwaren").click()
    expect(page.get_by_role("row").filter(has_text=reference)).to_have_count(0)
    page.get_by_label("Ook afgehandelde tonen").check()
    page.get_by_role("button", name="Filter toepassen").click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Afgehandeld")
    expect(row).to_contain_text("Opgelost in een gesprek")


def confirm_in_mijn_eenplan(browser, browser_context_args, reference: str) -> None:
    """Eva, on her phone, says the conversation solved it."""
    context = browser.new_context(**{**browser_context_args, **PHONE})
    try:
        eva = context.new_page()
        login_citizen(eva, EVA)
        eva.get_by_role("link", name="Mijn klachten en bezwaren").first.click()
        complaint = eva.get_by_role("listitem").filter(has_text=reference)
        expect(complaint).to_contain_text("Is het opgelost? We wachten op uw antwoord.")
        assert_accessible(eva)
        complaint.evaluate("element => element.scrollIntoView({block: 'start'})")
        screenshot(eva, "portaal-klachten")

        complaint.get_by_role("link", name="Is het opgelost?").click()
        expect(eva.get_by_role("heading", name="Is het opgelost?")).to_be_visible()
        assert_accessible(eva)
        eva.get_by_label("Wilt u er iets over zeggen?").fill(
            "Ja, fijn dat ik een eigen gesprek krijg."
        )
        eva.get_by_role("button", name="Ja, het is opgelost").click()

        expect(eva.get_by_role("status")).to_have_text(
            "Dank u wel. Fijn dat het is opgelost. Het is nu afgehandeld."
        )
        expect(eva.get_by_text("Afgehandeld. Opgelost in een gesprek.")).to_be_visible()
        expect(eva.get_by_role("heading", name="Is het opgelost?")).to_have_count(0)
    finally:
        context.close()
