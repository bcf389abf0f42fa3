"""Every questionnaire answered in public goes through ``pantau.surveys.public``."""

import pytest
from django.urls import resolve, reverse

from pantau.surveys.public import KioskLink, PublicQuestionnaire

PUBLIC_PAGES = [
    ("survey:form", ["t"]),
    ("survey:kiosk", ["t", "s"]),
    ("survey:thanks", ["t", "N1"]),
    ("survey:qr", ["t"]),
    ("study:form", ["t"]),
    ("study:kiosk", ["t", "s"]),
    ("study:thanks", ["t", "N1"]),
    ("study:qr", ["t"]),
    ("evaluations:citizen-form", ["t"]),
    ("evaluations:citizen-thanks", ["t", "N1"]),
    ("evaluations:citizen-qr", ["t"]),
]


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_each_public_answer_page_is_the_shared_view(name, args):
    view = resolve(reverse(name, args=args)).func
    assert isinstance(getattr(view, "__self__", None), PublicQuestionnaire)


def test_a_kiosk_link_is_valid_only_for_its_own_token_and_salt():
    link = KioskLink("pantau.test.kiosk")
    signature = link.sign("abc")
    assert link.valid("abc", signature)
    assert not link.valid("abd", signature)
    assert not KioskLink("pantau.other.kiosk").valid("abc", signature)
    assert not link.valid("abc", "")
    assert not link.valid("abc", "not-a-signature")
