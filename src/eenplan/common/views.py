"""The page of a background job: how far it is and how it ended, for whoever asked for it."""

import uuid

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from eenplan.common.models import Job


@login_required
@require_GET
def job_detail(request, job_uuid: uuid.UUID):
    job = get_object_or_404(Job.objects.visible_to(request.user), uuid=job_uuid)
    return render(request, "common/job.html", {"job": job})
