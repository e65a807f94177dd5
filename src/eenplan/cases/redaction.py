"""Known level versus content: what a reader gets back when their organisation holds no consent
or legal basis for a category of a case.

Selectors call these on the instances they return, so every page, API response and export built
on them shows the same: the household is known, whom to contact, and no content. Redacted
instances are never saved; every service re-reads what it changes.
"""

from django.db.models import Prefetch, prefetch_related_objects

from eenplan.cases.constants import DataCategory
from eenplan.cases.models import HelpQuestion
from eenplan.privacy.policy import CaseAccess

CONTACT_FIELDS = ("street", "house_number", "postcode", "city", "phone", "email")


def redact_case(case, access: CaseAccess, *, questions: bool = False):
    """Attach ``access`` to the case; blank its questions and the reasons given for its
    escalation and closing (they tell what the case is about) when the plan is not shared.

    ``questions`` loads the other help questions when they are shared; when they are not, any
    help questions prefetched with the case are replaced by none.
    """
    case.access = access
    if access.plan:
        if questions:
            prefetch_related_objects([case], "other_questions")
        return case
    case.priority_question, case.priority_domain = "", ""
    case.escalation_reason, case.escalation_decision, case.closing_note = "", "", ""
    getattr(case, "_prefetched_objects_cache", {}).pop("other_questions", None)
    prefetch_related_objects(
        [case], Prefetch("other_questions", queryset=HelpQuestion.objects.none())
    )
    return case


def redact_involvement(involvement, access: CaseAccess):
    """Which organisation and whom to contact stay; what it does for the household goes."""
    if not access.plan:
        involvement.service_type, involvement.life_domains = "", []
    return involvement


def redact_consent(consent, access: CaseAccess):
    """Who consented to whom stays (it tells whom to ask); what it is for tells what the help is
    about, so its purpose and justification go when the plan is not shared. For display only:
    never save a redacted consent."""
    if not access.plan:
        consent.purpose, consent.justification = "", ""
    return consent


def redact_contact(person, access: CaseAccess):
    if not access.allows(DataCategory.CONTACT, person):
        for name in CONTACT_FIELDS:
            setattr(person, name, "")
    return person
