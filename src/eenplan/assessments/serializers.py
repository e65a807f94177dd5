"""Assessments in API v1: instruments (no personal data) and assessments.

Output serializers read what ``eenplan.assessments.selectors`` returns; input serializers check
shape only (types, lengths). Whether a score fits the scale and whether the organisation may
assess whom is for ``eenplan.assessments.services``.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from eenplan.api.pagination import PageQuerySerializer
from eenplan.api.serializers.common import LifeDomainField, OrganisationRefSerializer
from eenplan.api.serializers.network import ProfessionalRefSerializer
from eenplan.api.serializers.plans import PersonRefSerializer
from eenplan.api.serializers.tenancy import MunicipalityRefSerializer
from eenplan.assessments.constants import Subject
from eenplan.assessments.services import MAX_NOTE_LENGTH

MAX_SCORES = 100

# --- Instruments -------------------------------------------------------------------------------


class DomainSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text=_("Gelijk over de versies van een instrument: zo loopt de voortgang door.")
    )
    name = serializers.CharField()
    life_domain = LifeDomainField(
        allow_null=True,
        help_text=_("Het leefgebied van het plan waar het domein bij hoort, of null."),
    )
    position = serializers.IntegerField()


class ScaleLevelSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = serializers.CharField()


class InstrumentSerializer(serializers.Serializer):
    """An instrument version with its domains and scale, low to high (higher is better)."""

    uuid = serializers.UUIDField()
    code = serializers.CharField(help_text=_("Gelijk voor alle versies, bijvoorbeeld zrm."))
    version = serializers.CharField()
    name = serializers.CharField()
    subject = serializers.ChoiceField(
        choices=Subject.choices, help_text=_("persoon of huishouden: wie wordt gemeten.")
    )
    description = serializers.CharField()
    is_active = serializers.BooleanField(help_text=_("Nieuwe metingen kunnen met deze versie."))
    is_standard = serializers.BooleanField(help_text=_("Meegeleverd met EenPlan."))
    municipality = MunicipalityRefSerializer(
        allow_null=True, help_text=_("De gemeente van het instrument; null: alle gemeenten.")
    )
    domains = DomainSerializer(many=True, source="domains.all")
    scale = ScaleLevelSerializer(many=True, source="levels.all")


class InstrumentRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    code = serializers.CharField()
    version = serializers.CharField()
    name = serializers.CharField()


class InstrumentListQuerySerializer(PageQuerySerializer):
    municipality = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "Alleen de instrumenten voor deze gemeente: de gedeelde en die van de gemeente."
        ),
    )


# --- Assessments -------------------------------------------------------------------------------


class AssessmentCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()


class ScoreSerializer(serializers.Serializer):
    domain = serializers.CharField(source="domain.code", help_text=_("De code van het domein."))
    domain_name = serializers.CharField(source="domain.name")
    value = serializers.IntegerField()
    label = serializers.SerializerMethodField(help_text=_("De betekenis van de score."))
    note = serializers.CharField()

    def get_label(self, score) -> str:
        return self.context.get("labels", {}).get(score.value, "")


class AssessmentSerializer(serializers.Serializer):
    """An assessment with the scores filled in; domains left empty are not there."""

    uuid = serializers.UUIDField()
    case = AssessmentCaseSerializer()
    subject = serializers.SerializerMethodField(
        help_text=_("persoon of huishouden: wie is gemeten.")
    )
    person = PersonRefSerializer(allow_null=True, help_text=_("null bij het hele huishouden."))
    instrument = InstrumentRefSerializer()
    assessed_on = serializers.DateField()
    assessed_by = ProfessionalRefSerializer()
    organisation = OrganisationRefSerializer()
    note = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    scores = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=Subject.choices))
    def get_subject(self, assessment) -> str:
        return Subject.HOUSEHOLD if assessment.person_id is None else Subject.PERSON

    def _scores(self, assessment) -> list[dict]:
        labels = {level.value: level.label for level in assessment.instrument.levels.all()}
        return ScoreSerializer(assessment.scores.all(), many=True, context={"labels": labels}).data

    @extend_schema_field(ScoreSerializer(many=True))
    def get_scores(self, assessment) -> list[dict]:
        return self._scores(assessment)


class ComparedScoreSerializer(ScoreSerializer):
    previous_value = serializers.IntegerField(
        allow_null=True, help_text=_("De score bij de vorige meting, of null.")
    )
    change = serializers.IntegerField(
        allow_null=True, help_text=_("Nu min de vorige keer; positief is beter.")
    )


class AssessmentRefSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    assessed_on = serializers.DateField()


class AssessmentDetailSerializer(AssessmentSerializer):
    """An assessment compared with the one before it of the same person (or household) and
    instrument, domains matched by code. The view sets ``assessment.previous``."""

    previous = AssessmentRefSerializer(
        allow_null=True, help_text=_("De vorige meting die u mag zien, of null.")
    )
    scores = serializers.SerializerMethodField()

    @extend_schema_field(ComparedScoreSerializer(many=True))
    def get_scores(self, assessment) -> list[dict]:
        previous = getattr(assessment, "previous", None)
        before = {s.domain.code: s.value for s in previous.scores.all()} if previous else {}
        rows = []
        for row, score in zip(self._scores(assessment), assessment.scores.all(), strict=True):
            earlier = before.get(score.domain.code)
            change = None if earlier is None else score.value - earlier
            rows.append({**row, "previous_value": earlier, "change": change})
        return rows


class ScoreInputSerializer(serializers.Serializer):
    domain = serializers.CharField(max_length=40, help_text=_("De code van het domein."))
    value = serializers.IntegerField(help_text=_("Een waarde van de schaal van het instrument."))
    note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_LENGTH
    )


class AssessmentInputSerializer(serializers.Serializer):
    """A new assessment. Only the domains in ``scores`` are stored; at least one."""

    case = serializers.UUIDField()
    person = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Het gezinslid; leeg of null bij een instrument voor het hele huishouden."),
    )
    instrument = serializers.UUIDField(help_text=_("Een instrument (versie) dat in gebruik is."))
    assessed_on = serializers.DateField(help_text=_("Niet in de toekomst."))
    scores = ScoreInputSerializer(many=True, max_length=MAX_SCORES)
    note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTE_LENGTH
    )


class AssessmentListQuerySerializer(PageQuerySerializer):
    case = serializers.UUIDField(
        required=False, allow_null=True, default=None, help_text=_("De metingen in deze casus.")
    )
    person = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("De metingen van dit gezinslid (zonder die van het hele huishouden)."),
    )

    def validate(self, attrs: dict) -> dict:
        if not attrs["case"] and not attrs["person"]:
            raise serializers.ValidationError(
                _("Geef een casus (case), een persoon (person) of beide.")
            )
        return attrs
