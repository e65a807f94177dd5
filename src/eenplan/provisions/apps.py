from django.apps import AppConfig


class ProvisionsConfig(AppConfig):
    name = "eenplan.provisions"
    label = "provisions"
    verbose_name = "Voorzieningen, mandaat en budget"
