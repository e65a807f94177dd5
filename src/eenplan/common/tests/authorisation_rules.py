"""Who may reach each URL: the table the authorisation matrix (``test_authorisation_matrix.py``)
checks. This module holds no tests of its own.

One line per URL name (``namespace:name``; an unnamed pattern by its route) names the parties
that get past the URL's access check; a namespace may have one rule for all its URLs (the
admin). The parties are those of ``security_world.py``: anonymous,
the citizen whose household's case every URL names, a citizen of another household, a member of
the household's team in each role, and a case worker of an organisation not involved. Everyone
the line does not name must be refused: 404 (the object is unknown to them, or a citizen outside
the portal), 403, 401 (the API without a token) or the login page.

The rule is about reaching the page or endpoint. What an action then allows (only the chair
closes a meeting, only a municipal officer decides beyond mandate) is checked by the services and
tested in each app.

Adding a URL? Add its line to RULES; ``test_every_url_has_a_rule`` prints the line to start from.
"""

import enum
from dataclasses import dataclass

from eenplan.common.tests.security_world import (
    ANONYMOUS,
    CITIZEN,
    OTHER_CITIZEN,
    OUTSIDER,
    PARTIES,
    ROLES,
)
from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role


class Outcome(enum.Enum):
    REACHED = "reached"  # a page, a download, or a redirect after doing something
    INVALID = "invalid"  # 400: the empty form or missing query was refused
    REFUSED = "refused"  # 401, 403 or 404
    TO_LOGIN = "sent to the login page"
    NO_METHOD = "no method"  # 405 for every method tried
    SERVER_ERROR = "server error"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Rule:
    reach: frozenset[str]
    # The URL checks its form or query before access, so an empty one is a 400 for any
    # professional; with a valid one, whoever is not named is refused.
    input_first: bool = False
    # A logout page: whoever it names lands on the login page.
    logs_out: bool = False

    @property
    def witness(self) -> str | None:
        """The party that shows the world gets past the check. Reaching it costs a rendered page
        per party; one party per URL proves the objects are right, the refusals are what the
        matrix is for."""
        return next((party for party in PARTIES if party in self.reach), None)

    def allows(self, party: str, outcome: Outcome) -> bool:
        if outcome is Outcome.SERVER_ERROR:
            return False
        if self.logs_out and party in self.reach:
            return outcome is Outcome.TO_LOGIN
        if party in self.reach:
            return outcome in (Outcome.REACHED, Outcome.INVALID)
        if outcome is Outcome.INVALID:
            return self.input_first
        return outcome in (Outcome.REFUSED, Outcome.TO_LOGIN)


def rule(*groups, input_first: bool = False, logs_out: bool = False) -> Rule:
    reach = frozenset().union(*(_parties(group) for group in groups))
    return Rule(reach=reach, input_first=input_first, logs_out=logs_out)


def _parties(group) -> frozenset[str]:
    """A party or a group of them, as plain strings."""
    return frozenset({str(group)}) if isinstance(group, str) else frozenset(map(str, group))


def rule_for(endpoint) -> Rule | None:
    """The rule for a ``url_patterns.Endpoint``: its own, or its namespace's."""
    return RULES.get(endpoint.name) or NAMESPACE_RULES.get(endpoint.namespace)


NOBODY = frozenset()
EVERYONE = frozenset(PARTIES)
CITIZENS = frozenset({CITIZEN, OTHER_CITIZEN})
TEAM = frozenset(ROLES)  # every role of the household's team: who takes part in its meetings
PROFESSIONALS = TEAM | {OUTSIDER}
CASE_WORKERS = frozenset(str(role) for role in CASE_WORKER_ROLES)  # of the team
POLICY = frozenset({Role.TEAM_LEADER, Role.DIRECTOR, Role.POLICY_OFFICER})
COORDINATOR = Role.COORDINATOR  # also chairs the meeting
OFFICER = Role.MUNICIPAL_OFFICER
PRIVACY_OFFICER = Role.PRIVACY_OFFICER
FUNCTIONAL_ADMIN = Role.FUNCTIONAL_ADMIN
COMPLAINTS_HANDLER = Role.COMPLAINTS_HANDLER
BUDGET_VIEWERS = POLICY | {OFFICER, FUNCTIONAL_ADMIN}
BUDGET_EDITORS = frozenset({OFFICER, Role.POLICY_OFFICER, FUNCTIONAL_ADMIN})

