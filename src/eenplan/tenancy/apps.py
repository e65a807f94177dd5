from django.apps import AppConfig


class TenancyConfig(AppConfig):
    name = "eenplan.tenancy"
    label = "tenancy"
    verbose_name = "Organisaties en gebruikers"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from eenplan.tenancy.sessions import session_start

        user_logged_in.connect(session_start, dispatch_uid="eenplan.tenancy.session_start")
