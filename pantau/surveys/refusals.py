"""What a respondent reads when the engine refuses a submission (``SubmissionRefused.reason``),
the same for every questionnaire answered in public: SKM, perception studies, PEKPPP's F-03."""

from django.utils.translation import gettext_lazy

REFUSAL_MESSAGES = {
    "closed": gettext_lazy(
        "This survey is not open at the moment, so your answers were not saved."
    ),
    "rate_limited": gettext_lazy(
        "Many answers came from this device in a short time, so these were not saved. Please try again later."
    ),
    "duplicate": gettext_lazy(
        "The same answers were already sent from this device, so they were not saved twice."
    ),
    "bad_code": gettext_lazy(
        "The one-time code is missing, unknown or already used. Check the code on your receipt."
    ),
    "outside_dates": gettext_lazy(
        "This survey's period has not started yet or is over, so your answers were not saved."
    ),
}
