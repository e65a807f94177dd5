"""Model fields that keep personal data unreadable at rest."""

from django.apps import apps
from django.core.exceptions import FieldError
from django.db import models

from eenplan.common.identifiers import decrypt_text, encrypt_text


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token under the BSN keys (EENPLAN_BSN_KEYS), read as plain text.

    The database, and so every backup, holds only the token: the first key encrypts, every key
    decrypts, and ``eenplan rotate-bsn-keys`` re-encrypts with the first key. An empty string is
    stored as is.

    Encryption is randomised, so the column cannot be searched or compared by value: every lookup
    but ``isnull`` raises FieldError (``filter(content=...)`` could never match). Ordering by it
    or making it unique is meaningless too. ``stored_token`` reads the token itself.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt_text(value) if value else value

    def from_db_value(self, value, expression, connection):
        return decrypt_text(value) if value else value

    def get_lookup(self, lookup_name):
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        raise FieldError(
            f"'{self.name}' is encrypted at rest: a '{lookup_name}' lookup on its value can never "
            "match. Filter on other fields and compare the decrypted text in Python."
        )


def stored_token(field_name: str) -> models.ExpressionWrapper:
    """The column of an EncryptedTextField as stored, not decrypted (to annotate a queryset)."""
    return models.ExpressionWrapper(models.F(field_name), output_field=models.TextField())


def encrypted_text_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every EncryptedTextField of every installed model."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
