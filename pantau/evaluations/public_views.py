"""The citizen form F-03 of a lokus: answered publicly like the SKM (rate limited, no account).

The answering is ``pantau.surveys.public``; what is F-03's own is that the round's dates for
citizens close the form, for a page view and a submission alike."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.surveys.models import Collection
from pantau.surveys.public import PublicQuestionnaire, Target

from .models import Lokus


def _lokus(token: str) -> Lokus:
    return get_object_or_404(
        Lokus.objects.select_related(
            "unit", "round", "citizen_collection", "citizen_collection__version"
        ),
        citizen_collection__token=token,
    )


class CitizenForm(PublicQuestionnaire):
    form_url = "evaluations:citizen-form"
    thanks_url = "evaluations:citizen-thanks"
    template = "evaluations/public/citizen_form.html"
    closed_template = "evaluations/public/citizen_closed.html"
    thanks_template = "evaluations/public/citizen_thanks.html"
    qr_title = _("QR code of the citizen form")

    def target(self, token: str, *, posting: bool) -> Target:
        lokus = _lokus(token)
        # the token was found through the citizen collection, so the lokus has one
        collection: Collection = lokus.citizen_collection  # type: ignore[assignment]
        return Target(collection=collection, unit=lokus.unit, context={"lokus": lokus})

    def is_closed(self, target: Target, *, posting: bool) -> bool:
        round_ = target.context["lokus"].round
        return not (
            target.collection.status == Collection.Status.OPEN
            and round_.citizen_opens <= timezone.localdate() <= round_.citizen_closes
        )


citizen = CitizenForm()
