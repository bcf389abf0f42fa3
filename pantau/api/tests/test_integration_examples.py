"""The connector examples of docs/api.md ("Integrating with SP4N-LAPOR!, SIPP and
FixMyStreet"), run as written against a running Pantau: only the address is changed."""

import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from pantau.api import services as api_services
from pantau.complaints.models import Category, Complaint

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
    # A transactional test before this one (same worker) may have flushed the seeded categories.
    Category.objects.get_or_create(
        agency=None, code="waktu", defaults={"name": "Waktu pelayanan", "position": 1}
    )
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


def _published_period(unit, *, number: int, days_ago: int):
    from pantau.satisfaction.models import SurveyPeriod
    from pantau.satisfaction.tests.factories import SurveyPeriodFactory

    period = SurveyPeriodFactory(unit=unit, number=number, opened=True)
    SurveyPeriod.objects.filter(pk=period.pk).update(
        published_at=timezone.now() - timedelta(days=days_ago)
    )
    return period


def test_the_lapor_example_reads_the_agency_tree_once_without_identities(
    live_server, unit_a, unit_b, agency_a, agency_head_a
):
    from pantau.api.integration import services as integration_services

    from .conftest import make_report

    example = _example("pull_reports", live_server, prefix="/api/v1/")
    _token, secret = integration_services.issue_integration_token(
        actor=agency_head_a, name="Konektor SP4N-LAPOR!", agency=agency_a
    )
    ours = [make_report(unit_a)[0] for _ in range(3)]
    make_report(unit_b)  # another agency's tree: never read
    _settled()

    rows, resume = example["pull_reports"](secret, None)
    assert sorted(r["tracking_number"] for r in rows) == sorted(c.tracking_number for c in ours)
    assert not any("Budi" in json.dumps(row) or "budi@" in json.dumps(row) for row in rows)
    assert example["pull_reports"](secret, resume)[0] == []

    changed = ours[1]
    changed.subject = "Antrean lebih panjang"
    changed.save()
    _settled(pk=changed.pk)
    again, _resume = example["pull_reports"](secret, resume)
    assert [r["tracking_number"] for r in again] == [changed.tracking_number]


def test_the_sipp_example_reads_published_ikm_by_sipp_code_and_finds_the_unit(
    live_server, unit_a, unit_b, agency_a, agency_head_a
):
    from pantau.api.integration import services as integration_services

    example = _example("published_ikm", live_server, prefix="/api/v1/")
    agency_a.region_code = "52.03"
    agency_a.save()
    unit_a.sipp_code = "5203-DINSOS-001"
    unit_a.save()
    _token, secret = integration_services.issue_integration_token(
        actor=agency_head_a, name="SIPP", agency=agency_a
    )
    _published_period(unit_a, number=1, days_ago=40)  # before the last run: not read again
    recent = _published_period(unit_a, number=2, days_ago=2)
    _published_period(unit_b, number=1, days_ago=2)  # another region
    since = (timezone.now() - timedelta(days=7)).isoformat()

    results = example["published_ikm"](secret, "52", since)
    assert list(results) == ["5203-DINSOS-001"]
    assert results["5203-DINSOS-001"]["id"] == recent.pk
    unit = example["unit_by_sipp_code"]("5203-DINSOS-001")
    assert unit["slug"] == unit_a.slug and unit["sipp_code"] == "5203-DINSOS-001"
