"""The Content-Security-Policy and the other security headers, and the rule that keeps the policy
strict: no template has an inline script, style or event handler."""

import re
from pathlib import Path

import pytest

import eenplan

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "script"),
    (re.compile(r"<style\b", re.I), "style element"),
    (re.compile(r"\sstyle=\"", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=\"", re.I), "event handler"),
    (re.compile(r"javascript:", re.I), "javascript: link"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/inloggen/", "/mijn/inloggen/", "/api/v1/docs/"])
def test_pages_send_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_needs_unsafe_inline():
    root = Path(eenplan.__file__).parent
    found = [
        f"{template.relative_to(root)}: {what}"
        for template in root.glob("**/templates/**/*.html")
        for pattern, what in INLINE
        if pattern.search(template.read_text())
    ]
    assert not found
