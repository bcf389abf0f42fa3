"""PEKPPP aspect-1 indicators on standards, pledge and publication (domain spec 2.4), against the
spec's bands and against a table-driven reference written apart from the implementation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.analytics import standards as s

MEDIA = ["notice_board", "leaflet", "website", "social_media", "app", "sippn"]


def reference_publication(all_media: set[str], some: bool) -> int:
    # Rows of the spec: (needs SIPPN, media besides SIPPN at least) -> score, best first.
    if not all_media:
        return 1 if some else 0
    sippn = "sippn" in all_media
    besides = len(all_media) - int(sippn)
    for needs_sippn, at_least, score in [(True, 4, 5), (True, 3, 4), (True, 2, 3)]:
        if sippn >= needs_sippn and besides >= at_least:
            return score
    return 2 if len(all_media) >= 2 else 1


def reference_review(n: int, w12: int, w24: int, w36: int) -> int:
    if n == 0:
        return 0
    table = [(w12, n, 5), (w12, 1, 4), (w24, n, 3), (w24, 1, 2), (w36, n, 1)]
    return next((score for count, need, score in table if count >= need), 0)


@pytest.mark.parametrize(
    ("media", "some", "expected"),
    [
        (set(), False, 0),
        (set(), True, 1),
        ({"website"}, True, 1),
        ({"website", "notice_board"}, True, 2),
        ({"sippn", "website"}, True, 2),
        ({"sippn", "website", "notice_board"}, True, 3),
        ({"sippn", "website", "notice_board", "leaflet"}, True, 4),
        ({"sippn", "website", "notice_board", "leaflet", "app"}, True, 5),
        ({"website", "notice_board", "leaflet", "app", "social_media"}, True, 2),
    ],
)
def test_publication_bands_of_the_spec(media, some, expected):
    assert s.publication_score(all_media=media, some_published=some) == expected


@given(st.sets(st.sampled_from(MEDIA)), st.booleans())
def test_publication_matches_the_reference(media, some):
    some = some or bool(media)
    assert s.publication_score(all_media=media, some_published=some) == reference_publication(
        media, some
    )


@given(st.data())
def test_review_matches_the_reference(data):
    n = data.draw(st.integers(0, 20))
    w36 = data.draw(st.integers(0, n))
    w24 = data.draw(st.integers(0, w36))
    w12 = data.draw(st.integers(0, w24))
    assert s.review_score(services=n, within_12=w12, within_24=w24, within_36=w36) == (
        reference_review(n, w12, w24, w36)
    )


@pytest.mark.parametrize(
    ("n", "w12", "w24", "w36", "expected"),
    [
        (4, 4, 4, 4, 5),
        (4, 1, 4, 4, 4),
        (4, 0, 4, 4, 3),
        (4, 0, 2, 4, 2),
        (4, 0, 0, 4, 1),
        (4, 0, 0, 3, 0),
    ],
)
def test_review_bands_of_the_spec(n, w12, w24, w36, expected):
    assert s.review_score(services=n, within_12=w12, within_24=w24, within_36=w36) == expected


def test_review_refuses_impossible_counts():
    with pytest.raises(ValueError):
        s.review_score(services=2, within_12=3, within_24=3, within_36=3)


@pytest.mark.parametrize(("types", "expected"), [(0, 0), (1, 1), (4, 4), (5, 5)])
def test_participation(types, expected):
    assert s.participation_score(types) == expected


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ((False, False, False, False, False), 0),
        ((True, False, False, False, False), 1),
        ((True, True, False, False, False), 2),
        ((True, True, True, False, False), 3),
        ((True, True, True, True, False), 4),
        ((True, True, True, True, True), 5),
        ((True, True, False, True, True), 2),
    ],
)
def test_standard_score_steps(flags, expected):
    has, complete, is_set, forum, evaluated = flags
    assert (
        s.standard_score(
            has_standard=has,
            complete=complete,
            is_set=is_set,
            with_forum=forum,
            evaluated=evaluated,
        )
        == expected
    )


@pytest.mark.parametrize(
    ("drafted", "is_set", "compliant", "media", "expected"),
    [
        (False, False, False, set(), 0),
        (True, False, False, set(), 1),
        (True, True, False, set(), 2),
        (True, True, True, set(), 3),
        (True, True, True, {"notice_board"}, 4),
        (True, True, True, {"notice_board", "website"}, 5),
        (True, True, True, {"website"}, 3),
    ],
)
def test_maklumat_cycle(drafted, is_set, compliant, media, expected):
    assert (
        s.maklumat_score(drafted=drafted, is_set=is_set, compliant=compliant, media=media)
        == expected
    )


def test_skm_media_count():
    assert s.media_count_score(set()) == 0
    assert s.media_count_score(set(MEDIA)) == 5
