"""The coordinator of Huishouden Pranger looks at the referrals the team sent, finds the household,
edits its draft plan, has it agreed and downloads the PDF; and a professional finds a household
with the keyboard alone."""

import datetime
import re

from playwright.sync_api import expect

from e2e.conftest import DEMO_PASSWORD, assert_accessible, menu, screenshot, scroll_to_top, today

STRENGTHS = (
    "Esther wil het zelf oplossen en komt haar afspraken na. Sinds oktober opent ze haar post "
    "weer, samen met haar zus Jolanda."
)
GOAL = "Esther opent haar post weer en weet wat er speelt"
ACTION = "Elke week samen met Esther de post doornemen"


def in_days(days: int) -> str:
    """A date as the plan's date fields take it: dag-maand-jaar."""
    return (today() + datetime.timedelta(days=days)).strftime("%d-%m-%Y")


def test_the_coordinator_edits_and_agrees_the_plan_and_downloads_the_pdf(page):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("wijkteam.delfzijl")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    assert_accessible(page)
    screenshot(page, "login")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()
    expect(page.get_by_role("link", name="Huishouden Pranger")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mijn-casussen")

    referrals_sent(page)
    find_household(page, "Pranger", "Huishouden Pranger")
    page.get_by_role("link", name="Huishouden Pranger").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Pranger")
    expect(page.get_by_text("Concept versie 1", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "huishouden")

    open_tab(page, "Metingen")
    expect(
        page.get_by_role("heading", name="Esther Pranger — Zelfredzaamheid-Matrix")
    ).to_be_visible()
    assert_accessible(page)
    scroll_to_top(page.get_by_role("heading", name="Metingen", level=2))
    screenshot(page, "metingen")

    open_tab(page, "Plan")
    status = page.get_by_role("region", name="Stand van het plan")
    expect(status.get_by_text("Concept versie 1", exact=True)).to_be_visible()
    assert_accessible(page)
    scroll_to_top(status)
    screenshot(page, "plan")

    edit_strengths(page)
    add_goal_with_action(page)
    agree(page)
    download_pdf(page)


def referrals_sent(page) -> None:
    """On the way: the referral the wijkteam sent the Kredietbank for Familie Huizenga, under
    Aanmeldingen, Verstuurd, whatever became of it."""
    menu(page, re.compile("^Aanmeldingen")).click()
    page.get_by_role("navigation", name="Ontvangen en verstuurd").get_by_role(
        "link", name="Verstuurd"
    ).click()
    page.get_by_label("Status").select_option(label="Alle")
    page.get_by_role("button", name="Filter toepassen").click()
    referral = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Naar Kredietbank Fivelboezem: Schuldhulpverlening")
    )
    expect(referral).to_contain_text("Monique Huizenga")
    assert_accessible(page)
    screenshot(page, "aanmeldingen")


def find_household(page, name: str, household: str) -> None:
    menu(page, "Zoeken").click()
    expect(page.get_by_role("heading", name="Huishouden zoeken")).to_be_visible()
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name=re.compile("gevonden"))).to_be_visible()
    expect(page.get_by_role("link", name=household).first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "zoeken")


def open_tab(page, name: str) -> None:
    tabs = page.get_by_role("navigation", name=re.compile("^Huishouden, plan"))
    tabs.get_by_role("link", name=name, exact=True).click()
    expect(tabs.get_by_role("link", name=name, exact=True)).to_have_attribute(
        "aria-current", "page"
    )


def edit_strengths(page) -> None:
    page.get_by_role("link", name=re.compile("^Wijzigen.*wat gaat goed")).click()
    panel = page.get_by_role("group", name="Wat gaat goed, zorgen en evaluatie wijzigen")
    panel.get_by_label("Wat gaat goed").fill(STRENGTHS)
    assert_accessible(page)
    scroll_to_top(panel)
    screenshot(page, "plan-wijzigen")
    panel.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("status").filter(has_text="zijn opgeslagen")).to_be_visible()
    expect(panel).to_be_hidden()
    fields = page.get_by_role("region", name="Wat gaat goed en wat zijn de zorgen")
    expect(fields).to_contain_text(STRENGTHS)


