"""Answering a questionnaire in public: one view for the SKM, the perception studies' recipients,
PEKPPP's citizen form F-03 and whatever questionnaire comes next.

A domain describes its questionnaire by subclassing ``PublicQuestionnaire``: how a link's token
finds the collection (``target``), when it is closed, its templates and URL names, whether it can
run on a signed kiosk link, whether it asks for the human check, and what it adds to the form, the
submission and the thanks page. The rest is written here once: the form, the engine's refusal
rules (``submit_public_response``) and their messages, the thanks redirect carrying the kiosk
signature, the kiosk's restart link, the QR code, and ``never_cache`` on the answer page.

Each view is a bound method, so a domain's ``urls.py`` reads
``path("<str:token>/", survey.answer, name="form")``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import segno
from django.core.signing import BadSignature, TimestampSigner
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from pantau.common import ratelimit
from pantau.common.humancheck import HumanCheckForm
from pantau.common.text import Text
from pantau.organisations.models import ServiceUnit

from . import paging
from .forms import ResponseForm
from .models import Collection, HeldResponse, Item, Response
from .refusals import REFUSAL_MESSAGES
from .selectors import version_items
from .services import SubmissionRefused, client_key_for, device_key_for, submit_public_response


class KioskLink:
    """The signature that turns a questionnaire's link into its kiosk link: a staff member makes
    it on the staff pages, the kiosk shows it, and the thanks page leads back to it."""

    def __init__(self, salt: str) -> None:
        self.salt = salt

    def sign(self, token: str) -> str:
        return TimestampSigner(salt=self.salt).sign(token).split(":", 1)[1]

    def valid(self, token: str, signature: str) -> bool:
        if not signature:
            return False
        try:
            TimestampSigner(salt=self.salt).unsign(f"{token}:{signature}")
        except BadSignature:
            return False
        return True

    def pin(self, token: str) -> str:
        """The six digits that let staff leave this kiosk (issue 19): shown on the staff page
        beside the kiosk link, derived from the secret key, so nothing is stored."""
        digest = salted_hmac(f"{self.salt}.pin", token).hexdigest()
        return f"{int(digest[:12], 16) % 1_000_000:06d}"


@dataclass
class Target:
    """What a link's token leads to: the collection answered, the unit it is about, and what the
    domain's templates need besides (``context``)."""

    collection: Collection
    unit: ServiceUnit
    context: dict[str, Any] = field(default_factory=dict)
    domain: Any = None  # the domain's own object (the SKM period, the study group, the lokus)


