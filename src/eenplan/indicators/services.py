"""Changes in the indicators app: local indicators, stories and population figures."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from eenplan.cases.constants import ServiceType
from eenplan.common.constants import LifeDomain
from eenplan.consultations.anonymity import identifying_details
from eenplan.indicators.constants import Scale, StoryTheme
from eenplan.indicators.definitions import CORE_BY_CODE
from eenplan.indicators.measures import MEASURES
from eenplan.indicators.models import LocalIndicator, PopulationFigure, Story
from eenplan.people.models import Person
from eenplan.privacy import policy
from eenplan.tenancy.constants import CASE_WORKER_ROLES, Role
from eenplan.tenancy.models import Municipality


def _serves(user, roles, municipality: Municipality) -> bool:
    return (
        policy.role_municipality_ids(user, roles).filter(municipality_id=municipality.pk).exists()
    )


@transaction.atomic
def local_indicator_define(
    *,
    actor,
    municipality: Municipality,
    name: str,
    numerator: str,
    denominator: str,
    scale: int = Scale.PERCENT,
    description: str = "",
    priority_domain: str = "",
    service_type: str = "",
) -> LocalIndicator:
    """A functional admin adds an indicator for their municipality: a ratio of two core
    measures over the cases that pass an optional filter."""
    if not _serves(actor, [Role.FUNCTIONAL_ADMIN], municipality):
        raise PermissionDenied(_("Alleen een functioneel beheerder van deze gemeente."))
    errors = _local_indicator_errors(municipality, name, numerator, denominator, scale)
    if priority_domain and priority_domain not in LifeDomain.values:
        errors["priority_domain"] = _("Onbekend leefgebied.")
    if service_type and service_type not in ServiceType.values:
        errors["service_type"] = _("Onbekende soort hulp.")
    if errors:
        raise ValidationError(errors)
    return LocalIndicator.objects.create(
        municipality=municipality,
        name=name.strip(),
        description=description.strip(),
        numerator=numerator,
        denominator=denominator,
        scale=scale,
        priority_domain=priority_domain,
        service_type=service_type,
        created_by=actor,
    )


def _local_indicator_errors(municipality, name, numerator, denominator, scale) -> dict:
    errors = {}
    if not name.strip():
        errors["name"] = _("Geef de indicator een naam.")
    elif LocalIndicator.objects.filter(municipality=municipality, name=name.strip()).exists():
        errors["name"] = _("Deze gemeente heeft al een indicator met deze naam.")
    for field, code in (("numerator", numerator), ("denominator", denominator)):
        if code not in MEASURES:
            errors[field] = _("Kies een maat uit de lijst.")
    if scale not in Scale.values:
        errors["scale"] = _("Kies een schaal.")
    return errors


def _visible_names(user) -> list[str]:
    """The names of the people in the cases the writer may see: a story must not contain them."""
    rows = Person.objects.visible_to(user).values_list("given_names", "surname")
    return [part for row in rows for part in row]


@transaction.atomic
def story_write(
    *,
    actor,
    municipality: Municipality,
    title: str,
    text: str,
    themes: Iterable[str] = (),
    indicator_codes: Iterable[str] = (),
) -> Story:
    """A professional writes an anonymised story from practice. Refused while the title or text
    holds a name from the writer's cases, a case number, or personal details by their form."""
    if not _serves(actor, CASE_WORKER_ROLES, municipality):
        raise PermissionDenied(_("Schrijf verhalen voor een gemeente waar uw organisatie werkt."))
    themes, indicator_codes = list(dict.fromkeys(themes)), list(dict.fromkeys(indicator_codes))
    errors = {}
    if not title.strip():
        errors["title"] = _("Geef het verhaal een titel.")
    if not text.strip():
        errors["text"] = _("Schrijf het verhaal.")
    if any(theme not in StoryTheme.values and theme not in LifeDomain.values for theme in themes):
        errors["themes"] = _("Onbekend thema.")
    if any(code not in CORE_BY_CODE for code in indicator_codes):
        errors["indicator_codes"] = _("Onbekende indicator.")
    found = identifying_details(f"{title}\n{text}", names=_visible_names(actor))
    if found:
        errors["text"] = _(
            "Maak het verhaal anoniem: het bevat %(found)s. Noem geen namen, casusnummers, "
            "adressen of data."
        ) % {"found": ", ".join(found)}
    if errors:
        raise ValidationError(errors)
    return Story.objects.create(
        municipality=municipality,
        title=title.strip(),
        text=text.strip(),
        themes=themes,
        indicator_codes=indicator_codes,
        author=actor,
        organisation=actor.acting_organisation,
    )


@dataclass(frozen=True)
class PopulationRow:
    cbs_code: str
    year: int
    inhabitants: int
    households: int
    youth: int


@transaction.atomic
def population_load(*, rows: Iterable[PopulationRow], source: str) -> tuple[int, list[str]]:
    """Store population figures per municipality and year (replacing the same year). Returns the
    number stored and the CBS codes that match no municipality here (skipped)."""
    municipalities = dict(Municipality.objects.values_list("cbs_code", "pk"))
    stored, unknown = 0, []
    for row in rows:
        municipality_id = municipalities.get(row.cbs_code)
        if municipality_id is None:
            unknown.append(row.cbs_code)
            continue
        if min(row.inhabitants, row.households) < 1 or row.youth < 0:
            raise ValidationError(
                _("Onjuiste aantallen voor %(code)s in %(year)s.")
                % {"code": row.cbs_code, "year": row.year}
            )
        PopulationFigure.objects.update_or_create(
            municipality_id=municipality_id,
            year=row.year,
            defaults={
                "inhabitants": row.inhabitants,
                "households": row.households,
                "youth": row.youth,
                "source": source,
            },
        )
        stored += 1
    return stored, sorted(set(unknown))
