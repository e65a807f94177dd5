"""Configuration: regions, municipalities, organisations, users and their roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.formats import date_format

from eenplan.tenancy import twofactor
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import Membership, Municipality, Organisation, Region, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code", "inhabitants", "region"]
    list_filter = ["region"]
    search_fields = ["name", "cbs_code"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "kvk_number", "agb_code"]
    list_filter = ["type", "municipalities"]
    search_fields = ["name", "=kvk_number", "=agb_code"]
    filter_horizontal = ["municipalities"]


class MembershipInline(admin.StackedInline):
    """Stacked, not tabular: a tabular inline names its fields only in the column headers, so
    the organisation and role of a membership had no label of their own (axe: select-name)."""

    model = Membership
    fields = ["organisation", "role", "is_active"]
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Tweestapsverificatie", {"fields": ["two_factor"]}))
    # The dates are kept by Django; as inputs they were two unlabelled halves of a date and time.
    readonly_fields = ["two_factor", "last_login", "date_joined"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        """Citizen accounts tell who is a client of the social domain: a functional admin
        manages professionals' accounts only; citizen accounts are for the superuser."""
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.exclude(kind=AccountKind.CITIZEN)

    @admin.display(description="app voor de inlogcode")
    def two_factor(self, user) -> str:
        device = twofactor.confirmed_device(user) if user.pk else None
        if device is None:
            return "Geen app gekoppeld."
        linked = f" op {date_format(device.created_at)}" if device.created_at else ""
        return f"Gekoppeld{linked}."

    @admin.action(
        description="Tweestapsverificatie opnieuw instellen (app loskoppelen)",
        permissions=["change"],
    )
    def reset_two_factor(self, request, queryset):
        """For a lost or new phone: the app is unlinked, and at the next page (or login) the
        user links a new one. Do this only after speaking to the person themselves."""
        count = twofactor.devices_reset(users=queryset)
        for user in queryset:
            self.log_change(request, user, "Tweestapsverificatie opnieuw ingesteld.")
        self.message_user(
            request,
            f"Bij {count} gebruiker(s) is de app losgekoppeld. Zij koppelen een nieuwe app bij "
            "het volgende inloggen.",
        )
