"""API v1 routes, under ``/api/v1/``. Objects are addressed by UUID, never by database id."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from eenplan.api.views import (
    auth,
    cases,
    coordination,
    docs,
    network,
    people,
    plan_versions,
    plans,
    privacy,
    tenancy,
)
from eenplan.assessments import api as assessments
from eenplan.complaints import api as complaints
from eenplan.consultations import api as consultations
from eenplan.indicators import api as indicators
from eenplan.portal import api as me
from eenplan.provisions import api as provisions
from eenplan.provisions.messages import api as provision_messages
from eenplan.signals import api as signals

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.ApiDocsView.as_view(), name="docs"),
    path("auth/token/", auth.TokenObtainView.as_view(), name="token"),
    path("municipalities/", tenancy.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<uuid:uuid>/",
        tenancy.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path("organisations/", tenancy.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/<uuid:uuid>/",
        tenancy.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path("persons/", people.PersonSearchView.as_view(), name="person-list"),
    path("persons/<uuid:uuid>/", people.PersonDetailView.as_view(), name="person-detail"),
    path("households/<uuid:uuid>/", people.HouseholdDetailView.as_view(), name="household-detail"),
    path("cases/", cases.CaseListView.as_view(), name="case-list"),
    path("cases/<uuid:uuid>/", cases.CaseDetailView.as_view(), name="case-detail"),
    path(
        "cases/<uuid:uuid>/transition/",
        cases.CaseTransitionView.as_view(),
        name="case-transition",
    ),
    path(
        "cases/<uuid:uuid>/involvements/",
        cases.CaseInvolvementsView.as_view(),
        name="case-involvements",
    ),
    path("cases/<uuid:uuid>/timeline/", cases.CaseTimelineView.as_view(), name="case-timeline"),
    path("cases/<uuid:uuid>/plan/", plans.PlanView.as_view(), name="case-plan"),
    path("cases/<uuid:uuid>/plan/goals/", plans.GoalListView.as_view(), name="plan-goals"),
    path(
        "cases/<uuid:uuid>/plan/goals/<uuid:goal_uuid>/",
        plans.GoalDetailView.as_view(),
        name="plan-goal",
    ),
    path(
        "cases/<uuid:uuid>/plan/goals/<uuid:goal_uuid>/evaluations/",
        plans.GoalEvaluationView.as_view(),
        name="plan-goal-evaluations",
    ),
    path(
        "cases/<uuid:uuid>/plan/goals/<uuid:goal_uuid>/actions/",
        plans.GoalActionsView.as_view(),
        name="plan-goal-actions",
    ),
    path(
        "cases/<uuid:uuid>/plan/actions/<uuid:action_uuid>/",
        plans.ActionDetailView.as_view(),
        name="plan-action",
    ),
    path(
        "cases/<uuid:uuid>/plan/actions/<uuid:action_uuid>/status/",
        plans.ActionStatusView.as_view(),
        name="plan-action-status",
    ),
    path(
        "cases/<uuid:uuid>/plan/agreement/",
        plan_versions.PlanAgreementView.as_view(),
        name="plan-agreement",
    ),
    path(
        "cases/<uuid:uuid>/plan/evaluation/",
        plan_versions.PlanEvaluationView.as_view(),
        name="plan-evaluation",
    ),
    path(
        "cases/<uuid:uuid>/plan/versions/",
        plan_versions.PlanVersionListView.as_view(),
        name="plan-versions",
    ),
    path(
        "cases/<uuid:uuid>/plan/versions/compare/",
        plan_versions.PlanVersionCompareView.as_view(),
        name="plan-versions-compare",
    ),
    path(
        "cases/<uuid:uuid>/plan/versions/<int:number>/",
        plan_versions.PlanVersionDetailView.as_view(),
        name="plan-version",
    ),
    path(
        "cases/<uuid:uuid>/plan/versions/<int:number>/commitment/",
        plan_versions.PlanVersionCommitmentView.as_view(),
        name="plan-version-commitment",
    ),
    path(
        "cases/<uuid:uuid>/consents/",
        network.CaseConsentsView.as_view(),
        name="case-consents",
    ),
    path(
        "consents/<uuid:uuid>/withdraw/",
        network.ConsentWithdrawView.as_view(),
        name="consent-withdraw",
    ),
    path("referrals/", network.ReferralListView.as_view(), name="referral-list"),
    path("referrals/<uuid:uuid>/", network.ReferralDetailView.as_view(), name="referral-detail"),
    path(
        "referrals/<uuid:uuid>/accept/",
        network.ReferralAcceptView.as_view(),
        name="referral-accept",
    ),
    path(
        "referrals/<uuid:uuid>/decline/",
        network.ReferralDeclineView.as_view(),
        name="referral-decline",
    ),
    path(
        "cases/<uuid:uuid>/referrals/",
        network.CaseReferralsView.as_view(),
        name="case-referrals",
    ),
    path("cases/<uuid:uuid>/notes/", network.CaseNotesView.as_view(), name="case-notes"),
    path(
        "cases/<uuid:uuid>/coordinator-proposals/",
        coordination.CaseCoordinatorProposalsView.as_view(),
        name="case-coordinator-proposals",
    ),
    path(
        "coordinator-proposals/<uuid:uuid>/agree/",
        coordination.CoordinatorProposalAgreeView.as_view(),
        name="coordinator-proposal-agree",
    ),
    path(
        "coordinator-proposals/<uuid:uuid>/withdraw/",
        coordination.CoordinatorProposalWithdrawView.as_view(),
        name="coordinator-proposal-withdraw",
    ),
    path(
        "cases/<uuid:uuid>/escalation/",
        coordination.CaseEscalationView.as_view(),
        name="case-escalation",
    ),
    path("access-log/", privacy.AccessLogListView.as_view(), name="access-log-list"),
    path("signals/", signals.SignalListView.as_view(), name="signal-list"),
    path("signals/<uuid:uuid>/", signals.SignalDetailView.as_view(), name="signal-detail"),
    path(
        "signals/<uuid:uuid>/resolve/",
        signals.SignalResolveView.as_view(),
        name="signal-resolve",
    ),
    path(
        "consultations/",
        consultations.ConsultationListView.as_view(),
        name="consultation-list",
    ),
    path(
        "consultations/<uuid:uuid>/",
        consultations.ConsultationDetailView.as_view(),
        name="consultation-detail",
    ),
    path(
        "consultations/<uuid:uuid>/items/",
        consultations.ConsultationItemsView.as_view(),
        name="consultation-items",
    ),
    path(
        "consultations/<uuid:uuid>/close/",
        consultations.ConsultationCloseView.as_view(),
        name="consultation-close",
    ),
    path(
        "agenda-items/<uuid:uuid>/",
        consultations.AgendaItemDetailView.as_view(),
        name="agenda-item-detail",
    ),
    path(
        "agenda-items/<uuid:uuid>/consent/",
        consultations.AgendaItemConsentView.as_view(),
        name="agenda-item-consent",
    ),
    path(
        "agenda-items/<uuid:uuid>/minutes/",
        consultations.AgendaItemMinutesView.as_view(),
        name="agenda-item-minutes",
    ),
    path(
        "agenda-items/<uuid:uuid>/decisions/",
        consultations.AgendaItemDecisionsView.as_view(),
        name="agenda-item-decisions",
    ),
    path(
        "agenda-items/<uuid:uuid>/agreements/",
        consultations.AgendaItemAgreementsView.as_view(),
        name="agenda-item-agreements",
    ),
    path("agreements/", consultations.AgreementListView.as_view(), name="agreement-list"),
    path(
        "policy-signals/",
        consultations.PolicySignalListView.as_view(),
        name="policy-signal-list",
    ),
    path(
        "policy-signals/report/",
        consultations.PolicySignalReportView.as_view(),
        name="policy-signal-report",
    ),
    path(
        "policy-signals/<uuid:uuid>/",
        consultations.PolicySignalDetailView.as_view(),
        name="policy-signal-detail",
    ),
    path(
        "policy-signals/<uuid:uuid>/respond/",
        consultations.PolicySignalRespondView.as_view(),
        name="policy-signal-respond",
    ),
    path("indicators/", indicators.IndicatorListView.as_view(), name="indicator-list"),
    path(
        "indicator-values/",
        indicators.IndicatorValueListView.as_view(),
        name="indicator-value-list",
    ),
    path("instruments/", assessments.InstrumentListView.as_view(), name="instrument-list"),
    path(
        "instruments/<uuid:uuid>/",
        assessments.InstrumentDetailView.as_view(),
        name="instrument-detail",
    ),
    path("assessments/", assessments.AssessmentListView.as_view(), name="assessment-list"),
    path(
        "assessments/<uuid:uuid>/",
        assessments.AssessmentDetailView.as_view(),
        name="assessment-detail",
    ),
    path("products/", provisions.ProductListView.as_view(), name="product-list"),
    path("contracts/", provisions.ContractListView.as_view(), name="contract-list"),
    path("mandates/", provisions.MandateListView.as_view(), name="mandate-list"),
    path("decisions/", provisions.DecisionListView.as_view(), name="decision-list"),
    path("decisions/<uuid:uuid>/", provisions.DecisionDetailView.as_view(), name="decision-detail"),
    path(
        "decisions/<uuid:uuid>/approve/",
        provisions.DecisionApproveView.as_view(),
        name="decision-approve",
    ),
    path(
        "decisions/<uuid:uuid>/refuse/",
        provisions.DecisionRefuseView.as_view(),
        name="decision-refuse",
    ),
    path("decisions/<uuid:uuid>/end/", provisions.DecisionEndView.as_view(), name="decision-end"),
    path("budgets/", provisions.BudgetView.as_view(), name="budget"),
    path(
        "budgets/<uuid:uuid>/<int:year>/shift/",
        provisions.BudgetShiftView.as_view(),
        name="budget-shift",
    ),
    path("messages/", provision_messages.MessageListView.as_view(), name="message-list"),
    path("messages/import/", provision_messages.MessageImportView.as_view(), name="message-import"),
    path("messages/export/", provision_messages.MessageExportView.as_view(), name="message-export"),
    path(
        "messages/<uuid:uuid>/",
        provision_messages.MessageDetailView.as_view(),
        name="message-detail",
    ),
    # Klachten en bezwaren (Awb chapters 9, 6 and 7), for professionals.
    path("complaints/", complaints.ComplaintListView.as_view(), name="complaint-list"),
    path(
        "complaints/<uuid:uuid>/",
        complaints.ComplaintDetailView.as_view(),
        name="complaint-detail",
    ),
    path(
        "complaints/<uuid:uuid>/steps/",
        complaints.ComplaintStepsView.as_view(),
        name="complaint-steps",
    ),
    # Mijn EenPlan for household members (citizen accounts only; portal.boundary).
    path("me/token/", me.CitizenTokenObtainView.as_view(), name="me-token"),
    path("me/", me.MeView.as_view(), name="me"),
    path("me/plan/", me.MyPlanView.as_view(), name="me-plan"),
    path("me/plan/<uuid:case_uuid>/agree/", me.PlanAgreeView.as_view(), name="me-plan-agree"),
    path("me/actions/<uuid:action_uuid>/", me.ActionTickView.as_view(), name="me-action"),
    path("me/proposals/", me.ProposalView.as_view(), name="me-proposals"),
    path("me/feedback/", me.FeedbackView.as_view(), name="me-feedback"),
    path("me/complaints/", me.MyComplaintsView.as_view(), name="me-complaints"),
    path(
        "me/complaints/<uuid:complaint_uuid>/",
        me.MyComplaintView.as_view(),
        name="me-complaint",
    ),
    path(
        "me/complaints/<uuid:complaint_uuid>/answer/",
        me.MyComplaintAnswerView.as_view(),
        name="me-complaint-answer",
    ),
    path(
        "me/complaints/<uuid:complaint_uuid>/withdraw/",
        me.MyComplaintWithdrawView.as_view(),
        name="me-complaint-withdraw",
    ),
    path("me/messages/", me.MessagesView.as_view(), name="me-messages"),
    path("me/consents/", me.ConsentsView.as_view(), name="me-consents"),
    path("me/access-log/", me.AccessLogView.as_view(), name="me-access-log"),
    path("me/export/", me.ExportView.as_view(), name="me-export"),
]
