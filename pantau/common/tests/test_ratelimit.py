"""Atomic limits on the cache: parallel hits never pass more than the limit."""

import threading

from pantau.common import ratelimit

NOW = 1_800_000_000.0  # the start of a 600-second window


def test_hits_within_the_limit_pass_and_the_next_is_refused():
    results = [ratelimit.hit("k", 3, 600, now=NOW + i) for i in range(4)]
    assert results == [True, True, True, False]


def test_keys_are_counted_apart():
    assert ratelimit.hit("a", 1, 600, now=NOW)
    assert ratelimit.hit("b", 1, 600, now=NOW)
    assert not ratelimit.hit("a", 1, 600, now=NOW)


def test_a_new_window_starts_a_new_count():
    assert ratelimit.hit("k", 1, 600, now=NOW)
    assert not ratelimit.hit("k", 1, 600, now=NOW + 599)
    assert ratelimit.hit("k", 1, 600, now=NOW + 600)


def test_a_hit_given_back_can_be_used_again():
    assert ratelimit.hit("k", 1, 600, now=NOW)
    ratelimit.undo("k", 600, now=NOW)
    assert ratelimit.hit("k", 1, 600, now=NOW)
    assert not ratelimit.hit("k", 1, 600, now=NOW)


def test_giving_back_a_hit_that_was_never_counted_does_nothing():
    ratelimit.undo("never", 600, now=NOW)
    assert ratelimit.hit("never", 1, 600, now=NOW)
    assert not ratelimit.hit("never", 1, 600, now=NOW)


def test_retry_after_is_the_rest_of_the_window():
    assert ratelimit.retry_after(600, now=NOW + 100) == 500


def test_parallel_hits_pass_exactly_the_limit():
    passed = []
    start = threading.Barrier(40)

    def one():
        start.wait()
        passed.append(ratelimit.hit("parallel", 10, 600, now=NOW))

    threads = [threading.Thread(target=one) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert passed.count(True) == 10 and len(passed) == 40


def test_the_deployment_check_warns_when_limits_count_per_process(settings):
    from pantau.common.checks import limits_need_a_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in limits_need_a_shared_cache(None)] == ["pantau.W001"]
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "x"}}
    assert limits_need_a_shared_cache(None) == []
