from datetime import date

from pantau.analytics.workdays import add_working_days, is_working_day, working_days_between


def test_weekend_is_skipped():
    friday = date(2025, 6, 13)
    assert add_working_days(friday, 1) == date(2025, 6, 16)  # Monday
    assert add_working_days(friday, 0) == friday


def test_national_holidays_are_skipped():
    # 17 August 2025 is a Sunday; Independence Day; 1 January 2025 (Wednesday) is New Year.
    assert not is_working_day(date(2025, 1, 1))
    assert add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 2)


def test_agency_days_off_are_skipped():
    monday = date(2025, 6, 16)
    assert add_working_days(monday, 1, [date(2025, 6, 17)]) == date(2025, 6, 18)


def test_three_working_days_across_a_weekend_and_a_holiday():
    # Tue 31 Dec 2024 + 3 working days: Thu 2 Jan, Fri 3 Jan, Mon 6 Jan.
    assert add_working_days(date(2024, 12, 31), 3) == date(2025, 1, 6)
    assert working_days_between(date(2024, 12, 31), date(2025, 1, 6)) == 3
