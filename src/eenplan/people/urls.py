from django.urls import path

from eenplan.people import views

app_name = "people"

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("<uuid:household_uuid>/", views.household, name="household"),
]
