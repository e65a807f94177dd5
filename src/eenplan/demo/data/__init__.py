"""The demo region as plain data: regions, organisations, accounts, households and their plans.

Kept apart from the loader (``eenplan.demo.services``) so the stories can be edited without
touching code that writes to the database. Household order matters: synthetic BSNs are handed
out in this order, which keeps them stable between runs.
"""

from eenplan.demo.data import (
    households_appingedam,
    households_delfzijl,
    households_loppersum,
    plans_appingedam,
    plans_delfzijl,
    plans_loppersum,
)
from eenplan.demo.data.accounts import ACCOUNTS, NO_CASES_ACCOUNT, START_ACCOUNT, USERNAMES
from eenplan.demo.data.organisations import ORGANISATIONS
from eenplan.demo.data.regions import EEMSDELTA, GOOI_EN_VECHTSTREEK, REGIONS

HOUSEHOLDS = (
    *households_delfzijl.HOUSEHOLDS,
    *households_appingedam.HOUSEHOLDS,
    *households_loppersum.HOUSEHOLDS,
)

# The household plans, keyed by household name; a household without an entry has no plan.
PLANS = {**plans_delfzijl.PLANS, **plans_appingedam.PLANS, **plans_loppersum.PLANS}

__all__ = [
    "ACCOUNTS",
    "EEMSDELTA",
    "GOOI_EN_VECHTSTREEK",
    "HOUSEHOLDS",
    "NO_CASES_ACCOUNT",
    "ORGANISATIONS",
    "PLANS",
    "REGIONS",
    "START_ACCOUNT",
    "USERNAMES",
]
