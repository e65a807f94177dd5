from django.urls import path

from eenplan.privacy.views import access_log

app_name = "privacy"

urlpatterns = [
    path("toegangslog/", access_log.access_log, name="access-log"),
]
