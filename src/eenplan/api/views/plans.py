"""The household plan: start, read and change it; its goals and actions.

Reads go through ``eenplan.plans.selectors`` (filtered, logged); changes through
``eenplan.plans.services`` (locked, validated, on the timeline). A change carries the
``lock_version`` the client read: if someone saved in between, the answer is 409 and nothing is
saved. A view looks its object up before it validates the body, so an object the user may not
see is a 404 whatever the body holds.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from eenplan.api.pagination import validated
from eenplan.api.serializers.plan_input import (
    ActionInputSerializer,
    ActionProgressSerializer,
    ActionUpdateSerializer,
    GoalEvaluationInputSerializer,
    GoalInputSerializer,
    GoalUpdateSerializer,
    LockVersionQuerySerializer,
    PlanUpdateSerializer,
)
from eenplan.api.serializers.plans import (
    ActionSerializer,
    GoalEvaluationSerializer,
    GoalSerializer,
    PlanSerializer,
)
from eenplan.api.views.plan_lookups import (
    current_owner,
    goal_detail,
    no_plan_yet,
    owner_from,
    plan_for,
)
from eenplan.api.views.responses import BAD_REQUEST, CONFLICT, NOT_FOUND
from eenplan.cases.selectors import case_get
from eenplan.plans import selectors, services
from eenplan.plans.selectors import action_for, goal_for

TAGS = ["plans"]


def plan_response(request, case_uuid, status_code: int = status.HTTP_200_OK) -> Response:
    """The plan as ``GET cases/{uuid}/plan/`` shows it: read (and logged) through the selector."""
    view = selectors.plan_view(user=request.user, case_uuid=case_uuid)
    if view.plan is None:
        raise no_plan_yet()
    progress = selectors.plan_progress(plan=view.plan)
    return Response(PlanSerializer({"view": view, "progress": progress}).data, status=status_code)


class PlanView(APIView):
    @extend_schema(
        operation_id="cases_plan_retrieve",
        summary="Het plan van een casus",
        description=(
            "Het gezamenlijke plan: sterke punten en zorgen, doelen per leefgebied met acties "
            "(wie doet wat), evaluaties, eigen plannen van organisaties, de vastgestelde versies "
            "en de voortgang. 404 als de casus nog geen plan heeft."
        ),
        responses={200: PlanSerializer, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, uuid):
        return plan_response(request, uuid)

    @extend_schema(
        operation_id="cases_plan_create",
        summary="Een plan starten",
        description="Start het plan van de casus als concept versie 1. Eén gezin, één plan.",
        request=None,
        responses={201: PlanSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        case = case_get(user=request.user, case_uuid=uuid)
        services.plan_create(actor=request.user, case=case)
        return plan_response(request, uuid, status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="cases_plan_partial_update",
        summary="Sterke punten, zorgen of evaluatiedatum wijzigen",
        request=PlanUpdateSerializer,
        responses={200: PlanSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def patch(self, request, uuid):
        plan = plan_for(user=request.user, case_uuid=uuid)
        data = validated(PlanUpdateSerializer, request.data)
        services.plan_update(
            actor=request.user,
            plan=plan,
            lock_version=data["lock_version"],
            strengths=data.get("strengths", plan.strengths),
            concerns=data.get("concerns", plan.concerns),
            evaluation_date=data.get("evaluation_date", plan.evaluation_date),
        )
        return plan_response(request, uuid)


class GoalListView(APIView):
    @extend_schema(
        operation_id="cases_plan_goals_create",
        summary="Een doel toevoegen",
        description="Een vastgesteld plan krijgt hierdoor een nieuw concept.",
        request=GoalInputSerializer,
        responses={201: GoalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid):
        plan = plan_for(user=request.user, case_uuid=uuid)
        data = validated(GoalInputSerializer, request.data)
        goal = services.goal_add(actor=request.user, plan=plan, **data)
        return Response(GoalSerializer(goal_detail(goal)).data, status=status.HTTP_201_CREATED)


class GoalDetailView(APIView):
    @extend_schema(
        operation_id="cases_plan_goals_partial_update",
        summary="Een doel wijzigen",
        request=GoalUpdateSerializer,
        responses={200: GoalSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def patch(self, request, uuid, goal_uuid):
        goal = goal_for(user=request.user, case_uuid=uuid, goal_uuid=goal_uuid)
        data = validated(GoalUpdateSerializer, request.data)
        goal = services.goal_update(
            actor=request.user,
            goal=goal,
            lock_version=data["lock_version"],
            life_domain=data.get("life_domain", goal.life_domain),
            title=data.get("title", goal.title),
            description=data.get("description", goal.description),
        )
        return Response(GoalSerializer(goal_detail(goal)).data)

    @extend_schema(
        operation_id="cases_plan_goals_destroy",
        summary="Een doel verwijderen, met zijn acties",
        parameters=[LockVersionQuerySerializer],
        responses={204: None, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def delete(self, request, uuid, goal_uuid):
        goal = goal_for(user=request.user, case_uuid=uuid, goal_uuid=goal_uuid)
        data = validated(LockVersionQuerySerializer, request.query_params)
        services.goal_remove(actor=request.user, goal=goal, lock_version=data["lock_version"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class GoalEvaluationView(APIView):
    @extend_schema(
        operation_id="cases_plan_goals_evaluations_create",
        summary="Een doel evalueren",
        request=GoalEvaluationInputSerializer,
        responses={201: GoalEvaluationSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid, goal_uuid):
        goal = goal_for(user=request.user, case_uuid=uuid, goal_uuid=goal_uuid)
        data = validated(GoalEvaluationInputSerializer, request.data)
        evaluation = services.goal_evaluate(actor=request.user, goal=goal, **data)
        return Response(GoalEvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)


class GoalActionsView(APIView):
    @extend_schema(
        operation_id="cases_plan_goals_actions_create",
        summary="Een actie toevoegen aan een doel",
        description=(
            "Wie de actie doet: een betrokken organisatie (eventueel een van haar "
            "professionals), een lid van het huishouden of iemand uit het eigen netwerk."
        ),
        request=ActionInputSerializer,
        responses={201: ActionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=TAGS,
    )
    def post(self, request, uuid, goal_uuid):
        goal = goal_for(user=request.user, case_uuid=uuid, goal_uuid=goal_uuid)
        data = validated(ActionInputSerializer, request.data)
        action = services.action_add(
            actor=request.user,
            goal=goal,
            description=data["description"],
            owner=owner_from(user=request.user, data=data["owner"]),
            due_date=data["due_date"],
        )
        return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


class ActionDetailView(APIView):
    @extend_schema(
        operation_id="cases_plan_actions_partial_update",
        summary="Een actie wijzigen: wat, wie en wanneer",
        description="De voortgang (status) wijzigt u met POST .../status/.",
        request=ActionUpdateSerializer,
        responses={200: ActionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def patch(self, request, uuid, action_uuid):
        action = action_for(user=request.user, case_uuid=uuid, action_uuid=action_uuid)
        data = validated(ActionUpdateSerializer, request.data)
        owner = data.get("owner")
        action = services.action_update(
            actor=request.user,
            action=action,
            lock_version=data["lock_version"],
            description=data.get("description", action.description),
            owner=owner_from(user=request.user, data=owner) if owner else current_owner(action),
            due_date=data.get("due_date", action.due_date),
        )
        return Response(ActionSerializer(action).data)


class ActionStatusView(APIView):
    @extend_schema(
        operation_id="cases_plan_actions_status_create",
        summary="De voortgang van een actie bijwerken",
        description="Annuleren vraagt een reden. Voortgang opent geen nieuw concept van het plan.",
        request=ActionProgressSerializer,
        responses={200: ActionSerializer, 400: BAD_REQUEST, 404: NOT_FOUND, 409: CONFLICT},
        tags=TAGS,
    )
    def post(self, request, uuid, action_uuid):
        action = action_for(user=request.user, case_uuid=uuid, action_uuid=action_uuid)
        data = validated(ActionProgressSerializer, request.data)
        action = services.action_set_status(actor=request.user, action=action, **data)
        return Response(ActionSerializer(action).data)
