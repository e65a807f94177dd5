"""How big a generated region is, and how its rows are spread.

The volumes are those of ``DESIGN.md`` ("Scale") for a region of 250,000 inhabitants over about
five years, scaled linearly with the number of inhabitants (Amsterdam, 930,000, is 3.72 times
that). Counts that depend on how cases happen to fall (goals per plan, actions per goal,
assessments per case) are set from these targets once the cases are drawn, so the totals land
near the targets whatever the mix of statuses.
"""

from dataclasses import dataclass

from eenplan.cases.constants import CaseStatus

BASE_INHABITANTS = 250_000


@dataclass(frozen=True)
class Volumes:
    inhabitants: int
    households: int  # households with a case
    persons: int
    involvements: int
    assessments: int
    goals: int
    actions: int
    agenda_items: int
    access_log: int
    professionals: int
    organisations: int

    @classmethod
    def for_inhabitants(cls, inhabitants: int) -> "Volumes":
        scale = inhabitants / BASE_INHABITANTS

        def scaled(base: int, least: int = 1) -> int:
            return max(least, round(base * scale))

        return cls(
            inhabitants=inhabitants,
            households=scaled(25_000, 10),
            persons=scaled(60_000),
            involvements=scaled(200_000),
            assessments=scaled(100_000),
            goals=scaled(150_000),
            actions=scaled(400_000),
            agenda_items=scaled(20_000),
            access_log=scaled(2_000_000),
            professionals=scaled(2_000, 60),
            organisations=scaled(50, 30),
        )


# Persons per household, 1 to 6 (mean about 2.4: 60,000 persons in 25,000 households).
HOUSEHOLD_SIZES = (1, 2, 3, 4, 5, 6)
HOUSEHOLD_SIZE_WEIGHTS = (35, 26, 16, 13, 6, 4)

# The status of a household's current case: most in plan or execution.
CASE_STATUSES = (
    CaseStatus.REFERRAL,
    CaseStatus.INTAKE,
    CaseStatus.PLAN,
    CaseStatus.EXECUTION,
    CaseStatus.EVALUATION,
    CaseStatus.CLOSED,
)
CASE_STATUS_WEIGHTS = (4, 8, 20, 36, 8, 24)
# Days since registration, per status of the current case (low, high).
OPENED_DAYS_AGO = {
    CaseStatus.REFERRAL: (1, 21),
    CaseStatus.INTAKE: (7, 75),
    CaseStatus.PLAN: (30, 240),
    CaseStatus.EXECUTION: (90, 1_100),
    CaseStatus.EVALUATION: (180, 1_300),
    CaseStatus.CLOSED: (120, 1_800),
}
EARLIER_CASE_SHARE = 0.10  # households that also have an older, closed case
ESCALATED_SHARE = 0.04  # open cases above escalation level 1
ESCALATION_WEIGHTS = (0, 40, 30, 18, 12)  # levels 1-5 among the escalated

# Share of cases with a coordinator, by status.
COORDINATED_SHARE = {
    CaseStatus.REFERRAL: 0.05,
    CaseStatus.INTAKE: 0.45,
    CaseStatus.PLAN: 0.88,
    CaseStatus.EXECUTION: 0.93,
    CaseStatus.EVALUATION: 0.95,
    CaseStatus.CLOSED: 0.85,
}
TEAM_INVOLVED_SHARE = 0.8  # cases where the neighbourhood team of the district takes part
TEAM_COORDINATES_SHARE = 0.75  # of coordinated cases with the team involved

# Distinct organisations per case: most 1-3, a tail of 10 and more.
ORGANISATIONS_PER_CASE = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)
ORGANISATIONS_PER_CASE_WEIGHTS = (24, 26, 20, 10, 7, 4, 3, 2, 1, 1.2, 0.8, 0.5, 0.3, 0.2)
ENDED_ORGANISATION_SHARE = 0.2  # of an open case's organisations, help already stopped
CONSENT_SHARE = 0.9  # (case, organisation) pairs with the household's consent

DRAFT_SHARE_IN_PLAN = 0.65  # cases in status plan whose plan is not agreed yet
REDRAFT_SHARE = 0.15  # agreed plans with a new draft under way
GAP_SHARE = 0.06  # plans without a goal on the priority question's life domain
IDLE_GOAL_SHARE = 0.03  # goals of open cases that nobody works on (no open action)
OVERDUE_ACTION_SHARE = 0.03  # open actions past their due date

HOUSEHOLDS_PER_POSTCODE = (3, 8)
BSN_PERSONS = 909  # every valid number of the 99999xxxx test block

# Consultations: per neighbourhood team these monthly series, over this many months.
CONSULTATION_MONTHS = 36
ATTENDEES_PER_MEETING = (3, 7)

# Provisions: the share of the open cases' fitting involvements that got a decision.
DECISION_SHARE = 0.8
# The persons with a BSN get a home help and a support decision from the central town's main
# Wmo provider that runs a year ahead, so a benchmark can claim months against allocations.
BSN_DECISION_MONTHS_BACK = 6
BSN_DECISION_MONTHS = 24

ACCESS_LOG_DAYS = 730  # the access log covers the last two years
SIGNAL_RESOLVED_SHARE = 0.3  # open duplication signals the coordinator already resolved
