from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 1 of 3: the columns for the encrypted BSN and its keyed hash, next to the plain one."""

    dependencies = [
        ("people", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="bsn_encrypted",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="BSN (versleuteld)"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="person",
            name="bsn_digest",
            field=models.CharField(
                blank=True,
                db_index=True,
                default="",
                editable=False,
                max_length=64,
                verbose_name="BSN (sleutel-hash)",
            ),
            preserve_default=False,
        ),
    ]
