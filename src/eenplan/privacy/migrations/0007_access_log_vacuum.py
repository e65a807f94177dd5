"""Vacuum the access log after every few thousand changes, not after a fifth of the table.

Sealing updates every entry once, just after it is written. PostgreSQL's default waits for
changes to 20% of a table before vacuuming it: with millions of entries that is hundreds of
thousands of dead rows, and every seal walks the dead entries of the unsealed-entries index.
"""

from django.db import migrations

TABLE = "privacy_accesslogentry"
SETTINGS = (
    "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, "
    "autovacuum_analyze_scale_factor = 0.02"
)
NAMES = "autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor"


def vacuum_often(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET ({SETTINGS})")


def vacuum_by_default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET ({NAMES})")


class Migration(migrations.Migration):
    dependencies = [("privacy", "0006_access_log_unsealed_index")]

    operations = [migrations.RunPython(vacuum_often, vacuum_by_default)]
