from django.urls import path

from . import views
from .integration import views as integration_views

app_name = "api"

urlpatterns = [
    path("api/tokens/", views.token_list, name="token-list"),
    path("api/tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path(
        "api/integration-tokens/",
        integration_views.integration_tokens,
        name="integration-token-list",
    ),
    path(
        "api/integration-tokens/<int:pk>/revoke/",
        integration_views.integration_token_revoke,
        name="integration-token-revoke",
    ),
    path("units/<slug:slug>/api/", views.unit_detail, name="unit-detail"),
    path("units/<slug:slug>/api/webhooks/", views.webhook_create, name="webhook-create"),
    path(
        "units/<slug:slug>/api/webhooks/<int:pk>/delete/",
        views.webhook_delete,
        name="webhook-delete",
    ),
    path(
        "units/<slug:slug>/api/webhooks/deliveries/<int:pk>/resend/",
        views.webhook_resend,
        name="webhook-resend",
    ),
]
