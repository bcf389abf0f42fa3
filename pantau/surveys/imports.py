"""Importing answers from a file: one pipeline for every questionnaire (SKM, perception studies,
and whatever comes next).

A domain writes only its reader: a function from the stored file's path to an ``ImportReport``
(each row checked, every problem named by row and column). The rest is here:

- ``stored_upload``: the uploaded file written to a temporary path, chunk by chunk;
- ``import_file``: the file's fingerprint (SHA-256), the same file refused while its earlier
  import stands, then every row saved with an ``ImportBatch`` in one transaction, or none;
- ``undo_batch``: one import removed as a whole, the batch kept and marked undone;
- ``template_response``: a CSV template with the header a reader expects and an example row,
  which a spreadsheet opens as it is (UTF-8 with a byte-order mark).
"""

from __future__ import annotations

import csv
import hashlib
import io
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.common import audit, confirm

from .models import Answer, Collection, ImportBatch, Response
from .services import ResponseRow, bulk_create_responses
from .tallies import rebuild_tallies


@dataclass
class ImportReport:
    """What reading a file found: the rows to save, or why nothing is saved."""

    rows: list[ResponseRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    batch: ImportBatch | None = None  # the batch saved, when the import went through

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


Reader = Callable[[Path], ImportReport]


@contextmanager
def stored_upload(upload: UploadedFile) -> Iterator[Path]:
    """The upload as a file on disk for the readers (which stream it), removed afterwards."""
    name = (upload.name or "").lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("upload.xlsx" if name.endswith(".xlsx") else "upload.csv")
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        yield path


def file_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_file(
    *,
    actor: Any,
    collection: Collection,
    path: Path,
    read: Reader,
    file_name: str = "",
) -> ImportReport:
    """Check every row of the file with ``read``, then save all of them in one transaction, or
    none. The same file again (same SHA-256, its import not undone) is refused with the day it
    was imported. Permissions and the domain's own conditions are checked by the caller."""
    path = Path(path)
    digest = file_fingerprint(path)
    earlier = ImportBatch.objects.filter(
        collection_id=collection.pk, sha256=digest, undone_at__isnull=True
    ).first()
    if earlier is not None:
        report = ImportReport()
        report.errors.append(
            _(
                "This file was already imported on %(day)s (%(rows)s rows, %(name)s): nothing "
                "was imported again. Undo that import first if it was wrong."
            )
            % {
                "day": date_format(timezone.localtime(earlier.created_at), "j F Y H.i"),
                "rows": earlier.rows,
                "name": earlier.file_name,
            }
        )
        return report
    report = read(path)
    if report.ok:
        with transaction.atomic():
            batch = ImportBatch(
                collection_id=collection.pk,
                file_name=(file_name or path.name)[:200],
                sha256=digest,
                rows=len(report.rows),
                created_by=actor,
            )
            audit.attribute_to(batch, actor)
            batch.save()
            bulk_create_responses(
                collection=collection,
                rows=report.rows,
                source=Response.Source.IMPORT,
                entered_by=actor,
                batch=batch,
            )
        report.batch = batch
    return report


@transaction.atomic
def undo_batch(*, actor: Any, collection: Collection, batch_id: int) -> ImportBatch:
    """Remove every response of one import; the import stays in the record, marked undone by
    whom and when. The caller checks who may, and whether the collection accepts changes."""
    batch = (
        ImportBatch.objects.select_for_update()
        .filter(pk=batch_id, collection_id=collection.pk)
        .first()
    )
    if batch is None:
        raise ValidationError(_("There is no such import in this survey."))
    if batch.undone_at is not None:
        raise ValidationError(_("This import has already been undone."))
    Answer.objects.filter(response__batch=batch).delete()
    Response.objects.filter(batch=batch).delete()
    rebuild_tallies(collection)
    batch.undone_at = timezone.now()
    batch.undone_by = actor
    audit.attribute_to(batch, actor)
    batch.save(update_fields=["undone_at", "undone_by"])
    return batch


def template_response(
    *, columns: Sequence[str], example: Sequence[str], file_name: str
) -> HttpResponse:
    """A CSV template: the header a reader expects and one example row to overwrite."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerow(example)
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def undo_confirmation(request: HttpRequest, batch: ImportBatch, *, cancel_url: str) -> HttpResponse:
    """The page that asks before an import is undone (``pantau.common.confirm``)."""
    return confirm.confirmation_page(
        request,
        title=_("Undo the import of %(name)s?") % {"name": batch.file_name},
        details=[
            (_("Imported at"), date_format(timezone.localtime(batch.created_at), "j F Y H.i")),
            (_("Questionnaires"), str(batch.rows)),
        ],
        consequences=[
            _("Its %(rows)s questionnaires are removed and the results computed again.")
            % {"rows": batch.rows},
            _("The import stays in the record, marked as undone by you."),
        ],
        action_label=_("Yes, undo the import"),
        cancel_url=cancel_url,
    )
