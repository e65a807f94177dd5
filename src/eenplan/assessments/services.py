"""Every change to instruments and assessments goes through these functions.

Recording an assessment locks the case under the case rule, checks the organisation's basis for
assessments of whom it scores, lands on the case timeline (which writes the access log) and
refreshes the case's signals, because a low score without a goal is a gap.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from eenplan.assessments.constants import Subject
from eenplan.assessments.models import Assessment, Domain, Instrument, ScaleLevel, Score
from eenplan.cases.constants import DataCategory, TimelineEventKind
from eenplan.cases.services import case_lock_visible, timeline_record
from eenplan.common.constants import LifeDomain
from eenplan.privacy import policy
from eenplan.signals.services import signals_refresh_case
from eenplan.tenancy.constants import Role
from eenplan.tenancy.models import Municipality

MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class ScoreInput:
    """A score on one domain, named by the domain's code."""

    domain: str
    value: int
    note: str = ""


@transaction.atomic
def assessment_record(
    *,
    actor,
    case,
    instrument: Instrument,
    assessed_on: datetime.date,
    scores: Iterable[ScoreInput],
    person=None,
    note: str = "",
) -> Assessment:
    """Record an assessment of ``person`` (or, for a household instrument, of the household).

    Only the domains that were scored are stored; at least one is needed.
    """
    case = case_lock_visible(actor=actor, case=case)
    _check_subject(actor=actor, case=case, instrument=instrument, person=person)
    if assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("Een meting kan niet in de toekomst liggen.")})
    if instrument.municipality_id not in (None, case.household.municipality_id):
        raise ValidationError({"instrument": _("Dit instrument is niet voor deze gemeente.")})
    if not instrument.is_active:
        raise ValidationError(
            {"instrument": _("Deze versie van het instrument is niet meer in gebruik.")}
        )
    rows = _score_rows(instrument, list(scores))
    assessment = Assessment.objects.create(
        case=case,
        person=person,
        instrument=instrument,
        assessed_on=assessed_on,
        assessed_by=actor,
        organisation=actor.acting_organisation,
        note=note.strip(),
    )
    for row in rows:
        row.assessment = assessment
    Score.objects.bulk_create(rows)
    timeline_record(
        actor=actor,
        case=case,
        kind=TimelineEventKind.ASSESSMENT_RECORDED,
        summary=_("Meting met %(instrument)s van %(day)s vastgelegd.")
        % {"instrument": instrument, "day": date_format(assessed_on, "j F Y")},
    )
    signals_refresh_case(case=case)
    return assessment


def _check_subject(*, actor, case, instrument: Instrument, person) -> None:
    access = policy.case_access(actor, [case.pk])[case.pk]
    if instrument.subject == Subject.HOUSEHOLD:
        if person is not None:
            raise ValidationError({"person": _("Dit instrument meet het hele huishouden.")})
        allowed = access.allows(DataCategory.ASSESSMENTS)
    else:
        if person is None or not case.household.memberships.filter(person=person).exists():
            raise ValidationError({"person": _("Kies een lid van dit huishouden.")})
        allowed = access.allows(DataCategory.ASSESSMENTS, person)
    if not allowed:
        raise ValidationError(
            _(
                "Uw organisatie heeft geen toestemming of grondslag voor metingen van "
                "%(whom)s. Leg die eerst vast bij Toestemming."
            )
            % {"whom": _("dit huishouden") if person is None else person.given_names}
        )


def _score_rows(instrument: Instrument, scores: list[ScoreInput]) -> list[Score]:
    domains = {domain.code: domain for domain in instrument.domains.all()}
    values = set(instrument.levels.values_list("value", flat=True))
    errors, rows, seen = [], [], set()
    for score in scores:
        domain = domains.get(score.domain)
        if domain is None:
            errors.append(_("Onbekend domein: %s.") % score.domain)
        elif score.domain in seen:
            errors.append(_("%s staat er twee keer in.") % domain.name)
        elif score.value not in values:
            errors.append(
                _("%(domain)s: kies een score van %(low)s tot en met %(high)s.")
                % {"domain": domain.name, "low": min(values), "high": max(values)}
            )
        elif len(score.note) > MAX_NOTE_LENGTH:
            errors.append(_("%s: de toelichting is te lang.") % domain.name)
        else:
            seen.add(score.domain)
            rows.append(Score(domain=domain, value=score.value, note=score.note.strip()))
    if errors:
        raise ValidationError({"scores": errors})
    if not rows:
        raise ValidationError({"scores": _("Vul ten minste één domein in.")})
    return rows


