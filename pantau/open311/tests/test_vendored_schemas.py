"""The vendored Open311 schemas are the community's, unchanged: equal to the copy kept beside the
repository when it is there (CI has it), and complete whether or not it is."""

import pytest

from .conftest import SCHEMA_DIR, SHARED_SCHEMA_DIR

NAMES = {
    "request.json",
    "requests.json",
    "service-definition.json",
    "service.json",
    "services.json",
    "swagger.json",
}


def test_every_schema_is_vendored():
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == NAMES


@pytest.mark.skipif(not SHARED_SCHEMA_DIR.is_dir(), reason="no ../shared beside the repository")
def test_the_vendored_schemas_equal_the_shared_ones():
    for name in NAMES:
        assert (SCHEMA_DIR / name).read_bytes() == (SHARED_SCHEMA_DIR / name).read_bytes(), name
