"""Plan versions: the snapshot an agreed version freezes, and the differences between two.

A snapshot holds everything the household agreed to, keyed by the goals' and actions' UUIDs, so
two versions can be compared goal by goal even after texts changed.
"""

from dataclasses import dataclass

from eenplan.common.constants import LifeDomain

PLAN_FIELDS = {
    "priority_question": "Prio-vraag",
    "strengths": "Wat gaat goed",
    "concerns": "Zorgen",
    "evaluation_date": "Evaluatiedatum",
}
GOAL_FIELDS = {"title": "Doel", "life_domain_label": "Leefgebied", "description": "Toelichting"}
ACTION_FIELDS = {"description": "Actie", "owner": "Wie", "due_date": "Klaar op"}


def plan_snapshot(plan) -> dict:
    """The plan's content as plain data; expects goals, actions and owners prefetched."""
    case = plan.case
    return {
        "household": case.household.name,
        "case_reference": case.reference,
        "priority_question": case.priority_question,
        "other_questions": [q.text for q in case.other_questions.all()],
        "strengths": plan.strengths,
        "concerns": plan.concerns,
        "evaluation_date": plan.evaluation_date.isoformat() if plan.evaluation_date else "",
        "goals": [_goal_snapshot(goal) for goal in plan.goals.all()],
    }


def _goal_snapshot(goal) -> dict:
    return {
        "uuid": str(goal.uuid),
        "title": goal.title,
        "life_domain": goal.life_domain,
        "life_domain_label": str(LifeDomain(goal.life_domain).label),
        "description": goal.description,
        "actions": [
            {
                "uuid": str(action.uuid),
                "description": action.description,
                "owner_kind": action.owner_kind,
                "owner": action.owner_label,
                "due_date": action.due_date.isoformat() if action.due_date else "",
                "status": action.status,
            }
            for action in goal.actions.all()
        ],
    }


@dataclass(frozen=True)
class Change:
    """One difference, in words: what (``subject``), which part, before and after."""

    kind: str  # "toegevoegd", "verwijderd" or "gewijzigd"
    subject: str
    field: str = ""
    before: str = ""
    after: str = ""


def versions_diff(old: dict, new: dict) -> list[Change]:
    changes = _field_changes("Plan", old, new, PLAN_FIELDS)
    old_goals = {g["uuid"]: g for g in old["goals"]}
    new_goals = {g["uuid"]: g for g in new["goals"]}
    for key, goal in new_goals.items():
        if key not in old_goals:
            changes.append(Change("toegevoegd", f"Doel: {goal['title']}"))
    for key, goal in old_goals.items():
        if key not in new_goals:
            changes.append(Change("verwijderd", f"Doel: {goal['title']}"))
        else:
            changes += _goal_changes(goal, new_goals[key])
    return changes


def _goal_changes(old: dict, new: dict) -> list[Change]:
    subject = f"Doel: {new['title']}"
    changes = _field_changes(subject, old, new, GOAL_FIELDS)
    old_actions = {a["uuid"]: a for a in old["actions"]}
    new_actions = {a["uuid"]: a for a in new["actions"]}
    for key, action in new_actions.items():
        if key not in old_actions:
            changes.append(Change("toegevoegd", f"Actie: {action['description']}"))
        else:
            subject = f"Actie: {action['description']}"
            changes += _field_changes(subject, old_actions[key], action, ACTION_FIELDS)
    changes += [
        Change("verwijderd", f"Actie: {action['description']}")
        for key, action in old_actions.items()
        if key not in new_actions
    ]
    return changes


def _field_changes(subject: str, old: dict, new: dict, fields: dict[str, str]) -> list[Change]:
    return [
        Change("gewijzigd", subject, label, str(old.get(name, "")), str(new.get(name, "")))
        for name, label in fields.items()
        if old.get(name, "") != new.get(name, "")
    ]
