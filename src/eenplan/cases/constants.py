from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    REFERRAL = "aanmelding", _("Aanmelding")
    INTAKE = "intake", _("Intake")
    PLAN = "plan", _("Plan")
    EXECUTION = "uitvoering", _("Uitvoering")
    EVALUATION = "evaluatie", _("Evaluatie")
    CLOSED = "afgesloten", _("Afgesloten")


class ClosingReason(models.TextChoices):
    GOALS_REACHED = "doelen_bereikt", _("Doelen bereikt")
    TRANSFERRED = "overgedragen", _("Overgedragen aan reguliere hulp")
    MOVED = "verhuisd", _("Huishouden is verhuisd")
    DECLINED = "geen_medewerking", _("Huishouden wil niet verder")
    NOT_NEEDED = "niet_nodig", _("Geen gezamenlijke aanpak nodig")
    DECEASED = "overleden", _("Overleden")
    OTHER = "anders", _("Anders")


class EscalationLevel(models.IntegerChoices):
    """Opschalen: who breaks a deadlock, ending with the municipality's doorzettingsmacht."""

    PROFESSIONALS = 1, _("1 — uitvoerders onderling")
    COORDINATOR = 2, _("2 — regisseur")
    TEAM_LEADERS = 3, _("3 — teamleiders")
    DIRECTORS = 4, _("4 — directeuren / bestuurders")
    MUNICIPALITY = 5, _("5 — gemeente (doorzettingsmacht)")


class ServiceType(models.TextChoices):
    DEBT_HELP = "schuldhulp", _("Schuldhulpverlening")
    INCOME_SUPPORT = "inkomen", _("Inkomensondersteuning")
    REINTEGRATION = "re_integratie", _("Re-integratie / werk")
    YOUTH_CARE_AMBULANT = "jeugdhulp_ambulant", _("Jeugdhulp ambulant")
    YOUTH_CARE_RESIDENTIAL = "jeugdhulp_verblijf", _("Jeugdhulp met verblijf")
    YOUTH_PROTECTION = "jeugdbescherming", _("Jeugdbescherming")
    MENTAL_HEALTH = "ggz", _("GGZ-behandeling")
    ADDICTION_CARE = "verslavingszorg", _("Verslavingszorg")
    SUPPORT = "begeleiding", _("Begeleiding (Wmo)")
    HOUSEHOLD_HELP = "huishoudelijke_hulp", _("Hulp bij het huishouden")
    HOUSING = "huisvesting", _("Huisvesting en woonbegeleiding")
    SOCIAL_WORK = "maatschappelijk_werk", _("Maatschappelijk werk")
    EDUCATION_SUPPORT = "onderwijs", _("Onderwijsondersteuning")
    SAFETY = "veiligheid", _("Veiligheid en handhaving")
    PROBATION = "reclassering", _("Reclassering")
    HEALTH_CARE = "gezondheidszorg", _("Gezondheidszorg")
    VOLUNTEER_SUPPORT = "vrijwillige_inzet", _("Vrijwillige inzet")
    COORDINATION = "regie", _("Regie en coördinatie")


