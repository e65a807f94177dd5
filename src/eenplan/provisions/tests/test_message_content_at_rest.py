"""iWmo/iJw messages at rest: the database holds a token, never the XML with its BSNs; EenPlan
reads and downloads the XML as before; the keys rotate and the migration converts old rows."""

import importlib
import io

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.urls import reverse

from eenplan.common.identifiers import BsnKeyError, is_token
from eenplan.provisions.constants import Standard
from eenplan.provisions.messages import samples, services
from eenplan.provisions.models import Message
from eenplan.provisions.tests.messages_support import make_world

pytestmark = pytest.mark.django_db

KEY_A, KEY_B = Fernet.generate_key().decode(), Fernet.generate_key().decode()
MIGRATION = importlib.import_module("eenplan.provisions.migrations.0003_encrypt_message_content")


@pytest.fixture
def world(setting):
    return make_world(setting)


def _import_start(world) -> Message:
    return services.message_import(
        actor=world.officer,
        municipality=world.municipality,
        content=samples.start_xml([world.wmo], identification="START1"),
    )


def _stored() -> dict[int, str]:
    """The content column as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, content FROM {Message._meta.db_table}")
        return dict(cursor.fetchall())


def _all_stored_values() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Message._meta.db_table}")
        return [str(value) for row in cursor.fetchall() for value in row]


def _store_plain(message: Message, text: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Message._meta.db_table} SET content = %s WHERE id = %s", [text, message.pk]
        )


def _rotate(*args: str) -> str:
    output = io.StringIO()
    call_command("rotate_bsn_keys", *args, stdout=output)
    return output.getvalue()


# ---------------------------------------------------------------------------- at rest


def test_an_imported_message_is_stored_encrypted_and_reads_back_as_xml(world):
    bsn = world.wmo.person.bsn

    message = _import_start(world)

    stored = _stored()[message.pk]
    assert is_token(stored) and "<" not in stored
    assert not any(bsn in value for value in _all_stored_values())
    read = Message.objects.get(pk=message.pk).content
    assert read == samples.start_xml([world.wmo], identification="START1").decode()
    assert bsn in read


def test_written_allocations_are_stored_encrypted(world):
    bsns = {world.wmo.person.bsn, world.youth.person.bsn}

    written = services.message_export_allocations(
        actor=world.officer, municipality=world.municipality
    )

    assert len(written) == 2
    stored = _stored()
    assert all(is_token(stored[message.pk]) for message in written)
    assert not any(bsn in value for value in _all_stored_values() for bsn in bsns)
    for message in written:
        assert Message.objects.get(pk=message.pk).content == message.content
        assert message.content.startswith("<?xml")


def test_an_empty_content_stays_empty(world):
    message = Message.objects.create(
        municipality=world.municipality,
        standard=Standard.IWMO,
        code="301",
        incoming=False,
        content="",
        created_by=world.officer,
    )

    assert _stored()[message.pk] == ""
    assert Message.objects.get(pk=message.pk).content == ""


def test_the_download_still_gives_the_xml(client, world):
    content = samples.start_xml([world.wmo], identification="START1")
    client.force_login(world.officer)
    client.post(
        reverse("provision_messages:import", args=[world.municipality.uuid]),
        {"bestand": SimpleUploadedFile("start.xml", content, content_type="application/xml")},
    )
    message = Message.objects.get(code="305")

    response = client.get(reverse("provision_messages:download", args=[message.uuid]))

    assert response.status_code == 200
    assert response.content == content


def test_the_content_cannot_be_filtered_on(world):
    _import_start(world)

    with pytest.raises(FieldError):
        Message.objects.filter(content__contains=world.wmo.person.bsn).exists()
    with pytest.raises(FieldError):
        Message.objects.filter(content="").exists()


# ---------------------------------------------------------------------------- rotation


@pytest.fixture
def keys(settings):
    """The keys the persons' BSNs were encrypted with; tests put KEY_A and KEY_B in front."""
    return list(settings.BSN_ENCRYPTION_KEYS)


def test_rotation_re_encrypts_messages(world, keys):
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_A, *keys]):
        message = _import_start(world)
        expected = Message.objects.get(pk=message.pk).content
    old_token = _stored()[message.pk]

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B, KEY_A, *keys]):
        output = io.StringIO()
        with pytest.raises(CommandError, match="rotate-bsn-keys"):
            call_command("rotate_bsn_keys", "--check", stdout=output)
        assert "1 berichten zijn versleuteld met een oude sleutel." in output.getvalue()
        assert "1/1 berichten nagelopen, 1 bijgewerkt." in _rotate("--batch-size", "1")
        assert "1/1 berichten nagelopen, 0 bijgewerkt." in _rotate()  # a rerun changes nothing
        assert "0 berichten zijn versleuteld met een oude sleutel." in _rotate("--check")

    assert _stored()[message.pk] != old_token
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B]):
        assert Message.objects.get(pk=message.pk).content == expected


def test_a_message_under_a_removed_key_stops_rotation_with_a_clear_error(world, keys):
    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_A, *keys]):
        message = _import_start(world)

    with override_settings(BSN_ENCRYPTION_KEYS=[KEY_B, *keys]):
        with pytest.raises(BsnKeyError, match="EENPLAN_BSN_KEYS"):
            Message.objects.get(pk=message.pk).content  # noqa: B018 - reading is what fails
        with pytest.raises(CommandError, match=f"Berichten, id {message.pk}: .*EENPLAN_BSN_KEYS"):
            _rotate()


# ---------------------------------------------------------------------------- migration


def test_the_migration_encrypts_plain_messages_and_back(world):
    message = _import_start(world)
    xml = Message.objects.get(pk=message.pk).content
    _store_plain(message, xml)  # as before the migration
    before = MigrationExecutor(connection).loader.project_state(
        ("provisions", "0002_alter_mandate_role")
    )

    MIGRATION.encrypt_plain_contents(before.apps, None)
    token = _stored()[message.pk]
    MIGRATION.encrypt_plain_contents(before.apps, None)  # a rerun leaves tokens alone

    assert is_token(token) and _stored()[message.pk] == token
    assert Message.objects.get(pk=message.pk).content == xml

    MIGRATION.decrypt_contents(before.apps, None)

    assert _stored()[message.pk] == xml
