"""Professional pages of complaints and objections.

- ``listing``: the open items with their deadlines, and the tallies per handler and organisation;
- ``register``: registering one on a citizen's behalf, from the case;
- ``detail``: one complaint or objection with its steps and letters, and the handler's forms;
- ``report``: the period report of the user's municipalities, on the page and as CSV.

Views stay thin: ``complaints.selectors`` decide what a user sees and write the access log,
``complaints.services`` decide what a user may change. A complaint or case the user may not see
is a 404, exactly like one that does not exist; a change a service refuses (``PermissionDenied``)
and the report for someone without a municipality to report on answer 403.
"""
