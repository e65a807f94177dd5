from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "eenplan.complaints"
    label = "complaints"
    verbose_name = "Klachten en bezwaren"
