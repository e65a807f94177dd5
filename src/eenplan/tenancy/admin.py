"""Configuration: regions, municipalities, organisations, users and their roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

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


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ["organisation", "role", "is_active"]
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
