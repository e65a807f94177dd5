from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "eenplan.common"
    label = "common"
    verbose_name = "Gemeenschappelijk"

    def ready(self) -> None:
        from eenplan.common.logging import configure_structlog

        configure_structlog()
