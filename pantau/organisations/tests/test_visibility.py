from pantau.organisations import selectors
from pantau.organisations.permissions import can_manage_unit, can_view_unit
from pantau.organisations.tests.factories import AgencyFactory, ServiceUnitFactory


def test_officer_sees_only_own_unit(officer_a, unit_a, unit_b):
    assert list(selectors.visible_units(officer_a)) == [unit_a]


def test_officer_of_other_unit_cannot_view_unit(officer_b, unit_a):
    assert not can_view_unit(officer_b, unit_a)


def test_province_evaluator_sees_units_of_regencies_below(evaluator_a, unit_a, unit_b):
    assert set(selectors.visible_units(evaluator_a)) == {unit_a}


def test_evaluator_scope_reaches_deeper_agencies(evaluator_a, agency_a):
    deeper = AgencyFactory(parent=agency_a)
    far_unit = ServiceUnitFactory(agency=deeper)
    assert far_unit in selectors.visible_units(evaluator_a)


def test_national_evaluator_sees_every_unit(national_evaluator, unit_a, unit_b):
    assert set(selectors.visible_units(national_evaluator)) == {unit_a, unit_b}


def test_agency_head_sees_and_manages_agency_units(agency_head_a, unit_a, unit_b):
    assert set(selectors.visible_units(agency_head_a)) == {unit_a}
    assert can_manage_unit(agency_head_a, unit_a)
    assert not can_manage_unit(agency_head_a, unit_b)


def test_unit_head_manages_own_unit_only(unit_head_a, unit_a, unit_b):
    assert can_manage_unit(unit_head_a, unit_a)
    assert not can_manage_unit(unit_head_a, unit_b)


def test_officer_and_evaluator_cannot_manage(officer_a, evaluator_a, unit_a):
    assert not can_manage_unit(officer_a, unit_a)
    assert not can_manage_unit(evaluator_a, unit_a)


def test_admin_sees_and_manages_everything(admin_user, unit_a, unit_b):
    assert set(selectors.visible_units(admin_user)) == {unit_a, unit_b}
    assert set(selectors.managed_units(admin_user)) == {unit_a, unit_b}


def test_user_without_role_sees_nothing(db, unit_a):
    from pantau.accounts.tests.factories import UserFactory

    assert not selectors.visible_units(UserFactory()).exists()


def test_inactive_user_sees_nothing(officer_a, unit_a):
    officer_a.is_active = False
    assert not selectors.visible_units(officer_a).exists()


def test_agency_subtree_handles_multiple_levels(province_a, agency_a):
    ids = selectors.agency_subtree_ids({province_a.id})
    assert agency_a.id in ids and agency_a.parent_id in ids and province_a.id in ids
