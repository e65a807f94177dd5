"""The OpenAPI schema generates without warnings, and the documentation page renders offline."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "/api/v1/auth/token/": {"post"},
    "/api/v1/municipalities/": {"get"},
    "/api/v1/municipalities/{uuid}/": {"get"},
    "/api/v1/organisations/": {"get"},
    "/api/v1/organisations/{uuid}/": {"get"},
    "/api/v1/persons/": {"get"},
    "/api/v1/persons/{uuid}/": {"get"},
    "/api/v1/households/{uuid}/": {"get"},
    "/api/v1/cases/": {"get"},
    "/api/v1/cases/{uuid}/": {"get"},
    "/api/v1/cases/{uuid}/transition/": {"post"},
    "/api/v1/cases/{uuid}/involvements/": {"get"},
    "/api/v1/cases/{uuid}/timeline/": {"get"},
    "/api/v1/cases/{uuid}/plan/": {"get", "post", "patch"},
    "/api/v1/cases/{uuid}/plan/goals/": {"post"},
    "/api/v1/cases/{uuid}/plan/goals/{goal_uuid}/": {"patch", "delete"},
    "/api/v1/cases/{uuid}/plan/goals/{goal_uuid}/evaluations/": {"post"},
    "/api/v1/cases/{uuid}/plan/goals/{goal_uuid}/actions/": {"post"},
    "/api/v1/cases/{uuid}/plan/actions/{action_uuid}/": {"patch"},
    "/api/v1/cases/{uuid}/plan/actions/{action_uuid}/status/": {"post"},
    "/api/v1/cases/{uuid}/plan/agreement/": {"post"},
    "/api/v1/cases/{uuid}/plan/evaluation/": {"post"},
    "/api/v1/cases/{uuid}/plan/versions/": {"get"},
    "/api/v1/cases/{uuid}/plan/versions/compare/": {"get"},
    "/api/v1/cases/{uuid}/plan/versions/{number}/": {"get"},
    "/api/v1/cases/{uuid}/plan/versions/{number}/commitment/": {"post"},
    "/api/v1/cases/{uuid}/consents/": {"get", "post"},
    "/api/v1/consents/{uuid}/withdraw/": {"post"},
    "/api/v1/referrals/": {"get"},
    "/api/v1/referrals/{uuid}/": {"get"},
    "/api/v1/referrals/{uuid}/accept/": {"post"},
    "/api/v1/referrals/{uuid}/decline/": {"post"},
    "/api/v1/cases/{uuid}/referrals/": {"post"},
    "/api/v1/cases/{uuid}/notes/": {"get", "post"},
    "/api/v1/cases/{uuid}/coordinator-proposals/": {"get", "post"},
    "/api/v1/coordinator-proposals/{uuid}/agree/": {"post"},
    "/api/v1/coordinator-proposals/{uuid}/withdraw/": {"post"},
    "/api/v1/cases/{uuid}/escalation/": {"post"},
    "/api/v1/access-log/": {"get"},
    "/api/v1/signals/": {"get"},
    "/api/v1/signals/{uuid}/": {"get"},
    "/api/v1/signals/{uuid}/resolve/": {"post"},
    "/api/v1/consultations/": {"get", "post"},
    "/api/v1/consultations/{uuid}/": {"get"},
    "/api/v1/consultations/{uuid}/items/": {"post"},
    "/api/v1/consultations/{uuid}/close/": {"post"},
    "/api/v1/agenda-items/{uuid}/": {"get"},
    "/api/v1/agenda-items/{uuid}/consent/": {"post"},
    "/api/v1/agenda-items/{uuid}/minutes/": {"post"},
    "/api/v1/agenda-items/{uuid}/decisions/": {"post"},
    "/api/v1/agenda-items/{uuid}/agreements/": {"post"},
    "/api/v1/agreements/": {"get"},
    "/api/v1/policy-signals/": {"get", "post"},
    "/api/v1/policy-signals/report/": {"get"},
    "/api/v1/policy-signals/{uuid}/": {"get"},
    "/api/v1/policy-signals/{uuid}/respond/": {"post"},
    "/api/v1/indicators/": {"get"},
    "/api/v1/indicator-values/": {"get"},
    "/api/v1/instruments/": {"get"},
    "/api/v1/instruments/{uuid}/": {"get"},
    "/api/v1/assessments/": {"get", "post"},
    "/api/v1/assessments/{uuid}/": {"get"},
    "/api/v1/products/": {"get"},
    "/api/v1/contracts/": {"get"},
    "/api/v1/mandates/": {"get"},
    "/api/v1/decisions/": {"get", "post"},
    "/api/v1/decisions/{uuid}/": {"get"},
    "/api/v1/decisions/{uuid}/approve/": {"post"},
    "/api/v1/decisions/{uuid}/refuse/": {"post"},
    "/api/v1/decisions/{uuid}/end/": {"post"},
    "/api/v1/budgets/": {"get"},
    "/api/v1/budgets/{uuid}/{year}/shift/": {"post"},
    "/api/v1/messages/": {"get"},
    "/api/v1/messages/import/": {"post"},
    "/api/v1/messages/export/": {"post"},
    "/api/v1/messages/{uuid}/": {"get"},
    "/api/v1/complaints/": {"get", "post"},
    "/api/v1/complaints/{uuid}/": {"get"},
    "/api/v1/complaints/{uuid}/steps/": {"get", "post"},
    "/api/v1/me/token/": {"post"},
    "/api/v1/me/": {"get"},
    "/api/v1/me/plan/": {"get"},
    "/api/v1/me/plan/{case_uuid}/agree/": {"post"},
    "/api/v1/me/actions/{action_uuid}/": {"patch"},
    "/api/v1/me/proposals/": {"post"},
    "/api/v1/me/feedback/": {"post"},
    "/api/v1/me/complaints/": {"get", "post"},
    "/api/v1/me/complaints/{complaint_uuid}/": {"get"},
    "/api/v1/me/complaints/{complaint_uuid}/answer/": {"post"},
    "/api/v1/me/complaints/{complaint_uuid}/withdraw/": {"post"},
    "/api/v1/me/messages/": {"get", "post"},
    "/api/v1/me/consents/": {"get", "post"},
    "/api/v1/me/access-log/": {"get"},
    "/api/v1/me/export/": {"get"},
}


def test_schema_validates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )


def test_schema_is_served_to_anyone(api_client):
    response = api_client.get(reverse("api:schema"), {"format": "json"})

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {path: set(paths[path]) for path in paths} == OPERATIONS


def test_schema_documents_query_parameters_and_bodies(api_client):
    schema = api_client.get(reverse("api:schema"), {"format": "json"}).json()

    def parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    assert parameters("/api/v1/persons/") == {"bsn", "name", "birth_date", "postcode"}
    assert parameters("/api/v1/cases/") == {
        "status",
        "municipality",
        "coordinator",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/access-log/") == {"case", "person", "page", "page_size"}
    assert parameters("/api/v1/referrals/") == {"direction", "status", "case", "page", "page_size"}
    assert parameters("/api/v1/cases/{uuid}/plan/versions/compare/") == {"uuid", "from", "to"}
    assert parameters("/api/v1/consultations/") == {"upcoming", "page", "page_size"}
    assert parameters("/api/v1/agreements/") == {
        "consultation",
        "organisation",
        "owner",
        "state",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/policy-signals/") == {"theme", "status", "page", "page_size"}
    assert parameters("/api/v1/policy-signals/report/") == {"year"}
    assert parameters("/api/v1/indicators/") == {"page", "page_size"}
    assert parameters("/api/v1/indicator-values/") == {
        "municipality",
        "period",
        "from",
        "to",
        "peer_group",
        "indicator",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/instruments/") == {"municipality", "page", "page_size"}
    assert parameters("/api/v1/assessments/") == {"case", "person", "page", "page_size"}
    conflict = schema["paths"]["/api/v1/cases/{uuid}/plan/"]["patch"]["responses"]["409"]
    assert conflict["content"]["application/json"]["schema"]["$ref"].endswith("/Conflict")
    body = schema["paths"]["/api/v1/cases/{uuid}/transition/"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"]["$ref"].endswith("/CaseTransition")
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_docs_page_lists_every_endpoint_without_external_scripts(api_client):
    response = api_client.get(reverse("api:docs"))

    assert response.status_code == 200
    html = response.content.decode()
    for path in OPERATIONS:
        assert path in html
    assert "Authorization: Token" in html
    assert "CaseTransition" in html
    assert "<script" not in html
    assert "cdn" not in html.lower()
