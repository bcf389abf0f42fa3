"""One rule for uploads checked by their content (issue 18): a file is taken for what its bytes
are, never for its name; too big, too many or of another kind is refused with the field's own
message; what passes carries its sniffed type and SHA-256."""

import hashlib
import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.common.files import CheckedFileField, CheckedUpload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not really an office document")
    return buffer.getvalue()


def _field(**overrides) -> CheckedFileField:
    options = {
        "types": {"application/pdf", "image/png", "application/zip"},
        "max_bytes": 1000,
        "accept": ".pdf,.png",
        "too_large": "“%(name)s” is too big.",
        "not_allowed": "“%(name)s” is not allowed.",
        "required": False,
        **overrides,
    }
    return CheckedFileField(**options)


def test_a_file_is_taken_for_its_content_with_type_and_digest():
    checked = _field().clean(SimpleUploadedFile("scan.png", PDF))  # a PDF named .png
    assert isinstance(checked, CheckedUpload)
    assert checked.content_type == "application/pdf"
    assert checked.sha256 == hashlib.sha256(PDF).hexdigest()
    assert checked.file.read() == PDF  # rewound for whoever saves it


def test_a_renamed_program_is_refused_with_the_fields_message():
    with pytest.raises(forms.ValidationError, match="“tagihan.pdf” is not allowed."):
        _field().clean(SimpleUploadedFile("tagihan.pdf", b"MZ\x90\x00" + b"\x00" * 60))


def test_too_big_is_refused_before_its_content_is_read():
    with pytest.raises(forms.ValidationError, match="is too big"):
        _field(max_bytes=10).clean(SimpleUploadedFile("a.pdf", PDF))


def test_a_zip_is_an_office_document_only_under_an_office_name():
    field = _field(container_suffixes=(".docx",))
    assert field.clean(SimpleUploadedFile("notulen.docx", _docx())).content_type == (
        "application/zip"
    )
    with pytest.raises(forms.ValidationError, match="not allowed"):
        field.clean(SimpleUploadedFile("arsip.zip", _docx()))


def test_several_files_are_each_checked_and_counted():
    field = _field(max_files=2, too_many="At most two.")
    files = [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.png", PNG)]
    assert [c.content_type for c in field.clean(files)] == ["application/pdf", "image/png"]
    with pytest.raises(forms.ValidationError, match="At most two."):
        field.clean([*files, SimpleUploadedFile("c.pdf", PDF)])
    assert field.clean([]) == []
    with pytest.raises(forms.ValidationError):
        _field(max_files=2, required=True).clean([])
    assert field.widget.allow_multiple_selected and field.widget.attrs["accept"] == ".pdf,.png"


def test_one_optional_file_may_be_left_out():
    assert _field().clean(None) is None
