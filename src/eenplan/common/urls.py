"""Background jobs. The project includes these at /taken/."""

from django.urls import path

from eenplan.common import views

app_name = "jobs"

urlpatterns = [
    path("<uuid:job_uuid>/", views.job_detail, name="detail"),
]
