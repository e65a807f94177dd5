"""The coordinator of Huishouden Pranger resolves its overlap signal under Signalen (who continues
the debt help, who stops); the coordinator of Familie Bakker sees its gap signal."""

import re

from playwright.sync_api import expect

from e2e.conftest import assert_accessible, login_professional, menu, screenshot

OVERLAP = "Dubbel werk — Huishouden Pranger"


def open_signals(page, kind: str) -> None:
    menu(page, re.compile("^Signalen")).click()
    expect(page.get_by_role("heading", name="Signalen", exact=True)).to_be_visible()
    page.get_by_label("Soort signaal").select_option(label=kind)
    page.get_by_role("button", name="Filter toepassen").click()
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ open signa"))).to_be_visible()


def test_the_coordinator_resolves_the_overlap_of_debt_help(page):
    login_professional(page, "wijkteam.delfzijl")
    open_signals(page, "Dubbel werk")
    signal = page.get_by_role("article", name=OVERLAP)
    expect(signal).to_contain_text(
        "Kredietbank Fivelboezem en Sociaal Team Delfzijl helpen dit huishouden allebei"
    )
    expect(signal.get_by_text("Open", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "signalen")

    signal.get_by_role("link", name=re.compile("^Afhandelen")).click()
    form = signal.get_by_role("group", name="Signaal afhandelen")
    expect(form).to_contain_text("wie doorgaat en wie stopt")
    form.get_by_label("Afspraak: wie gaat door, wie stopt").check()
    form.get_by_role("group", name="Deze organisatie gaat door").get_by_label(
        "Kredietbank Fivelboezem"
    ).check()
    form.get_by_role("group", name="Deze organisatie of organisaties stoppen").get_by_label(
        "Sociaal Team Delfzijl"
    ).check()
    form.get_by_label("Toelichting").fill(
        "Besproken met Esther en Bart Venema: de Kredietbank doet de schuldhulp, het sociaal "
        "team stopt daarmee en blijft regisseur."
    )
    assert_accessible(page)
    form.evaluate("element => element.scrollIntoView({block: 'center'})")
    screenshot(page, "signaal-afhandelen")
    form.get_by_role("button", name="Afhandeling opslaan").click()

    expect(signal.get_by_role("status")).to_contain_text("afgehandeld")
    expect(signal.get_by_text("Afgehandeld", exact=True)).to_be_visible()
    expect(signal).to_contain_text(
        "Kredietbank Fivelboezem gaat door. Stopt: Sociaal Team Delfzijl."
    )
    expect(signal.get_by_role("link", name=re.compile("^Afhandelen"))).to_have_count(0)

    # No longer among the open signals, here nor on the household page.
    page.reload()
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ open signa"))).to_be_visible()
    expect(page.get_by_role("article", name=OVERLAP)).to_have_count(0)
    page.goto(signal_household_url(page))
    expect(page.get_by_role("heading", level=1)).to_have_text("Huishouden Pranger")
    signals = page.get_by_role("region", name="Signalen")
    expect(signals.get_by_role("article", name="Dubbel werk")).to_have_count(0)


def signal_household_url(page) -> str:
    menu(page, "Mijn casussen").click()
    return page.get_by_role("link", name="Huishouden Pranger").get_attribute("href")


def test_the_coordinator_sees_a_low_score_without_a_goal(page):
    login_professional(page, "regisseur.delfzijl")
    open_signals(page, "Gat in het plan")
    signal = page.get_by_role("article", name="Gat in het plan — Familie Bakker")
    expect(signal).to_contain_text("Huisvesting een groot probleem")
    expect(signal).to_contain_text("het plan heeft geen doel op dit leefgebied")
    expect(signal.get_by_role("link", name="Naar het huishouden Familie Bakker")).to_be_visible()
    assert_accessible(page)
