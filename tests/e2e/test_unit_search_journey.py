"""Finding a unit by an abbreviation, and past a typing error, on a phone and on a desktop
(issue 19, "search that finds")."""

import pytest

from .conftest import check_accessibility, visit


@pytest.mark.parametrize("device", ["phone", "page"])
def test_citizen_finds_a_unit_by_abbreviation_and_past_a_typing_error(request, device, demo):
    screen = request.getfixturevalue(device)
    visit(screen, "/units/")
    screen.locator("#unit-search").fill("BANSOS")
    with screen.expect_navigation():
        screen.locator("form[role=search] button[type=submit]").click()
    assert screen.get_by_role("link", name="Loket Dinas Sosial di MPP Lombok Timur").is_visible()
    check_accessibility(screen)

    visit(screen, "/units/?q=rekomendsi")
    with screen.expect_navigation():
        screen.get_by_role("link", name="rekomendasi", exact=True).click()
    assert screen.get_by_role("link", name="Loket Dinas Sosial di MPP Lombok Timur").is_visible()
    check_accessibility(screen)
    overflow = screen.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
