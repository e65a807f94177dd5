from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "eenplan.plans"
    label = "plans"
    verbose_name = "Plannen"
