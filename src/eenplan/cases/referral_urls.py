"""'Aanmeldingen' at /aanmeldingen/: the referrals inbox of the user's organisations."""

from django.urls import path

from eenplan.cases.views import referrals

app_name = "referrals"

urlpatterns = [
    path("", referrals.inbox, name="inbox"),
    path("<uuid:referral_uuid>/accepteren/", referrals.referral_accept, name="accept"),
    path("<uuid:referral_uuid>/afwijzen/", referrals.referral_decline, name="decline"),
]
