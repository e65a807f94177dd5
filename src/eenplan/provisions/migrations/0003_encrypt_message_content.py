from django.db import migrations

from eenplan.common.fields import EncryptedTextField
from eenplan.common.identifiers import decrypt_text, encrypt_text, is_token

BATCH = 100  # a message may be up to 1 MB


def _convert(apps, convert, *, encrypted: bool) -> None:
    """Run ``convert`` over every stored content that is (``encrypted``) or is not a token yet.

    Runs while ``content`` is a plain TextField in the migration state, so values are read and
    written as stored. A content already in the wanted form is skipped: a rerun is safe.
    """
    Message = apps.get_model("provisions", "Message")
    last_pk = 0
    while batch := list(
        Message.objects.filter(pk__gt=last_pk)
        .exclude(content="")
        .order_by("pk")
        .values_list("pk", "content")[:BATCH]
    ):
        for pk, content in batch:
            if is_token(content) == encrypted:
                Message.objects.filter(pk=pk).update(content=convert(content))
        last_pk = batch[-1][0]


def encrypt_plain_contents(apps, schema_editor):
    _convert(apps, encrypt_text, encrypted=False)


def decrypt_contents(apps, schema_editor):
    _convert(apps, decrypt_text, encrypted=True)


class Migration(migrations.Migration):
    """Encrypt the iWmo/iJw messages (they hold BSNs) with the keys configured now
    (EENPLAN_BSN_KEYS). The data step runs before the field changes, and after it on the way
    back, so it always sees the column as stored."""

    dependencies = [
        ("provisions", "0002_alter_mandate_role"),
    ]

    operations = [
        migrations.RunPython(encrypt_plain_contents, decrypt_contents, elidable=False),
        migrations.AlterField(
            model_name="message",
            name="content",
            field=EncryptedTextField(verbose_name="inhoud"),
        ),
    ]