class TimelineEventKind(models.TextChoices):
    CASE_OPENED = "casus_geopend", _("Casus aangemeld")
    STATUS_CHANGED = "status_gewijzigd", _("Status gewijzigd")
    CASE_REOPENED = "casus_heropend", _("Casus heropend")
    COORDINATOR_SET = "regisseur_gekozen", _("Regisseur vastgelegd")
    ESCALATION_CHANGED = "opschaling_gewijzigd", _("Opschaling gewijzigd")
    QUESTION_CHANGED = "hulpvraag_gewijzigd", _("Hulpvraag gewijzigd")
    INVOLVEMENT_ADDED = "betrokkenheid_toegevoegd", _("Organisatie betrokken")
    INVOLVEMENT_ENDED = "betrokkenheid_beeindigd", _("Betrokkenheid beëindigd")
    PLAN_CHANGED = "plan_gewijzigd", _("Plan gewijzigd")
    PLAN_AGREED = "plan_vastgesteld", _("Plan vastgesteld")
    PLAN_COMMITTED = "plan_commitment", _("Organisatie verbindt zich aan het plan")
    ACTION_PROGRESS = "actie_voortgang", _("Voortgang van een actie")
    GOAL_EVALUATED = "doel_geevalueerd", _("Doel geëvalueerd")
    REFERRAL_SENT = "aanmelding_verstuurd", _("Aanmelding verstuurd")
    REFERRAL_ACCEPTED = "aanmelding_geaccepteerd", _("Aanmelding geaccepteerd")
    REFERRAL_DECLINED = "aanmelding_afgewezen", _("Aanmelding afgewezen")
    CONSENT_RECORDED = "toestemming_vastgelegd", _("Toestemming of grondslag vastgelegd")
    CONSENT_WITHDRAWN = "toestemming_ingetrokken", _("Toestemming ingetrokken")
    NOTE_ADDED = "notitie_toegevoegd", _("Notitie toegevoegd")
    COORDINATOR_PROPOSED = "regisseur_voorgesteld", _("Regisseur voorgesteld")
    SIGNAL_RESOLVED = "signaal_afgehandeld", _("Signaal afgehandeld")
    AGENDA_ADDED = "geagendeerd", _("Op de agenda van een overleg")
    DISCUSSED = "besproken", _("Besproken in een overleg")
    MEETING_DECISION = "besluit_overleg", _("Besluit in een overleg")
    ASSESSMENT_RECORDED = "meting_vastgelegd", _("Meting vastgelegd")
    DECISION_REQUESTED = "voorziening_aangevraagd", _("Voorziening aangevraagd bij de gemeente")
    DECISION_GRANTED = "voorziening_toegekend", _("Voorziening toegekend")
    DECISION_REFUSED = "voorziening_afgewezen", _("Voorziening afgewezen")
    DECISION_ENDED = "voorziening_beeindigd", _("Voorziening beëindigd")
    DELIVERY_CHANGED = "levering_gewijzigd", _("Levering door de aanbieder gestart of gestopt")
    HOUSEHOLD_PROPOSAL = "voorstel_huishouden", _("Voorstel van het huishouden")
    PROPOSAL_ANSWERED = "voorstel_beantwoord", _("Voorstel van het huishouden beantwoord")


class DataCategory(models.TextChoices):
    """What an organisation may receive about a household (toestemming per soort gegevens)."""

    PLAN = "plan", _("Het plan: vragen, doelen, acties, tijdlijn en eigen netwerk")
    NOTES = "notities", _("Notities")
    ASSESSMENTS = "diagnoses", _("Diagnoses en metingen (zoals de ZRM)")
    CONTACT = "contactgegevens", _("Adres, telefoon en e-mail")


class SharingGround(models.TextChoices):
    """Why an organisation may see content: the person's consent, or a legal basis."""

    CONSENT = "toestemming", _("Toestemming van de inwoner")
    YOUTH_PROTECTION = "jeugdbescherming", _("Jeugdbeschermingsmaatregel")
    SAFETY = "veiligheid", _("Acute onveiligheid")
    MELDCODE = "meldcode", _("Meldcode huiselijk geweld en kindermishandeling")
    LEGAL_TASK = "wettelijke_taak", _("Wettelijke taak (Wmo, Jeugdwet, Participatiewet)")
    COURT_ORDER = "rechterlijke_uitspraak", _("Rechterlijke uitspraak")


class ReferralStatus(models.TextChoices):
    SENT = "verstuurd", _("Verstuurd")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    DECLINED = "afgewezen", _("Afgewezen")


class NoteAudience(models.TextChoices):
    """Who reads a note."""

    OWN_ORGANISATION = "eigen_organisatie", _("Alleen mijn organisatie")
    INVOLVED = "betrokkenen", _("Alle betrokkenen (binnen de toestemming)")
    COORDINATOR = "regisseur", _("Alleen de regisseur")


class ProposalStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("Voorgesteld")
    AGREED = "afgesproken", _("Afgesproken")
    WITHDRAWN = "ingetrokken", _("Ingetrokken")
