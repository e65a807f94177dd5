"""The SQL of the raw-SQL baseline (``bench/baseline.py``), written by hand: one statement per
concern, named parameters, PostgreSQL only.

Every statement that touches a case repeats the access rule of ``eenplan/privacy/policy.py``
(``case_visibility``) for the case aliased ``c``. The caller passes the reader's working
organisations (active memberships in a case-working role) as ``%(organisations)s``, the local date
as ``%(today)s`` and the current time as ``%(now)s``.
"""

# A case is visible when one of the reader's working organisations has an involvement in it that
# has started and not ended, or coordinates it, or the reader holds an open break-the-glass
# access to it.
VISIBLE_CASE = """(
    EXISTS (
        SELECT 1 FROM cases_involvement i
        WHERE i.case_id = c.id
          AND i.organisation_id = ANY(%(organisations)s)
          AND i.start_date <= %(today)s
          AND (i.end_date IS NULL OR i.end_date >= %(today)s)
    )
    OR c.coordinator_organisation_id = ANY(%(organisations)s)
    OR c.id IN (
        SELECT e.case_id FROM privacy_emergencyaccess e
        WHERE e.user_id = %(user)s
          AND e.started_at <= %(now)s AND e.expires_at > %(now)s AND e.ended_at IS NULL
    )
)"""

# DRF's TokenAuthentication: the token's user.
TOKEN_USER = """
SELECT u.id, u.username, u.is_active, u.kind
FROM authtoken_token t JOIN tenancy_user u ON u.id = t.user_id
WHERE t.key = %(key)s
"""

# The reader's active memberships, oldest first (User.active_memberships): the working
# organisations for the access rule, and the acting organisation for the access log.
MEMBERSHIPS = """
SELECT m.role, m.organisation_id, o.uuid AS organisation_uuid, o.name AS organisation_name
FROM tenancy_membership m JOIN tenancy_organisation o ON o.id = m.organisation_id
WHERE m.user_id = %(user)s AND m.is_active
ORDER BY m.created_at, m.id
"""

# Consents and legal bases in force for the reader's working organisations, and the reader's
# open break-the-glass accesses (household-wide, like a legal basis): policy.case_access.
CASE_GRANTS = """
SELECT g.case_id, g.person_id, g.shares_plan, g.shares_notes, g.shares_assessments,
       g.shares_contact
FROM cases_consent g
WHERE g.case_id = ANY(%(cases)s)
  AND g.organisation_id = ANY(%(organisations)s)
  AND g.withdrawn_at IS NULL
  AND g.valid_from <= %(today)s
  AND (g.valid_until IS NULL OR g.valid_until >= %(today)s)
UNION ALL
SELECT e.case_id, NULL, e.shares_plan, e.shares_notes, e.shares_assessments, e.shares_contact
FROM privacy_emergencyaccess e
WHERE e.case_id = ANY(%(cases)s)
  AND e.user_id = %(user)s
  AND e.started_at <= %(now)s AND e.expires_at > %(now)s AND e.ended_at IS NULL
"""

# --- The client view: GET /api/v1/households/<uuid>/ -------------------------------------------

HOUSEHOLD = """
SELECT h.id, h.uuid, h.name,
       m.uuid AS municipality_uuid, m.name AS municipality_name, m.cbs_code
FROM people_household h JOIN tenancy_municipality m ON m.id = h.municipality_id
WHERE h.uuid = %(household)s
"""

# The household's visible cases, newest first (Case.Meta.ordering), with the coordinator. No
# visible case: the household is not visible either.
HOUSEHOLD_CASES = f"""
SELECT c.id, c.uuid, c.reference, c.status, c.priority_question, c.priority_domain,
       c.escalation_level, c.escalation_reason, c.closing_reason, c.closing_note,
       c.opened_at, c.closed_at, c.updated_at,
       u.uuid AS coordinator_uuid, u.first_name AS coordinator_first_name,
       u.last_name AS coordinator_last_name, u.username AS coordinator_username,
       u.email AS coordinator_email, u.phone AS coordinator_phone,
       o.uuid AS coordinator_organisation_uuid, o.name AS coordinator_organisation_name
FROM cases_case c
LEFT JOIN tenancy_user u ON u.id = c.coordinator_id
LEFT JOIN tenancy_organisation o ON o.id = c.coordinator_organisation_id
WHERE c.household_id = %(household)s AND {VISIBLE_CASE}
ORDER BY c.opened_at DESC, c.id DESC
"""

MEMBERS = """
SELECT hm.is_contact, p.id, p.uuid, p.bsn_encrypted, p.given_names, p.surname_prefix, p.surname,
       p.birth_date, p.gender, p.street, p.house_number, p.postcode, p.city, p.phone, p.email
FROM people_householdmember hm JOIN people_person p ON p.id = hm.person_id
WHERE hm.household_id = %(household)s
ORDER BY hm.is_contact DESC, p.birth_date, hm.id
"""

RELATIONS = """
SELECT r.kind,
       p.uuid AS person_uuid, p.given_names AS person_given_names,
       p.surname_prefix AS person_surname_prefix, p.surname AS person_surname,
       q.uuid AS related_uuid, q.given_names AS related_given_names,
       q.surname_prefix AS related_surname_prefix, q.surname AS related_surname
FROM people_relation r
JOIN people_person p ON p.id = r.person_id
JOIN people_person q ON q.id = r.related_person_id
WHERE r.household_id = %(household)s
ORDER BY r.id
"""

