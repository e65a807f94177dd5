from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "eenplan.privacy"
    label = "privacy"
    verbose_name = "Privacy en toegangslog"
