"""The upload form of a provider's message. It reads at most 5 MB (plus one byte, to tell a
larger file) and hands the bytes to ``services.message_import``, which decides the rest."""

from django import forms

from eenplan.provisions.messages.reading import MAX_BYTES


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bericht van een aanbieder (XML)",
        help_text="Een start (305), stop (307) of declaratie (323), iWmo of iJw, van hoogstens "
        "5 MB.",
        allow_empty_file=True,  # an empty file gets the reader's own message
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
        error_messages={"required": "Kies een bestand.", "invalid": "Kies een bestand."},
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        content = upload.read(MAX_BYTES + 1)
        if len(content) > MAX_BYTES:
            raise forms.ValidationError(
                "Dit bestand is groter dan 5 MB. Zo groot is een iWmo- of iJw-bericht niet."
            )
        return {"name": upload.name or "", "content": content}
