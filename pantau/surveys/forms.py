"""A form built from an instrument version: one field per item, validated by the item's kind."""

import copy
import uuid

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pantau.common.forms import KnownModelChoiceField, LongTextField

from .models import CheckAnswer, InstrumentVersion, Item

OTHER_SUFFIX = "__other"


class ResponseForm(forms.Form):
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(
        self,
        *args,
        version: InstrumentVersion,
        services=None,
        known_services: dict | None = None,
        items=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.version = version
        self.items: list[Item] = (
            list(items)
            if items is not None
            else list(version.items.select_related("section").prefetch_related("options"))
        )
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())
        if services is not None:
            self.fields["service"] = KnownModelChoiceField(
                queryset=services,
                label=_("Which service did you receive?"),
                empty_label=_("Choose the service"),
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the service you received.")},
            )
            # Services the caller has read with the same filter are taken without a query.
            self.fields["service"].known = known_services  # type: ignore[attr-defined]
        for name, field in _item_fields(version, self.items).items():
            # A shallow copy: nothing mutates a field or its widget after it is built, and
            # building the fields again for every submission was a fifth of its CPU time.
            self.fields[name] = copy.copy(field)

    @staticmethod
    def _field_for(item: Item) -> forms.Field:
        return _field_for(item)

    def clean(self):
        data = super().clean()
        for item in self.items:
            if item.other_value is not None and data.get(item.key) == item.other_value:
                if not (data.get(item.key + OTHER_SUFFIX) or "").strip():
                    self.add_error(
                        item.key + OTHER_SUFFIX, _("Write what it is, or choose another answer.")
                    )
        return data

    def answers(self) -> list[tuple[Item, int | None, str]]:
        """(item, number, text) for every answered item."""
        result: list[tuple[Item, int | None, str]] = []
        for item in self.items:
            value = self.cleaned_data.get(item.key)
            if value in (None, ""):
                continue
            if item.kind == Item.Kind.TEXT:
                text = value.strip()
                if text:
                    result.append((item, None, text))
            else:
                other = (
                    (self.cleaned_data.get(item.key + OTHER_SUFFIX) or "").strip()
                    if item.other_value == value
                    else ""
                )
                result.append((item, int(value), other))
        return result

    # Fields a questionnaire adds beside every item, named ``<item key>__<suffix>`` (a
    # checklist's note and photo); the shared question template shows them under the item.
    extra_suffixes: tuple[str, ...] = ()

    def extras(self, item: Item) -> list:
        return [
            self[f"{item.key}__{suffix}"]
            for suffix in self.extra_suffixes
            if f"{item.key}__{suffix}" in self.fields
        ]

    def sections(self) -> list[tuple]:
        """The items grouped by section, with their bound fields, for templates."""
        groups: list[tuple] = []
        for item in self.items:
            if not groups or groups[-1][0].pk != item.section_id:
                groups.append((item.section, []))
            other = self[item.key + OTHER_SUFFIX] if item.other_value is not None else None
            groups[-1][1].append((item, self[item.key], other))
        return groups


def _field_for(item: Item) -> forms.Field:
    label = item.shown_text
    if item.kind in (Item.Kind.SCORED, Item.Kind.CHOICE):
        return forms.TypedChoiceField(
            label=label,
            required=item.required,
            coerce=int,
            widget=forms.RadioSelect,
            choices=[(o.value, o.shown_label) for o in item.options.all()],
            error_messages={
                "required": _("Choose one answer to this question."),
                "invalid_choice": _("Choose one of the answers shown."),
            },
        )
    if item.kind == Item.Kind.YES_NO:
        return forms.TypedChoiceField(
            label=label,
            required=item.required,
            coerce=int,
            widget=forms.RadioSelect,
            choices=[(1, _("Yes")), (0, _("No"))],
        )
    if item.kind == Item.Kind.YES_NO_NA:
        return forms.TypedChoiceField(
            label=label,
            required=item.required,
            coerce=int,
            widget=forms.RadioSelect,
            choices=CheckAnswer.choices,
            help_text=item.help_text,
            error_messages={"required": _("Answer yes, no or not applicable.")},
        )
    if item.kind == Item.Kind.NUMBER:
        return forms.IntegerField(
            label=label,
            required=item.required,
            min_value=item.min_value,
            max_value=item.max_value,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )
    return LongTextField(
        label=label,
        required=item.required,
        max_length=item.max_value or 2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


_FIELDS: dict[tuple, dict[str, forms.Field]] = {}


def _item_fields(version: InstrumentVersion, items: list[Item]) -> dict[str, forms.Field]:
    """The items' fields, built once per process for a version as it is now (its ``updated_at``
    moves whenever its items change, see ``selectors.version_items``) and the active language."""
    key = (version.pk, version.updated_at, get_language(), tuple(item.pk for item in items))
    fields = _FIELDS.get(key) if version.pk is not None else None
    if fields is None:
        fields = {}
        for item in items:
            fields[item.key] = _field_for(item)
            if item.other_value is not None:
                fields[item.key + OTHER_SUFFIX] = forms.CharField(
                    label=_("Other, namely"), required=False, max_length=100
                )
        if version.pk is not None:
            if len(_FIELDS) > 256:
                _FIELDS.clear()
            _FIELDS[key] = fields
    return fields


class TableFileForm(forms.Form):
    """A file of answers to import (one row per respondent): a .csv or a real .xlsx of at most
    20 MB. Each questionnaire's import form adds what it needs and reads the rows with
    ``pantau.common.readers``."""

    file = forms.FileField(label=_("CSV or XLSX file"))

    MAX_BYTES = 20 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it."))
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".xlsx") and head != b"PK\x03\x04":
            raise forms.ValidationError(_("This file is not a real XLSX workbook."))
        return upload
