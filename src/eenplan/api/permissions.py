"""Permission classes: each delegates to ``eenplan.privacy.policy``, never decides by itself.

The selectors enforce the same rule again; the permission class only makes the refusal (403)
come before input validation, and documents it in the schema.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission, IsAuthenticated

from eenplan.privacy import policy


class IsProfessional(IsAuthenticated):
    """The default for every endpoint: a logged-in professional. Citizen tokens reach only the
    ``me/`` endpoints, which say so themselves (``portal.boundary``)."""

    message = _("Dit deel van de API is voor medewerkers van organisaties.")

    def has_permission(self, request, view) -> bool:
        return super().has_permission(request, view) and not request.user.is_citizen


class IsCitizen(IsAuthenticated):
    """The ``me/`` endpoints: a logged-in household member with a citizen account. A
    professional's token gets 403 here, as a citizen's does everywhere else."""

    message = _("Dit deel van de API is voor inwoners met een account voor Mijn EenPlan.")

    def has_permission(self, request, view) -> bool:
        return super().has_permission(request, view) and request.user.is_citizen


class MayReadAccessLog(BasePermission):
    message = _("Alleen een privacy officer mag het toegangslog inzien.")

    def has_permission(self, request, view) -> bool:
        return policy.may_read_access_log(request.user)
