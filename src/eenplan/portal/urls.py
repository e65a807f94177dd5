from django.urls import path

from eenplan.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.CitizenLoginView.as_view(), name="login"),
    path("uitloggen/", views.CitizenLogoutView.as_view(), name="logout"),
    path("plan/<uuid:case_uuid>/akkoord/", views.plan_agree, name="plan-agree"),
    path("plan/<uuid:case_uuid>/cijfer/", views.feedback, name="feedback"),
    path("acties/<uuid:action_uuid>/", views.action_tick, name="action-tick"),
    path("acties/<uuid:action_uuid>/verbergen/", views.action_hide, name="action-hide"),
    path(
        "hulp/<uuid:involvement_uuid>/verbergen/",
        views.involvement_hide,
        name="involvement-hide",
    ),
    path("voorstellen/<uuid:case_uuid>/", views.propose, name="propose"),
    path("berichten/", views.messages_page, name="messages"),
    path("berichten/<uuid:case_uuid>/", views.message_send, name="message-send"),
    path("toestemming/", views.consents, name="consents"),
    path("wie-heeft-mijn-gegevens-bekeken/", views.access_log, name="access-log"),
    path("mijn-gegevens/", views.export, name="export"),
    path("mijn-gegevens/download.json", views.export_json, name="export-json"),
    path("mijn-gegevens/download.pdf", views.export_pdf, name="export-pdf"),
    path("verzoeken/", views.data_requests, name="data-requests"),
    path("klacht/<uuid:case_uuid>/", views.complaint, name="complaint"),
    path("klachten/", views.complaints, name="complaints"),
    path("klachten/<uuid:complaint_uuid>/", views.complaint_detail, name="complaint-detail"),
    path(
        "klachten/<uuid:complaint_uuid>/antwoord/",
        views.complaint_answer,
        name="complaint-answer",
    ),
    path(
        "klachten/<uuid:complaint_uuid>/intrekken/",
        views.complaint_withdraw,
        name="complaint-withdraw",
    ),
    path(
        "klachten/<uuid:complaint_uuid>/brieven/<uuid:step_uuid>.pdf",
        views.complaint_letter,
        name="complaint-letter",
    ),
]
