"""One file per module: each defines ``urlpatterns`` for its part of ``/api/v1/``."""
