"""Form A answered page by page on a phone (issue 19): each page is checked and kept, a lost
connection costs nothing already sent, and only the last page submits."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from pantau.studies.models import RespondentGroup
from pantau.studies.public_views import kiosk_signature, recipients
from pantau.surveys import paging
from pantau.surveys.models import Answer, Response
from pantau.surveys.selectors import version_items

from .conftest import group

RECIPIENT = RespondentGroup.Role.RECIPIENT


@pytest.fixture
def link(study_a):
    g = group(study_a, RECIPIENT)
    pages = paging.split(version_items(g.collection.version), recipients.page_items)
    return g, reverse("study:form", args=[g.collection.token]), pages


def _token(page) -> str:
    return re.search(r'name="submission_token" value="([^"]+)"', page.content.decode())[1]


def _page_post(token, number, items, value=4, action=paging.NEXT, **extra):
    data = {"submission_token": token, paging.PAGE: str(number), paging.ACTION: action}
    for item in items:
        if item.kind == "scored":
            data[item.key] = str(value)
    data.update(extra)
    return data


def _answer_pages(client, url, pages, token, *, upto, value=4):
    for number, items in enumerate(pages[:upto], start=1):
        action = paging.SEND if number == len(pages) else paging.NEXT
        response = client.post(url, _page_post(token, number, items, value, action))
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_form_a_is_cut_into_pages_of_whole_sections(link):
    g, _url, pages = link
    items = version_items(g.collection.version)
    assert 4 <= len(pages) <= 8
    assert [item for page in pages for item in page] == list(items)
    for page in pages:
        sections = [item.section_id for item in page]
        assert sections == sorted(sections)
    for before, after in zip(pages, pages[1:], strict=False):
        assert before[-1].section_id != after[0].section_id  # no section is cut in two


def test_each_page_shows_where_the_respondent_is_and_only_its_questions(client, link):
    g, url, pages = link
    body = client.get(url).content.decode()
    assert f"Page 1 of {len(pages)}" in body or f"Halaman 1 dari {len(pages)}" in body
    assert f'name="{pages[0][0].key}"' in body
    assert f'name="{pages[1][0].key}"' not in body
    assert 'value="kembali"' not in body  # nothing to go back to on the first page


def test_answering_every_page_saves_one_response_with_every_answer(client, link):
    g, url, pages = link
    token = _token(client.get(url))
    done = _answer_pages(client, url, pages, token, upto=len(pages), value=5)
    assert "/terima-kasih/" in done["Location"] or done["Location"].startswith(
        reverse("study:form", args=[g.collection.token])[:-1]
    )
    saved = Response.objects.get(collection=g.collection)
    scored = [i for page in pages for i in page if i.kind == "scored"]
    assert Answer.objects.filter(response=saved).count() == len(scored)
    assert set(Answer.objects.filter(response=saved).values_list("value_int", flat=True)) == {5}
    assert client.get(done["Location"]).status_code == 200


def test_a_page_with_a_missing_answer_stays_with_its_error_and_saves_nothing(client, link):
    g, url, pages = link
    token = _token(client.get(url))
    data = _page_post(token, 1, pages[0])
    data.pop(pages[0][0].key)
    page = client.post(url, data)
    assert page.status_code == 200
    assert "error-summary" in page.content.decode()
    assert 'name="halaman" value="1"' in page.content.decode()
    assert not Response.objects.exists()


def test_a_lost_connection_costs_nothing_already_sent(client, link):
    """After two pages the phone drops off; opening the link again goes back to page three with
    the first two pages' answers kept, and finishing saves them."""
    g, url, pages = link
    token = _token(client.get(url))
    _answer_pages(client, url, pages, token, upto=2, value=2)
    again = client.get(url)
    assert 'name="halaman" value="3"' in again.content.decode()
    assert _token(again) == token
    for number in range(3, len(pages) + 1):
        action = paging.SEND if number == len(pages) else paging.NEXT
        client.post(url, _page_post(token, number, pages[number - 1], 4, action))
    saved = Response.objects.get(collection=g.collection)
    first_key = pages[0][0].key
    assert saved.answers.get(item__key=first_key).value_int == 2
    last_scored = [i for i in pages[-1] if i.kind == "scored"] or [
        i for i in pages[-2] if i.kind == "scored"
    ]
    assert saved.answers.get(item__key=last_scored[-1].key).value_int == 4


