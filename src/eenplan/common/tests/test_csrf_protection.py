"""Every form is protected against cross-site request forgery: the middleware is on, no view of
ours is exempt, every POST form in a template carries the token, and a POST without it is
refused. The only exempt views are DRF's: its session authentication checks the token itself,
and its token logins answer a token in the body, never a cookie."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.views import APIView

import eenplan

ROOT = Path(eenplan.__file__).parent
POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.I | re.S)
# DRF's SessionAuthentication enforces CSRF for a logged-in browser; a token is no cookie.
API_AUTHENTICATION = {SessionAuthentication, TokenAuthentication}


def _callbacks(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _callbacks(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield str(pattern.pattern), pattern.callback


def test_the_middleware_is_on():
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_no_code_of_ours_exempts_a_view():
    found = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/*.py")
        if "tests" not in path.parts and "csrf_exempt" in path.read_text()
    ]
    assert found == []


def test_only_api_views_are_exempt_and_they_check_the_token_themselves():
    exempt = [
        (route, callback)
        for route, callback in _callbacks(get_resolver().url_patterns)
        if getattr(callback, "csrf_exempt", False)
    ]
    assert exempt  # DRF's views are
    for route, callback in exempt:
        view = getattr(callback, "cls", None)
        assert view is not None and issubclass(view, APIView), route
        assert set(view.authentication_classes) <= API_AUTHENTICATION, route


TEMPLATES = {
    str(path.relative_to(directory)): path
    for directory in ROOT.glob("*/templates")
    for path in directory.glob("**/*.html")
}
INCLUDE = re.compile(r"{%\s*include\s+\"([^\"]+)\"[^%]*%}")


def _expanded(text: str, depth: int = 3) -> str:
    """The template with its includes written out (a form's fields often come from one)."""
    if depth == 0:
        return text
    return INCLUDE.sub(
        lambda m: (
            _expanded(TEMPLATES[m.group(1)].read_text(), depth - 1)
            if m.group(1) in TEMPLATES
            else ""
        ),
        text,
    )


def test_every_post_form_carries_the_token():
    missing = [
        f"{name}: form {index + 1}"
        for name, template in TEMPLATES.items()
        for index, body in enumerate(POST_FORM.findall(_expanded(template.read_text())))
        if "{% csrf_token %}" not in body
    ]
    assert len(TEMPLATES) > 100
    assert missing == []


@pytest.mark.django_db
def test_a_post_without_the_token_is_refused(professional):
    browser = Client(enforce_csrf_checks=True)
    login = {"username": professional.username, "password": settings.DEMO_PASSWORD}

    assert browser.post(reverse("login"), login).status_code == 403
    browser.force_login(professional)
    assert browser.post(reverse("logout")).status_code == 403
    assert browser.post(reverse("api:case-list"), {}).status_code == 403
