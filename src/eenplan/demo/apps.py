from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "eenplan.demo"
    label = "demo"
    verbose_name = "Demoregio"
