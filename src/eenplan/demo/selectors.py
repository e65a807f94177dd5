"""Reading the demo accounts, for ``eenplan demo-accounts``.

Only accounts named in ``eenplan.demo.data`` are listed, never other users of the database, and
only their name, role and organisation: no person data of households. The demo's citizen
accounts (``eenplan.demo.data.portal``) are listed with their household and what to try: the
households are invented, and a trainer needs to know who is who.
"""

from dataclasses import dataclass

from eenplan.cases.models import Case
from eenplan.demo.data import USERNAMES
from eenplan.demo.data.portal import CITIZENS
from eenplan.tenancy.constants import AccountKind
from eenplan.tenancy.models import Membership, User


@dataclass(frozen=True)
class DemoAccount:
    """One active membership of a demo user: a user with two roles gives two rows."""

    username: str
    full_name: str
    role: str
    role_label: str
    organisation: str


def demo_accounts() -> list[DemoAccount]:
    """The demo accounts in the order of the data module (the suggested start account first)."""
    order = {username: index for index, username in enumerate(USERNAMES)}
    memberships = (
        Membership.objects.filter(
            user__username__in=USERNAMES, user__is_active=True, is_active=True
        )
        .select_related("user", "organisation")
        .order_by("pk")  # creation order: a user's main organisation first
    )
    rows = [
        DemoAccount(
            username=m.user.username,
            full_name=m.user.get_full_name(),
            role=m.role,
            role_label=str(m.get_role_display()),
            organisation=m.organisation.name,
        )
        for m in memberships
    ]
    return sorted(rows, key=lambda row: order[row.username])  # stable: keeps creation order


def coordinated_open_case_count(*, username: str) -> int:
    """How many open cases the account coordinates: a count, no case data."""
    return Case.objects.open().filter(coordinator__username=username).count()


@dataclass(frozen=True)
class DemoCitizen:
    username: str
    full_name: str
    household: str
    municipality: str
    try_this: str


def demo_citizens() -> list[DemoCitizen]:
    """The demo's citizen accounts that exist, in the order of the data module."""
    users = {
        user.username: user
        for user in User.objects.filter(
            username__in=[spec.username for spec in CITIZENS],
            kind=AccountKind.CITIZEN,
            is_active=True,
        ).select_related("citizen__person")
    }
    rows = []
    for spec in CITIZENS:
        user = users.get(spec.username)
        if user is None:
            continue
        household = user.citizen.person.households.filter(name=spec.household).first()
        rows.append(
            DemoCitizen(
                username=user.username,
                full_name=user.get_full_name(),
                household=spec.household,
                municipality=household.municipality.name if household else "",
                try_this=spec.try_this,
            )
        )
    return rows