class PublicQuestionnaire:
    """One questionnaire answered in public. Subclasses set the attributes and override the
    hooks whose default does not fit."""

    form_url: str = ""  # URL name taking the token
    thanks_url: str = ""  # URL name taking the token and the response's number
    kiosk_url: str = ""  # URL name taking the token and the kiosk signature; "" when no kiosk
    template: str = ""
    kiosk_template: str = ""  # defaults to ``template``
    closed_template: str = ""
    thanks_template: str = ""
    kiosk: KioskLink | None = None
    kiosk_exit_url: str = ""  # URL name taking the token and the kiosk signature
    # An officer helping several citizens on one device (issue 19): every answer counts, and each
    # is marked as assisted. Same signed-link mechanism as the kiosk, its own salt.
    assisted: KioskLink | None = None
    assisted_url: str = ""  # URL name taking the token and the signature
    human_check: bool = False  # the honeypot and timing check of pantau.common.humancheck
    # Items per page of a long questionnaire (whole sections per page); 0 keeps one page.
    page_items: int = 0
    qr_title: Text = ""

    # --- hooks -------------------------------------------------------------------------------

    def target(self, token: str, *, posting: bool) -> Target:
        """The target of a link (404 when the token is unknown). ``posting`` lets a domain read
        less, or from a memo, when a submission arrives."""
        raise NotImplementedError

    def is_closed(self, target: Target, *, posting: bool) -> bool:
        """Whether the page says the questionnaire is closed instead of showing it. By default
        only a page view does: a form sent as the collection closes is refused by the engine,
        with its reason, so the respondent knows the answers were not saved."""
        return not posting and target.collection.status != Collection.Status.OPEN

    def closed_context(self, target: Target) -> dict[str, Any]:
        return {"unit": target.unit, **target.context}

    def refusal_before_submit(self, target: Target) -> str:
        """A reason (a key of ``REFUSAL_MESSAGES``) to refuse before the engine is asked, or ""."""
        return ""

    def form_kwargs(self, request: HttpRequest, target: Target) -> dict[str, Any]:
        return {}

    def submit_kwargs(
        self, request: HttpRequest, target: Target, form: ResponseForm
    ) -> dict[str, Any]:
        return {}

    def page_context(self, request: HttpRequest, target: Target) -> dict[str, Any]:
        return {}

    def after_refusal(self, token: str, target: Target) -> Target:
        """The target to show the form again with, after a POST that saved nothing."""
        return target

    def thanks_context(self, target: Target, response: Response | HeldResponse) -> dict[str, Any]:
        return {}

    # --- views -------------------------------------------------------------------------------

    def answer(
        self,
        request: HttpRequest,
        token: str,
        kiosk_signature: str = "",
        assisted_signature: str = "",
    ) -> HttpResponse:
        page = self._answer(request, token, kiosk_signature, assisted_signature)
        add_never_cache_headers(page)
        return page

    def answer_assisted(self, request: HttpRequest, token: str, signature: str) -> HttpResponse:
        self.target(token, posting=True)  # a 404 for an unknown link comes first
        if self.assisted is None or not self.assisted.valid(token, signature):
            raise Http404
        return self.answer(request, token, assisted_signature=signature)

    def answer_at_kiosk(self, request: HttpRequest, token: str, signature: str) -> HttpResponse:
        self.target(token, posting=True)  # a 404 for an unknown link comes first
        if self.kiosk is None or not self.kiosk.valid(token, signature):
            raise Http404
        return self.answer(request, token, kiosk_signature=signature)

    def staff_url(self, target: Target) -> str:
        """Where staff go when they leave the kiosk with its PIN."""
        return reverse("accounts:home")

    def _exit_url(self, token: str, signature: str) -> str:
        return reverse(self.kiosk_exit_url, args=[token, signature]) if self.kiosk_exit_url else ""

    def kiosk_exit(self, request: HttpRequest, token: str, signature: str) -> HttpResponse:
        """Leaving the kiosk: only with its PIN; a few tries per device, then a pause."""
        target = self.target(token, posting=False)
        if self.kiosk is None or not self.kiosk.valid(token, signature):
            raise Http404
        error = ""
        if request.method == "POST":
            within = ratelimit.hit(f"kiosk-exit:{client_key_for(request)}", 5, 600)
            if within and constant_time_compare(
                request.POST.get("pin", "").strip(), self.kiosk.pin(token)
            ):
                return redirect(self.staff_url(target))
            error = (
                _("That is not the kiosk's PIN.")
                if within
                else _("Too many tries. Wait ten minutes, then try again.")
            )
        page = render(
            request,
            "surveys/kiosk_exit.html",
            {
                "unit": target.unit,
                "kiosk": True,
                "kiosk_url": reverse(self.kiosk_url, args=[token, signature]),
                "error": error,
            },
            status=400 if error else 200,
        )
        add_never_cache_headers(page)
        return page

    def thanks(self, request: HttpRequest, token: str, number: str) -> HttpResponse:
        target = self.target(token, posting=False)
        response: Response | HeldResponse | None = Response.objects.filter(
            collection=target.collection, number=number
        ).first()
        if response is None:  # kept aside for the unit's review: a receipt all the same
            response = get_object_or_404(HeldResponse, collection=target.collection, number=number)
        signature = request.GET.get("kiosk", "")
        helped = request.GET.get("dibantu", "")
        restart_url = next_url = ""
        if self.kiosk is not None and self.kiosk.valid(token, signature):
            restart_url = reverse(self.kiosk_url, args=[token, signature])
        elif self.assisted is not None and self.assisted.valid(token, helped):
            next_url = reverse(self.assisted_url, args=[token, helped])
        return render(
            request,
            self.thanks_template,
            {
                "unit": target.unit,
                **target.context,
                "response": response,
                "kiosk": bool(restart_url),
                "restart_url": restart_url,
                "kiosk_exit_url": self._exit_url(token, signature) if restart_url else "",
                "next_citizen_url": next_url,
                **self.thanks_context(target, response),
            },
        )

    def qr(self, request: HttpRequest, token: str) -> HttpResponse:
        self.target(token, posting=False)  # a 404 for an unknown link
        url = request.build_absolute_uri(reverse(self.form_url, args=[token]))
        svg = segno.make(url, error="m").svg_inline(
            scale=6, dark="#000", light="#fff", title=str(self.qr_title)
        )
        return HttpResponse(svg, content_type="image/svg+xml")

    # --- the answer page ---------------------------------------------------------------------

    def _answer(
        self, request: HttpRequest, token: str, kiosk_signature: str, assisted_signature: str
    ) -> HttpResponse:
        posting = request.method == "POST"
        target = self.target(token, posting=posting)
        if self.is_closed(target, posting=posting):
            return render(request, self.closed_template, self.closed_context(target))
        items = version_items(target.collection.version)
        pages = paging.split(items, self.page_items)
        # A form sent without a page number holds the whole questionnaire (a page from before
        # the questionnaire had pages, or a script): it is checked and taken as one page.
        if len(pages) > 1 and not (posting and paging.PAGE not in request.POST):
            return self._answer_paged(
                request, token, target, pages, kiosk_signature, assisted_signature
            )
        form = ResponseForm(
            request.POST or None,
            version=target.collection.version,
            items=items,
            **self.form_kwargs(request, target),
        )
        guard = HumanCheckForm(request.POST or None) if self.human_check else None
        refusal = ""
        if posting and (guard is None or guard.is_valid()) and form.is_valid():
            done, refusal = self._submit(
                request, token, target, form, kiosk_signature, assisted_signature
            )
            if done is not None:
                return done
        if posting:
            target = self.after_refusal(token, target)
        status = 409 if refusal else 400 if guard is not None and guard.errors else 200
        return self._form_page(
            request,
            token,
            target,
            form,
            guard,
            refusal,
            kiosk_signature,
            assisted_signature,
            status,
        )

    def _submit(
        self,
        request: HttpRequest,
        token: str,
        target: Target,
        form: ResponseForm,
        kiosk_signature: str,
        assisted_signature: str,
    ) -> tuple[HttpResponse | None, str]:
        """The answers to the engine: the redirect to the thanks page, or the refusal's text."""
        why = self.refusal_before_submit(target)
        if not why:
            try:
                response, _created = submit_public_response(
                    collection=target.collection,
                    answers=form.answers(),
                    submission_token=form.cleaned_data["submission_token"],
                    client_key=client_key_for(request),
                    device_key=device_key_for(request),
                    kiosk=bool(kiosk_signature),
                    assisted=bool(assisted_signature),
                    **self.submit_kwargs(request, target, form),
                )
            except SubmissionRefused as refused:
                why = refused.reason
            else:
                thanks = reverse(self.thanks_url, args=[token, response.number])
                if kiosk_signature:
                    thanks += f"?kiosk={kiosk_signature}"
                elif assisted_signature:
                    thanks += f"?dibantu={assisted_signature}"
                return redirect(thanks), ""
        return None, str(REFUSAL_MESSAGES[why])

    def _page_url(
        self, token: str, kiosk_signature: str, assisted_signature: str, page: int = 0
    ) -> str:
        if kiosk_signature:
            url = reverse(self.kiosk_url, args=[token, kiosk_signature])
        elif assisted_signature:
            url = reverse(self.assisted_url, args=[token, assisted_signature])
        else:
            url = reverse(self.form_url, args=[token])
        return f"{url}?{paging.PAGE}={page}" if page else url

    def _answer_paged(
        self,
        request: HttpRequest,
        token: str,
        target: Target,
        pages: list[list[Item]],
        kiosk_signature: str,
        assisted_signature: str,
    ) -> HttpResponse:
        """One page of a long questionnaire (``pantau.surveys.paging``): each page is checked
        and kept in the session; the last one submits every page's answers together.

        Long: the whole page-by-page protocol (start, back, next, the last page's submission and
        an earlier page that no longer passes) reads best in one place."""
        posting = request.method == "POST"
        draft = paging.Draft(request, token)
        shared_device = bool(kiosk_signature or assisted_signature)
        if not posting and (not draft.exists or (shared_device and paging.PAGE not in request.GET)):
            draft.start(str(uuid.uuid4()))
        if posting and request.POST.get("submission_token") != draft.submission_token:
            # A page of an earlier visit (another tab, or a session that ended): show where
            # this visit stands instead of mixing two sets of answers.
            return redirect(self._page_url(token, kiosk_signature, assisted_signature))
        page = paging.requested_page(request, draft, len(pages))
        last = page == len(pages)
        kwargs = self.form_kwargs(request, target) if page == 1 else {}
        form = ResponseForm(
            request.POST if posting else None,
            version=target.collection.version,
            items=pages[page - 1],
            initial={"submission_token": draft.submission_token, **draft.initial()},
            **kwargs,
        )
        names = [name for name in form.fields if name != "submission_token"]
        guard = HumanCheckForm(request.POST or None) if self.human_check and last else None
        refusal = ""
        if posting and request.POST.get(paging.ACTION) == paging.BACK:
            draft.keep(request.POST, names)
            return redirect(self._page_url(token, kiosk_signature, assisted_signature, page - 1))
        if posting and form.is_valid() and (guard is None or guard.is_valid()):
            draft.keep(request.POST, names, reached=page + 1 if not last else page)
            if not last:
                url = self._page_url(token, kiosk_signature, assisted_signature, page + 1)
                return redirect(url)
            whole = ResponseForm(
                draft.data(),
                version=target.collection.version,
                items=[item for part in pages for item in part],
                **self.form_kwargs(request, target),
            )
            if whole.is_valid():
                done, refusal = self._submit(
                    request, token, target, whole, kiosk_signature, assisted_signature
                )
                if done is not None:
                    draft.clear()
                    return done
            else:  # an earlier page no longer passes: show it, with its errors
                page = paging.first_page_with_errors(pages, whole)
                form = ResponseForm(
                    draft.data(),
                    version=target.collection.version,
                    items=pages[page - 1],
                    **(self.form_kwargs(request, target) if page == 1 else {}),
                )
                form.is_valid()
                guard = None
        if posting:
            target = self.after_refusal(token, target)
        status = 409 if refusal else 400 if guard is not None and guard.errors else 200
        progress = paging.Progress(
            page=page, count=len(pages), key=f"{token}:{page}:{draft.submission_token}"
        )
        return self._form_page(
            request,
            token,
            target,
            form,
            guard,
            refusal,
            kiosk_signature,
            assisted_signature,
            status,
            progress=progress,
        )

    def _form_page(
        self,
        request: HttpRequest,
        token: str,
        target: Target,
        form: ResponseForm,
        guard: HumanCheckForm | None,
        refusal: str,
        kiosk_signature: str,
        assisted_signature: str,
        status: int,
        progress: paging.Progress | None = None,
    ) -> HttpResponse:
        kiosk = bool(kiosk_signature)
        return render(
            request,
            self.kiosk_template if kiosk and self.kiosk_template else self.template,
            {
                "unit": target.unit,
                **target.context,
                "form": form,
                "guard": guard,
                "refusal": refusal,
                "kiosk": kiosk,
                "kiosk_url": reverse(self.kiosk_url, args=[token, kiosk_signature])
                if kiosk
                else "",
                "assisted": bool(assisted_signature),
                "kiosk_exit_url": self._exit_url(token, kiosk_signature) if kiosk else "",
                "progress": progress,
                **self.page_context(request, target),
            },
            status=status,
        )
