"""Pages for professionals about cases.

- ``case``: 'Mijn casussen' and the status change;
- ``household``: the network sections of the household page (consent, referrals, notes,
  coordinator, escalation), which ``people.views.render_household`` includes;
- ``network``: recording and withdrawing consent, referring, writing notes;
- ``coordination``: proposing and agreeing a coordinator, escalating;
- ``referrals``: the referrals inbox ('Aanmeldingen') with accepting and declining.

Views stay thin: the selectors and services decide what a user may see and change, and write the
access log. A case the user may not see is a 404, exactly like a case that does not exist.

This package imports nothing itself, so that ``people.views`` can use ``household`` while these
modules use ``people.views.render_household``.
"""
