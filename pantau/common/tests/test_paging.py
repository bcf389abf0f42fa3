from pantau.common.paging import CheapPage
from pantau.organisations.models import Agency
from pantau.organisations.tests.factories import AgencyFactory


def test_cheap_page_knows_next_without_counting(db, django_assert_num_queries):
    AgencyFactory.create_batch(5)
    queryset = Agency.objects.order_by("pk")
    with django_assert_num_queries(1):
        first = CheapPage(queryset, 1, per_page=2)
        assert len(first) == 2 and first.has_next() and not first.has_previous()
    last = CheapPage(queryset, "3", per_page=2)
    assert len(last) == 1 and not last.has_next() and last.has_previous()
    assert CheapPage(queryset, "nonsense", per_page=2).number == 1
