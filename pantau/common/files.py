"""Files: private files (complaint attachments, evidence, decrees) are never served from a public
URL (a view checks access, then hands the file over with ``private_file_response``), and every
upload is checked by its content with one field (``CheckedFileField``)."""

import hashlib
import mimetypes
from typing import NamedTuple

import filetype
from django import forms
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404


def private_file_response(field_file, *, name: str, content_type: str = "") -> FileResponse:
    """The stored file as a download named ``name``; the browser must not guess its type."""
    if not field_file:
        raise Http404
    content_type = content_type or mimetypes.guess_type(field_file.name)[0] or "application/pdf"
    response = FileResponse(
        field_file.open("rb"), content_type=content_type, as_attachment=True, filename=name
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------------------------------------
# Uploads checked by their content: one rule for complaint attachments, standards documents and
# PEKPPP evidence (issue 18; it used to be written three times). Security code: a file is
# accepted for what its bytes are (``filetype`` reads the magic numbers), never for its name.


class CheckedUpload(NamedTuple):
    """An upload that passed the checks: the file, its sniffed content type and its SHA-256."""

    file: File
    content_type: str
    sha256: str


def check_upload(
    upload: UploadedFile,
    *,
    types: frozenset[str],
    max_bytes: int,
    too_large,
    not_allowed,
    container_suffixes: tuple[str, ...] = (),
) -> CheckedUpload:
    """``upload`` if its size is at most ``max_bytes`` and its content is one of ``types``;
    else a ValidationError with ``too_large`` or ``not_allowed`` (each with ``%(name)s``). A file
    sniffed only as a ZIP container is accepted as ``application/zip`` (when allowed) only with
    one of ``container_suffixes`` (.docx, .xlsx, .pptx are ZIP files inside)."""
    if (upload.size or 0) > max_bytes:
        raise forms.ValidationError(too_large % {"name": upload.name})
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == "application/zip" and not (upload.name or "").lower().endswith(container_suffixes):
        mime = None
    if mime not in types:
        raise forms.ValidationError(not_allowed % {"name": upload.name})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(upload, mime, digest.hexdigest())


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class CheckedFileField(forms.FileField):
    """A file field whose files are checked by ``check_upload``. With ``max_files`` 1 it cleans
    to one ``CheckedUpload`` (or None); above, to a list of them (at most ``max_files``, else
    ``too_many``)."""

    def __init__(
        self,
        *,
        types,
        max_bytes: int,
        too_large,
        not_allowed,
        accept: str,
        max_files: int = 1,
        too_many=None,
        container_suffixes: tuple[str, ...] = (),
        **kwargs,
    ):
        self.types = frozenset(types)
        self.max_bytes, self.max_files = max_bytes, max_files
        self.too_large, self.not_allowed, self.too_many = too_large, not_allowed, too_many
        self.container_suffixes = container_suffixes
        widget = MultipleFileInput if max_files > 1 else forms.ClearableFileInput
        kwargs.setdefault("widget", widget(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def _check(self, upload) -> CheckedUpload:
        return check_upload(
            upload,
            types=self.types,
            max_bytes=self.max_bytes,
            too_large=self.too_large,
            not_allowed=self.not_allowed,
            container_suffixes=self.container_suffixes,
        )

    def clean(self, data, initial=None):
        if self.max_files == 1:
            upload = super().clean(data, initial)
            return self._check(upload) if upload else None
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > self.max_files:
            raise forms.ValidationError(self.too_many)
        return [self._check(upload) for upload in uploads]
