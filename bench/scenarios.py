"""The requests of the HTTP benchmark: what a coordinator and a policy officer do all day.

Each scenario turns a request number into a request, cycling through the targets' samples. API
requests carry the reader's token; pages carry a session cookie from a real login.
"""

import http.client
import itertools
import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie

from bench.load import Request
from bench.targets import Targets

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Scenario:
    name: str
    next_request: Callable[[int], Request]
    expect: tuple[int, ...] = (200,)


def login(host: str, port: int, username: str, password: str) -> dict:
    """Log in through /inloggen/ as a browser does; the headers that carry the session."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.request("GET", "/inloggen/")
    response = connection.getresponse()
    form = response.read()
    cookies = SimpleCookie(response.getheader("Set-Cookie"))
    csrf = cookies["csrftoken"].value
    body = urllib.parse.urlencode(
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": CSRF_FIELD.search(form).group(1).decode(),
        }
    )
    connection.request(
        "POST",
        "/inloggen/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://{host}:{port}/inloggen/",
        },
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    session = SimpleCookie(response.getheader("Set-Cookie"))
    if response.status != 302 or "sessionid" not in session:
        raise RuntimeError(f"login as {username} failed: HTTP {response.status}")
    return {"Cookie": f"csrftoken={csrf}; sessionid={session['sessionid'].value}"}


def _query(**params) -> str:
    return urllib.parse.urlencode(params)


def _cycle(items: list) -> Callable[[int], object]:
    if not items:
        raise ValueError("no targets for this scenario in the database")
    return lambda i: items[i % len(items)]


def reader_scenarios(targets: Targets, session: dict) -> list[Scenario]:
    token = {"Authorization": f"Token {targets.reader_token}"}
    household = _cycle(targets.households)
    status = _cycle(targets.statuses)
    bsn = _cycle(targets.bsns)
    postcode = _cycle(targets.postcodes)
    consultation = _cycle(targets.consultations)
    return [
        Scenario(
            "client view (API)",
            lambda i: Request("GET", f"/api/v1/households/{household(i)}/", token),
        ),
        Scenario(
            "client view (page)",
            lambda i: Request("GET", f"/huishoudens/{household(i)}/", session),
        ),
        Scenario(
            "mijn casussen, 50 per page, filtered (API)",
            lambda i: Request("GET", f"/api/v1/cases/?page_size=50&status={status(i)}", token),
        ),
        Scenario(
            "mijn casussen, filtered (page)",
            lambda i: Request("GET", f"/casussen/?status={status(i)}", session),
        ),
        Scenario(
            "search by BSN (API)",
            lambda i: Request("GET", f"/api/v1/persons/?bsn={bsn(i)}", token),
        ),
        Scenario(
            "search by postcode (API)",
            lambda i: Request("GET", "/api/v1/persons/?" + _query(postcode=postcode(i)), token),
        ),
        Scenario("signals inbox (page)", lambda i: Request("GET", "/signalen/", session)),
        Scenario(
            "consultation agenda (page)",
            lambda i: Request("GET", f"/overleg/{consultation(i)}/", session),
        ),
    ]


def plan_saves(targets: Targets, send) -> Callable[[int], Request]:
    """PATCHes of the strengths of the reader's plans. Each needs the plan's current
    ``lock_version``, read (untimed) by ``send`` just before the request is built."""
    token = {"Authorization": f"Token {targets.reader_token}"}
    case = _cycle(targets.plan_cases)
    counter = itertools.count()

    def next_request(i: int) -> Request:
        path = f"/api/v1/cases/{case(i)}/plan/"
        plan = json.loads(send(Request("GET", path, token)))
        body = {"lock_version": plan["lock_version"], "strengths": f"Meting {next(counter)}."}
        return Request(
            "PATCH",
            path,
            {**token, "Content-Type": "application/json"},
            json.dumps(body).encode(),
        )

    return next_request


def dashboard(session: dict) -> Scenario:
    """The standard core for every municipality over the last 8 quarters (the default view)."""
    return Scenario(
        "indicator dashboard (page)", lambda i: Request("GET", "/indicatoren/", session)
    )
