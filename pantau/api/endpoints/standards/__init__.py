"""``/api/v1/units/{slug}/…``: a unit's service standards in force and their public history, its
service pledge (maklumat), the outcome of its held consultation forums (public), and its
publication records (token; recording and deleting them with the write scope); and, with the
write scope, the writes of the web pages: a standard's workflow and its draft's content, the
pledge's draft and setting it, consultation forums with their participants, attendance and
agreements.

Reads go through ``standards.selectors`` (the public ones for the public endpoints, so a draft
or a forum not yet held never shows); writes go through ``standards.services`` after the web
form's own checks (``standards.forms``: VersionForm, MaklumatForm, ForumForm, AgreementForm…),
and the service checks the right."""

from django.urls import path

from .forums import ForumAgreement, ForumAgreements, ForumAttendance, ForumHeld, ForumParticipants
from .pledges import MaklumatDraft, MaklumatPublish
from .public import (
    ForumDetail,
    ForumList,
    MaklumatInForce,
    StandardHistory,
    StandardInForce,
    StandardVersionDetail,
    UnitStandards,
)
from .publications import PublicationDetail, PublicationList
from .versions import DraftStart, VersionContent, VersionDiscuss, VersionPublish, VersionSet

SERVICE = "units/<slug:slug>/services/<slug:service_slug>/standard/"

urlpatterns = [
    path(f"{SERVICE}drafts/", DraftStart.as_view(), name="standard-draft-start"),
    path(
        f"{SERVICE}versions/<int:version>/content/",
        VersionContent.as_view(),
        name="standard-version-content",
    ),
    path(
        f"{SERVICE}versions/<int:version>/discuss/",
        VersionDiscuss.as_view(),
        name="standard-version-discuss",
    ),
    path(
        f"{SERVICE}versions/<int:version>/set/", VersionSet.as_view(), name="standard-version-set"
    ),
    path(
        f"{SERVICE}versions/<int:version>/publish/",
        VersionPublish.as_view(),
        name="standard-version-publish",
    ),
    path("units/<slug:slug>/standards/", UnitStandards.as_view(), name="unit-standards"),
    path(SERVICE, StandardInForce.as_view(), name="standard-in-force"),
    path(f"{SERVICE}versions/", StandardHistory.as_view(), name="standard-history"),
    path(
        f"{SERVICE}versions/<int:number>/",
        StandardVersionDetail.as_view(),
        name="standard-version",
    ),
    path("units/<slug:slug>/maklumat/", MaklumatInForce.as_view(), name="unit-maklumat"),
    path("units/<slug:slug>/maklumat/draft/", MaklumatDraft.as_view(), name="unit-maklumat-draft"),
    path(
        "units/<slug:slug>/maklumat/draft/publish/",
        MaklumatPublish.as_view(),
        name="unit-maklumat-publish",
    ),
    path("units/<slug:slug>/forums/", ForumList.as_view(), name="unit-forum-list"),
    path("units/<slug:slug>/forums/<int:pk>/", ForumDetail.as_view(), name="unit-forum-detail"),
    path(
        "units/<slug:slug>/forums/<int:pk>/participants/",
        ForumParticipants.as_view(),
        name="unit-forum-participants",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/attendance/",
        ForumAttendance.as_view(),
        name="unit-forum-attendance",
    ),
    path("units/<slug:slug>/forums/<int:pk>/held/", ForumHeld.as_view(), name="unit-forum-held"),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/",
        ForumAgreements.as_view(),
        name="unit-forum-agreements",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/<int:agreement>/",
        ForumAgreement.as_view(),
        name="unit-forum-agreement",
    ),
    path(
        "units/<slug:slug>/publications/",
        PublicationList.as_view(),
        name="unit-publication-list",
    ),
    path(
        "units/<slug:slug>/publications/<int:pk>/",
        PublicationDetail.as_view(),
        name="unit-publication-detail",
    ),
]
