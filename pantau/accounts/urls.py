from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("home/", views.home, name="home"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("two-factor/disable/", views.two_factor_disable, name="two-factor-disable"),
    path("password/change/", views.password_change, name="password-change"),
    path("password/change/done/", views.password_change_done, name="password-change-done"),
    path("password/reset/", views.password_reset, name="password-reset"),
    path("password/reset/sent/", views.password_reset_done, name="password-reset-done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        views.password_reset_complete,
        name="password-reset-complete",
    ),
]
