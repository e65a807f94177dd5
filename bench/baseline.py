"""The raw-SQL floor: the client view and the case list of API v1 without a framework.

A plain WSGI application, served by the same gunicorn as EenPlan (``bench/server.py``:
``gunicorn("bench.baseline:app", ...)``), that answers two requests with the same JSON as the app:

- ``GET /api/v1/households/<uuid>/`` (``people.selectors.household_client_view`` rendered by
  ``ClientViewSerializer``);
- ``GET /api/v1/cases/?status=&page=&page_size=`` (``cases.selectors.case_list`` rendered by
  ``CaseListItemSerializer`` in a page of ``count``, ``next``, ``previous``, ``results``).

The ratio between the app and this floor is what the framework (Django, DRF, the ORM, the
middleware) and the app's own way of working cost. So the floor does every piece of *work* the
answer needs and leaves out only the machinery:

Included, per request:
    the token looked up (DRF's TokenAuthentication: 401 for a wrong token, ``WWW-Authenticate``);
    the reader's active memberships; the access rule of ``privacy/policy.py`` in SQL (an active
    involvement of a working organisation, coordination, or an open break-the-glass access); the
    content level per case from consents, legal bases and break-the-glass (``policy.case_access``)
    and the redaction of ``cases/redaction.py`` (questions, escalation and closing texts, network,
    timeline and what each organisation does only with plan consent; a member's address, phone
    and e-mail only with contact consent for that member); the BSN of every member decrypted
    (MultiFernet, the app's keys); the access-log rows the app writes for the read, with the same
    columns (trace context, acting organisation, BSN as a keyed hash), in one INSERT; one
    transaction per request (psycopg 3, autocommit off, one connection per worker, opened on the
    first request); ``traceparent`` continued and returned; 404 JSON for a hidden or unknown
    household, as the API answers.

Left out:
    sealing the new access-log entries into the hash chain after the commit
    (``privacy.chain.seal``: a locked UPDATE of the chain head and of each new row), which the
    app does after every logging request; the floor's entries are left unsealed and the app's next
    seal (or ``eenplan seal-access-log``) takes them along — so run the app's timing after the
    floor's, or seal in between, or the app's first requests pay for the floor's rows;
    the middleware (sessions, CSRF, locale, security headers, CSP, two-factor and account
    boundary, axes, Prometheus metrics); content negotiation, throttling and the schema;
    loading what the answer does not show (the app prefetches the questions and involvements of
    every visible case of the household and the content level of each; the floor reads them for
    the current case only); the other query parameters of the case list (municipality,
    coordinator) and DRF's field-by-field 400 answers (the floor answers a bad parameter with a
    400 of its own).

Order: every list comes in the app's order (the persons of an involvement by surname, given
names and id, as Person.Meta orders them). Relations have no order in the app at all: the floor
takes them by id, which is how PostgreSQL returns them from a freshly loaded table.

Settings (database, BSN keys, access-log key, time zone, processing-activity URI) and the labels of
the ``*_display`` fields come from Django once, when the module is imported (in each gunicorn
worker); nothing of Django runs in the request path. Importing this module therefore sets Django
up from the environment: import it after setting ``DATABASE_URL`` and the keys, as
``bench/size.py`` does before it imports the bench modules.

``parity_problems`` GETs the same requests from the app and from the floor and reports where the
decoded JSON differs.
"""

import datetime
import json
import os
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlunsplit
from zoneinfo import ZoneInfo

import psycopg
from cryptography.fernet import Fernet, MultiFernet
from psycopg.conninfo import make_conninfo
from psycopg.rows import namedtuple_row

from bench import baseline_sql as sql
from eenplan.common.tracing import Span, new_span  # plain Python: no Django in the request path

# Mirrors of the app's constants (people.selectors.TIMELINE_LIMIT, api.pagination).
TIMELINE_LIMIT = 100
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_PAGE = 25, 100, 1_000_000
ACCESS_CONTENT, ACCESS_KNOWN = "inhoud", "bekend"
CLIENT_VIEW_PATH = re.compile(
    r"^/api/v1/households/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/$"
)
CASE_LIST_PATH = "/api/v1/cases/"
CONTACT_FIELDS = ("street", "house_number", "postcode", "city", "phone", "email")


# --- Startup: everything Django knows, read once -----------------------------------------------


