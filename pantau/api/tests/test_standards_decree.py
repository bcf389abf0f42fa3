"""The API sets a standard on the web's rules: no decree dated before its forum (issue 16)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.standards import services
from pantau.standards.models import StandardVersion
from pantau.standards.tests.conftest import PDF

pytestmark = pytest.mark.django_db


@pytest.mark.covers(
    "POST /api/v1/units/{slug}/services/{service_slug}/standard/versions/{version}/set/"
)
def test_the_api_refuses_a_decree_dated_before_its_forum(token_for, draft_a, forum_a, unit_head_a):
    services.record_discussion(actor=unit_head_a, version=draft_a, forum=forum_a)
    service = draft_a.service
    response = token_for(unit_head_a, write=True).post(
        f"/api/v1/units/{service.unit.slug}/services/{service.slug}/standard/versions/1/set/",
        {
            "decree_number": "188/1/2026",
            "decree_date": "2026-01-10",
            "decree_file": SimpleUploadedFile("sk.pdf", PDF, content_type="application/pdf"),
        },
        format="multipart",
    )
    assert response.status_code == 400, response.content
    assert StandardVersion.objects.get(pk=draft_a.pk).status == "discussed"
