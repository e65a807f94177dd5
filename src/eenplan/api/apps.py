from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "eenplan.api"
    label = "api"
    verbose_name = "API"
