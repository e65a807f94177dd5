"""'Overleg' at /overleg/: meetings, their agenda and minutes, and the agreements to follow up."""

from django.urls import path

from eenplan.consultations.views import follow_up, items, meetings

app_name = "consultations"

MEETING = "<uuid:consultation_uuid>/"
ITEM = MEETING + "agenda/<uuid:item_uuid>/"

urlpatterns = [
    path("", meetings.consultation_list, name="list"),
    path("nieuw/", meetings.consultation_plan, name="plan"),
    path("afspraken/", follow_up.follow_up, name="follow-up"),
    path("casus/<uuid:case_uuid>/", meetings.case_agenda, name="case-agenda"),
    path(MEETING, meetings.consultation_detail, name="detail"),
    path(MEETING + "verslag.pdf", meetings.minutes_pdf, name="minutes-pdf"),
    path(MEETING + "volgende/", meetings.consultation_plan_next, name="plan-next"),
    path(MEETING + "agenda/", meetings.agenda_add, name="agenda-add"),
    path(MEETING + "deelnemers/", meetings.attendee_add, name="attendee-add"),
    path(
        MEETING + "deelnemers/<uuid:attendee_uuid>/verwijderen/",
        meetings.attendee_remove,
        name="attendee-remove",
    ),
    path(MEETING + "afronden/", meetings.consultation_close, name="close"),
    path(MEETING + "beleidssignaal/", meetings.policy_signal_raise, name="signal-raise"),
    path(ITEM + "toestemming/", items.item_consent, name="item-consent"),
    path(ITEM + "verslag/", items.item_minutes, name="item-minutes"),
    path(ITEM + "besluit/", items.item_decision, name="item-decision"),
    path(ITEM + "afspraak/", items.item_agreement, name="item-agreement"),
]
