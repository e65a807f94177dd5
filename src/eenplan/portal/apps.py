from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "eenplan.portal"
    label = "portal"
    verbose_name = "Portaal voor inwoners"
