from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "eenplan.indicators"
    label = "indicators"
    verbose_name = "Indicatoren en benchmark"

    def ready(self):
        from eenplan.indicators import sql

        sql.register_sqlite_median()
