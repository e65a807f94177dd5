from django.contrib import admin

from eenplan.cases.models import Case, Involvement
from eenplan.privacy.admin_mixins import PersonalDataAdmin


class InvolvementInline(admin.TabularInline):
    model = Involvement
    fields = ["organisation", "contact", "service_type", "start_date", "end_date"]
    extra = 0


@admin.register(Case)
class CaseAdmin(PersonalDataAdmin):
    list_display = ["reference", "household", "status", "coordinator", "escalation_level"]
    list_filter = ["status", "escalation_level"]
    search_fields = ["=reference", "household__name"]
    inlines = [InvolvementInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("household", "coordinator")
            .prefetch_related("household__memberships__person")
        )

    def log_subjects(self, obj) -> list[tuple]:
        return [(obj, member.person) for member in obj.household.memberships.all()]
