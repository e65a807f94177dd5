"""Fuzzing the reader of providers' messages: whatever bytes arrive, the reader either reads a
message or refuses it with a ValidationError in plain Dutch — it never crashes."""

from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from eenplan.provisions.constants import Standard
from eenplan.provisions.messages import codes
from eenplan.provisions.messages.reading import read_message

# A 305 (iWmo start) whose parts are filled in by the fuzzer: it passes the namespace check, so
# the header, client and line readers get the odd values too.
M = codes.namespace(Standard.IWMO, codes.START)
B = codes.basis_namespace(Standard.IWMO)
SKELETON = (
    f'<?xml version="1.0" encoding="UTF-8"?><Bericht xmlns="{M}" xmlns:b="{B}">'
    "<Header><BerichtCode>{code}</BerichtCode><Afzender>{sender}</Afzender>"
    "<Ontvanger>{receiver}</Ontvanger><BerichtIdentificatie><b:Identificatie>{ident}"
    "</b:Identificatie><b:Dagtekening>{date}</b:Dagtekening></BerichtIdentificatie>"
    "<XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie>"
    "<b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></XsdVersie></Header>{body}</Bericht>"
)
pieces = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def refused_or_read(content: bytes) -> None:
    try:
        read_message(content)
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_refused_never_crash(content):
    refused_or_read(content)


@given(
    code=st.sampled_from(["418", "420", "484", "999", ""]) | pieces,
    sender=st.sampled_from(["12345678", "1234567"]) | pieces,
    receiver=st.sampled_from(["0010", "10"]) | pieces,
    ident=pieces,
    date=st.sampled_from(["2026-11-23", "2026-02-30", "morgen", ""]) | pieces,
    body=st.sampled_from(["", "<Client/>", "<Client><Bsn>123456782</Bsn></Client>"]) | pieces,
)
def test_messages_with_wrong_parts_are_refused_never_crash(
    code, sender, receiver, ident, date, body
):
    xml = SKELETON.format(
        code=code, sender=sender, receiver=receiver, ident=ident, date=date, body=body
    )
    refused_or_read(xml.encode("utf-8", errors="surrogatepass"))
