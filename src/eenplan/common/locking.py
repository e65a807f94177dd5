"""Optimistic locking: a save succeeds only if nobody saved the row since the editor loaded it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie en doe uw wijziging "
    "opnieuw; uw eigen tekst is niet opgeslagen."
)


class ConflictError(ValidationError):
    """The row changed since ``lock_version`` was read; nothing was saved."""

    def __init__(self):
        super().__init__(CONFLICT_MESSAGE, code="conflict")


def save_if_unchanged(instance: models.Model, *, lock_version: int, fields: list[str]) -> None:
    """Write ``fields`` of ``instance`` only when its stored ``lock_version`` still matches.

    One conditional UPDATE, so two simultaneous saves cannot both pass the check.
    """
    instance.full_clean()
    values = {name: getattr(instance, name) for name in fields}
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, lock_version=lock_version)
        .update(lock_version=F("lock_version") + 1, **values)
    )
    if not updated:
        raise ConflictError
    instance.lock_version = lock_version + 1
