"""Error responses shared by the operations in the schema."""

from drf_spectacular.utils import OpenApiResponse

BAD_REQUEST = OpenApiResponse(
    description='Ongeldige invoer. De foutmeldingen staan per veld: {"veld": ["melding"]}; '
    'een fout die niet bij één veld hoort staat onder "non_field_errors".'
)
NOT_FOUND = OpenApiResponse(
    description="Niet gevonden: het object bestaat niet of u mag het niet zien."
)
FORBIDDEN = OpenApiResponse(description="Geen toegang met uw rol.")
