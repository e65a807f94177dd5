"""The coordinator's side of the portal, on a case: ``/casussen/<uuid>/huishouden/``.

Included from the root next to ``eenplan.cases.urls`` (same prefix, no path in common)."""

from django.urls import path

from eenplan.portal import case_views

app_name = "household_input"

PAGE = "<uuid:case_uuid>/huishouden/"
PROPOSAL = PAGE + "voorstellen/<uuid:proposal_uuid>/"

urlpatterns = [
    path(PAGE, case_views.page, name="page"),
    path(PROPOSAL + "overnemen/", case_views.proposal_take_in, name="take-in"),
    path(PROPOSAL + "niet-overnemen/", case_views.proposal_decline, name="decline"),
    path(PAGE + "berichten/", case_views.message_reply, name="reply"),
]
