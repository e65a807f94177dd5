"""The indicator pages through the Django test client: who may see them, the dashboard with its
groups and local indicators, one indicator with its charts and stories, writing a story and
defining a local indicator, and that no page ever shows a number behind a suppressed cell or
anything about a person.

The fixture (``region``, built by ``build_region``): one region with Grootstad (6 running cases
for 2,000 households: 3.0 per 1,000) and Kleindorp (3 running cases for 1,111 households: 2.7
per 1,000, never shown because it counts fewer than 5 cases). The first household of Grootstad
has a recognisable name and case number; a professional of its involved organisation wrote a
story.
"""

import datetime
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from eenplan.cases.constants import CaseStatus
from eenplan.cases.models import Case
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.cases.tests.test_views_layout import assert_accessible_page
from eenplan.indicators import services
from eenplan.indicators.definitions import CORE
from eenplan.indicators.models import LocalIndicator, PopulationFigure, Story
from eenplan.indicators.periods import Quarter
from eenplan.people.models import HouseholdMember
from eenplan.people.tests.factories import HouseholdFactory, PersonFactory
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality, User
from eenplan.tenancy.tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    RegionFactory,
    user_in,
)

pytestmark = pytest.mark.django_db

QUARTER = Quarter.containing(timezone.localdate()).previous()
RUNNING = "lopende_casussen_per_1000_huishoudens"
HOUSEHOLD_NAME = "Familie Jansen-Verhoeven"
SURNAME = "Verhoeven"
GIVEN_NAME = "Annelies"
REFERENCE = "EP-2099-424242"
HIDDEN_VALUE = "2,7"  # Kleindorp: 3 / 1,111 x 1,000, never to be shown
STORY_TITLE = "Eén plan bracht rust bij de schulden"
# What must never reach a viewer: the household, its member and its case.
PERSONAL = (HOUSEHOLD_NAME, SURNAME, GIVEN_NAME, REFERENCE)


@dataclass
class Region:
    big: Municipality
    small: Municipality
    professional: User
    viewer: User
    story: Story
    case: Case  # of the household with a name and case number to recognise


def open_case(municipality, *, household=None):
    """A case running since before the first quarter of any trend the pages show."""
    case = CaseFactory(
        household=household or HouseholdFactory(municipality=municipality, members=1),
        status=CaseStatus.EXECUTION,
    )
    opened = datetime.datetime.combine(
        QUARTER.start - datetime.timedelta(days=800), datetime.time(10)
    )
    Case.objects.filter(pk=case.pk).update(opened_at=timezone.make_aware(opened))
    return case


def build_region() -> Region:
    """The fixture described above (``test_export`` and ``test_api`` use it too)."""
    area = RegionFactory(name="Regio Noord")
    big = MunicipalityFactory(name="Grootstad", region=area)
    small = MunicipalityFactory(name="Kleindorp", region=area)
    for municipality, households in ((big, 2_000), (small, 1_111)):
        PopulationFigure.objects.create(
            municipality=municipality,
            year=QUARTER.year,
            inhabitants=5_000,
            households=households,
            youth=1_000,
        )
    household = HouseholdFactory(municipality=big, name=HOUSEHOLD_NAME)
    HouseholdMember.objects.create(
        household=household,
        person=PersonFactory(given_names=GIVEN_NAME, surname=SURNAME),
        is_contact=True,
    )
    known = open_case(big, household=household)
    Case.objects.filter(pk=known.pk).update(reference=REFERENCE)
    for _ in range(5):
        open_case(big)
    for _ in range(3):
        open_case(small)
    team = OrganisationFactory(name="Wijkteam Grootstad")
    team.municipalities.add(big)
    InvolvementFactory(case=known, organisation=team)
    professional = user_in(team, Role.PROFESSIONAL, username="wijkwerker")
    story = services.story_write(
        actor=professional,
        municipality=big,
        title=STORY_TITLE,
        text="Drie organisaties spraken één aanpak af; de wachttijd voor schuldhulp daalde.",
        themes=["samenwerking", "financien"],
        indicator_codes=[RUNNING],
    )
    viewer = user_in(OrganisationFactory(name="Gemeente"), Role.POLICY_OFFICER, username="beleid")
    return Region(big, small, professional, viewer, story, known)


