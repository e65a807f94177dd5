from django.urls import path

from eenplan.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.my_cases, name="my-cases"),
    path("<uuid:case_uuid>/status/", views.case_transition, name="transition"),
]