NETWORK = """
SELECT n.uuid, n.name, n.kind, n.relationship, n.phone, n.email, n.contribution
FROM people_networkmember n
WHERE n.household_id = %(household)s
ORDER BY n.name, n.id
"""

HELP_QUESTIONS = """
SELECT q.uuid, q.text, q.life_domain, q.position
FROM cases_helpquestion q
WHERE q.case_id = %(case)s
ORDER BY q.position, q.id
"""

# Every involvement of the case, past and present, with the persons it is for (Person.Meta
# ordering) in one array.
INVOLVEMENTS = """
SELECT i.uuid, i.life_domains, i.service_type, i.start_date, i.end_date,
       o.uuid AS organisation_uuid, o.name AS organisation_name,
       u.id AS contact_id, u.first_name AS contact_first_name, u.last_name AS contact_last_name,
       u.username AS contact_username, u.email AS contact_email, u.phone AS contact_phone,
       ARRAY(
           SELECT p.uuid
           FROM cases_involvement_persons ip JOIN people_person p ON p.id = ip.person_id
           WHERE ip.involvement_id = i.id
           ORDER BY p.surname, p.given_names, p.id
       ) AS persons
FROM cases_involvement i
JOIN tenancy_organisation o ON o.id = i.organisation_id
LEFT JOIN tenancy_user u ON u.id = i.contact_id
WHERE i.case_id = %(case)s
ORDER BY i.start_date, i.id
"""

TIMELINE = """
SELECT e.uuid, e.occurred_at, e.kind, e.summary, e.data,
       u.first_name AS actor_first_name, u.last_name AS actor_last_name,
       u.username AS actor_username,
       o.uuid AS organisation_uuid, o.name AS organisation_name
FROM cases_timelineevent e
LEFT JOIN tenancy_user u ON u.id = e.actor_id
LEFT JOIN tenancy_organisation o ON o.id = e.actor_organisation_id
WHERE e.case_id = %(case)s
ORDER BY e.occurred_at DESC, e.id DESC
LIMIT %(limit)s
"""

# --- The case list: GET /api/v1/cases/ ---------------------------------------------------------

_STATUS = "AND c.status = %(status)s"

# Keyed by whether the list is filtered on status.
CASE_COUNT = {
    filtered: f"""
SELECT count(*) FROM cases_case c
WHERE {VISIBLE_CASE} {_STATUS if filtered else ""}
"""
    for filtered in (False, True)
}

# One page, newest first, with the household, its municipality, the coordinator and the
# household's contact person.
CASE_PAGE = {
    filtered: f"""
SELECT c.id, c.uuid, c.reference, c.status, c.escalation_level, c.opened_at, c.updated_at,
       h.uuid AS household_uuid, h.name AS household_name,
       m.uuid AS municipality_uuid, m.name AS municipality_name, m.cbs_code,
       u.uuid AS coordinator_uuid, u.first_name AS coordinator_first_name,
       u.last_name AS coordinator_last_name, u.username AS coordinator_username,
       u.email AS coordinator_email, u.phone AS coordinator_phone,
       o.uuid AS coordinator_organisation_uuid, o.name AS coordinator_organisation_name,
       contact.uuid AS contact_uuid, contact.given_names AS contact_given_names,
       contact.surname_prefix AS contact_surname_prefix, contact.surname AS contact_surname,
       contact.bsn_encrypted AS contact_bsn_encrypted
FROM cases_case c
JOIN people_household h ON h.id = c.household_id
JOIN tenancy_municipality m ON m.id = h.municipality_id
LEFT JOIN tenancy_user u ON u.id = c.coordinator_id
LEFT JOIN tenancy_organisation o ON o.id = c.coordinator_organisation_id
LEFT JOIN LATERAL (
    SELECT p.uuid, p.given_names, p.surname_prefix, p.surname, p.bsn_encrypted
    FROM people_householdmember hm JOIN people_person p ON p.id = hm.person_id
    WHERE hm.household_id = c.household_id AND hm.is_contact
    ORDER BY hm.id
    LIMIT 1
) contact ON true
WHERE {VISIBLE_CASE} {_STATUS if filtered else ""}
ORDER BY c.opened_at DESC, c.id DESC
LIMIT %(limit)s OFFSET %(offset)s
"""
    for filtered in (False, True)
}

# --- The access log (privacy.services.access_log_write) ----------------------------------------

ACCESS_LOG_COLUMNS = (
    "uuid",
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "start_time",
    "end_time",
    "status_code",
    "processing_activity_id",
    "purpose",
    "action",
    "actor_id",
    "actor_username",
    "organisation_name",
    "organisation_uuid",
    "case_uuid",
    "case_reference",
    "person_uuid",
    "data_subject_id",
    "data_subject_id_type",
    "chain_hash",
)


def access_log_insert(rows: int) -> str:
    """One INSERT for ``rows`` entries, as ``bulk_create`` writes them; the chain columns stay
    empty until the entries are sealed."""
    row = "(" + ", ".join(["%s"] * len(ACCESS_LOG_COLUMNS)) + ")"
    return (
        f"INSERT INTO privacy_accesslogentry ({', '.join(ACCESS_LOG_COLUMNS)}) VALUES "
        + ", ".join([row] * rows)
    )
