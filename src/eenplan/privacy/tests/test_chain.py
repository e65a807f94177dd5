"""The access log is a hash chain: a changed or removed entry is found by verify-access-log."""

import pytest
from django.core.management import CommandError, call_command

from eenplan.privacy.chain import seal, verify
from eenplan.privacy.models import AccessLogChain, AccessLogEntry
from eenplan.privacy.services import access_log_write

pytestmark = pytest.mark.django_db


@pytest.fixture
def chained(case, professional, django_capture_on_commit_callbacks):
    """Five entries, sealed by the commit that wrote them."""
    with django_capture_on_commit_callbacks(execute=True):
        access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)])
    with django_capture_on_commit_callbacks(execute=True):
        access_log_write(
            actor=professional, action="wijzigen", name="plan", subjects=[(case, None)] * 4
        )
    return list(AccessLogEntry.objects.order_by("chain_seq"))


def test_entries_are_sealed_in_order_after_the_commit(chained):
    assert [entry.chain_seq for entry in chained] == [1, 2, 3, 4, 5]
    assert len({entry.chain_hash for entry in chained}) == 5
    result = verify()
    assert result.intact and (result.checked, result.unsealed) == (5, 0)
    assert AccessLogChain.objects.get().last_hash == chained[-1].chain_hash


def test_a_changed_entry_is_detected(chained):
    AccessLogEntry.objects.filter(pk=chained[2].pk).update(actor_username="iemand-anders")
    assert verify().problems == ["Regel 3 is veranderd, of de regel ervoor ontbreekt."]


def test_a_changed_time_is_detected(chained):
    earlier = chained[1].start_time.replace(year=2020)
    AccessLogEntry.objects.filter(pk=chained[1].pk).update(start_time=earlier)
    assert "Regel 2 is veranderd, of de regel ervoor ontbreekt." in verify().problems


def test_a_removed_entry_is_detected(chained):
    AccessLogEntry.objects.filter(pk=chained[1].pk).delete()
    problems = verify().problems
    assert "Regels 2 tot 3 ontbreken." in problems
    assert "Regel 3 is veranderd, of de regel ervoor ontbreekt." in problems


def test_a_removed_last_entry_is_detected(chained):
    AccessLogEntry.objects.filter(pk=chained[-1].pk).delete()
    assert any("hoort te eindigen bij regel 5" in problem for problem in verify().problems)


def test_a_recomputed_hash_without_the_key_does_not_repair_it(chained, settings):
    AccessLogEntry.objects.filter(pk=chained[0].pk).update(name="iets anders")
    settings.ACCESS_LOG_KEY = "een-andere-sleutel-van-minstens-32-tekens"
    seal()  # nothing to seal; the chain stays as it was
    assert not verify().intact


def test_the_command_seals_new_entries_and_fails_on_a_broken_chain(
    chained, case, professional, capsys
):
    access_log_write(actor=professional, action="inzien", name="casus", subjects=[(case, None)])
    call_command("verify_access_log", "--no-seal")
    out = capsys.readouterr().out
    assert "5 regels gecontroleerd" in out and "1 regels staan nog niet in de keten" in out
    call_command("verify_access_log")
    assert "6 regels gecontroleerd" in capsys.readouterr().out
    AccessLogEntry.objects.filter(chain_seq=4).update(purpose="anders")
    with pytest.raises(CommandError):
        call_command("verify_access_log")
    assert "Regel 4 is veranderd" in capsys.readouterr().err
