"""Login, logout, the page layout and basic accessibility of every page."""

import copy
from html.parser import HTMLParser

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from eenplan.tenancy.constants import Role
from eenplan.tenancy.tests.factories import OrganisationFactory, user_in

pytestmark = pytest.mark.django_db

NAVIGATION = "eenplan.common.context_processors.navigation"


@pytest.fixture
def navigation(settings):
    """The menu's context processor, as the settings line in the report adds it."""
    templates = copy.deepcopy(settings.TEMPLATES)
    processors = templates[0]["OPTIONS"]["context_processors"]
    if NAVIGATION not in processors:
        processors.append(NAVIGATION)
    settings.TEMPLATES = templates


@pytest.fixture
def privacy_officer():
    return user_in(OrganisationFactory(name="Gemeente Eemsdelta"), Role.PRIVACY_OFFICER)


class _Audit(HTMLParser):
    """Collects what the accessibility checks below need from a page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.controls: list[tuple[str | None, bool]] = []
        self.described_by: list[str] = []
        self.th_without_scope = 0
        self.main_id = None
        self.skip_link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        self.described_by += (attrs.get("aria-describedby") or "").split()
        handler = getattr(self, f"_start_{tag}", None)
        if handler:
            handler(attrs)
        elif tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append((attrs.get("id"), self.label_depth > 0))

    def _start_html(self, attrs):
        self.lang = attrs.get("lang")

    def _start_h1(self, attrs):
        self.h1 += 1

    def _start_main(self, attrs):
        self.main_id = attrs.get("id")

    def _start_a(self, attrs):
        if "eenplan-skip-link" in (attrs.get("class") or ""):
            self.skip_link = attrs.get("href")

    def _start_label(self, attrs):
        self.label_depth += 1
        if attrs.get("for"):
            self.label_for.add(attrs["for"])

    def _start_th(self, attrs):
        self.th_without_scope += "scope" not in attrs

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth -= 1


def assert_accessible_page(content: str) -> None:
    audit = _Audit()
    audit.feed(content)
    assert audit.lang == "nl"
    assert audit.h1 == 1, "exactly one h1"
    assert audit.skip_link == "#inhoud" and audit.main_id == "inhoud"
    assert len(audit.ids) == len(set(audit.ids)), "ids are unique"
    for control_id, wrapped in audit.controls:
        assert wrapped or control_id in audit.label_for, f"control {control_id} has a label"
    assert set(audit.described_by) <= set(audit.ids), "aria-describedby points to elements"
    assert audit.th_without_scope == 0, "every th has a scope"


# ---------------------------------------------------------------------------- login and logout


def test_login_page_renders(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'for="id_username"' in content and 'for="id_password"' in content
    assert_accessible_page(content)


def test_login_logs_in_and_goes_to_my_cases(client, professional):
    response = client.post(
        reverse("login"), {"username": "involved", "password": django_settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("cases:my-cases")
    page = client.get(response.url).content.decode()
    assert "Ingelogd als" in page and professional.get_full_name() in page
    assert "namens Wijkteam Delfzijl" in page


def test_login_with_wrong_password_shows_error(client, professional):
    response = client.post(reverse("login"), {"username": "involved", "password": "fout"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Er is iets niet goed ingevuld" in content
    assert "<title>Fout: Inloggen" in content
    assert_accessible_page(content)


def test_logout_is_a_post_form(client, professional):
    client.force_login(professional)
    page = client.get(reverse("cases:my-cases")).content.decode()
    assert f'<form method="post" action="{reverse("logout")}">' in page
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert client.get(reverse("cases:my-cases")).status_code == 302


def test_root_redirects_to_my_cases(client, professional):
    client.force_login(professional)
    assert client.get("/").url == reverse("cases:my-cases")


# ---------------------------------------------------------------------------- layout


def test_menu_shows_access_log_only_to_privacy_officer(
    client, navigation, professional, privacy_officer
):
    link = f'href="{reverse("privacy:access-log")}"'
    client.force_login(professional)
    page = client.get(reverse("cases:my-cases")).content.decode()
    assert "Mijn casussen" in page and "Zoeken" in page
    assert link not in page
    client.force_login(privacy_officer)
    page = client.get(reverse("privacy:access-log")).content.decode()
    assert link in page and 'aria-current="page"' in page


def test_pages_are_accessible(client, navigation, case, professional, privacy_officer):
    household = reverse("people:household", kwargs={"household_uuid": case.household.uuid})
    client.force_login(professional)
    pages = [
        client.get(reverse("cases:my-cases")),
        client.get(reverse("cases:my-cases"), {"status": "onzin"}),
        client.get(reverse("people:search")),
        client.post(reverse("people:search"), {"name": "Bakker"}),
        client.post(reverse("people:search"), {"bsn": "123", "birth_date": "x"}),
        client.post(reverse("people:search"), {"name": "Niemand"}),
        client.get(household),
        client.post(
            reverse("cases:transition", kwargs={"case_uuid": case.uuid}), {"status": "afgesloten"}
        ),
        client.get(reverse("people:household", kwargs={"household_uuid": case.uuid})),
    ]
    client.force_login(privacy_officer)
    pages += [
        client.get(reverse("privacy:access-log")),
        client.post(reverse("privacy:access-log"), {"bsn": "1"}),
    ]
    for response in pages:
        assert response.status_code in (200, 400, 404)
        assert_accessible_page(response.content.decode())


def test_stylesheet_uses_design_tokens_and_no_external_resources(client):
    from django.contrib.staticfiles import finders

    path = finders.find("eenplan/eenplan.css")
    assert path
    with open(path, encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert "--eenplan-color-lintblauw" in css and ":focus-visible" in css
    assert "http" not in css and "@import" not in css and "@font-face" not in css
