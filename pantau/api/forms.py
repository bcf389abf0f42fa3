"""Run the web interface's Django forms behind API serializers, so that an input is checked by
the same rules whichever door it comes through (no second copy of the rules)."""

from rest_framework import serializers

MAX_ID = 2**63 - 1  # the largest key the databases store; more would overflow, not miss


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
