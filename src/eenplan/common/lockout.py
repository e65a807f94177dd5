"""What someone sees when django-axes has locked their login after too many wrong passwords: the
professional or the portal page in plain Dutch. (The API's token login answers a locked account
like a wrong password.)"""

from django.conf import settings
from django.shortcuts import render

LOCKED = 429


def locked_out(request, response, credentials):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    portal = request.path.startswith("/mijn/")
    template = "portal/locked_out.html" if portal else "registration/locked_out.html"
    return render(request, template, {"minutes": minutes}, status=LOCKED)
