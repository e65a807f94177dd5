"""Template context shared by every page."""

from django.utils.functional import SimpleLazyObject

from eenplan.cases.constants import ReferralStatus
from eenplan.cases.models import Referral
from eenplan.privacy import policy
from eenplan.tenancy.constants import CASE_WORKER_ROLES


def navigation(request) -> dict:
    """Which items the main menu shows to the logged-in user.

    ``open_referral_count`` (received referrals not yet decided) is one COUNT query, run only
    when a page with the menu shows it, and only for users who work on cases.
    """
    user = getattr(request, "user", None)
    works_on_cases = bool(
        user
        and user.is_authenticated
        and any(m.role in CASE_WORKER_ROLES for m in user.active_memberships)
    )
    works_anywhere = bool(user and user.is_authenticated and user.active_memberships)
    return {
        "show_access_log": policy.may_read_access_log(user),
        # Meetings and policy signals: everyone who works for an organisation (policy roles
        # included; they answer the policy signals).
        "show_consultations": works_anywhere,
        "show_referrals": works_on_cases,
        "open_referral_count": SimpleLazyObject(lambda: _open_referrals(user))
        if works_on_cases
        else 0,
    }


def _open_referrals(user) -> int:
    return (
        Referral.objects.visible_to(user)
        .filter(
            to_organisation_id__in=policy.working_organisation_ids(user),
            status=ReferralStatus.SENT,
        )
        .count()
    )
