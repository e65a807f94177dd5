"""Pages of assessments (metingen).

- ``progress``: the 'Metingen' tab of a case (a table and a chart per person or household) and
  one assessment compared with the one before it;
- ``record``: recording an assessment, in two steps (the instrument, then the scores);
- ``instruments``: the instruments for functional admins, a new one and a new version.

Views stay thin: ``assessments.selectors`` decide what a user sees and write the access log,
``assessments.services`` decide what a user may change. A case or assessment the user may not see
is a 404, exactly like one that does not exist; the instrument pages answer 403 to anyone who is
no functional admin, like the access log does to anyone who is no privacy officer.
"""
