"""The limits on a provider's message that arrives as an upload (page or API): its size
(``EENPLAN_MAX_UPLOAD_MB``, default 5) and its name (``.xml``). What is inside is judged by the
reader (``reading``): it must start like XML, and a DTD or entities are refused there."""

from django.conf import settings
from django.core.exceptions import ValidationError


def limit_bytes() -> int:
    return settings.MAX_UPLOAD_MB * 1024 * 1024


def too_large() -> ValidationError:
    return ValidationError(
        f"Dit bestand is groter dan {settings.MAX_UPLOAD_MB} MB. Zo groot is een iWmo- of "
        "iJw-bericht niet; het is niet gelezen.",
        code="too_large",
    )


def read_limited(stream) -> bytes:
    """At most the limit and one byte: enough to tell a larger file, never the whole of it."""
    return stream.read(limit_bytes() + 1) if stream is not None else b""


def check_file(upload) -> None:
    """An uploaded file: named ``.xml`` and not over the limit (before anything is read)."""
    if not (upload.name or "").lower().endswith(".xml"):
        raise ValidationError(
            "Dit is geen XML-bestand. Een iWmo- of iJw-bericht is een bestand dat eindigt op .xml.",
            code="not_xml",
        )
    if upload.size is not None and upload.size > limit_bytes():
        raise too_large()