# The admin needs a staff account, which no role gives.
NAMESPACE_RULES = {"admin": rule(NOBODY)}

RULES = {
    # Logging in and out.
    "/": rule(ANONYMOUS, PROFESSIONALS),  # to "my cases", or the login page
    "login": rule(ANONYMOUS, PROFESSIONALS),
    "logout": rule(ANONYMOUS, PROFESSIONALS, logs_out=True),
    "admin:login": rule(ANONYMOUS, PROFESSIONALS),  # a form that tells a non-staff account no
    "admin:logout": rule(ANONYMOUS, PROFESSIONALS),
    "portal:login": rule(EVERYONE),
    "portal:logout": rule(ANONYMOUS, CITIZENS, logs_out=True),
    "api:token": rule(EVERYONE),  # a citizen gets the answer of a wrong password
    "api:me-token": rule(EVERYONE),
    "api:schema": rule(EVERYONE),
    "api:docs": rule(EVERYONE),
    # Mijn EenPlan: a citizen's own pages, and those of their household's case.
    "portal:home": rule(CITIZENS),
    "portal:messages": rule(CITIZENS),
    "portal:consents": rule(CITIZENS),
    "portal:access-log": rule(CITIZENS),
    "portal:export": rule(CITIZENS),
    "portal:export-json": rule(CITIZENS),
    "portal:export-pdf": rule(CITIZENS),
    "portal:complaints": rule(CITIZENS),
    "portal:plan-agree": rule(CITIZEN),
    "portal:feedback": rule(CITIZEN),
    "portal:action-tick": rule(CITIZEN),
    "portal:action-hide": rule(CITIZEN),
    "portal:involvement-hide": rule(CITIZEN),
    "portal:propose": rule(CITIZEN),
    "portal:message-send": rule(CITIZEN),
    "portal:complaint": rule(CITIZEN),
    "portal:complaint-detail": rule(CITIZEN),
    "portal:complaint-answer": rule(CITIZEN),
    "portal:complaint-withdraw": rule(CITIZEN),
    "portal:complaint-letter": rule(CITIZEN),
    "api:me": rule(CITIZENS),
    "api:me-plan": rule(CITIZENS),
    "api:me-proposals": rule(CITIZENS),
    "api:me-feedback": rule(CITIZENS),
    "api:me-complaints": rule(CITIZENS),
    "api:me-messages": rule(CITIZENS),
    "api:me-consents": rule(CITIZENS),
    "api:me-access-log": rule(CITIZENS),
    "api:me-export": rule(CITIZENS),
    "api:me-plan-agree": rule(CITIZEN),
    "api:me-action": rule(CITIZEN),
    "api:me-complaint": rule(CITIZEN),
    "api:me-complaint-answer": rule(CITIZEN),
    "api:me-complaint-withdraw": rule(CITIZEN),
    # Cases: the case workers of an involved organisation (privacy.policy).
    "cases:my-cases": rule(PROFESSIONALS),
    "cases:transition": rule(CASE_WORKERS),
    "cases:consent-record": rule(CASE_WORKERS),
    "cases:consent-withdraw": rule(CASE_WORKERS),
    "cases:referral-send": rule(CASE_WORKERS),
    "cases:note-add": rule(CASE_WORKERS),
    "cases:propose": rule(CASE_WORKERS),
    "cases:professionals": rule(CASE_WORKERS),
    "cases:proposal-agree": rule(CASE_WORKERS),
    "cases:proposal-withdraw": rule(CASE_WORKERS),
    "cases:escalate": rule(CASE_WORKERS),
    "household_input:page": rule(CASE_WORKERS),
    "household_input:take-in": rule(CASE_WORKERS),
    "household_input:decline": rule(CASE_WORKERS),
    "household_input:reply": rule(CASE_WORKERS),
    "referrals:inbox": rule(PROFESSIONALS),
    "referrals:accept": rule(CASE_WORKERS),  # the referral is to the team
    "referrals:decline": rule(CASE_WORKERS),
    "people:search": rule(PROFESSIONALS),  # finds only whom the rule shows
    "people:household": rule(CASE_WORKERS),
    "api:case-list": rule(PROFESSIONALS),
    "api:case-detail": rule(CASE_WORKERS),
    "api:case-transition": rule(CASE_WORKERS, input_first=True),
    "api:case-involvements": rule(CASE_WORKERS),
    "api:case-timeline": rule(CASE_WORKERS),
    "api:case-consents": rule(CASE_WORKERS),
    "api:consent-withdraw": rule(CASE_WORKERS),
    "api:case-referrals": rule(CASE_WORKERS),
    "api:case-notes": rule(CASE_WORKERS),
    "api:case-coordinator-proposals": rule(CASE_WORKERS),
    "api:coordinator-proposal-agree": rule(CASE_WORKERS),
    "api:coordinator-proposal-withdraw": rule(CASE_WORKERS),
    "api:case-escalation": rule(CASE_WORKERS),
    "api:referral-list": rule(PROFESSIONALS),
    "api:referral-detail": rule(CASE_WORKERS),
    "api:referral-accept": rule(CASE_WORKERS),
    "api:referral-decline": rule(CASE_WORKERS),
    "api:person-list": rule(PROFESSIONALS),  # a 400 without a query; finds only the visible
    "api:person-detail": rule(CASE_WORKERS),
    "api:household-detail": rule(CASE_WORKERS),
    "api:municipality-list": rule(PROFESSIONALS),
    "api:municipality-detail": rule(PROFESSIONALS),
    "api:organisation-list": rule(PROFESSIONALS),
    "api:organisation-detail": rule(PROFESSIONALS),
    # Plans.
    "plans:my-actions": rule(PROFESSIONALS),
    "plans:plan": rule(CASE_WORKERS),
    "plans:plan-create": rule(CASE_WORKERS),
    "plans:plan-edit": rule(CASE_WORKERS),
    "plans:plan-agree": rule(CASE_WORKERS),
    "plans:start-evaluation": rule(CASE_WORKERS),
    "plans:goal-add": rule(CASE_WORKERS),
    "plans:goal-edit": rule(CASE_WORKERS),
    "plans:goal-remove": rule(CASE_WORKERS),
    "plans:goal-evaluate": rule(CASE_WORKERS),
    "plans:goal-link": rule(CASE_WORKERS),
    "plans:action-add": rule(CASE_WORKERS),
    "plans:action-edit": rule(CASE_WORKERS),
    "plans:action-status": rule(CASE_WORKERS),
    "plans:versions": rule(CASE_WORKERS),
    "plans:plan-commit": rule(CASE_WORKERS),
    "plans:version-pdf": rule(CASE_WORKERS),
    "api:case-plan": rule(CASE_WORKERS),
    "api:plan-goals": rule(CASE_WORKERS),
    "api:plan-goal": rule(CASE_WORKERS),
    "api:plan-goal-evaluations": rule(CASE_WORKERS),
    "api:plan-goal-actions": rule(CASE_WORKERS),
    "api:plan-action": rule(CASE_WORKERS),
    "api:plan-action-status": rule(CASE_WORKERS),
    "api:plan-agreement": rule(CASE_WORKERS),
    "api:plan-evaluation": rule(CASE_WORKERS),
    "api:plan-versions": rule(CASE_WORKERS),
    "api:plan-versions-compare": rule(CASE_WORKERS, input_first=True),
    "api:plan-version": rule(CASE_WORKERS),
    "api:plan-version-commitment": rule(CASE_WORKERS),
    # Signals: addressed to the organisations concerned, within the case rule.
    "signals:inbox": rule(PROFESSIONALS),
    "signals:resolve": rule(CASE_WORKERS),
    "api:signal-list": rule(PROFESSIONALS),
    "api:signal-detail": rule(CASE_WORKERS),
    "api:signal-resolve": rule(CASE_WORKERS),
    # Meetings: everyone of a participating organisation sees the meeting; its cases only
    # within the case rule.
    "consultations:list": rule(PROFESSIONALS),
    "consultations:plan": rule(PROFESSIONALS),
    "consultations:follow-up": rule(PROFESSIONALS),
    "consultations:case-agenda": rule(CASE_WORKERS),
    "consultations:detail": rule(TEAM),
    "consultations:minutes-pdf": rule(TEAM),
    "consultations:plan-next": rule(TEAM),
    "consultations:agenda-add": rule(TEAM),
    "consultations:attendee-add": rule(TEAM),
    "consultations:attendee-remove": rule(TEAM),
    "consultations:close": rule(TEAM),
    "consultations:signal-raise": rule(TEAM),
    "consultations:item-consent": rule(CASE_WORKERS),
    "consultations:item-minutes": rule(CASE_WORKERS),
    "consultations:item-decision": rule(CASE_WORKERS),
    "consultations:item-agreement": rule(CASE_WORKERS),
    "api:consultation-list": rule(PROFESSIONALS),
    "api:consultation-detail": rule(TEAM),
    "api:consultation-items": rule(TEAM),
    "api:consultation-close": rule(COORDINATOR),  # the chair
    "api:agenda-item-detail": rule(TEAM),
    "api:agenda-item-consent": rule(CASE_WORKERS),
    "api:agenda-item-minutes": rule(CASE_WORKERS),
    "api:agenda-item-decisions": rule(CASE_WORKERS),
    "api:agenda-item-agreements": rule(CASE_WORKERS),
    "api:agreement-list": rule(PROFESSIONALS),
    # Policy signals hold no personal data; policy roles of the municipality answer them.
    "policy-signals:list": rule(PROFESSIONALS),
    "policy-signals:raise": rule(PROFESSIONALS),
    "policy-signals:report": rule(PROFESSIONALS),
    "policy-signals:detail": rule(TEAM),  # raised by the team
    "api:policy-signal-list": rule(PROFESSIONALS),
    "api:policy-signal-report": rule(PROFESSIONALS),
    "api:policy-signal-detail": rule(TEAM),
    "api:policy-signal-respond": rule(POLICY),
    # Indicators: aggregates for policy roles and functional admins.
    "indicators:dashboard": rule(POLICY, FUNCTIONAL_ADMIN),
    "indicators:export-csv": rule(POLICY, FUNCTIONAL_ADMIN),
    "indicators:export-xlsx": rule(POLICY, FUNCTIONAL_ADMIN),
    "indicators:detail": rule(POLICY, FUNCTIONAL_ADMIN),
    "indicators:definitions": rule(PROFESSIONALS),
    "indicators:stories": rule(CASE_WORKERS, OUTSIDER, POLICY, FUNCTIONAL_ADMIN),
    "indicators:story-write": rule(CASE_WORKERS),
    "indicators:local-define": rule(FUNCTIONAL_ADMIN),
    "api:indicator-list": rule(POLICY, FUNCTIONAL_ADMIN),
    "api:indicator-value-list": rule(POLICY, FUNCTIONAL_ADMIN),
    # Assessments.
    "assessments:case": rule(CASE_WORKERS),
    "assessments:record": rule(CASE_WORKERS),
    "assessments:detail": rule(CASE_WORKERS),
    "assessments:instruments": rule(FUNCTIONAL_ADMIN),
    "assessments:instrument-new": rule(FUNCTIONAL_ADMIN),
    "assessments:instrument-version": rule(FUNCTIONAL_ADMIN),
    "api:instrument-list": rule(PROFESSIONALS),
    "api:instrument-detail": rule(PROFESSIONALS),
    "api:assessment-list": rule(PROFESSIONALS),  # a 400 without a case; lists only the visible
    "api:assessment-detail": rule(CASE_WORKERS),
    # Provisions: decisions within the case rule, budgets and messages for the municipality.
    "provisions:case": rule(CASE_WORKERS),
    "provisions:request": rule(CASE_WORKERS),
    "provisions:detail": rule(CASE_WORKERS),
    "provisions:approve": rule(CASE_WORKERS),
    "provisions:refuse": rule(CASE_WORKERS),
    "provisions:end": rule(CASE_WORKERS),
    "provisions:letter": rule(CASE_WORKERS),
    "provisions:awaiting": rule(OFFICER),
    "provisions:budget": rule(BUDGET_VIEWERS),
    "provisions:budget-year": rule(BUDGET_VIEWERS),
    "provisions:budget-set": rule(BUDGET_EDITORS),
    "provisions:budget-shift": rule(BUDGET_EDITORS),
    "provisions:catalogue": rule(PROFESSIONALS),
    "provisions:product-new": rule(FUNCTIONAL_ADMIN),
    "provisions:mandate-new": rule(FUNCTIONAL_ADMIN),
    "provision_messages:index": rule(OFFICER, FUNCTIONAL_ADMIN),
    "provision_messages:list": rule(OFFICER, FUNCTIONAL_ADMIN),
    "provision_messages:import": rule(OFFICER, FUNCTIONAL_ADMIN),
    "provision_messages:export": rule(OFFICER, FUNCTIONAL_ADMIN),
    "provision_messages:detail": rule(OFFICER, FUNCTIONAL_ADMIN),
    "provision_messages:download": rule(OFFICER, FUNCTIONAL_ADMIN),
    "jobs:detail": rule(OFFICER),  # only who asked for the job (here: reading a message)
    "api:product-list": rule(PROFESSIONALS),
    "api:contract-list": rule(PROFESSIONALS),
    "api:mandate-list": rule(PROFESSIONALS),
    "api:decision-list": rule(PROFESSIONALS),  # a 400 without a case; lists only the visible
    "api:decision-detail": rule(CASE_WORKERS),
    "api:decision-approve": rule(CASE_WORKERS),
    "api:decision-refuse": rule(CASE_WORKERS),
    "api:decision-end": rule(CASE_WORKERS),
    "api:budget": rule(BUDGET_VIEWERS, input_first=True),
    "api:budget-shift": rule(BUDGET_EDITORS, input_first=True),
    "api:message-list": rule(OFFICER, FUNCTIONAL_ADMIN),
    "api:message-detail": rule(OFFICER, FUNCTIONAL_ADMIN),
    "api:message-import": rule(OFFICER, FUNCTIONAL_ADMIN, input_first=True),
    "api:message-export": rule(OFFICER, FUNCTIONAL_ADMIN, input_first=True),
    # Complaints: the handlers of the handling organisation, and those working on the case for
    # the organisation it is about.
    "complaints:list": rule(PROFESSIONALS),
    "complaints:report": rule(POLICY, COMPLAINTS_HANDLER),
    "complaints:report-csv": rule(POLICY, COMPLAINTS_HANDLER),
    "complaints:new": rule(CASE_WORKERS),
    "complaints:detail": rule(CASE_WORKERS, COMPLAINTS_HANDLER),
    "complaints:letter": rule(CASE_WORKERS, COMPLAINTS_HANDLER),
    "complaints:assign": rule(COMPLAINTS_HANDLER),
    "complaints:contact": rule(COMPLAINTS_HANDLER),
    "complaints:formal": rule(COMPLAINTS_HANDLER),
    "complaints:acknowledge": rule(COMPLAINTS_HANDLER),
    "complaints:extend": rule(COMPLAINTS_HANDLER),
    "complaints:hearing-plan": rule(COMPLAINTS_HANDLER),
    "complaints:hearing-record": rule(COMPLAINTS_HANDLER),
    "complaints:decide": rule(COMPLAINTS_HANDLER),
    "complaints:withdraw": rule(COMPLAINTS_HANDLER),
    "api:complaint-list": rule(PROFESSIONALS),
    "api:complaint-detail": rule(CASE_WORKERS, COMPLAINTS_HANDLER),
    "api:complaint-steps": rule(CASE_WORKERS, COMPLAINTS_HANDLER),
    # Privacy.
    "privacy:access-log": rule(PRIVACY_OFFICER),
    "api:access-log-list": rule(PRIVACY_OFFICER),
    # Break-the-glass: every case worker may try it (also one who is not involved); only its
    # owner ends an access, only the privacy officer reviews.
    "privacy:emergency": rule(CASE_WORKERS, OUTSIDER),
    "privacy:emergency-open": rule(CASE_WORKERS, OUTSIDER),
    "privacy:emergency-end": rule(OUTSIDER),
    "privacy:emergency-queue": rule(PRIVACY_OFFICER),
    "privacy:emergency-review": rule(PRIVACY_OFFICER),
    "privacy:requests": rule(PRIVACY_OFFICER),
    "privacy:request": rule(PRIVACY_OFFICER),
    "privacy:request-carry-out": rule(PRIVACY_OFFICER),
    "privacy:retention": rule(PRIVACY_OFFICER),
    "privacy:retention-csv": rule(PRIVACY_OFFICER),
    "privacy:retention-hold": rule(PRIVACY_OFFICER),
    "privacy:retention-hold-lift": rule(PRIVACY_OFFICER),
    "portal:data-requests": rule(CITIZENS),
    # Login steps: two-factor pages for a logged-in professional; the identity provider's pages
    # answer 404 unless one is configured.
    "tenancy:otp-verify": rule(PROFESSIONALS),
    "tenancy:otp-setup": rule(PROFESSIONALS),
    "tenancy:otp-device": rule(PROFESSIONALS),
    "tenancy:oidc-init": rule(NOBODY),
    "tenancy:oidc-callback": rule(NOBODY),
    # Operations: the load balancer asks without a session (a citizen's session stays inside the
    # portal); the metrics only with the bearer token, which no party has (none is configured).
    "health-live": rule(ANONYMOUS, PROFESSIONALS),
    "health-ready": rule(ANONYMOUS, PROFESSIONALS),
    "metrics": rule(NOBODY),
}
