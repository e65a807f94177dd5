"""API errors, in one place.

* Django ``ValidationError`` (from services and selectors) becomes 400 with field errors.
* ``ObjectDoesNotExist`` (a selector's ``X.DoesNotExist``) becomes 404: an object the user may not
  see answers exactly like one that does not exist.
* Django ``PermissionDenied`` and ``Http404`` are handled by DRF itself (403 and 404).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


def _field_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(exc, "error_dict"):
        return {"non_field_errors": exc.messages}
    return {
        ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
        for field, messages in exc.message_dict.items()
    }


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = serializers.ValidationError(_field_errors(exc))
    elif isinstance(exc, ObjectDoesNotExist):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
