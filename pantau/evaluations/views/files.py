"""What PEKPPP gives as files: a lokus's report and certificate, the round's ranking and summary,
follow-up documents."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from pantau.common.files import private_file_response

from .. import permissions, selectors
from ..models import FollowUpDocument

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, content_type: str, filename: str):
    from django.http import HttpResponse

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def lokus_report(request, round_pk, pk, fmt):
    from django.utils.text import slugify

    from ..exporters.pdf import export_pdf
    from ..exporters.xlsx import export_lokus_xlsx
    from ..report import build_report

    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    report = build_report(lokus)
    name = slugify(f"pekppp-{lokus.unit.slug}-{lokus.round.year}")
    if fmt == "pdf":
        return _download(export_pdf(report), "application/pdf", f"{name}.pdf")
    return _download(export_lokus_xlsx(report), XLSX, f"{name}.xlsx")


@login_required
def lokus_certificate(request, round_pk, pk):
    from django.utils.text import slugify

    from ..exporters.pdf import export_certificate

    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if lokus.grade != "A" or lokus.round.status not in ("results", "follow_up", "closed"):
        raise Http404
    name = slugify(f"piagam-{lokus.unit.slug}-{lokus.round.year}")
    return _download(export_certificate(lokus), "application/pdf", f"{name}.pdf")


@login_required
def round_ranking(request, pk):
    from ..exporters.xlsx import export_ranking_xlsx

    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    content = export_ranking_xlsx(round_, selectors.ranking(round_))
    return _download(content, XLSX, f"peringkat-pekppp-{round_.pk}.xlsx")


@login_required
def follow_up_document(request, round_pk, pk, document_pk):
    lokus = selectors.get_visible_lokus(request.user, round_pk, pk)
    if not permissions.can_download_evidence(request.user, lokus):
        raise Http404
    item = get_object_or_404(FollowUpDocument, recommendation__lokus=lokus, pk=document_pk)
    return private_file_response(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def round_summary_pdf(request, pk):
    from ..exporters.pdf import export_round_summary

    round_ = selectors.get_visible_round(request.user, pk)
    if not permissions.can_manage_round(request.user, round_):
        raise Http404
    content = export_round_summary(
        round_, selectors.round_summary(round_), selectors.ranking(round_)
    )
    return _download(content, "application/pdf", f"ringkasan-pekppp-{round_.pk}.pdf")