@dataclass(frozen=True)
class Config:
    conninfo: str
    time_zone: ZoneInfo
    fernet: MultiFernet
    pseudonymise_bsn: Callable[[str], str]  # the app's keyed hash, plain Python
    activity_uri: str
    purpose: str
    read_action: str
    case_worker_roles: frozenset[str]
    citizen_kind: str
    closed: str  # CaseStatus.CLOSED
    categories: tuple[str, ...]  # DataCategory values in declaration order
    plan: str
    contact: str
    bsn_id_type: str
    person_id_type: str
    allowed_transitions: dict[str, list[str]]
    labels: dict[str, dict]  # field -> {value: label}
    messages: dict[str, str]  # DRF's error texts in the site's language


def load_config() -> Config:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eenplan.conf.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.conf import settings

    from eenplan.cases import workflow
    from eenplan.cases.constants import CaseStatus, DataCategory
    from eenplan.privacy.constants import Action, DataSubjectIdType, ProcessingActivity
    from eenplan.privacy.services import pseudonymise_bsn
    from eenplan.tenancy.constants import CASE_WORKER_ROLES, AccountKind

    activity = ProcessingActivity.CASE_COORDINATION
    labels, messages = _labels_and_messages(settings.LANGUAGE_CODE)
    return Config(
        conninfo=_conninfo(settings.DATABASES["default"]),
        time_zone=ZoneInfo(settings.TIME_ZONE),
        fernet=MultiFernet([Fernet(key) for key in settings.BSN_ENCRYPTION_KEYS if key]),
        pseudonymise_bsn=pseudonymise_bsn,
        activity_uri=settings.PROCESSING_ACTIVITY_BASE_URI + activity.value,
        purpose=labels["processing_activity"][activity.value],
        read_action=Action.READ.value,
        case_worker_roles=frozenset(role.value for role in CASE_WORKER_ROLES),
        citizen_kind=AccountKind.CITIZEN.value,
        closed=CaseStatus.CLOSED.value,
        categories=tuple(category.value for category in DataCategory),
        plan=DataCategory.PLAN.value,
        contact=DataCategory.CONTACT.value,
        bsn_id_type=DataSubjectIdType.BSN.value,
        person_id_type=DataSubjectIdType.PERSON_UUID.value,
        allowed_transitions={
            status.value: sorted(target.value for target in targets)
            for status, targets in workflow.TRANSITIONS.items()
        },
        labels=labels,
        messages=messages,
    )


def _conninfo(database: dict) -> str:
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError("The raw-SQL baseline runs on PostgreSQL: set DATABASE_URL.")
    names = {
        "dbname": "NAME",
        "user": "USER",
        "password": "PASSWORD",
        "host": "HOST",
        "port": "PORT",
    }
    return make_conninfo(
        "", **{key: str(database[name]) for key, name in names.items() if database.get(name)}
    )


def _labels_and_messages(language: str) -> tuple[dict, dict]:
    """The labels of the choices the JSON shows as ``*_display``, and DRF's error texts."""
    from django.utils import translation
    from django.utils.translation import gettext
    from rest_framework import exceptions

    from eenplan.api.permissions import IsProfessional
    from eenplan.cases.constants import (
        CaseStatus,
        ClosingReason,
        EscalationLevel,
        ServiceType,
        TimelineEventKind,
    )
    from eenplan.common.constants import LifeDomain
    from eenplan.people.constants import Gender, NetworkKind, RelationKind
    from eenplan.privacy.constants import ProcessingActivity

    choices = {
        "status": CaseStatus,
        "closing_reason": ClosingReason,
        "escalation_level": EscalationLevel,
        "service_type": ServiceType,
        "timeline_kind": TimelineEventKind,
        "life_domain": LifeDomain,
        "gender": Gender,
        "relation_kind": RelationKind,
        "network_kind": NetworkKind,
        "processing_activity": ProcessingActivity,
    }
    with translation.override(language):
        labels = {name: {c.value: str(c.label) for c in enum} for name, enum in choices.items()}
        messages = {
            "not_authenticated": str(exceptions.NotAuthenticated.default_detail),
            # TokenAuthentication's own texts (rest_framework/authentication.py).
            "invalid_token": gettext("Invalid token."),
            "inactive": gettext("User inactive or deleted."),
            "forbidden": str(IsProfessional.message),
            "not_found": str(exceptions.NotFound.default_detail),
        }
    return labels, messages


