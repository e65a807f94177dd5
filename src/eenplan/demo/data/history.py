"""The history of the demo households: when their case began and how their ZRM scores went.

The demo cases are registered on the day of seeding; ``eenplan.demo.history`` then dates each
case back to ``days`` before that day (registration, first contact, the coordinator) and records
a ZRM assessment about every three months since, through the assessment service. Scores are drawn
with a fixed seed (``HISTORY_SEED``): most domains improve slowly, ``relapse`` falls back for a
while, and ``low_without_goal`` stays at 2 on a life domain the plan has no goal for, which the
gap rule turns into a signal. Keyed by household name, like ``PLANS``.
"""

from dataclasses import dataclass

from eenplan.common.constants import LifeDomain as Domain

HISTORY_SEED = 2017  # the year of the ZRM used
ASSESSMENT_EVERY_DAYS = 91
DAYS_TO_FIRST_CONTACT = (3, 12)  # intake began this many days after registration (range)


@dataclass(frozen=True)
class HistorySpec:
    """``days``: the case was registered this many days before seeding. ``members`` are
    indexes into the household's members, main adult first; only adults are scored, and the
    others every second time. ``household``: also the household variant of the ZRM."""

    days: int
    members: tuple[int, ...] = (0,)
    household: bool = False
    extra: tuple[Domain, ...] = ()  # scored beside the domains of the questions and goals
    relapse: Domain | None = None
    low_without_goal: Domain | None = None


HISTORIES = {
    # Delfzijl
    "Familie Bakker": HistorySpec(
        330, (0, 1), household=True, extra=(Domain.HOUSING,), low_without_goal=Domain.HOUSING
    ),
    "Huishouden Pranger": HistorySpec(150, (0, 1)),
    "Familie Wiersma": HistorySpec(
        600, (0, 1), household=True, extra=(Domain.TIME_USE,), relapse=Domain.MENTAL_HEALTH
    ),
    "Familie Doornbos": HistorySpec(420, (0,), household=True, relapse=Domain.SUBSTANCE_USE),
    "Familie De Vries": HistorySpec(50, (0,)),
    "Familie Kramer": HistorySpec(12, (2, 0)),
    "Familie Huizenga": HistorySpec(40, (0,)),
    # Appingedam
    "Familie Hoekstra": HistorySpec(
        660, (1, 0), household=True, extra=(Domain.SOCIAL_NETWORK,), relapse=Domain.BASIC_ADL
    ),
    "Huishouden Postma": HistorySpec(540, (0,)),
    "Familie Tesfay": HistorySpec(365, (0, 1), household=True, extra=(Domain.SOCIAL_NETWORK,)),
    "Familie Meijer": HistorySpec(35, (0, 1)),
    "Huishouden Zuidema": HistorySpec(700, (0,), relapse=Domain.HOUSING),
    # Loppersum
    "Familie Mulder": HistorySpec(610, (0, 1), relapse=Domain.MENTAL_HEALTH),
    "Familie Smeenge": HistorySpec(180, (0, 1)),
    "Huishouden Van der Laan": HistorySpec(45, (0,)),
    "Familie Kuiper": HistorySpec(100, (0, 1)),
}
