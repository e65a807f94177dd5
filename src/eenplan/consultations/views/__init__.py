"""Pages of case consultations (casusoverleg) and policy signals.

- ``meetings``: the list, planning, the meeting page and its meeting-wide forms, putting a case
  on an agenda from the household, the minutes as PDF;
- ``items``: the minutes of one agenda item (consent to discuss, summary, decisions, agreements);
- ``detail``: building the meeting page with its forms, also again after an error;
- ``follow_up``: the agreements to follow up;
- ``policy``: policy signals, their response and the report;
- ``lookups``: the choices the forms offer, read through ``visible_to(user)``.

Views stay thin: the selectors decide what a user sees and write the access log, the services
decide what a user may change. A meeting the user may not see is a 404, exactly like a meeting
that does not exist.
"""