CONFIG = load_config()


# --- The database: one connection per worker process --------------------------------------------

_connection: psycopg.Connection | None = None


def database() -> psycopg.Connection:
    """This worker's connection, opened on first use and again after it broke."""
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(CONFIG.conninfo, autocommit=False, row_factory=namedtuple_row)
    return _connection


# --- The reader and what they may see ----------------------------------------------------------


class HttpError(Exception):
    def __init__(self, status: str, detail: str, headers: tuple = ()):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers


@dataclass(frozen=True)
class Reader:
    id: int
    username: str
    organisations: list[int]  # working organisations (case-worker roles)
    acting_organisation: tuple[uuid.UUID, str] | None  # for the access log
    today: datetime.date
    now: datetime.datetime

    def rule_params(self, **params) -> dict:
        """The parameters of the access rule, with ``params``."""
        return {
            "organisations": self.organisations,
            "today": self.today,
            "now": self.now,
            "user": self.id,
            **params,
        }


def _unauthorised(message: str) -> HttpError:
    return HttpError("401 Unauthorized", CONFIG.messages[message], (("WWW-Authenticate", "Token"),))


def authenticate(cursor, environ) -> Reader:
    """TokenAuthentication and IsProfessional, as DRF answers them (a malformed header gets the
    answer of a wrong token, where DRF words it differently)."""
    parts = environ.get("HTTP_AUTHORIZATION", "").split()
    if not parts or parts[0].lower() != "token":
        raise _unauthorised("not_authenticated")
    user = cursor.execute(sql.TOKEN_USER, {"key": parts[1]}).fetchone() if len(parts) == 2 else None
    if user is None:
        raise _unauthorised("invalid_token")
    if not user.is_active:
        raise _unauthorised("inactive")
    if user.kind == CONFIG.citizen_kind:
        raise HttpError("403 Forbidden", CONFIG.messages["forbidden"])
    memberships = cursor.execute(sql.MEMBERSHIPS, {"user": user.id}).fetchall()
    working = [m for m in memberships if m.role in CONFIG.case_worker_roles]
    acting = (working or memberships or [None])[0]
    return Reader(
        id=user.id,
        username=user.username,
        organisations=[m.organisation_id for m in working],
        acting_organisation=(acting.organisation_uuid, acting.organisation_name)
        if acting
        else None,
        today=datetime.datetime.now(CONFIG.time_zone).date(),
        now=datetime.datetime.now(datetime.UTC),
    )


@dataclass(frozen=True)
class Access:
    """policy.CaseAccess: the categories held for the case, household-wide and per person."""

    categories: frozenset[str] = frozenset()
    household_wide: frozenset[str] = frozenset()
    per_person: dict[int, frozenset[str]] = field(default_factory=dict)

    @property
    def plan(self) -> bool:
        return CONFIG.plan in self.categories

    def contact_shared(self, person_id: int) -> bool:
        return CONFIG.contact in self.household_wide or CONFIG.contact in self.per_person.get(
            person_id, ()
        )

    def as_json(self) -> dict:
        return {
            "level": ACCESS_CONTENT if self.categories else ACCESS_KNOWN,
            "categories": [c for c in CONFIG.categories if c in self.categories],
        }


def case_access(cursor, reader: Reader, case_ids: list[int]) -> dict[int, Access]:
    grants: dict[int, dict[int | None, set[str]]] = {case_id: {} for case_id in case_ids}
    if case_ids:
        for row in cursor.execute(sql.CASE_GRANTS, reader.rule_params(cases=case_ids)):
            flags = (row.shares_plan, row.shares_notes, row.shares_assessments, row.shares_contact)
            granted = {
                category for category, on in zip(CONFIG.categories, flags, strict=True) if on
            }
            grants[row.case_id].setdefault(row.person_id, set()).update(granted)
    return {
        case_id: Access(
            categories=frozenset().union(*by_person.values()),
            household_wide=frozenset(by_person.get(None, ())),
            per_person={pid: frozenset(c) for pid, c in by_person.items() if pid is not None},
        )
        for case_id, by_person in grants.items()
    }


# --- JSON as DRF renders it --------------------------------------------------------------------


