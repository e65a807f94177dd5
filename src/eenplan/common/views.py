"""The page of a background job: how far it is and how it ended, for whoever asked for it."""

import uuid

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from eenplan.common.models import Job


@login_required
@require_GET
def job_detail(request, job_uuid: uuid.UUID):
    # Only the requester: the reasons a file was refused may quote it.
    job = get_object_or_404(Job, uuid=job_uuid, requested_by=request.user)
    percent = round(100 * job.progress_done / job.progress_total) if job.progress_total else None
    return render(request, "common/job.html", {"job": job, "percent": percent})
