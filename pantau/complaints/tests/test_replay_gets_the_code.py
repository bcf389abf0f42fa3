"""A report sent again with the same submission token gets the same access code for a day
(issue 20: a citizen whose first answer was lost on the way never got the code), and no code
after that, once the code was replaced, or when another system replays it."""

import datetime as dt
import re
import uuid

from django.urls import reverse
from django.utils import timezone

from pantau.common.humancheck import passing_fields
from pantau.complaints import services
from pantau.complaints.models import Complaint
from pantau.complaints.services import reports


def _data(unit):
    return {"kind": "complaint", "unit": unit, "subject": "Antrean", "description": "Lama."}


def test_a_replay_within_a_day_gets_the_same_code(unit_a):
    token = uuid.uuid4()
    first, code, _ = services.submit_complaint(data=_data(unit_a), files=[], submission_token=token)
    again, replayed, created = services.submit_complaint(
        data=_data(unit_a), files=[], submission_token=token
    )
    assert not created and again.pk == first.pk and replayed == code
    assert services.find_by_number_and_code(first.tracking_number, replayed) == first


def test_each_submission_has_its_own_code(unit_a):
    _, one, _ = services.submit_complaint(
        data=_data(unit_a), files=[], submission_token=uuid.uuid4()
    )
    _, two, _ = services.submit_complaint(
        data=_data(unit_a), files=[], submission_token=uuid.uuid4()
    )
    assert one != two and len(one) == len(two) == 8


def test_after_a_day_a_replay_gets_no_code(unit_a):
    token = uuid.uuid4()
    first, _code, _ = services.submit_complaint(
        data=_data(unit_a), files=[], submission_token=token
    )
    Complaint.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=reports.REPLAY_HOURS, minutes=1)
    )
    _, replayed, _ = services.submit_complaint(data=_data(unit_a), files=[], submission_token=token)
    assert replayed is None


def test_another_system_replaying_the_token_gets_no_code(unit_a):
    token = uuid.uuid4()
    services.submit_complaint(data=_data(unit_a), files=[], submission_token=token, issuer="api:1")
    _, replayed, _ = services.submit_complaint(
        data=_data(unit_a), files=[], submission_token=token, issuer="api:2"
    )
    assert replayed is None


def test_a_replaced_code_is_not_given_out_again(unit_a):
    token = uuid.uuid4()
    first, code, _ = services.submit_complaint(data=_data(unit_a), files=[], submission_token=token)
    Complaint.objects.filter(pk=first.pk).update(access_code_hash="replaced")
    _, replayed, _ = services.submit_complaint(data=_data(unit_a), files=[], submission_token=token)
    assert replayed is None


def test_the_web_form_sent_twice_shows_the_code_both_times(client, unit_a):
    data = {
        "kind": "complaint",
        "unit": unit_a.pk,
        "subject": "Antrean panjang",
        "description": "Tiga jam menunggu di loket.",
        "submission_token": str(uuid.uuid4()),
        "anonymous": "on",
        **passing_fields(),
    }
    first = client.post(reverse("complaints:new"), data)
    assert first.status_code == 302
    code_page = client.get(first["Location"]).content.decode()
    fresh = client.__class__()
    again = fresh.post(reverse("complaints:new"), data)
    assert again["Location"] == first["Location"]
    again_page = fresh.get(again["Location"]).content.decode()
    complaint = Complaint.objects.get()
    codes = [c for c in (code_page, again_page) if complaint.tracking_number in c]
    assert len(codes) == 2
    # the code shown the first time is shown again
    shown = re.findall(r"[A-HJ-NP-Z2-9]{8}", code_page)
    assert any(code in again_page for code in shown if services.check_access_code(complaint, code))