def _datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    text = value.astimezone(CONFIG.time_zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _uuid(value: uuid.UUID | None) -> str | None:
    return str(value) if value else None


def _label(kind: str, value):
    return CONFIG.labels[kind].get(value, value)


def _life_domain(code: str) -> dict | None:
    return {"code": code, "label": _label("life_domain", code)} if code else None


def _full_name(given_names: str, prefix: str, surname: str) -> str:
    return " ".join(part for part in (given_names, prefix, surname) if part)


def _user_name(first_name: str, last_name: str, username: str) -> str:
    return f"{first_name} {last_name}".strip() or username


def _organisation(organisation_uuid, name) -> dict | None:
    return {"uuid": str(organisation_uuid), "name": name} if organisation_uuid else None


def _coordinator(row) -> dict | None:
    if row.coordinator_uuid is None:
        return None
    return {
        "uuid": str(row.coordinator_uuid),
        "name": _user_name(
            row.coordinator_first_name, row.coordinator_last_name, row.coordinator_username
        ),
        "email": row.coordinator_email,
        "phone": row.coordinator_phone,
        "organisation": _organisation(
            row.coordinator_organisation_uuid, row.coordinator_organisation_name
        ),
    }


def _municipality(row) -> dict:
    return {
        "uuid": str(row.municipality_uuid),
        "name": row.municipality_name,
        "cbs_code": row.cbs_code,
    }


def _bsn(token: str) -> str:
    return CONFIG.fernet.decrypt(token.encode()).decode() if token else ""


def _member(row, bsn: str, contact_shared: bool) -> dict:
    contact = {name: getattr(row, name) if contact_shared else "" for name in CONTACT_FIELDS}
    street = " ".join(p for p in (contact["street"], contact["house_number"]) if p)
    place = " ".join(p for p in (contact["postcode"], contact["city"]) if p)
    return {
        "uuid": str(row.uuid),
        "bsn": bsn,
        "given_names": row.given_names,
        "surname_prefix": row.surname_prefix,
        "surname": row.surname,
        "full_name": _full_name(row.given_names, row.surname_prefix, row.surname),
        "birth_date": _date(row.birth_date),
        "gender": row.gender,
        "gender_display": _label("gender", row.gender),
        "street": contact["street"],
        "house_number": contact["house_number"],
        "postcode": contact["postcode"],
        "city": contact["city"],
        "address": ", ".join(p for p in (street, place) if p),
        "phone": contact["phone"],
        "email": contact["email"],
        "is_contact": row.is_contact,
    }


def _relation(row) -> dict:
    return {
        "person": str(row.person_uuid),
        "person_name": _full_name(
            row.person_given_names, row.person_surname_prefix, row.person_surname
        ),
        "kind": row.kind,
        "kind_display": _label("relation_kind", row.kind),
        "related_person": str(row.related_uuid),
        "related_person_name": _full_name(
            row.related_given_names, row.related_surname_prefix, row.related_surname
        ),
    }


def _network_member(row) -> dict:
    return {
        "uuid": str(row.uuid),
        "name": row.name,
        "kind": row.kind,
        "kind_display": _label("network_kind", row.kind),
        "relationship": row.relationship,
        "phone": row.phone,
        "email": row.email,
        "contribution": row.contribution,
    }


def _case_summary(row) -> dict:
    return {
        "uuid": str(row.uuid),
        "reference": row.reference,
        "status": row.status,
        "status_display": _label("status", row.status),
        "opened_at": _datetime(row.opened_at),
        "closed_at": _datetime(row.closed_at),
    }


def _case(row, access: Access, questions: list) -> dict:
    """CaseSerializer, redacted by ``redact_case``: without plan consent no questions and no
    reasons given for escalation and closing."""
    plan = access.plan
    return {
        "uuid": str(row.uuid),
        "reference": row.reference,
        "status": row.status,
        "status_display": _label("status", row.status),
        "allowed_transitions": CONFIG.allowed_transitions[row.status],
        "priority_question": row.priority_question if plan else "",
        "priority_domain": _life_domain(row.priority_domain if plan else ""),
        "other_questions": [
            {
                "uuid": str(q.uuid),
                "text": q.text,
                "life_domain": _life_domain(q.life_domain),
                "position": q.position,
            }
            for q in questions
        ],
        "coordinator": _coordinator(row),
        "escalation": {
            "level": row.escalation_level,
            "label": _label("escalation_level", row.escalation_level),
            "reason": row.escalation_reason if plan else "",
        },
        "closing_reason": row.closing_reason,
        "closing_reason_display": _label("closing_reason", row.closing_reason),
        "closing_note": row.closing_note if plan else "",
        "opened_at": _datetime(row.opened_at),
        "closed_at": _datetime(row.closed_at),
        "updated_at": _datetime(row.updated_at),
    }


def _involvement(row, plan: bool) -> dict:
    """InvolvementSerializer, redacted by ``redact_involvement``: who and whom to call stay."""
    service_type = row.service_type if plan else ""
    contact = None
    if row.contact_id is not None:
        contact = {
            "name": _user_name(row.contact_first_name, row.contact_last_name, row.contact_username),
            "email": row.contact_email,
            "phone": row.contact_phone,
        }
    return {
        "uuid": str(row.uuid),
        "organisation": _organisation(row.organisation_uuid, row.organisation_name),
        "contact": contact,
        "persons": [str(person) for person in row.persons],
        "life_domains": [_life_domain(code) for code in row.life_domains] if plan else [],
        "service_type": service_type or None,
        "service_type_display": _label("service_type", service_type) if service_type else None,
        "start_date": _date(row.start_date),
        "end_date": _date(row.end_date),
    }


def _timeline_event(row) -> dict:
    actor = None
    if row.actor_username is not None:
        actor = _user_name(row.actor_first_name, row.actor_last_name, row.actor_username)
    return {
        "uuid": str(row.uuid),
        "occurred_at": _datetime(row.occurred_at),
        "kind": row.kind,
        "kind_display": _label("timeline_kind", row.kind),
        "summary": row.summary,
        "actor_name": actor,
        "actor_organisation": _organisation(row.organisation_uuid, row.organisation_name),
        "data": row.data,
    }


# --- The access log ----------------------------------------------------------------------------


def write_access_log(cursor, reader: Reader, span: Span, *, name: str, started_at, subjects):
    """``access_log_write``: one row per (case row, person uuid, BSN) subject, one INSERT."""
    if not subjects:
        return
    now = datetime.datetime.now(datetime.UTC)
    organisation_uuid, organisation_name = reader.acting_organisation or (None, "")
    values = []
    for case, person_uuid, bsn in subjects:
        if person_uuid is None:
            subject_id, subject_type = "", ""
        elif bsn:
            subject_id = CONFIG.pseudonymise_bsn(bsn)
            subject_type = CONFIG.bsn_id_type
        else:
            subject_id, subject_type = str(person_uuid), CONFIG.person_id_type
        values += (
            uuid.uuid4(),
            span.trace_id,
            span.span_id,
            span.parent_span_id,
            name,
            started_at,
            now,
            1,  # StatusCode.OK
            CONFIG.activity_uri,
            CONFIG.purpose,
            CONFIG.read_action,
            reader.id,
            reader.username,
            organisation_name,
            organisation_uuid,
            case.uuid if case else None,
            case.reference if case else "",
            person_uuid,
            subject_id,
            subject_type,
            "",  # chain_hash: sealed later
        )
    cursor.execute(sql.access_log_insert(len(subjects)), values)


# --- The two requests --------------------------------------------------------------------------


def client_view(cursor, reader: Reader, span: Span, household_uuid: str) -> dict:
    started_at = datetime.datetime.now(datetime.UTC)
    household = cursor.execute(sql.HOUSEHOLD, {"household": household_uuid}).fetchone()
    cases = []
    if household is not None:
        cases = cursor.execute(
            sql.HOUSEHOLD_CASES, reader.rule_params(household=household.id)
        ).fetchall()
    if not cases:
        raise HttpError("404 Not Found", CONFIG.messages["not_found"])
    # The case the household is in now: the newest open one, else the newest.
    current = next((case for case in cases if case.status != CONFIG.closed), cases[0])
    access = case_access(cursor, reader, [current.id])[current.id]
    plan = access.plan
    members = [
        (row, _bsn(row.bsn_encrypted))
        for row in cursor.execute(sql.MEMBERS, {"household": household.id})
    ]
    relations = cursor.execute(sql.RELATIONS, {"household": household.id}).fetchall()
    network = cursor.execute(sql.NETWORK, {"household": household.id}).fetchall() if plan else []
    questions = cursor.execute(sql.HELP_QUESTIONS, {"case": current.id}).fetchall() if plan else []
    involvements = cursor.execute(sql.INVOLVEMENTS, {"case": current.id}).fetchall()
    timeline = (
        cursor.execute(sql.TIMELINE, {"case": current.id, "limit": TIMELINE_LIMIT}).fetchall()
        if plan
        else []
    )
    write_access_log(
        cursor,
        reader,
        span,
        name="huishouden bekijken",
        started_at=started_at,
        subjects=[(current, member.uuid, bsn) for member, bsn in members],
    )
    return {
        "uuid": str(household.uuid),
        "name": household.name,
        "municipality": _municipality(household),
        "members": [
            _member(member, bsn, access.contact_shared(member.id)) for member, bsn in members
        ],
        "relations": [_relation(row) for row in relations],
        "network": [_network_member(row) for row in network],
        "case": _case(current, access, questions),
        "cases": [_case_summary(case) for case in cases],
        "involvements": [_involvement(row, plan) for row in involvements],
        "timeline": [_timeline_event(row) for row in timeline],
        "access": access.as_json(),
    }


@dataclass(frozen=True)
class CaseListQuery:
    status: str
    page: int
    page_size: int


def case_list_query(environ) -> CaseListQuery:
    """The query parameters, checked like CaseListQuerySerializer (last value wins)."""
    params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    status = params.get("status", "")
    try:
        page = int(params.get("page", 1))
        page_size = int(params.get("page_size", DEFAULT_PAGE_SIZE))
    except ValueError:
        raise HttpError("400 Bad Request", "page en page_size zijn gehele getallen.") from None
    if status and status not in CONFIG.labels["status"]:
        raise HttpError("400 Bad Request", "Onbekende status.")
    if not (1 <= page <= MAX_PAGE and 1 <= page_size <= MAX_PAGE_SIZE):
        raise HttpError("400 Bad Request", "page of page_size buiten het bereik.")
    return CaseListQuery(status, page, page_size)


def _page_url(environ, page: int) -> str:
    """DRF's replace_query_param on the request's absolute URI."""
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    query["page"] = [str(page)]
    return urlunsplit(
        (
            environ.get("wsgi.url_scheme", "http"),
            environ["HTTP_HOST"],
            environ["PATH_INFO"],
            urlencode(sorted(query.items()), doseq=True),
            "",
        )
    )


def case_list(cursor, reader: Reader, span: Span, environ) -> dict:
    started_at = datetime.datetime.now(datetime.UTC)
    query = case_list_query(environ)
    filtered = bool(query.status)
    params = reader.rule_params(
        status=query.status,
        limit=query.page_size,
        offset=(query.page - 1) * query.page_size,
    )
    count = cursor.execute(sql.CASE_COUNT[filtered], params).fetchone().count
    rows = cursor.execute(sql.CASE_PAGE[filtered], params).fetchall()
    access = case_access(cursor, reader, [row.id for row in rows])
    write_access_log(
        cursor,
        reader,
        span,
        name="casussen bekijken",
        started_at=started_at,
        subjects=[(row, row.contact_uuid, _bsn(row.contact_bsn_encrypted or "")) for row in rows],
    )
    pages = max(1, -(-count // query.page_size))
    return {
        "count": count,
        "next": _page_url(environ, query.page + 1) if query.page < pages else None,
        "previous": _page_url(environ, min(query.page - 1, pages)) if query.page > 1 else None,
        "results": [_case_list_item(row, access[row.id]) for row in rows],
    }


def _case_list_item(row, access: Access) -> dict:
    contact = None
    if row.contact_uuid is not None:
        contact = {
            "uuid": str(row.contact_uuid),
            "full_name": _full_name(
                row.contact_given_names, row.contact_surname_prefix, row.contact_surname
            ),
            "is_contact": True,
        }
    return {
        "uuid": str(row.uuid),
        "reference": row.reference,
        "status": row.status,
        "status_display": _label("status", row.status),
        "household": {
            "uuid": str(row.household_uuid),
            "name": row.household_name,
            "municipality": _municipality(row),
        },
        "contact": contact,
        "coordinator": _coordinator(row),
        "escalation_level": row.escalation_level,
        "access": access.as_json(),
        "opened_at": _datetime(row.opened_at),
        "updated_at": _datetime(row.updated_at),
    }


# --- WSGI --------------------------------------------------------------------------------------


def _route(environ):
    """The handler for the request and its arguments, or None."""
    if environ["REQUEST_METHOD"] != "GET":
        return None
    path = environ.get("PATH_INFO", "")
    if match := CLIENT_VIEW_PATH.match(path):
        return lambda cursor, reader, span: client_view(cursor, reader, span, match.group(1))
    if path == CASE_LIST_PATH:
        return lambda cursor, reader, span: case_list(cursor, reader, span, environ)
    return None


def _in_transaction(handler, environ, span: Span):
    """Run the request in one transaction: commit what it wrote, roll back on any error."""
    connection = database()
    try:
        with connection.cursor() as cursor:
            body = handler(cursor, authenticate(cursor, environ), span)
        connection.commit()
        return body
    except BaseException:
        if not connection.closed:
            connection.rollback()
        raise


def app(environ, start_response):
    span = new_span(environ.get("HTTP_TRACEPARENT", ""))
    status, headers = "200 OK", ()
    handler = _route(environ)
    try:
        if handler is None:
            raise HttpError("404 Not Found", CONFIG.messages["not_found"])
        body = _in_transaction(handler, environ, span)
    except HttpError as error:
        status, headers, body = error.status, error.headers, {"detail": error.detail}
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    start_response(
        status,
        [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(payload))),
            ("traceparent", f"00-{span.trace_id}-{span.span_id}-01"),
            *headers,
        ],
    )
    return [payload]


# --- Parity with the app -----------------------------------------------------------------------

# Both servers get the same Host header, so the page links they put in ``next`` and ``previous``
# must be equal too. The name must be in the app's ALLOWED_HOSTS (the development default is).
PARITY_HOST = "localhost"


def _get(base_url: str, path: str, token: str) -> tuple[int, object]:
    request = urllib.request.Request(
        base_url.rstrip("/") + path,
        headers={
            "Authorization": f"Token {token}",
            "Host": PARITY_HOST,
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def first_difference(app_value, floor_value, path: str = "$") -> str | None:
    """The first path where the two decoded JSON values differ, with both values; None if equal."""
    if isinstance(app_value, dict) and isinstance(floor_value, dict):
        return _dict_difference(app_value, floor_value, path)
    if isinstance(app_value, list) and isinstance(floor_value, list):
        return _list_difference(app_value, floor_value, path)
    if app_value != floor_value or type(app_value) is not type(floor_value):
        return f"{path}: app {app_value!r} != baseline {floor_value!r}"
    return None


def _dict_difference(app_value: dict, floor_value: dict, path: str) -> str | None:
    for key in sorted(app_value.keys() | floor_value.keys()):
        if key not in app_value or key not in floor_value:
            return f"{path}.{key}: missing in the {'app' if key not in app_value else 'baseline'}"
        if found := first_difference(app_value[key], floor_value[key], f"{path}.{key}"):
            return found
    return None


def _list_difference(app_value: list, floor_value: list, path: str) -> str | None:
    for index, (a, b) in enumerate(zip(app_value, floor_value, strict=False)):
        if found := first_difference(a, b, f"{path}[{index}]"):
            return found
    if len(app_value) != len(floor_value):
        return f"{path}: {len(app_value)} items in the app, {len(floor_value)} in the baseline"
    return None


def parity_problems(
    base_url_app: str,
    base_url_baseline: str,
    token: str,
    household_uuids: list[str],
    statuses: list[str],
) -> list[str]:
    """GET each client view, pages 1 and 2 of the case list of 50 for each status, and one
    request with a wrong token from both servers; one line per request whose status code or
    decoded JSON differ, naming the first differing path. [] means the floor answers like the app.
    """
    paths = [f"/api/v1/households/{household}/" for household in household_uuids]
    paths += [
        f"/api/v1/cases/?page_size=50&status={status}&page={page}"
        for status in statuses
        for page in (1, 2)
    ]
    requests = [(path, token) for path in paths]
    if paths:
        requests.append((paths[0], "wrong-token"))
    problems = []
    for path, key in requests:
        app_status, app_body = _get(base_url_app, path, key)
        floor_status, floor_body = _get(base_url_baseline, path, key)
        if app_status != floor_status:
            problems.append(
                f"GET {path}: HTTP {app_status} from the app, {floor_status} from the baseline"
            )
        elif difference := first_difference(app_body, floor_body):
            problems.append(f"GET {path}: {difference}")
    return problems
