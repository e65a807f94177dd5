from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "eenplan.tenancy"
    label = "tenancy"
    verbose_name = "Organisaties en gebruikers"
