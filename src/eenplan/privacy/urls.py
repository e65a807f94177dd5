from django.urls import path

from eenplan.privacy import views

app_name = "privacy"

urlpatterns = [
    path("toegangslog/", views.access_log, name="access-log"),
]
