"""Following a public report by e-mail (issue 19, FixMyStreet's alerts): the form on the report's
public page, the confirmation link and the unsubscribe link. Each link's page shows a button and
acts only on POST, so that a mail scanner opening the link changes nothing."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from pantau.common import ratelimit
from pantau.common.client_ip import client_ip

from .. import follow_links, forms, selectors, services
from .public import render_public_report


def _page_url(number: str) -> str:
    return reverse("complaints:public-report", args=[number]) + "#follow"


# No CSRF token: the public page carries none, so that it is the same for everyone and can be
# cached. Nothing here rides on a session or a cookie: a forged cross-site POST could do no more
# than anyone can by posting the form, and the address is used only once its owner confirms.
@csrf_exempt
@never_cache
def follow(request, number):
    """Sign up to follow a public report (404 for a confidential one). The answer is the same
    whether or not the address already follows; a confirmation mail goes out only while the
    address has asked fewer than ``PANTAU_FOLLOW_MAIL_RATE`` times, so nobody can fill another
    person's mailbox."""
    complaint = selectors.public_report(number)
    if request.method != "POST":
        return redirect(_page_url(number))
    form = forms.FollowForm(request.POST)
    if not form.is_valid():
        return render_public_report(request, complaint, form=form, status=400)
    limit, window = settings.PANTAU_FOLLOW_RATE
    if not ratelimit.hit(f"complaint-follow:{client_ip(request)}", limit, window):
        form.add_error(None, _("Too many requests from this address. Wait a while and try again."))
        return render_public_report(request, complaint, form=form, status=429)
    email = services.normalise_email(form.cleaned_data["email"])
    limit, window = settings.PANTAU_FOLLOW_MAIL_RATE
    if ratelimit.hit(f"complaint-follow-mail:{follow_links.hash_token(email)}", limit, window):
        services.follow_report(complaint=complaint, email=email)
    messages.success(
        request,
        _(
            "Check your mailbox: if this address can follow the report, we have sent it a link "
            "to confirm. The link works for %(days)s days; until then nothing else is sent."
        )
        % {"days": settings.PANTAU_FOLLOW_CONFIRM_DAYS},
    )
    return redirect(_page_url(number))


@never_cache
def follow_confirm(request, number, token):
    """The confirmation link: a button on GET, the follow confirmed on POST."""
    follower = selectors.follower_by_confirm_link(number, token)
    if follower is not None and request.method == "POST":
        follower = services.confirm_follow(number=number, token=token)
        if follower is not None:
            messages.success(
                request,
                _(
                    "You follow this report now: we send an e-mail when its status changes or "
                    "the unit publishes its answer."
                ),
            )
            return redirect(_page_url(number))
    if follower is None:
        return render(
            request,
            "complaints/follow_confirm.html",
            {"number": number, "valid": False},
            status=404,
        )
    return render(
        request,
        "complaints/follow_confirm.html",
        {"number": number, "valid": True, "confirmed": follower.confirmed_at is not None},
    )


# The signed link is the proof, not a cookie: a mail program's one-click unsubscribe (RFC 8058)
# POSTs it without a CSRF token, and a forged POST would need the link itself.
@csrf_exempt
@never_cache
def unfollow(request, number, token):
    """The unsubscribe link in every update: a button on GET, the follow deleted on POST."""
    follower = selectors.follower_by_unfollow_link(number, token)
    context = {
        "number": number,
        "public_url": reverse("complaints:public-report", args=[number])
        if follower is not None and not follower.complaint.confidential
        else "",
    }
    if follower is None:
        return render(
            request, "complaints/unfollow.html", {**context, "state": "invalid"}, status=404
        )
    if request.method == "POST":
        services.unfollow_report(number=number, token=token)
        return render(request, "complaints/unfollow.html", {**context, "state": "done"})
    return render(request, "complaints/unfollow.html", {**context, "state": "ask"})
