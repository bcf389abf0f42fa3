from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("home/", views.home, name="home"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/disable/", views.two_factor_disable, name="two-factor-disable"),
]
