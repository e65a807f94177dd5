"""The admin obeys the access rule too: personal data is filtered with ``visible_to``, shown
read-only, and every object the admin displays is logged like any other read."""

from django.contrib import admin

from eenplan.privacy.constants import Action
from eenplan.privacy.services import access_log_write


class PersonalDataAdmin(admin.ModelAdmin):
    """Read-only admin for personal data. Changes go through the services, via pages or the API.

    ``log_subjects`` names the ``(case, person)`` pairs an object shows; by default the object is
    itself a person.
    """

    def log_subjects(self, obj) -> list[tuple]:
        return [(None, obj)]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def _log(self, request, objects, name: str) -> None:
        subjects = [pair for obj in objects for pair in self.log_subjects(obj)]
        if subjects:
            access_log_write(actor=request.user, action=Action.READ, name=name, subjects=subjects)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            self._log(request, [obj], f"beheer: {self.opts.verbose_name} bekijken")
        return obj

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            self._log(request, changelist.result_list, f"beheer: {self.opts.verbose_name_plural}")
        return response
