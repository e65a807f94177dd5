"""'Beleidssignalen' at /beleidssignalen/: bottlenecks and lessons for policy."""

from django.urls import path

from eenplan.consultations.views import policy

app_name = "policy-signals"

urlpatterns = [
    path("", policy.signal_list, name="list"),
    path("nieuw/", policy.signal_raise, name="raise"),
    path("rapportage/", policy.signal_report, name="report"),
    path("<uuid:signal_uuid>/", policy.signal_detail, name="detail"),
]