@pytest.fixture
def region() -> Region:
    return build_region()


def page(client, user, name: str, query: dict | None = None, **kwargs):
    client.force_login(user)
    return client.get(reverse(f"indicators:{name}", kwargs=kwargs), query or {})


def row_cells(html: str, label: str) -> list[str]:
    """The texts of the <td> cells in the table row whose header contains ``label``."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        header = re.search(r"<th scope=\"row\">(.*?)</th>", row, flags=re.S)
        if header and label in header.group(1):
            return [
                unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            ]
    raise AssertionError(f"no row {label!r}")


def assert_nothing_personal(text: str, case: Case) -> None:
    for value in (*PERSONAL, str(case.uuid), str(case.household.uuid)):
        assert value not in text, value


# ---------------------------------------------------------------------------- who may see


VIEWER_PAGES = [
    ("dashboard", {}),
    ("definitions", {}),
    ("stories", {}),
    ("detail", {"code": RUNNING}),
    ("export-csv", {}),
    ("export-xlsx", {}),
]


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.TEAM_LEADER, Role.DIRECTOR])
def test_every_page_opens_for_policy_and_management(client, region, role):
    user = user_in(OrganisationFactory(), role)
    for name, kwargs in VIEWER_PAGES:
        response = page(client, user, name, **kwargs)
        assert response.status_code == 200, name
    for name, kwargs in VIEWER_PAGES[:4]:
        assert_accessible_page(page(client, user, name, **kwargs).content.decode())


@pytest.mark.parametrize("name,kwargs", [p for p in VIEWER_PAGES if p[0] != "definitions"])
def test_a_professional_is_refused_the_numbers(client, region, name, kwargs):
    response = page(client, region.professional, name, **kwargs)
    if name == "stories":  # their own stories only
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_a_privacy_officer_is_refused_too(client, region):
    officer = user_in(OrganisationFactory(), Role.PRIVACY_OFFICER)
    for name in ("dashboard", "stories", "story-write", "local-define"):
        assert page(client, officer, name).status_code == 403, name


@pytest.mark.parametrize("name,kwargs", [*VIEWER_PAGES, ("story-write", {}), ("local-define", {})])
def test_anonymous_users_go_to_the_login_page(client, name, kwargs):
    response = client.get(reverse(f"indicators:{name}", kwargs=kwargs))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_menu_shows_indicators_to_viewers_and_stories_to_professionals(client, region):
    client.force_login(region.viewer)
    html = client.get(reverse("cases:my-cases")).content.decode()
    assert f'href="{reverse("indicators:dashboard")}"' in html
    client.force_login(region.professional)
    html = client.get(reverse("cases:my-cases")).content.decode()
    assert f'href="{reverse("indicators:dashboard")}"' not in html
    assert f'href="{reverse("indicators:stories")}"' in html


# ---------------------------------------------------------------------------- the dashboard


def test_the_dashboard_compares_municipalities_and_their_region(client, region):
    response = page(client, region.viewer, "dashboard")
    html = response.content.decode()
    assert response.context["quarter"] == QUARTER
    assert [c.name for c in response.context["selection"].columns] == [
        "Grootstad",
        "Kleindorp",
        "Regio Noord (groep)",
    ]
    # The region pools the shown municipality only: Kleindorp's suppressed cell stays out.
    assert row_cells(html, "Lopende casussen per 1.000 huishoudens") == ["3,0", "<5", "3,0"]
    # No household gave a mark: no value (the region pools nothing, fewer than 5 marks).
    assert row_cells(html, "Tevredenheid") == ["-", "-", "<5"]
    assert "1 verhaal" in html and STORY_TITLE in html
    for indicator in CORE:
        assert escape(str(indicator.name)) in html


def test_suppressed_cells_show_no_number_anywhere_on_the_pages(client, region):
    dashboard = page(client, region.viewer, "dashboard").content.decode()
    detail = page(client, region.viewer, "detail", code=RUNNING).content.decode()
    for html in (dashboard, detail):
        assert HIDDEN_VALUE not in html
        assert "&lt;5" in html
    assert set(row_cells(detail, "Kleindorp")) == {"<5"}
    assert "Kleindorp: &lt;5: niet getoond" in detail  # the bar chart says why there is no bar


def test_a_peer_group_narrows_the_comparison(client, region):
    other = MunicipalityFactory(name="Elders", region=RegionFactory(name="Regio Zuid"))
    for _ in range(5):
        open_case(other)
    group = f"regio-{region.big.region.uuid}"
    response = page(client, region.viewer, "dashboard", {"peer_group": group})
    names = [c.name for c in response.context["selection"].columns]
    assert names == ["Grootstad", "Kleindorp", "Regio Noord (groep)"]
    everyone = page(client, region.viewer, "dashboard")
    assert [c.name for c in everyone.context["selection"].columns] == [
        "Grootstad",
        "Kleindorp",
        "Elders",
        "Regio Noord (groep)",
        "Regio Zuid (groep)",
    ]


def test_the_dashboard_can_show_chosen_municipalities_only(client, region):
    response = page(client, region.viewer, "dashboard", {"municipalities": [region.small.uuid]})
    assert [c.name for c in response.context["selection"].columns] == [
        "Kleindorp",
        "Regio Noord (groep)",
    ]


def test_an_impossible_selection_is_explained(client, region):
    start, end = QUARTER.label, QUARTER.previous().label
    response = page(client, region.viewer, "dashboard", {"start": start, "end": end})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een kwartaal na het begin van de trend." in html
    assert "rows" not in response.context
    assert page(client, region.viewer, "dashboard", {"quarter": "1999-K1"}).status_code == 200


def test_no_page_for_a_viewer_shows_the_household_or_its_case(client, region):
    for name, kwargs in VIEWER_PAGES[:4]:
        html = page(client, region.viewer, name, **kwargs).content.decode()
        assert_nothing_personal(html, region.case)


# ---------------------------------------------------------------------------- one indicator


def test_an_indicator_page_has_its_definition_trend_comparison_and_stories(client, region):
    response = page(client, region.viewer, "detail", code=RUNNING)
    html = response.content.decode()
    assert "particuliere huishoudens" in html  # the definition
    assert html.count('role="img"') == 2  # the trend and the comparison
    assert "<title" in html and "<desc" in html
    main = html.split("<main", 1)[1]
    assert "<script" not in main and "style=" not in main
    trend = response.context["trend"]
    grootstad, kleindorp, region_line = trend.series
    assert len(grootstad.points) == len(response.context["quarters"])
    assert kleindorp.points == [] and kleindorp.segments == []  # every quarter suppressed
    assert region_line.name == "Regio Noord (groep)"
    assert STORY_TITLE in html
    assert row_cells(html, "Grootstad")[-1] == "3,0"


def test_an_unknown_indicator_is_not_found(client, region):
    assert page(client, region.viewer, "detail", code="bestaat-niet").status_code == 404


def test_an_indicator_without_values_says_so(client, region):
    html = page(client, region.viewer, "detail", code="tevredenheid").content.decode()
    assert "In deze kwartalen is geen waarde te tonen." in html  # nobody gave a mark
    assert 'role="img"' not in html


# ---------------------------------------------------------------------------- local indicators


@pytest.fixture
def admin(region):
    organisation = OrganisationFactory(name="Gemeente Grootstad")
    organisation.municipalities.add(region.big)
    return user_in(organisation, Role.FUNCTIONAL_ADMIN, username="beheer")


LOCAL = {
    "name": "Schulden per 1.000 huishoudens",
    "description": "Lopende casussen met de prio-vraag op financiën.",
    "numerator": "lopende_casussen",
    "denominator": "huishoudens",
    "scale": "1000",
    "priority_domain": "financien",
    "service_type": "",
}


def test_a_functional_admin_defines_a_local_indicator_shown_for_its_municipality(
    client, region, admin
):
    client.force_login(admin)
    form = client.get(reverse("indicators:local-define"))
    assert form.status_code == 200
    assert_accessible_page(form.content.decode())
    response = client.post(
        reverse("indicators:local-define"), {**LOCAL, "municipality": region.big.uuid}
    )
    assert response.status_code == 302
    local = LocalIndicator.objects.get()
    assert local.municipality == region.big and local.created_by == admin

    html = page(client, region.viewer, "dashboard").content.decode()
    # Every case of the fixture has its priority on finances: 6 / 2,000 x 1,000.
    assert row_cells(html, LOCAL["name"]) == ["3,0", "n.v.t.", "n.v.t."]
    assert "lokaal" in html
    only_small = page(
        client, region.viewer, "dashboard", {"municipalities": [region.small.uuid]}
    ).content.decode()
    assert LOCAL["name"] not in only_small
    # Its own page opens even when the selection leaves its municipality out.
    detail = page(
        client,
        region.viewer,
        "detail",
        {"municipalities": [region.small.uuid]},
        code=local.code,
    )
    assert detail.status_code == 200
    assert [name for name, _cells in detail.context["table"]] == ["Grootstad"]


def test_a_local_indicator_needs_a_name_and_measures_from_the_list(client, region, admin):
    client.force_login(admin)
    response = client.post(
        reverse("indicators:local-define"),
        {**LOCAL, "municipality": region.big.uuid, "name": "", "numerator": "SELECT 1"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geef de indicator een naam." in html and "Kies de teller uit de lijst." in html
    assert not LocalIndicator.objects.exists()


def test_only_a_functional_admin_defines_local_indicators(client, region):
    for user in (region.viewer, region.professional):
        assert page(client, user, "local-define").status_code == 403


# ---------------------------------------------------------------------------- stories


def test_a_professional_writes_an_anonymous_story(client, region):
    client.force_login(region.professional)
    form = client.get(reverse("indicators:story-write"))
    assert form.status_code == 200
    assert_accessible_page(form.content.decode())
    response = client.post(
        reverse("indicators:story-write"),
        {
            "municipality": region.big.uuid,
            "title": "Wachten op schuldhulp",
            "text": "Een gezin wachtte maanden; samen met de kredietbank ging het sneller.",
            "themes": ["wachttijd"],
            "indicator_codes": ["dagen_tot_eerste_contact"],
        },
    )
    assert response.status_code == 302
    story = Story.objects.get(title="Wachten op schuldhulp")
    assert story.themes == ["wachttijd"] and story.indicator_codes == ["dagen_tot_eerste_contact"]


def test_a_story_naming_someone_from_the_writers_cases_is_refused_and_kept(client, region):
    client.force_login(region.professional)
    text = f"Mevrouw {SURNAME} kreeg eindelijk één plan."
    response = client.post(
        reverse("indicators:story-write"),
        {"municipality": region.big.uuid, "title": "Eindelijk één plan", "text": text},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Maak het verhaal anoniem" in html and f"de naam {SURNAME}" in html
    assert text in html  # what was typed stays in the form
    assert not Story.objects.filter(title="Eindelijk één plan").exists()


def test_only_professionals_write_stories(client, region):
    assert page(client, region.viewer, "story-write").status_code == 403


def test_stories_filter_by_municipality_theme_and_indicator(client, region):
    def titles(query):
        response = page(client, region.viewer, "stories", query)
        return [entry["story"].title for entry in response.context["stories"]]

    assert titles({}) == [STORY_TITLE]
    assert titles({"municipality": region.big.uuid, "theme": "samenwerking"}) == [STORY_TITLE]
    assert titles({"municipality": region.small.uuid}) == []
    assert titles({"theme": "wachttijd"}) == []
    assert titles({"indicator": RUNNING}) == [STORY_TITLE]
    assert titles({"indicator": "tevredenheid"}) == []  # no story is about it
    professional = page(client, region.professional, "stories")
    assert [e["story"].title for e in professional.context["stories"]] == [STORY_TITLE]


def test_the_definitions_page_lists_the_whole_core(client, region):
    html = page(client, region.professional, "definitions").content.decode()
    for indicator in CORE:
        assert escape(str(indicator.name)) in html
    assert f'href="{reverse("indicators:detail", kwargs={"code": RUNNING})}"' not in html


def test_the_documentation_defines_every_core_indicator():
    docs = Path(__file__).resolve().parents[4] / "docs" / "indicatoren.md"
    text = docs.read_text(encoding="utf-8")
    for indicator in CORE:
        assert f"### {indicator.name}\n" in text, indicator.code
        assert f"`{indicator.code}`" in text, indicator.code
