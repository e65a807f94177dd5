"""Assessments (metingen): the tab of a case, one assessment, recording one, and the instruments
for functional admins. Included at the root, next to the case and admin routes they extend."""

from django.urls import path

from eenplan.assessments.views import instruments, progress, record

app_name = "assessments"

CASE = "casussen/<uuid:case_uuid>/metingen/"
INSTRUMENTS = "beheer/instrumenten/"

urlpatterns = [
    path(CASE, progress.case_assessments, name="case"),
    path(CASE + "nieuw/", record.assessment_record, name="record"),
    path("metingen/<uuid:assessment_uuid>/", progress.assessment_detail, name="detail"),
    path(INSTRUMENTS, instruments.instrument_list, name="instruments"),
    path(INSTRUMENTS + "nieuw/", instruments.instrument_new, name="instrument-new"),
    path(
        INSTRUMENTS + "<uuid:instrument_uuid>/nieuwe-versie/",
        instruments.instrument_new_version,
        name="instrument-version",
    ),
]
