from django.urls import path

from eenplan.signals import views

app_name = "signals"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<uuid:signal_uuid>/afhandelen/", views.resolve, name="resolve"),
]
