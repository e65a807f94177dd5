from django.urls import path

from eenplan.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", views.CitizenLoginView.as_view(), name="login"),
    path("uitloggen/", views.CitizenLogoutView.as_view(), name="logout"),
]
