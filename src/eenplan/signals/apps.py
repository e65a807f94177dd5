from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "eenplan.signals"
    label = "signals"
    verbose_name = "Signalen"
