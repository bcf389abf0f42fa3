"""Each role sees only what it should: every staff view is exercised by a test with a user of
another unit (see the access-matrix note in the root conftest.py)."""

import os

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import conftest

# Staff views that are not about one unit's data, so a user of another unit has nothing to be
# refused: each line says why.
NOT_UNIT_SCOPED = {
    "organisations:unit-list": "lists only the units the user may see (tested in organisations)",
}


def _staff_view_names(resolver=None, prefix="", namespace="") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _staff_view_names(entry, route, inner)
        elif isinstance(entry, URLPattern) and route.startswith("manage/") and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def test_every_staff_view_is_tested_with_a_user_of_another_unit(request):
    if os.environ.get("PYTEST_XDIST_WORKER") or request.config.pantau_collected < 300:
        pytest.skip("needs the whole suite in one process (make test)")
    missing = sorted(_staff_view_names() - conftest.ACCESS_HITS - set(NOT_UNIT_SCOPED))
    assert missing == [], (
        "These staff views have no test with a user of another unit (name the test with one of "
        f"{conftest.CROSS_UNIT_WORDS}): {missing}"
    )
