"""Writing the access log. Selectors call ``access_log_write`` for every read of personal data and
services for every change, so the web pages, the API and the admin all log the same way.

The write uses one INSERT for all subjects of a processing, keeping page query counts fixed.
"""

import hashlib
import hmac
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from eenplan.common.tracing import current_span
from eenplan.privacy.chain import seal_after_commit
from eenplan.privacy.constants import Action, DataSubjectIdType, ProcessingActivity
from eenplan.privacy.models import AccessLogEntry

# Who the access log names when EenPlan itself processed the data, without a user.
SYSTEM_USERNAME = "eenplan-systeem"


def pseudonymise_bsn(bsn: str) -> str:
    """Keyed hash of a BSN: lets a privacy officer find entries by BSN without storing it."""
    key = settings.ACCESS_LOG_KEY.encode()
    return hmac.new(key, bsn.encode(), hashlib.sha256).hexdigest()


def access_log_write(
    *,
    actor,
    action: Action,
    name: str,
    subjects: Iterable[tuple[object | None, object | None]],
    activity: ProcessingActivity = ProcessingActivity.CASE_COORDINATION,
    started_at: datetime | None = None,
) -> list[AccessLogEntry]:
    """Write one entry per ``(case, person)`` subject pair, in one statement.

    ``case`` or ``person`` may be None (a search hit outside a case, a case without members).
    ``actor`` None is EenPlan itself, in a periodic job nobody started (the retention run).
    """
    span = current_span()
    now = timezone.now()
    organisation = actor.acting_organisation if actor else None
    entries = [
        AccessLogEntry(
            trace_id=span.trace_id,
            span_id=span.span_id,
            parent_span_id=span.parent_span_id,
            name=name,
            start_time=started_at or now,
            end_time=now,
            processing_activity_id=settings.PROCESSING_ACTIVITY_BASE_URI + activity.value,
            purpose=str(activity.label),
            action=action,
            actor=actor,
            actor_username=actor.username if actor else SYSTEM_USERNAME,
            organisation_name=organisation.name if organisation else "",
            organisation_uuid=organisation.uuid if organisation else None,
            case_uuid=case.uuid if case else None,
            case_reference=case.reference if case else "",
            person_uuid=person.uuid if person else None,
            **_data_subject(person),
        )
        for case, person in subjects
    ]
    written = AccessLogEntry.objects.bulk_create(entries)
    seal_after_commit()
    return written


def _data_subject(person) -> dict[str, str]:
    if person is None:
        return {"data_subject_id": "", "data_subject_id_type": ""}
    if person.bsn:
        return {
            "data_subject_id": pseudonymise_bsn(person.bsn),
            "data_subject_id_type": DataSubjectIdType.BSN,
        }
    return {
        "data_subject_id": str(person.uuid),
        "data_subject_id_type": DataSubjectIdType.PERSON_UUID,
    }
