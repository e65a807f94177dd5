"""The authorisation matrix: every URL of the project, tried by every kind of user, against the
rules in ``authorisation_rules.py``.

Each party (anonymous, a citizen of the household, a citizen of another household, a member of
the household's team in each role, a professional of an organisation that is not involved)
requests every URL with the objects of one household's case filled in (``security_world.py``):
a GET, and for a URL that takes no GET a POST with an empty form (or the method it does take).
Whoever the rule does not name must be refused (404, 403, 401 or the login page) and never get
a page, a download or a redirect that did something. The first party the rule names must get
past the check (a page, or a 400 for the empty form): that shows the world's objects are right,
and one rendered page per URL keeps the run short; the others it names are not tried. The two
parties outside the case must get the same refusal for the household's objects as for objects
that do not exist. No request may end in a server error.

A URL without a rule fails the first test, with the line to add.
"""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from eenplan.common.tests.authorisation_rules import Outcome, rule_for
from eenplan.common.tests.security_world import OTHER_CITIZEN, OUTSIDER, PARTIES, world_build
from eenplan.common.tests.url_patterns import endpoints

ENDPOINTS = endpoints()
LOGIN_PAGES = ("login", "portal:login", "admin:login")
API_PREFIX = "/api/"
# Parties outside the household's case: refused, its objects must look like no objects at all.
STRANGERS = (OUTSIDER, OTHER_CITIZEN)


def test_every_url_has_a_rule():
    missing = [endpoint for endpoint in ENDPOINTS if rule_for(endpoint) is None]
    assert not missing, (
        "These URLs have no rule in src/eenplan/common/tests/authorisation_rules.py. Add a line "
        "per URL to RULES naming who may reach it (CASE_WORKERS below is an example; the groups "
        "are above RULES), and objects for new URL arguments to security_world.py:\n"
        + "\n".join(f'    "{endpoint.name}": rule(CASE_WORKERS),' for endpoint in missing)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("party", PARTIES)
def test_each_party_reaches_what_the_rules_allow_and_nothing_else(party):
    world = world_build()
    prober = Prober(world.users.get(party))
    wrong = []
    for endpoint in ENDPOINTS:
        rule = rule_for(endpoint)
        if rule is None or endpoint.is_regex:
            continue  # no rule: reported above; a regex (only in the admin) has no path to fill
        if party in rule.reach and party != rule.witness:
            continue  # reaching is shown by one party per URL
        try:
            path = world.path(endpoint)
        except KeyError as error:
            wrong.append(
                f"{endpoint.name}: security_world.py has no object for {error} (add it to the "
                "world, ARGUMENTS or NAMESPACE_ARGUMENTS)"
            )
            continue
        outcome, answer = prober.probe(path)
        if not rule.allows(party, outcome):
            expected = "reach it" if party in rule.reach else "be refused"
            wrong.append(f"{endpoint.name} {path}: should {expected}, got {answer} ({outcome})")
        elif party in STRANGERS and outcome is Outcome.REFUSED:
            wrong += _existence_shown(prober, world, endpoint, path, answer)
    assert not wrong, f"As {party}:\n" + "\n".join(wrong)


def _existence_shown(prober, world, endpoint, path: str, answer: str) -> list[str]:
    """A stranger gets the same refusal for the household's objects as for objects that do
    not exist: what one may not see must look like nothing at all (privacy.policy)."""
    unknown_path = world.path(endpoint, unknown=True)
    if unknown_path == path:
        return []  # the URL names no object of the household
    _, unknown = prober.probe(unknown_path)
    if unknown == answer:
        return []
    return [f"{endpoint.name} {path}: refused with {answer}, but {unknown} for no object"]


class Prober:
    """Requests a path as one party and says how it went: the web with a session, the API with
    the party's token (as a partner system calls it)."""

    def __init__(self, user):
        self.user = user
        self.web = Client(raise_request_exception=False)
        self.api = Client(raise_request_exception=False)
        self.api_headers = {}
        if user is not None:
            self.web.force_login(user)
            token = Token.objects.create(user=user)
            self.api_headers["HTTP_AUTHORIZATION"] = f"Token {token.key}"
        self.login_pages = {reverse(name) for name in LOGIN_PAGES}

    def probe(self, path: str) -> tuple[Outcome, str]:
        if path.startswith(API_PREFIX):
            client, headers = self.api, self.api_headers
        else:
            client, headers = self.web, {}
            if self.user is not None and "_auth_user_id" not in client.session:
                client.force_login(self.user)  # a logout page logged the party out
        response = client.get(path, **headers)
        method = "GET"
        if response.status_code == 405:
            method = _method_to_try(response)
            response = client.generic(method, path, **headers)
        return self._outcome(response), f"{method} {response.status_code}"

    def _outcome(self, response) -> Outcome:
        status = response.status_code
        if status >= 500:
            return Outcome.SERVER_ERROR
        if status in (401, 403, 404):
            return Outcome.REFUSED
        if status in (301, 302, 303) and response["Location"].split("?")[0] in self.login_pages:
            return Outcome.TO_LOGIN
        if status == 405:
            return Outcome.NO_METHOD
        if 400 <= status < 500:
            return Outcome.INVALID
        return Outcome.REACHED


def _method_to_try(response) -> str:
    """The method a URL without GET takes: POST, or else the first it allows (PATCH, DELETE)."""
    allowed = [method.strip() for method in response.get("Allow", "POST").split(",")]
    return "POST" if "POST" in allowed else next(iter(allowed), "POST")
