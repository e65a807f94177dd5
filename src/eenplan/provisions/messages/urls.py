"""Messages with providers (iWmo/iJw). The project includes these at /voorzieningen/berichten/."""

from django.urls import path

from eenplan.provisions.messages import views

app_name = "provision_messages"

MUNICIPALITY = "<uuid:municipality_uuid>/"
MESSAGE = "bericht/<uuid:message_uuid>/"

urlpatterns = [
    path("", views.index, name="index"),
    path(MUNICIPALITY, views.municipality_messages, name="list"),
    path(MUNICIPALITY + "inlezen/", views.message_import, name="import"),
    path(MUNICIPALITY + "toewijzingen/", views.allocations_export, name="export"),
    path(MESSAGE, views.message_detail, name="detail"),
    path(MESSAGE + "xml/", views.message_download, name="download"),
]
