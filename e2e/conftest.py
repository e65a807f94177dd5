"""End-to-end tests: the app served on 127.0.0.1 with the demo region, driven by Debian's Chromium.

One server for the whole run: a fresh SQLite database in a temporary directory, migrated and
seeded with the demo (the accounts of docs/demo.md, password ``eenplan-demo``), served by
``eenplan runserver``. Playwright launches ``/usr/bin/chromium`` (``EENPLAN_CHROMIUM``); it never
downloads a browser.
"""

import datetime
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

EENPLAN = str(Path(sys.executable).with_name("eenplan"))
CHROMIUM = os.environ.get("EENPLAN_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DEMO_PASSWORD = "eenplan-demo"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"eenplan runserver stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("eenplan-e2e")
    # The embedded default, as on a fresh machine, with the error pages a user gets (not debug).
    env = {**os.environ, "EENPLAN_DATA_DIR": str(data_dir), "DEBUG": "False"}
    env.pop("DATABASE_URL", None)
    for command in (["migrate", "--noinput"], ["seed-demo"], ["demo-accounts"]):
        subprocess.run([EENPLAN, *command], env=env, check=True, capture_output=True)
    url = f"http://127.0.0.1:{_free_port()}"
    server = subprocess.Popen(
        [EENPLAN, "runserver", url.removeprefix("http://"), "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(f"{url}/inloggen/", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.exit(f"Chromium not found at {CHROMIUM}: apt-get install chromium", returncode=1)
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 800},
    }


def login_professional(page, username: str) -> None:
    """Log in at the professionals' door; the demo needs no second factor."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page (evaluated through the browser's devtools channel, so the
    page's strict CSP needs no exception) and return the violations of these impacts."""
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']})")
    return [v for v in result["violations"] if v["impact"] in impacts]


def accessibility_problems(page) -> list[str]:
    """Each serious or critical violation on the page: the rule, what it asks and where."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes'][:3]]}"
        for v in axe_violations(page)
    ]


def assert_accessible(page) -> None:
    """No serious or critical WCAG 2.1 AA violation on the page, or say which and where."""
    problems = accessibility_problems(page)
    assert not problems, f"{page.url}\n" + "\n".join(problems)


def login_citizen(page, username: str) -> None:
    page.goto("/mijn/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def screenshot(page, name: str) -> None:
    """Write the page as the user guide shows it: docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def scrolls_sideways(page) -> bool:
    """The page is wider than the window: WCAG 1.4.10 (reflow) asks that it never is."""
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
    )


def today() -> datetime.date:
    """The server's day (Europe/Amsterdam), also just after midnight UTC."""
    return datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def menu(page, name):
    """A link in the professionals' main menu (Mijn casussen, Zoeken, ...)."""
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=name)


def scroll_to_top(locator) -> None:
    """Frame a screenshot: this element at the top of the window."""
    locator.evaluate("element => element.scrollIntoView({block: 'start'})")


def expect_pdf(page, link, filename: re.Pattern) -> None:
    """The PDF behind ``link``, fetched with the page's session: Chromium shows an inline PDF
    in its viewer instead of downloading it, so there is no download event to wait for."""
    response = page.request.get(link.get_attribute("href"))
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    assert filename.search(response.headers["content-disposition"])
    assert response.body().startswith(b"%PDF")
