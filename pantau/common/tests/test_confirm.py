from django.test import RequestFactory

from pantau.common import confirm


def test_first_post_is_not_confirmed_and_the_page_carries_every_field(rf: RequestFactory):
    request = rf.post("/act/?next=1", {"media": ["web", "poster"], "note": "x"})
    assert not confirm.confirmed(request)
    response = confirm.confirmation_page(
        request,
        title="Publish?",
        consequences=["It cannot be undone."],
        action_label="Yes, publish",
        cancel_url="/back/",
        warnings=["84 of 291"],
    )
    html = response.content.decode()
    assert 'name="media" value="web"' in html
    assert 'name="media" value="poster"' in html
    assert 'name="note" value="x"' in html
    assert 'name="confirmed" value="yes"' in html
    assert 'action="/act/?next=1"' in html
    assert "It cannot be undone." in html and "84 of 291" in html


def test_second_post_is_confirmed(rf: RequestFactory):
    assert confirm.confirmed(rf.post("/act/", {"confirmed": "yes"}))
    assert not confirm.confirmed(rf.get("/act/", {"confirmed": "yes"}))
    assert not confirm.confirmed(rf.post("/act/", {"confirmed": "no"}))
