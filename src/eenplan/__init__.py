"""EenPlan: one household, one plan, one coordinator."""
