from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "eenplan.consultations"
    label = "consultations"
    verbose_name = "Casusoverleg"
