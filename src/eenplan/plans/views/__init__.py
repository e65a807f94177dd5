"""Pages of the joint plan. Thin: forms parse, services change, selectors read."""

from eenplan.plans.views.actions import action_add, action_edit, action_status
from eenplan.plans.views.goals import goal_add, goal_edit, goal_evaluate, goal_link, goal_remove
from eenplan.plans.views.my_actions import my_actions
from eenplan.plans.views.plan import (
    plan,
    plan_agree,
    plan_commit,
    plan_create,
    plan_edit,
    plan_start_evaluation,
)
from eenplan.plans.views.versions import version_pdf, versions_compare

__all__ = [
    "action_add",
    "action_edit",
    "action_status",
    "goal_add",
    "goal_edit",
    "goal_evaluate",
    "goal_link",
    "goal_remove",
    "my_actions",
    "plan",
    "plan_agree",
    "plan_commit",
    "plan_create",
    "plan_edit",
    "plan_start_evaluation",
    "version_pdf",
    "versions_compare",
]
