"""The login steps after the password, under ``/inloggen/``: the code of the authenticator app,
linking an app, one's own app, and the login through the organisation's identity provider."""

from django.urls import path

from eenplan.tenancy import oidc, views

app_name = "tenancy"

urlpatterns = [
    path("code/", views.otp_verify, name="otp-verify"),
    path("app-koppelen/", views.otp_setup, name="otp-setup"),
    path("tweestapsverificatie/", views.otp_device, name="otp-device"),
    path("oidc/", oidc.login_start, name="oidc-init"),
    path("oidc/terug/", oidc.login_callback, name="oidc-callback"),
]
