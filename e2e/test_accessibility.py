"""Every main page of each role: no serious or critical WCAG 2.1 AA violation, and readable at 200%.

A page at 200% zoom in a 1280 pixels wide window lays out as a 640 pixels wide one (WCAG 1.4.10,
reflow): nothing may need a sideways scroll of the whole page. A wide table may scroll inside its
own box, which is allowed for data tables.

Detail pages are found the way a user finds them: the first matching link on a list page, so the
sweep follows the demo data without knowing its identifiers.
"""

import re

import pytest

from e2e.conftest import (
    DEMO_PASSWORD,
    accessibility_problems,
    login_citizen,
    login_professional,
    scrolls_sideways,
)

ZOOMED = {"width": 640, "height": 400}
DESKTOP = {"width": 1280, "height": 800}

# (account, pages): a page is a path, or (page, pattern of the link to follow there).
HOUSEHOLD = ("/casussen/", r"/huishoudens/[0-9a-f-]{36}/$")
ROLES = {
    "regisseur.delfzijl": [
        "/casussen/",
        HOUSEHOLD,
        (HOUSEHOLD, r"/plannen/[0-9a-f-]{36}/$"),
        (HOUSEHOLD, r"/casussen/[0-9a-f-]{36}/metingen/$"),
        (HOUSEHOLD, r"/casussen/[0-9a-f-]{36}/voorzieningen/$"),
        "/huishoudens/zoeken/?naam=Bakker",
        "/plannen/mijn-acties/",
        "/signalen/",
        "/aanmeldingen/",
        "/overleg/",
        ("/overleg/", r"/overleg/[0-9a-f-]{36}/$"),
        "/overleg/afspraken/",
        "/beleidssignalen/",
        ("/beleidssignalen/", r"/beleidssignalen/[0-9a-f-]{36}/$"),
        "/privacy/noodtoegang/",
        "/indicatoren/verhalen/",
    ],
    "wijkteam.delfzijl": [
        "/casussen/",
        HOUSEHOLD,
        "/signalen/",
        "/aanmeldingen/",
    ],
    "ggz.uitvoerder": [  # knows the Huizenga household only at the known level
        "/casussen/",
        HOUSEHOLD,
    ],
    "consulent.delfzijl": [
        "/voorzieningen/aanvragen/",
        ("/voorzieningen/aanvragen/", r"/voorzieningen/[0-9a-f-]{36}/$"),
        "/budget/",
        ("/budget/", r"/budget/[0-9a-f-]{36}/\d{4}/$"),
        "/voorzieningen/berichten/",
        ("/voorzieningen/berichten/", r"/voorzieningen/berichten/[0-9a-f-]{36}/$"),
    ],
    "beleid.delfzijl": [
        "/indicatoren/",
        ("/indicatoren/", r"/indicatoren/[a-z0-9-]+/$"),
        "/indicatoren/definities/",
        "/indicatoren/verhalen/",
        "/beleidssignalen/",
        "/beleidssignalen/rapportage/",
        "/budget/",
    ],
    "klachten.delfzijl": [
        "/klachten/",
        ("/klachten/", r"/klachten/[0-9a-f-]{36}/$"),
        "/klachten/rapport/",
    ],
    "privacy.officer": [
        "/privacy/toegangslog/",
        "/privacy/noodtoegang/beoordelen/",
        "/privacy/verzoeken/",
        "/privacy/bewaartermijnen/",
    ],
    "beheer.eenplan": [
        "/beheer/instrumenten/",
        "/beheer/voorzieningen/",
        "/indicatoren/lokaal/nieuw/",
    ],
}

CITIZEN_PAGES = [
    "/mijn/",
    "/mijn/berichten/",
    "/mijn/toestemming/",
    "/mijn/wie-heeft-mijn-gegevens-bekeken/",
    "/mijn/mijn-gegevens/",
    "/mijn/verzoeken/",
    "/mijn/klachten/",
    ("/mijn/", r"/mijn/voorstellen/[0-9a-f-]{36}/$"),
]


def _resolve(page, spec) -> str:
    if isinstance(spec, str):
        return spec
    list_spec, pattern = spec
    list_path = _resolve(page, list_spec)
    page.goto(list_path)
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.pathname)"):
        if re.search(pattern, href):
            return href
    pytest.fail(f"no link matching {pattern} on {list_path}")


def _problems(page, specs) -> list[str]:
    problems = []
    for spec in specs:
        path = _resolve(page, spec)
        page.set_viewport_size(DESKTOP)
        response = page.goto(path)
        if response.status != 200:
            problems.append(f"{path}: HTTP {response.status}")
            continue
        problems += [f"{path}: {problem}" for problem in accessibility_problems(page)]
        page.set_viewport_size(ZOOMED)
        if scrolls_sideways(page):
            problems.append(f"{path}: scrolls sideways at 200% zoom")
    return problems


@pytest.mark.parametrize("username", ROLES)
def test_main_pages_of_each_role(page, username):
    login_professional(page, username)
    assert _problems(page, ROLES[username]) == []


def test_main_pages_of_the_citizen(page):
    login_citizen(page, "monique.vanderlaan")
    assert _problems(page, CITIZEN_PAGES) == []


def test_pages_before_logging_in(page):
    assert _problems(page, ["/inloggen/", "/mijn/inloggen/"]) == []


def test_an_error_in_a_form_is_announced_and_accessible(page):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("regisseur.delfzijl")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD + "-fout")
    page.get_by_role("button", name="Inloggen").click()
    assert page.title().startswith("Fout")
    assert accessibility_problems(page) == []
