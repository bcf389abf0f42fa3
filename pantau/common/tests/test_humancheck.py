"""The time-and-token check of public forms, on its own."""

import time

from pantau.common.humancheck import HONEYPOT, STARTED, HumanCheckForm, new_token, passing_fields


def _check(**data):
    form = HumanCheckForm(data)
    return form, form.is_valid()


def test_a_form_sent_some_seconds_after_it_was_shown_passes():
    assert _check(**passing_fields(age=10))[1]


def test_a_form_sent_at_once_is_refused_and_keeps_its_time():
    token = new_token(now=time.time())
    form, valid = _check(**{STARTED: token, HONEYPOT: ""})
    assert not valid and form.non_field_errors().as_data()[0].code == "too_soon"
    assert form.data[STARTED] == token  # sending it again a moment later passes


def test_a_form_opened_hours_ago_is_refused_with_a_fresh_time(settings):
    settings.PANTAU_FORM_MAX_HOURS = 6
    old = new_token(now=time.time() - 7 * 3600)
    form, valid = _check(**{STARTED: old, HONEYPOT: ""})
    assert not valid and form.non_field_errors().as_data()[0].code == "expired"
    assert form.data[STARTED] != old
    assert not HumanCheckForm({STARTED: form.data[STARTED], HONEYPOT: ""}).is_valid()  # too soon


def test_a_missing_or_forged_time_is_refused():
    for value in ("", "1700000000", "1700000000:forged", "abc:def"):
        form, valid = _check(**{STARTED: value, HONEYPOT: ""})
        assert not valid and form.non_field_errors().as_data()[0].code == "missing"


def test_a_filled_honeypot_is_refused_and_shown():
    form, valid = _check(**{**passing_fields(), HONEYPOT: "http://spam.example"})
    assert not valid and form.non_field_errors().as_data()[0].code == "honeypot"
    assert form.honeypot_filled


def test_an_unbound_form_offers_a_fresh_signed_time():
    form = HumanCheckForm()
    assert not form.is_bound and form.initial[STARTED].count(":") == 1
