from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "eenplan.people"
    label = "people"
    verbose_name = "Personen en huishoudens"
