from django.contrib import admin
from django.db.models import Prefetch

from eenplan.people.models import HouseholdMember
from eenplan.privacy.admin_mixins import PersonalDataAdmin
from eenplan.signals.models import Signal, SignalOrganisation


class SignalOrganisationInline(admin.TabularInline):
    model = SignalOrganisation
    fields = ["organisation", "contact"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff


@admin.register(Signal)
class SignalAdmin(PersonalDataAdmin):
    """Read-only, under the signal rule: signals change through the evaluation and the
    resolve service only."""

    list_display = ["kind", "case", "status", "present", "raised_at", "reopened_count"]
    list_filter = ["kind", "status", "present"]
    search_fields = ["=case__reference"]
    date_hierarchy = "raised_at"
    inlines = [SignalOrganisationInline]

    def get_queryset(self, request):
        contacts = HouseholdMember.objects.filter(is_contact=True).select_related("person")
        return (
            super()
            .get_queryset(request)
            .select_related("case__household", "person")
            .prefetch_related(
                Prefetch("case__household__memberships", queryset=contacts, to_attr="contacts")
            )
        )

    def log_subjects(self, obj) -> list[tuple]:
        if obj.person_id:
            return [(obj.case, obj.person)]
        contacts = getattr(obj.case.household, "contacts", None)
        if contacts is None:
            contacts = list(obj.case.household.memberships.filter(is_contact=True))
        return [(obj.case, contacts[0].person if contacts else None)]
