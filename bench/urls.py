"""Pantau's addresses and the bare page of ``bench.wsgi``."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("<!doctype html><html lang=id><title>bare</title><p>bare</p></html>")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("config.urls")),
]
