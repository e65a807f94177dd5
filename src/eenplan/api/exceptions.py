"""API errors, in one place.

* ``ConflictError`` (optimistic locking: someone saved since the client read ``lock_version`` or
  ``revision``) becomes 409 with ``{"detail": <message>, "code": "conflict"}``; nothing was saved.
* Any other Django ``ValidationError`` (from services and selectors) becomes 400 with field errors.
* ``ObjectDoesNotExist`` (a selector's ``X.DoesNotExist``) becomes 404: an object the user may not
  see answers exactly like one that does not exist.
* Django ``PermissionDenied`` and ``Http404`` are handled by DRF itself (403 and 404).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler as drf_exception_handler

from eenplan.common.locking import ConflictError


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Iemand anders heeft dit intussen gewijzigd.")
    default_code = "conflict"

    def __init__(self, message: str):
        super().__init__({"detail": message, "code": self.default_code})


def _field_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(exc, "error_dict"):
        return {"non_field_errors": exc.messages}
    return {
        ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
        for field, messages in exc.message_dict.items()
    }


def _is_conflict(exc: DjangoValidationError) -> bool:
    return isinstance(exc, ConflictError) or getattr(exc, "code", None) == "conflict"


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = Conflict(exc.messages[0]) if _is_conflict(exc) else _bad_request(exc)
    elif isinstance(exc, ObjectDoesNotExist):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)


def _bad_request(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(_field_errors(exc))
