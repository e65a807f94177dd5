from django.contrib import admin

from eenplan.people.models import Household, HouseholdMember, Person
from eenplan.privacy.admin_mixins import PersonalDataAdmin


@admin.register(Person)
class PersonAdmin(PersonalDataAdmin):
    list_display = ["full_name", "birth_date", "postcode", "city"]
    search_fields = ["surname", "given_names", "=bsn", "=postcode"]
    exclude = ["bsn"]


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    fields = ["person", "is_contact"]
    extra = 0


@admin.register(Household)
class HouseholdAdmin(PersonalDataAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    inlines = [HouseholdMemberInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("municipality")
            .prefetch_related("memberships__person")
        )

    def log_subjects(self, obj) -> list[tuple]:
        return [(None, member.person) for member in obj.memberships.all()]