# ------------------------------------------------------------------------------- instruments


@dataclass(frozen=True)
class DomainInput:
    name: str
    life_domain: str = ""


@transaction.atomic
def instrument_define(
    *,
    actor,
    municipality: Municipality,
    name: str,
    version: str,
    subject: str,
    domains: list[DomainInput],
    levels: list[tuple[int, str]],
    description: str = "",
    code: str = "",
) -> Instrument:
    """A functional admin defines an instrument for their municipality, or a new version of one
    (the same ``code``): domains and scale are data, never code. Earlier versions stay for the
    assessments made with them."""
    if (
        not policy.role_municipality_ids(actor, [Role.FUNCTIONAL_ADMIN])
        .filter(municipality_id=municipality.pk)
        .exists()
    ):
        raise PermissionDenied(_("Alleen een functioneel beheerder van deze gemeente."))
    code = code or slugify(name)[:40]
    errors = _definition_errors(name, version, subject, domains, levels)
    if Instrument.objects.filter(code=code, version=version.strip()).exists():
        errors["version"] = _("Deze versie bestaat al; kies een nieuw versienummer.")
    if errors:
        raise ValidationError(errors)
    instrument = Instrument.objects.create(
        code=code,
        version=version.strip(),
        name=name.strip(),
        subject=subject,
        description=description.strip(),
        municipality=municipality,
    )
    Domain.objects.bulk_create(
        Domain(
            instrument=instrument,
            code=domain_code,
            name=domain.name.strip(),
            life_domain=domain.life_domain,
            position=position,
        )
        for position, (domain, domain_code) in enumerate(
            zip(domains, _domain_codes(code, domains), strict=True), start=1
        )
    )
    ScaleLevel.objects.bulk_create(
        ScaleLevel(instrument=instrument, value=value, label=label.strip())
        for value, label in levels
    )
    return instrument


def _domain_codes(code: str, domains: list[DomainInput]) -> list[str]:
    """A code per domain: the slug of its name, but in a new version the code an earlier version
    gave a domain of the same name (case-insensitive), so its progress goes on across versions
    (the shipped ZRM codes are no slugs of their names: ``werk_opleiding``)."""
    earlier = {
        domain.name.casefold(): domain.code
        for domain in Domain.objects.filter(instrument__code=code).order_by(
            "instrument__created_at", "instrument_id"
        )
    }
    codes: list[str] = []
    for domain in domains:
        reused = earlier.get(domain.name.strip().casefold())
        codes.append(reused if reused and reused not in codes else slugify(domain.name)[:40])
    return codes


def _definition_errors(name, version, subject, domains, levels) -> dict[str, str]:
    errors = {}
    if not name.strip():
        errors["name"] = _("Geef het instrument een naam.")
    if not version.strip():
        errors["version"] = _("Geef een versie, bijvoorbeeld 2026.")
    if subject not in Subject.values:
        errors["subject"] = _("Kies wie het instrument meet.")
    codes = [slugify(domain.name) for domain in domains]
    if not domains or not all(codes):
        errors["domains"] = _("Geef ten minste één domein, elk met een naam.")
    elif len(set(codes)) != len(codes):
        errors["domains"] = _("Twee domeinen hebben dezelfde naam.")
    elif any(d.life_domain and d.life_domain not in LifeDomain.values for d in domains):
        errors["domains"] = _("Onbekend leefgebied bij een domein.")
    values = [value for value, _label in levels]
    labelled = all(label.strip() for _value, label in levels)
    if len(levels) < 2 or len(set(values)) != len(values) or not labelled:
        errors["levels"] = _("Geef ten minste twee schaalwaarden, elk met een betekenis.")
    return errors
