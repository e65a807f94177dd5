"""Pages of provisions (voorzieningen).

- ``case``: the decisions of a case and requesting a provision from it;
- ``decision``: one decision with its letter, the officer's approval or refusal, ending it, and
  the officer's queue of requests beyond mandate;
- ``budget``: the one budget of a municipality per year, setting and shifting it;
- ``catalogue``: products, contracts and mandates, with forms for functional admins.

Views stay thin: ``provisions.selectors`` decide what a user sees and write the access log,
``provisions.services`` decide what a user may change. A case or decision the user may not see is
a 404, exactly like one that does not exist; a page for a role the user does not hold (the queue,
the budget) answers 403, and so does a change a service refuses (``PermissionDenied``).
"""
