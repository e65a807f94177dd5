from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationKind(models.TextChoices):
    NETWORK = "netwerkoverleg", _("Netwerkoverleg van partnerorganisaties")
    MDO = "mdo", _("Multidisciplinair overleg (MDO)")
    PLAN_MEETING = "plangesprek", _("Plangesprek met het huishouden")


class AttendeeKind(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    HOUSEHOLD_MEMBER = "gezinslid", _("Gezinslid")
    NETWORK_MEMBER = "netwerklid", _("Iemand uit het eigen netwerk")


class DecisionKind(models.TextChoices):
    """A decision in the minutes; the first two change the case through its own services."""

    COORDINATOR = "regisseur", _("Regisseur afgesproken")
    ESCALATION = "opschaling", _("Opschaling")
    OTHER = "anders", _("Ander besluit")


class AgreementState(models.TextChoices):
    """Derived from the linked plan action: an agreement is followed up in the plan."""

    OPEN = "open", _("Open")
    OVERDUE = "te_laat", _("Te laat")
    DONE = "klaar", _("Klaar")
    CANCELLED = "geannuleerd", _("Geannuleerd")


class ReminderMoment(models.TextChoices):
    BEFORE = "voor", _("Voor de deadline")
    AFTER = "na", _("Na de deadline")


class PolicyTheme(models.TextChoices):
    RULES = "regels", _("Regels en wetgeving")
    CONTRACTS = "contracten", _("Contracten en inkoop")
    WAITING_LISTS = "wachtlijsten", _("Wachtlijsten")
    COOPERATION = "samenwerking", _("Samenwerking")
    FUNDING = "financiering", _("Financiering")
    OTHER = "anders", _("Anders")


class PolicySignalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONSIDERING = "in_behandeling", _("In behandeling")
    ACTED_ON = "opgepakt", _("Opgepakt")
    DECLINED = "afgewezen", _("Afgewezen")
