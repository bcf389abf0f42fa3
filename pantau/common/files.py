"""Private files (complaint attachments, evidence, decrees) are never served from a public URL: a
view checks access, then hands the file over with this one response."""

import mimetypes

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
