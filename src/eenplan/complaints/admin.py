"""Configuration by a functional admin: per municipality, the working days for the first
personal contact and whether a complaints or objections committee advises (longer periods)."""

from django.contrib import admin

from eenplan.complaints.models import ComplaintSettings


@admin.register(ComplaintSettings)
class ComplaintSettingsAdmin(admin.ModelAdmin):
    list_display = [
        "municipality",
        "contact_working_days",
        "complaints_committee",
        "objections_committee",
    ]
    list_select_related = ["municipality"]
    search_fields = ["municipality__name"]
