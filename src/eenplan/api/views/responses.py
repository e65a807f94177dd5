"""Error responses shared by the operations in the schema."""

from drf_spectacular.utils import OpenApiResponse

from eenplan.api.serializers.common import ConflictSerializer

BAD_REQUEST = OpenApiResponse(
    description='Ongeldige invoer. De foutmeldingen staan per veld: {"veld": ["melding"]}; '
    'een fout die niet bij één veld hoort staat onder "non_field_errors".'
)
NOT_FOUND = OpenApiResponse(
    description="Niet gevonden: het object bestaat niet of u mag het niet zien."
)
FORBIDDEN = OpenApiResponse(description="Geen toegang met uw rol.")
CONFLICT = OpenApiResponse(
    response=ConflictSerializer,
    description="Conflict: iemand anders heeft dit intussen gewijzigd (lock_version of revision "
    "klopt niet meer). Er is niets opgeslagen; lees opnieuw en probeer het nog eens.",
)
