"""Loading the demo's stories and local indicator (``eenplan.demo.data.stories``) through the
indicators' services, as the demo professionals and the functional admin. Stories and indicators
that exist already (same title or name in the municipality) are left alone."""

from eenplan.demo.data.stories import LOCAL_INDICATORS, STORIES
from eenplan.indicators.models import LocalIndicator, Story
from eenplan.indicators.services import local_indicator_define, story_write
from eenplan.tenancy.models import Municipality, User


def indicators_load(*, users: dict[str, User], municipalities: dict[str, Municipality]) -> int:
    """Write the stories and define the local indicators; returns how many were new."""
    created = 0
    for spec in STORIES:
        municipality = municipalities[spec.municipality]
        if Story.objects.filter(municipality=municipality, title=spec.title).exists():
            continue
        story_write(
            actor=users[spec.author],
            municipality=municipality,
            title=spec.title,
            text=spec.text,
            themes=[str(theme) for theme in spec.themes],
            indicator_codes=list(spec.indicators),
        )
        created += 1
    for spec in LOCAL_INDICATORS:
        municipality = municipalities[spec.municipality]
        if LocalIndicator.objects.filter(municipality=municipality, name=spec.name).exists():
            continue
        local_indicator_define(
            actor=users[spec.author],
            municipality=municipality,
            name=spec.name,
            description=spec.description,
            numerator=spec.numerator,
            denominator=spec.denominator,
            scale=spec.scale,
            priority_domain=str(spec.priority_domain),
        )
        created += 1
    return created
