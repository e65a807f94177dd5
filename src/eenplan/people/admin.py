from django.contrib import admin

from eenplan.common.validators import is_valid_bsn
from eenplan.people.models import Household, HouseholdMember, Person
from eenplan.privacy.admin_mixins import PersonalDataAdmin


@admin.register(Person)
class PersonAdmin(PersonalDataAdmin):
    """Never shows a BSN; a complete, valid BSN as search term finds its person by digest."""

    list_display = ["full_name", "birth_date", "postcode", "city"]
    search_fields = ["surname", "given_names", "=postcode"]
    exclude = ["bsn_encrypted", "bsn_digest"]

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if is_valid_bsn(search_term.strip()):
            results |= queryset.with_bsn(search_term.strip())
        return results, may_have_duplicates


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
