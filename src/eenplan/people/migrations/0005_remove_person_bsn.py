from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 3 of 3: drop the plain BSN; the digest is unique instead."""

    dependencies = [
        ("people", "0004_encrypt_bsns"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="person",
            name="unique_person_bsn",
        ),
        migrations.RemoveField(
            model_name="person",
            name="bsn",
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                condition=models.Q(("bsn_digest", ""), _negated=True),
                fields=("bsn_digest",),
                name="unique_person_bsn_digest",
            ),
        ),
    ]
