"""Finding details that identify a household in text that everyone at the table, or policy,
reads: the question put to a meeting and a policy signal.

The check is deliberately plain: the names of the people concerned (known from the cases in
question), the case numbers, and patterns that are personal by their form (BSN-like numbers,
postcodes, e-mail addresses, telephone numbers, dates). It catches the common slip, not every
possible description; the form text asks the writer to leave details out as well.
"""

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PATTERNS = [
    (re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b"), gettext_lazy("een postcode")),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), gettext_lazy("een e-mailadres")),
    (re.compile(r"(?:\+31|\b0)[\s-]?\d(?:[\s-]?\d){8}\b"), gettext_lazy("een telefoonnummer")),
    (re.compile(r"\b\d(?:[\s.]?\d){7,8}\b"), gettext_lazy("een nummer dat een BSN kan zijn")),
    (re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"), gettext_lazy("een datum")),
]
# Parts of a name this short ("de", "Jo") match ordinary words; they are skipped.
MIN_NAME_LENGTH = 3


def identifying_details(
    text: str, *, names: Iterable[str] = (), references: Iterable[str] = ()
) -> list[str]:
    """What in ``text`` may identify someone, described for the writer (empty when nothing)."""
    found = [str(label) for pattern, label in PATTERNS if pattern.search(text)]
    words = {word.casefold() for word in re.findall(r"\w+", text)}
    for name in sorted(set(names)):
        parts = [part for part in re.findall(r"\w+", name) if len(part) >= MIN_NAME_LENGTH]
        if any(part.casefold() in words for part in parts):
            found.append(_("de naam %(name)s") % {"name": name})
    found += [
        _("het casusnummer %(reference)s") % {"reference": reference}
        for reference in sorted(set(references))
        if reference and reference.casefold() in text.casefold()
    ]
    return found


def household_names(case) -> list[str]:
    """The names of the case's household members and of its own network."""
    household = case.household
    persons = [m.person for m in household.memberships.select_related("person")]
    names = [part for person in persons for part in (person.given_names, person.surname)]
    return names + [member.name for member in household.network_members.all()]
