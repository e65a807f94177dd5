"""Reading the access log: for privacy officers only."""

import uuid

from django.core.exceptions import PermissionDenied

from eenplan.common.selectors import Listing
from eenplan.common.validators import normalise_bsn
from eenplan.privacy import policy
from eenplan.privacy.models import AccessLogEntry
from eenplan.privacy.services import pseudonymise_bsn


def access_log_list(
    *,
    user,
    case_uuid: uuid.UUID | None = None,
    case_reference: str = "",
    person_uuid: uuid.UUID | None = None,
    bsn: str = "",
    page: int = 1,
    page_size: int = 50,
) -> Listing:
    if not policy.may_read_access_log(user):
        raise PermissionDenied
    page, page_size = max(1, page), min(max(1, page_size), 200)
    entries = AccessLogEntry.objects.all()
    if case_uuid:
        entries = entries.filter(case_uuid=case_uuid)
    if case_reference:
        entries = entries.filter(case_reference=case_reference.strip().upper())
    if person_uuid:
        entries = entries.filter(person_uuid=person_uuid)
    if bsn:
        entries = entries.filter(data_subject_id=pseudonymise_bsn(normalise_bsn(bsn)))
    offset = (page - 1) * page_size
    return Listing(
        items=list(entries[offset : offset + page_size]),
        count=entries.count(),
        page=page,
        page_size=page_size,
    )
