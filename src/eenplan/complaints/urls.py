"""Complaints and objections (klachten en bezwaren), for professionals; included at
/klachten/. The citizen's side is in the portal (/mijn/klachten/)."""

from django.urls import path

from eenplan.complaints.views import detail, listing, register, report

app_name = "complaints"

ITEM = "<uuid:complaint_uuid>/"

urlpatterns = [
    path("", listing.complaint_list, name="list"),
    path("rapport/", report.report_page, name="report"),
    path("rapport/csv/", report.report_csv, name="report-csv"),
    path("nieuw/<uuid:case_uuid>/", register.complaint_new, name="new"),
    path(ITEM, detail.complaint_detail, name="detail"),
    path(ITEM + "brieven/<uuid:step_uuid>.pdf", detail.step_letter, name="letter"),
    # The handler's forms: each calls one service (``detail.ACTS``).
    path(ITEM + "behandelaar/", detail.complaint_act, {"name": "assign"}, name="assign"),
    path(ITEM + "contact/", detail.complaint_act, {"name": "contact"}, name="contact"),
    path(ITEM + "formeel/", detail.complaint_act, {"name": "formal"}, name="formal"),
    path(ITEM + "ontvangst/", detail.complaint_act, {"name": "acknowledge"}, name="acknowledge"),
    path(ITEM + "uitstel/", detail.complaint_act, {"name": "extend"}, name="extend"),
    path(
        ITEM + "hoorzitting/",
        detail.complaint_act,
        {"name": "hearing_plan"},
        name="hearing-plan",
    ),
    path(
        ITEM + "hoorzitting/verslag/",
        detail.complaint_act,
        {"name": "hearing_record"},
        name="hearing-record",
    ),
    path(ITEM + "besluit/", detail.complaint_act, {"name": "decide"}, name="decide"),
    path(ITEM + "intrekken/", detail.complaint_act, {"name": "withdraw"}, name="withdraw"),
]
