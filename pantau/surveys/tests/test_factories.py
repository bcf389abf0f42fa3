import pytest

from pantau.surveys.tests.factories import CollectionFactory

pytestmark = pytest.mark.django_db


def test_a_factory_collection_answers_a_version_built_from_a_spec():
    collection = CollectionFactory()
    assert [item.code for item in collection.version.items.order_by("position")] == ["Q1", "Q2"]
    assert collection.version.items.get(code="Q1").options.count() == 4
