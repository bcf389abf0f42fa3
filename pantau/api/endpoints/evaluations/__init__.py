"""``/api/v1/pekppp/``: PEKPPP rounds a user sees, a unit's result once the round's results are
published (IPP, grade, rank, aspect scores, the instrument version), the ranking of a round for
its managers, and the evaluator's scores (F-02) with the write scope (token).

Visibility is ``evaluations.selectors`` (``visible_rounds``, ``lokus_for``,
``get_visible_lokus``) and ``evaluations.permissions``; results are the stored ones computed by
``evaluations.services.compute_round_results``; a score goes through ``evaluations.forms.ScoreForm``
and ``evaluations.services.save_score``, which check the evaluator's assignment and the window.

The other writes are the web's actions, each through its form and service: the round's status
steps (``change_round_status``, the round's managers), the unit's self-assessment answer (F-01,
``SelfAssessmentForm`` + ``save_self_assessment``) and its submission
(``submit_self_assessment``), the evaluator's recommendation (``RecommendationForm`` +
``add_recommendation``) and the unit's follow-up (``FollowUpForm`` + ``update_follow_up``).
Evidence files come with the self-assessment answer (multipart); follow-up documents are
uploaded on the web pages."""

from django.urls import path

from .follow_up import FollowUpSave, RecommendationAdd
from .rounds import LokusAdd, LokusDetail, RoundDetail, RoundList, RoundRanking
from .scores import ScoreSubmit
from .steps import RoundStatus, SelfAssessmentSave, SelfAssessmentSubmit
from .verification import ScoreReconcile, ScoreRespond

urlpatterns = [
    path("pekppp/rounds/", RoundList.as_view(), name="pekppp-round-list"),
    path("pekppp/rounds/<int:pk>/", RoundDetail.as_view(), name="pekppp-round-detail"),
    path("pekppp/rounds/<int:pk>/ranking/", RoundRanking.as_view(), name="pekppp-round-ranking"),
    path("pekppp/rounds/<int:pk>/lokus/", LokusAdd.as_view(), name="pekppp-lokus-add"),
    path("pekppp/lokus/<int:pk>/", LokusDetail.as_view(), name="pekppp-lokus-detail"),
    path(
        "pekppp/lokus/<int:pk>/agreed-scores/<str:code>/",
        ScoreReconcile.as_view(),
        name="pekppp-score-reconcile",
    ),
    path(
        "pekppp/lokus/<int:pk>/verification/<str:code>/",
        ScoreRespond.as_view(),
        name="pekppp-score-respond",
    ),
    path("pekppp/lokus/<int:pk>/scores/", ScoreSubmit.as_view(), name="pekppp-score-submit"),
    path("pekppp/rounds/<int:pk>/status/", RoundStatus.as_view(), name="pekppp-round-status"),
    path(
        "pekppp/lokus/<int:pk>/self-assessment/",
        SelfAssessmentSave.as_view(),
        name="pekppp-self-assessment",
    ),
    path(
        "pekppp/lokus/<int:pk>/self-assessment/submit/",
        SelfAssessmentSubmit.as_view(),
        name="pekppp-self-assessment-submit",
    ),
    path(
        "pekppp/lokus/<int:pk>/recommendations/",
        RecommendationAdd.as_view(),
        name="pekppp-recommendation-add",
    ),
    path(
        "pekppp/recommendations/<int:pk>/follow-up/",
        FollowUpSave.as_view(),
        name="pekppp-follow-up",
    ),
]
