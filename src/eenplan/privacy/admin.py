from django.contrib import admin

from eenplan.privacy import policy
from eenplan.privacy.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read by privacy officers only; nobody edits or deletes the access log."""

    list_display = [
        "start_time",
        "actor_username",
        "organisation_name",
        "action",
        "name",
        "case_reference",
    ]
    list_filter = ["action", "name"]
    search_fields = ["case_reference", "actor_username", "=trace_id"]
    date_hierarchy = "start_time"

    def has_module_permission(self, request) -> bool:
        return request.user.is_staff and policy.may_read_access_log(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
