"""``/api/v1/skm/``: published SKM results (public), a unit's periods (token), the citizen's
questionnaire and submission (public), the unit's writes (setting up a period, paper entry, the
unit head's open/close/publish) and the period's follow-up plan (rencana tindak lanjut).

Results come from ``satisfaction.selectors`` (one grouped query over the tallies, then
``analytics.ikm.compute_ikm``); submissions go through ``surveys.services.submit_public_response``
after the web form's own checks (``surveys.forms.ResponseForm``)."""

from django.urls import path

from .follow_up import FollowUpActionDetail, FollowUpPlan
from .periods import PeriodDetail, PeriodList, PublishedResultDetail, PublishedResultList
from .publication import PeriodPublish, PeriodStatus
from .responses import AccessCodesCreate, PaperResponseCreate, Questionnaire, ResponseSubmit

urlpatterns = [
    path("skm/results/", PublishedResultList.as_view(), name="skm-result-list"),
    path("skm/results/<int:pk>/", PublishedResultDetail.as_view(), name="skm-result-detail"),
    path("skm/periods/", PeriodList.as_view(), name="skm-period-list"),
    path("skm/periods/<int:pk>/", PeriodDetail.as_view(), name="skm-period-detail"),
    path("skm/periods/<int:pk>/questionnaire/", Questionnaire.as_view(), name="skm-questionnaire"),
    path("skm/periods/<int:pk>/responses/", ResponseSubmit.as_view(), name="skm-response-create"),
    path(
        "skm/periods/<int:pk>/paper-responses/",
        PaperResponseCreate.as_view(),
        name="skm-paper-response-create",
    ),
    path(
        "skm/periods/<int:pk>/access-codes/",
        AccessCodesCreate.as_view(),
        name="skm-access-codes-create",
    ),
    path("skm/periods/<int:pk>/status/", PeriodStatus.as_view(), name="skm-period-status"),
    path("skm/periods/<int:pk>/publish/", PeriodPublish.as_view(), name="skm-period-publish"),
    path("skm/periods/<int:pk>/actions/", FollowUpPlan.as_view(), name="skm-action-list"),
    path("skm/actions/<int:pk>/", FollowUpActionDetail.as_view(), name="skm-action-detail"),
]