def add_goal_with_action(page) -> None:
    page.get_by_role("link", name="Doel toevoegen", exact=True).click()
    panel = page.get_by_role("group", name="Doel toevoegen")
    panel.get_by_label("Leefgebied").select_option(label="Financiën")
    panel.get_by_label("Doel", exact=True).fill(GOAL)
    panel.get_by_role("button", name="Doel toevoegen").click()

    goal = page.get_by_role("article", name=GOAL)
    expect(goal).to_be_visible()
    goal.get_by_role("link", name=f"Actie toevoegen bij doel: {GOAL}").click()
    panel = goal.get_by_role("group", name="Actie toevoegen")
    panel.get_by_label("Actie", exact=True).fill(ACTION)
    # The own network does actions too: Esther's sister.
    panel.get_by_label("Wie doet het").select_option(
        label="Jolanda Pranger (familie buiten het huishouden)"
    )
    panel.get_by_label("Klaar op").fill(in_days(28))
    panel.get_by_role("button", name="Actie toevoegen").click()

    row = goal.get_by_role("row", name=re.compile(ACTION))
    expect(row).to_contain_text("Jolanda Pranger")
    expect(row).to_contain_text("Open")


def agree(page) -> None:
    page.get_by_role("link", name="Plan vaststellen").click()
    panel = page.get_by_role("group", name="Plan vaststellen")
    expect(panel).to_contain_text("Leg vast wie in het gezin het eens is met dit plan")
    who = panel.get_by_role("group", name="Wie in het gezin is het eens met het plan?")
    who.get_by_label("Esther Pranger").check()
    who.get_by_label("Niels Pranger").check()
    panel.get_by_label("Mondeling in een gesprek").check()
    expect(panel.get_by_label("Datum van instemming")).not_to_be_empty()
    assert_accessible(page)
    scroll_to_top(panel)
    screenshot(page, "plan-vaststellen")
    panel.get_by_role("button", name="Plan vaststellen").click()

    agreed = page.get_by_role("status").filter(has_text="Versie 1 van het plan is vastgesteld.")
    expect(agreed).to_be_visible()
    status = page.get_by_role("region", name="Stand van het plan")
    expect(status.get_by_text("Vastgesteld versie 1", exact=True)).to_be_visible()
    expect(status.get_by_text("Concept versie", exact=False)).to_have_count(0)
    expect(page.get_by_role("region", name="Wat gaat goed en wat zijn de zorgen")).to_contain_text(
        STRENGTHS
    )
    version = page.get_by_role("row", name=re.compile("^Versie 1 "))
    expect(version).to_contain_text("Mondeling in een gesprek")
    expect(version).to_contain_text("Esther Pranger, Niels Pranger")

    # The page as it is after agreeing, the versions table in view.
    page.reload()
    expect(page.get_by_role("region", name="Stand van het plan")).to_contain_text(
        "Vastgesteld versie 1"
    )
    assert_accessible(page)
    scroll_to_top(page.get_by_role("heading", name="Versies", exact=True))
    screenshot(page, "plan-versies")


def download_pdf(page) -> None:
    # The PDF comes inline (Content-Disposition: inline), so Chromium opens it in its viewer
    # rather than firing a download: check the answer to the click instead.
    link = page.get_by_role("link", name="Pdf van versie 1")
    with page.expect_response(re.compile(r"/versies/1/pdf/$")) as answer:
        link.click()
    response = answer.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    filename = re.search(r'filename="([^"]+)"', response.headers["content-disposition"])
    assert filename and re.fullmatch(r"ons-plan-EP-\d{4}-\d{6}-versie-1\.pdf", filename[1])
    # The viewer replaces the body it shows; fetch the file itself, in the same session.
    assert page.request.get(response.url).body().startswith(b"%PDF-")


def test_a_professional_finds_a_household_with_the_keyboard_only(page):
    page.goto("/inloggen/")
    # The login form puts the focus in its first field.
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.type("regisseur.delfzijl")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mijn casussen")).to_be_visible()

    tab_to(page, menu(page, "Zoeken"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Huishouden zoeken")).to_be_visible()

    use_skip_link(page)
    tab_to(page, page.get_by_label("Naam", exact=True))
    page.keyboard.type("Bakker")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("gevonden"))).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Familie Bakker").first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Familie Bakker")
    assert_accessible(page)


def use_skip_link(page) -> None:
    """The first Tab on a page reaches 'Direct naar de inhoud'; Enter moves the focus to the
    main content, so the next Tab skips the header and the menu."""
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def tab_to(page, target, most: int = 60) -> None:
    """Press Tab until ``target`` has the focus, checking on the way that the focus shows."""
    for _ in range(most):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{most} times Tab did not reach {target}")


def assert_focus_visible(page) -> None:
    """The focused element draws a focus ring: an outline or a box shadow."""
    style = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                element: element.outerHTML.slice(0, 120),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== "none",
            };
        }"""
    )
    assert style["outline"] or style["shadow"], f"no visible focus on {style['element']}"
