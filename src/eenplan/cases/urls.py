from django.urls import path

from eenplan.cases.views import case, coordination, network

app_name = "cases"

CASE = "<uuid:case_uuid>/"
PROPOSAL = CASE + "regisseur/<uuid:proposal_uuid>/"

urlpatterns = [
    path("", case.my_cases, name="my-cases"),
    path(CASE + "status/", case.case_transition, name="transition"),
    path(CASE + "toestemming/", network.consent_record, name="consent-record"),
    path(
        CASE + "toestemming/<uuid:consent_uuid>/intrekken/",
        network.consent_withdraw,
        name="consent-withdraw",
    ),
    path(CASE + "aanmelden/", network.referral_send, name="referral-send"),
    path(CASE + "notities/", network.note_add, name="note-add"),
    path(CASE + "regisseur/voorstellen/", coordination.coordinator_propose, name="propose"),
    path(
        CASE + "regisseur/professionals/",
        coordination.coordinator_professionals,
        name="professionals",
    ),
    path(PROPOSAL + "instemmen/", coordination.coordinator_agree, name="proposal-agree"),
    path(
        PROPOSAL + "intrekken/",
        coordination.coordinator_proposal_withdraw,
        name="proposal-withdraw",
    ),
    path(CASE + "opschaling/", coordination.case_escalate, name="escalate"),
]
