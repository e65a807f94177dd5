from django.urls import path

from eenplan.plans import views

app_name = "plans"

CASE = "<uuid:case_uuid>/"
GOAL = CASE + "doelen/<uuid:goal_uuid>/"
ACTION = CASE + "acties/<uuid:action_uuid>/"

urlpatterns = [
    path("mijn-acties/", views.my_actions, name="my-actions"),
    path(CASE, views.plan, name="plan"),
    path(CASE + "starten/", views.plan_create, name="plan-create"),
    path(CASE + "wijzigen/", views.plan_edit, name="plan-edit"),
    path(CASE + "vaststellen/", views.plan_agree, name="plan-agree"),
    path(CASE + "evaluatie-starten/", views.plan_start_evaluation, name="start-evaluation"),
    path(CASE + "doelen/toevoegen/", views.goal_add, name="goal-add"),
    path(GOAL + "wijzigen/", views.goal_edit, name="goal-edit"),
    path(GOAL + "verwijderen/", views.goal_remove, name="goal-remove"),
    path(GOAL + "evalueren/", views.goal_evaluate, name="goal-evaluate"),
    path(GOAL + "eigen-plan/", views.goal_link, name="goal-link"),
    path(GOAL + "acties/toevoegen/", views.action_add, name="action-add"),
    path(ACTION + "wijzigen/", views.action_edit, name="action-edit"),
    path(ACTION + "status/", views.action_status, name="action-status"),
    path(CASE + "versies/", views.versions_compare, name="versions"),
    path(CASE + "versies/<int:number>/verbinden/", views.plan_commit, name="plan-commit"),
    path(CASE + "versies/<int:number>/pdf/", views.version_pdf, name="version-pdf"),
]
