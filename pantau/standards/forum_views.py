"""Staff pages of public consultation forums (FKP): plan, participants, attendance, minutes,
agreements and their outcome, documents, and the printable attendance list and berita acara."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.common import confirm
from pantau.organisations import selectors as organisations

from . import forms, selectors, services
from .models import Agreement, ForumFile, StandardVersion
from .permissions import can_edit_standards
from .views import _editable_unit, _error_text, _serve


def _form_errors_to_messages(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@login_required
def forum_list(request, slug):
    unit = organisations.get_visible_unit(request.user, slug)
    return render(
        request,
        "standards/forum_list.html",
        {
            "unit": unit,
            "forums": selectors.forums_of_unit(unit),
            "can_edit": can_edit_standards(request.user, unit),
        },
    )


@login_required
def forum_form(request, slug, pk=None):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk) if pk else None
    form = forms.ForumForm(request.POST or None, instance=forum)
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.save_forum(
                actor=request.user, unit=unit, data=form.cleaned_data, forum=forum
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The forum is saved."))
            return redirect("standards:forum", slug=slug, pk=forum.pk)
    return render(
        request, "standards/forum_form.html", {"unit": unit, "forum": forum, "form": form}
    )


@login_required
def forum_detail(request, slug, pk):
    unit = organisations.get_visible_unit(request.user, slug)
    forum = selectors.get_forum(unit, pk)
    can_edit = can_edit_standards(request.user, unit)
    return render(
        request,
        "standards/forum_detail.html",
        {
            "unit": unit,
            "forum": forum,
            "can_edit": can_edit,
            "types": selectors.participant_type_counts(forum),
            "participant_form": forms.ParticipantForm(prefix="participant") if can_edit else None,
            "file_form": forms.ForumFileForm(prefix="document") if can_edit else None,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def participant_add(request, slug, pk):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk)
    form = forms.ParticipantForm(request.POST, prefix="participant")
    if form.is_valid():
        services.add_participant(actor=request.user, forum=forum, data=form.cleaned_data)
        messages.success(request, _("The participant is added."))
    else:
        _form_errors_to_messages(request, form)
    return redirect("standards:forum", slug=slug, pk=pk)


@login_required
@require_POST
def attendance(request, slug, pk):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk)
    ids = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
    services.set_attendance(actor=request.user, forum=forum, attended_ids=ids)
    messages.success(request, _("The attendance is saved."))
    return redirect("standards:forum", slug=slug, pk=pk)


@login_required
@require_POST
def forum_held(request, slug, pk):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk)
    if not confirm.confirmed(request):
        return confirm.confirmation_page(
            request,
            title=_("Record %(title)s as held?") % {"title": forum.title},
            details=[
                (label, str(n)) for _kind, label, n in selectors.participant_type_counts(forum) if n
            ],
            consequences=[
                _(
                    "The forum, who attended by type of party and its agreements count as public "
                    "involvement for the PEKPPP evaluation and appear on the public portal."
                ),
                _("A forum recorded as held cannot be planned again; check the attendance first."),
            ],
            action_label=_("Yes, record it as held"),
            cancel_url=reverse("standards:forum", args=[slug, pk]),
        )
    try:
        services.mark_forum_held(actor=request.user, forum=forum)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("The forum is recorded as held."))
    return redirect("standards:forum", slug=slug, pk=pk)


@login_required
def agreement_form(request, slug, pk, agreement_pk=None):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk)
    agreement = get_object_or_404(Agreement, forum=forum, pk=agreement_pk) if agreement_pk else None
    standards = StandardVersion.objects.filter(service__unit=unit).select_related("service")
    form = forms.AgreementForm(request.POST or None, instance=agreement, standards=standards)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_agreement(
                actor=request.user, forum=forum, data=form.cleaned_data, agreement=agreement
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("standards:forum", slug=slug, pk=pk)
    return render(
        request,
        "standards/agreement_form.html",
        {"unit": unit, "forum": forum, "agreement": agreement, "form": form},
    )


@login_required
@require_POST
def forum_file_add(request, slug, pk):
    unit = _editable_unit(request, slug)
    forum = selectors.get_forum(unit, pk)
    form = forms.ForumFileForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        services.attach_forum_file(
            actor=request.user,
            forum=forum,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        )
        messages.success(request, _("The document is attached."))
    else:
        _form_errors_to_messages(request, form)
    return redirect("standards:forum", slug=slug, pk=pk)


@login_required
def forum_file(request, slug, pk, file_pk):
    unit = organisations.get_visible_unit(request.user, slug)
    forum = selectors.get_forum(unit, pk)
    item = get_object_or_404(ForumFile, forum=forum, pk=file_pk)
    return _serve(item.file, name=item.original_name, content_type=item.content_type)


@login_required
def attendance_sheet(request, slug, pk):
    """A printable attendance list (daftar hadir) with a signature column."""
    unit = organisations.get_visible_unit(request.user, slug)
    forum = selectors.get_forum(unit, pk)
    return render(request, "standards/print_attendance.html", {"unit": unit, "forum": forum})


@login_required
def berita_acara(request, slug, pk):
    """A printable draft of the signed minutes (berita acara) with the agreements reached."""
    unit = organisations.get_visible_unit(request.user, slug)
    forum = selectors.get_forum(unit, pk)
    return render(
        request,
        "standards/print_berita_acara.html",
        {
            "unit": unit,
            "forum": forum,
            "types": selectors.participant_type_counts(forum),
            "present": [p for p in forum.participants.all() if p.attended],
        },
    )
