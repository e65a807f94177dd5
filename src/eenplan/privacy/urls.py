from django.urls import path

from eenplan.privacy.views import access_log, emergency, requests, retention

app_name = "privacy"

urlpatterns = [
    path("toegangslog/", access_log.access_log, name="access-log"),
    path("noodtoegang/", emergency.emergency_index, name="emergency"),
    path("noodtoegang/openen/<uuid:case_uuid>/", emergency.emergency_open, name="emergency-open"),
    path(
        "noodtoegang/<uuid:access_uuid>/beeindigen/", emergency.emergency_end, name="emergency-end"
    ),
    path("noodtoegang/beoordelen/", emergency.review_queue, name="emergency-queue"),
    path(
        "noodtoegang/beoordelen/<uuid:access_uuid>/",
        emergency.review_detail,
        name="emergency-review",
    ),
    path("verzoeken/", requests.request_list, name="requests"),
    path("verzoeken/<uuid:request_uuid>/", requests.request_detail, name="request"),
    path(
        "verzoeken/<uuid:request_uuid>/uitvoeren/",
        requests.request_carry_out,
        name="request-carry-out",
    ),
    path("bewaartermijnen/", retention.retention_index, name="retention"),
    path("bewaartermijnen/overzicht.csv", retention.retention_csv, name="retention-csv"),
    path("bewaartermijnen/bewaarplicht/", retention.hold_place, name="retention-hold"),
    path(
        "bewaartermijnen/bewaarplicht/<uuid:hold_uuid>/opheffen/",
        retention.hold_lift,
        name="retention-hold-lift",
    ),
]
