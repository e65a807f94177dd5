"""The upload form of a provider's message. It checks the name and the size (``uploads``), reads
at most the limit plus one byte and hands the bytes to ``services.message_import``, which decides
the rest."""

from django import forms
from django.conf import settings

from eenplan.provisions.messages import uploads


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bericht van een aanbieder (XML)",
        allow_empty_file=True,  # an empty file gets the reader's own message
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
        error_messages={"required": "Kies een bestand.", "invalid": "Kies een bestand."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].help_text = (
            "Een start (305), stop (307) of declaratie (323), iWmo of iJw: een .xml-bestand van "
            f"hoogstens {settings.MAX_UPLOAD_MB} MB."
        )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        uploads.check_file(upload)
        content = uploads.read_limited(upload)
        if len(content) > uploads.limit_bytes():
            raise uploads.too_large()
        return {"name": upload.name or "", "content": content}
