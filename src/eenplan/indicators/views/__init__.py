"""Pages of the indicators at /indicatoren/: aggregates only.

- ``benchmark``: the dashboard (indicators by municipality for one quarter, with groups pooled
  beside them), one indicator (definition, trend, comparison, stories), the definitions, and
  the export as CSV or XLSX;
- ``selection``: the selection these pages share (GET form) and the table built from it;
- ``stories``: the stories from practice and writing one;
- ``local``: defining a local indicator.

Views stay thin: ``indicators.selectors`` computes every number (aggregate queries, small cells
suppressed) and refuses anyone but team leaders, directors, policy officers and functional admins
(403); ``indicators.services`` decides who may write a story or define an indicator. No page shows
a case, a household or a person, nor links to one.
"""
