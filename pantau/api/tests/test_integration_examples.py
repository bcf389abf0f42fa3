"""The connector examples of docs/api.md ("Integrating with SP4N-LAPOR!, SIPP and
FixMyStreet"), run as written against a running Pantau: only the address is changed."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from pantau.api import services as api_services
from pantau.complaints.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)


def _example(name: str, live_server, prefix: str = "/open311/v2/") -> dict:
    """The python block of docs/api.md that defines ``name``, executed, its address pointed at
    the live server."""
    text = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    blocks = [block.split("```")[0] for block in text.split("```python\n")[1:]]
    (code,) = [block for block in blocks if f"def {name}(" in block]
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 - our own documentation's example
    for constant, value in list(namespace.items()):
        if constant.isupper() and isinstance(value, str) and value.startswith("https://"):
            namespace[constant] = live_server.url + prefix
    return namespace


def _settled(**only) -> None:
    """Changes younger than the settling time wait for the next call; age them."""
    Complaint.objects.filter(**only).update(updated_at=timezone.now() - timedelta(minutes=5))


def test_the_fixmystreet_example_posts_once_and_reads_each_change_once(
    live_server, unit_a, officer_a
):
    example = _example("fetch_changes", live_server)
    key = api_services.create_token(actor=officer_a, name="fixmystreet", can_write=True)[1]
    report = {
        "service_code": "waktu",
        "description": "Antrean tiga jam di loket.",
        "lat": "-8.6503",
        "long": "116.5331",
        "attribute[unit]": unit_a.slug,
        "email": "warga@example.id",
    }
    ours = str(uuid.uuid4())
    number = example["post_report"](key, "prov-a", report, ours)
    assert example["post_report"](key, "prov-a", report, ours) == number  # a resend: same report
    other = example["post_report"](key, "prov-a", report, str(uuid.uuid4()))
    assert Complaint.objects.count() == 2
    _settled()

    changed, resume = example["fetch_changes"]("prov-a", None)
    assert sorted(r["service_request_id"] for r in changed) == sorted([number, other])
    assert all((r["lat"], r["long"]) == (-8.6503, 116.5331) for r in changed)
    assert example["fetch_changes"]("prov-a", resume)[0] == []  # nothing new: nothing again

    complaint = Complaint.objects.get(tracking_number=number)
    complaint.subject = "Antrean lama"
    complaint.save()
    _settled(pk=complaint.pk)
    again, _resume = example["fetch_changes"]("prov-a", resume)
    assert [r["service_request_id"] for r in again] == [number]