def test_back_keeps_what_was_entered_and_shows_the_earlier_answers(client, link):
    g, url, pages = link
    token = _token(client.get(url))
    _answer_pages(client, url, pages, token, upto=1, value=3)
    half = {pages[1][0].key: "1"}
    back = client.post(url, {**_page_post(token, 2, [], action=paging.BACK), **half})
    assert back.status_code == 302 and back["Location"].endswith(f"?{paging.PAGE}=1")
    first = client.get(back["Location"]).content.decode()
    assert re.search(rf'name="{pages[0][0].key}" value="3"[^>]*checked', first)
    second = client.get(f"{url}?{paging.PAGE}=2").content.decode()
    assert re.search(rf'name="{pages[1][0].key}" value="1"[^>]*checked', second)


def test_a_page_beyond_the_furthest_reached_cannot_be_skipped_to(client, link):
    g, url, pages = link
    client.get(url)
    body = client.get(f"{url}?{paging.PAGE}={len(pages)}").content.decode()
    assert 'name="halaman" value="1"' in body
    token = _token(client.get(url))
    jumped = client.post(
        url, _page_post(token, len(pages), pages[-1], action=paging.SEND)
    )  # page 1's questions are missing: refused, nothing saved
    assert jumped.status_code == 200
    assert not Response.objects.exists()


def test_a_page_from_another_visit_is_not_mixed_in(client, link):
    g, url, pages = link
    client.get(url)
    stale = client.post(url, _page_post("0" * 32, 1, pages[0]))
    assert stale.status_code == 302 and stale["Location"] == url
    assert not Response.objects.exists()


def test_the_whole_questionnaire_in_one_form_is_still_taken(client, link):
    g, url, pages = link
    data = {"submission_token": "6f1c1b9e-4c8a-4f0e-9a55-3c0d6b0f2a11"}
    for item in (i for page in pages for i in page):
        if item.kind == "scored":
            data[item.key] = "4"
    assert client.post(url, data).status_code == 302
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_a_kiosk_starts_every_visit_afresh(link):
    g, _url, pages = link
    signature = kiosk_signature(g)
    kiosk_url = reverse("study:kiosk", args=[g.collection.token, signature])
    kiosk = Client()
    token = _token(kiosk.get(kiosk_url))
    moved = kiosk.post(kiosk_url, _page_post(token, 1, pages[0]))
    assert moved["Location"] == f"{kiosk_url}?{paging.PAGE}=2"
    assert 'name="halaman" value="2"' in kiosk.get(moved["Location"]).content.decode()
    # the idle reset goes back to the bare kiosk link: the next person starts on page one
    fresh = kiosk.get(kiosk_url)
    assert 'name="halaman" value="1"' in fresh.content.decode()
    assert _token(fresh) != token
    assert "data-draft-key" not in fresh.content.decode()  # nothing kept in the browser


def test_a_phone_keeps_the_page_on_screen_in_its_own_storage(client, link):
    g, url, pages = link
    body = client.get(url).content.decode()
    assert "data-draft-key" in body
    assert "js/draft.js" in body


def test_finishing_clears_the_kept_answers(client, link):
    g, url, pages = link
    token = _token(client.get(url))
    _answer_pages(client, url, pages, token, upto=len(pages))
    assert not any(key.startswith(paging.SESSION_PREFIX) for key in client.session.keys())
    restart = client.get(url).content.decode()
    assert 'name="halaman" value="1"' in restart
    assert _token(client.get(url)) != token
