"""Run the web interface's Django forms behind API serializers, so that an input is checked by
the same rules whichever door it comes through (no second copy of the rules)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

MAX_ID = 2**63 - 1  # the largest key the databases store; more would overflow, not miss


LIMITS = ("min_value", "max_value", "min_length", "max_length")


def limits(form_class, name: str) -> dict:
    """The bounds of the web form's field ``name`` (min_value, max_value, min_length,
    max_length), to give the API serializer's field, so that the description states them
    without a second copy of the numbers: ``IntegerField(**limits(StudyForm, "provider_target"))``.
    """
    field = form_class.base_fields[name]
    return {
        limit: getattr(field, limit) for limit in LIMITS if getattr(field, limit, None) is not None
    }


def check_form(form, field_names: dict[str, str] | None = None):
    """Validate a bound Django form; raise its errors as a DRF ValidationError (field by field,
    with the form's codes), renaming form fields to API fields with ``field_names``."""
    if form.is_valid():
        return form.cleaned_data
    names = field_names or {}
    detail: dict[str, list] = {}
    for field, errors in form.errors.get_json_data().items():
        key = "non_field_errors" if field == "__all__" else names.get(field, field)
        detail.setdefault(key, []).extend(
            serializers.ErrorDetail(error["message"], code=error["code"] or "invalid")
            for error in errors
        )
    raise serializers.ValidationError(detail)


def questionnaire_answers(items, answers: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """A questionnaire's answers named as the web form names them (each question's key) or, for
    the scored questions, as the import files and the raw-data export do (the item's code, e.g.
    ``U1`` or ``A3``, in any case): the data for ``surveys.forms.ResponseForm`` and, for
    ``check_form``, each form field's API name (``answers.<the name sent>``)."""
    from pantau.surveys.forms import OTHER_SUFFIX
    from pantau.surveys.models import Section

    keys = {item.key for item in items}
    by_code = {
        item.code.lower(): item.key
        for item in items
        if item.section.kind == Section.Kind.SCORED and item.code
    }
    data: dict[str, str] = {}
    sent_as: dict[str, str] = {}
    for name, value in answers.items():
        base, suffix = (
            (name[: -len(OTHER_SUFFIX)], OTHER_SUFFIX)
            if name.endswith(OTHER_SUFFIX)
            else (name, "")
        )
        key = base if base in keys else by_code.get(base.lower(), base)
        field = key + suffix
        if field in data:
            raise serializers.ValidationError(
                {
                    f"answers.{name}": [
                        serializers.ErrorDetail(
                            _("This question is answered twice: by its key and by its code."),
                            code="duplicate",
                        )
                    ]
                }
            )
        data[field] = value
        sent_as[field] = name
    names = {}
    for item in items:
        for field in (item.key, item.key + OTHER_SUFFIX):
            names[field] = f"answers.{sent_as.get(field, field)}"
    return data, names


def checked_questionnaire(
    version, answers: dict[str, str], *, submission_token, services=None, service=None
):
    """A questionnaire sent to the API, checked by the web's ``ResponseForm`` (questions by key or
    by code, see ``questionnaire_answers``): the bound form, whose ``answers()`` the services
    save, and its cleaned data. ``services`` (with ``service``, the id chosen) for SKM."""
    from pantau.surveys.forms import ResponseForm
    from pantau.surveys.selectors import version_items

    items = version_items(version)
    data, names = questionnaire_answers(items, answers)
    data["submission_token"] = str(submission_token)
    if services is not None:
        data["service"] = str(service)
    form = ResponseForm(data=data, version=version, items=items, services=services)
    return form, check_form(form, names)
