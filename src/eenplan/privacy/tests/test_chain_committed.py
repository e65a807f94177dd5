"""A request does not queue behind another's seal: the chain's lock is held in a second
connection, as by a concurrent request, while this one seals."""

import psycopg
import pytest
from django.db import connection

from eenplan.privacy.chain import seal, verify
from eenplan.privacy.models import AccessLogChain, AccessLogEntry
from eenplan.privacy.services import access_log_write

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks all)"
    ),
]


def _other_connection():
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )


def test_a_request_leaves_its_entries_to_a_seal_in_progress(case, professional):
    AccessLogChain.objects.get_or_create(pk=1)
    with _other_connection() as sealing_elsewhere:
        sealing_elsewhere.execute("SELECT * FROM privacy_accesslogchain WHERE id = 1 FOR UPDATE")
        access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")  # waiting would fail the test, not hang it

        assert seal(wait=False) == 0
        assert AccessLogEntry.objects.filter(chain_seq__isnull=True).count() == 1
        sealing_elsewhere.rollback()

    assert seal() == 1
    assert verify().intact
