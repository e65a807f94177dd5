"""Provisions (voorzieningen): the decisions of a case and requesting one, a decision with its
letter, the officer's queue, the budget, and the catalogue. Included at the root, next to the
case and admin routes they extend (the catalogue before the admin, which would answer every path
under /beheer/)."""

from django.urls import path

from eenplan.provisions.views import budget, case, catalogue, decision

app_name = "provisions"

CASE = "casussen/<uuid:case_uuid>/voorzieningen/"
DECISION = "voorzieningen/<uuid:decision_uuid>/"
BUDGET = "budget/<uuid:municipality_uuid>/<int:year>/"
CATALOGUE = "beheer/voorzieningen/"

urlpatterns = [
    path(CASE, case.case_decisions, name="case"),
    path(CASE + "aanvragen/", case.decision_request, name="request"),
    path("voorzieningen/aanvragen/", decision.awaiting, name="awaiting"),
    path(DECISION, decision.decision_detail, name="detail"),
    path(DECISION + "toekennen/", decision.decision_approve, name="approve"),
    path(DECISION + "afwijzen/", decision.decision_refuse, name="refuse"),
    path(DECISION + "beeindigen/", decision.decision_end, name="end"),
    path(DECISION + "brief.pdf", decision.decision_letter, name="letter"),
    path("budget/", budget.budget_choose, name="budget"),
    path(BUDGET, budget.budget_page, name="budget-year"),
    path(BUDGET + "verdelen/", budget.budget_set, name="budget-set"),
    path(BUDGET + "verschuiven/", budget.budget_shift, name="budget-shift"),
    path(CATALOGUE, catalogue.catalogue, name="catalogue"),
    path(CATALOGUE + "product/", catalogue.product_new, name="product-new"),
    path(CATALOGUE + "mandaat/", catalogue.mandate_new, name="mandate-new"),
]
