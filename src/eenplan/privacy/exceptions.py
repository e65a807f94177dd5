from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class NotShared(PermissionDenied):
    """The user may know the household but holds no consent or legal basis for this content."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "U ziet alleen dat dit huishouden bekend is en wie u kunt bellen. Voor deze "
                "gegevens is toestemming van het huishouden of een wettelijke grondslag nodig."
            )
        )
