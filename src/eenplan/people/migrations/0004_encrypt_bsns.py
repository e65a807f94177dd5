from django.db import migrations

from eenplan.common.identifiers import bsn_digest, decrypt_bsn, encrypt_bsn
from eenplan.common.validators import normalise_bsn

BATCH = 500


def encrypt_plain_bsns(apps, schema_editor):
    """Fill the encrypted BSN and its digest from the plain column, with the current keys."""
    Person = apps.get_model("people", "Person")
    rows = list(Person.objects.exclude(bsn="").order_by("pk").values_list("pk", "bsn"))
    for start in range(0, len(rows), BATCH):
        persons = []
        for pk, bsn in rows[start : start + BATCH]:
            plain = normalise_bsn(bsn)
            persons.append(
                Person(pk=pk, bsn_encrypted=encrypt_bsn(plain), bsn_digest=bsn_digest(plain))
            )
        Person.objects.bulk_update(persons, ["bsn_encrypted", "bsn_digest"])


def decrypt_into_plain_bsns(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    rows = list(
        Person.objects.exclude(bsn_encrypted="").order_by("pk").values_list("pk", "bsn_encrypted")
    )
    for start in range(0, len(rows), BATCH):
        persons = [
            Person(pk=pk, bsn=decrypt_bsn(token)) for pk, token in rows[start : start + BATCH]
        ]
        Person.objects.bulk_update(persons, ["bsn"])


class Migration(migrations.Migration):
    """Step 2 of 3: encrypt every BSN with the keys configured now (EENPLAN_BSN_KEYS and
    EENPLAN_BSN_HASH_KEYS)."""

    dependencies = [
        ("people", "0003_person_bsn_encrypted"),
    ]

    operations = [
        migrations.RunPython(encrypt_plain_bsns, decrypt_into_plain_bsns, elidable=False),
    ]
