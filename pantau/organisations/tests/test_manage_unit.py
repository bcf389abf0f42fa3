from datetime import time

from django.urls import reverse

from pantau.common import audit
from pantau.organisations.models import ContactChannel, OpeningHours, Service
from pantau.organisations.tests.factories import (
    ContactChannelFactory,
    OpeningHoursFactory,
    ServiceFactory,
)

PROFILE = {
    "description": "Layanan sosial di MPP.",
    "address": "Jl. Pahlawan No. 2",
    "city": "Kabupaten A",
    "province": "Provinsi A",
    "postal_code": "83612",
    "time_zone": "Asia/Makassar",
}


def test_unit_head_edits_profile_and_the_change_is_audited(client_for, unit_head_a, unit_a):
    response = client_for(unit_head_a).post(
        reverse("organisations:unit-edit", args=[unit_a.slug]), PROFILE
    )
    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.address == "Jl. Pahlawan No. 2"
    latest = unit_a.history.first()
    assert latest.history_user == unit_head_a
    assert latest.history_type == "~"


def test_bad_postal_code_is_refused_and_changes_nothing(client_for, unit_head_a, unit_a):
    before = unit_a.address
    response = client_for(unit_head_a).post(
        reverse("organisations:unit-edit", args=[unit_a.slug]), {**PROFILE, "postal_code": "12A"}
    )
    assert response.status_code == 200
    assert "lima digit" in response.content.decode()  # Indonesian first
    unit_a.refresh_from_db()
    assert unit_a.address == before


def test_missing_address_is_refused(client_for, unit_head_a, unit_a):
    response = client_for(unit_head_a).post(
        reverse("organisations:unit-edit", args=[unit_a.slug]), {**PROFILE, "address": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["address"]


def test_unit_head_adds_a_service(client_for, unit_head_a, unit_a):
    response = client_for(unit_head_a).post(
        reverse("organisations:service-create", args=[unit_a.slug]),
        {"name": "Surat rekomendasi  PBI-JKN", "description": "Untuk warga tidak mampu."},
    )
    assert response.status_code == 302
    service = Service.objects.get(unit=unit_a)
    assert service.name == "Surat rekomendasi PBI-JKN"
    assert service.slug == "surat-rekomendasi-pbi-jkn"
    assert service.history.first().history_user == unit_head_a


def test_duplicate_service_name_is_refused(client_for, unit_head_a, unit_a):
    ServiceFactory(unit=unit_a, name="Layanan KIP")
    response = client_for(unit_head_a).post(
        reverse("organisations:service-create", args=[unit_a.slug]), {"name": "layanan kip"}
    )
    assert response.status_code == 200
    assert Service.objects.filter(unit=unit_a).count() == 1


def test_same_service_name_is_fine_in_another_unit(client_for, unit_head_a, unit_a, unit_b):
    ServiceFactory(unit=unit_b, name="Layanan KIP", slug="layanan-kip")
    client_for(unit_head_a).post(
        reverse("organisations:service-create", args=[unit_a.slug]), {"name": "Layanan KIP"}
    )
    assert Service.objects.filter(name="Layanan KIP").count() == 2


def test_unit_head_deactivates_a_service(client_for, unit_head_a, unit_a):
    service = ServiceFactory(unit=unit_a, name="Layanan lama")
    response = client_for(unit_head_a).post(
        reverse("organisations:service-edit", args=[unit_a.slug, service.pk]),
        {"name": "Layanan lama", "description": ""},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert not service.is_active


def _week(**overrides):
    data = {
        "day-TOTAL_FORMS": "7",
        "day-INITIAL_FORMS": "7",
        "day-MIN_NUM_FORMS": "7",
        "day-MAX_NUM_FORMS": "7",
    }
    for index in range(7):
        data[f"day-{index}-weekday"] = str(index + 1)
        if index < 5:
            data[f"day-{index}-is_open"] = "on"
            data[f"day-{index}-opens"] = "08:00"
            data[f"day-{index}-closes"] = "16:00"
    data.update(overrides)
    return data


def test_unit_head_sets_opening_hours(client_for, unit_head_a, unit_a):
    response = client_for(unit_head_a).post(
        reverse("organisations:hours-edit", args=[unit_a.slug]), _week()
    )
    assert response.status_code == 302
    assert list(OpeningHours.objects.filter(unit=unit_a).values_list("weekday", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
    ]


def test_saving_the_same_hours_twice_records_no_change(client_for, unit_head_a, unit_a):
    client = client_for(unit_head_a)
    client.post(reverse("organisations:hours-edit", args=[unit_a.slug]), _week())
    count = OpeningHours.history.count()
    client.post(reverse("organisations:hours-edit", args=[unit_a.slug]), _week())
    assert OpeningHours.history.count() == count


def test_closing_before_opening_is_refused_and_changes_nothing(client_for, unit_head_a, unit_a):
    response = client_for(unit_head_a).post(
        reverse("organisations:hours-edit", args=[unit_a.slug]), _week(**{"day-0-closes": "07:00"})
    )
    assert response.status_code == 200
    assert not OpeningHours.objects.filter(unit=unit_a).exists()


def test_closing_a_day_removes_it(client_for, unit_head_a, unit_a):
    client = client_for(unit_head_a)
    client.post(reverse("organisations:hours-edit", args=[unit_a.slug]), _week())
    week = _week()
    del week["day-4-is_open"]
    client.post(reverse("organisations:hours-edit", args=[unit_a.slug]), week)
    assert not OpeningHours.objects.filter(unit=unit_a, weekday=5).exists()
    assert OpeningHours.objects.get(unit=unit_a, weekday=1).opens == time(8, 0)


def _channels(rows):
    data = {
        "ch-TOTAL_FORMS": str(len(rows)),
        "ch-INITIAL_FORMS": "0",
        "ch-MIN_NUM_FORMS": "0",
        "ch-MAX_NUM_FORMS": "20",
    }
    for index, (kind, value) in enumerate(rows):
        data[f"ch-{index}-kind"] = kind
        data[f"ch-{index}-value"] = value
        data[f"ch-{index}-label"] = ""
    return data


def test_unit_head_edits_channels_in_order(client_for, unit_head_a, unit_a):
    ContactChannelFactory(unit=unit_a, kind="phone", value="021 111 222", position=0)
    response = client_for(unit_head_a).post(
        reverse("organisations:channels-edit", args=[unit_a.slug]),
        _channels([("whatsapp", "+62 812 3456 7890"), ("email", "loket@example.go.id"), ("", "")]),
    )
    assert response.status_code == 302
    assert list(ContactChannel.objects.filter(unit=unit_a).values_list("kind", "value")) == [
        ("whatsapp", "+62 812 3456 7890"),
        ("email", "loket@example.go.id"),
    ]


def test_invalid_channel_is_refused_and_changes_nothing(client_for, unit_head_a, unit_a):
    ContactChannelFactory(unit=unit_a, kind="phone", value="021 111 222")
    response = client_for(unit_head_a).post(
        reverse("organisations:channels-edit", args=[unit_a.slug]),
        _channels([("email", "not-an-address")]),
    )
    assert response.status_code == 200
    assert list(ContactChannel.objects.filter(unit=unit_a).values_list("value", flat=True)) == [
        "021 111 222"
    ]


def test_audit_page_shows_who_changed_what(client_for, unit_head_a, unit_a):
    client = client_for(unit_head_a)
    client.post(reverse("organisations:unit-edit", args=[unit_a.slug]), PROFILE)
    response = client.get(reverse("organisations:unit-audit", args=[unit_a.slug]))
    body = response.content.decode()
    assert "Jl. Pahlawan No. 2" in body
    assert unit_head_a.get_full_name() or unit_head_a.username in body


def test_audit_history_of_one_unit_excludes_others(unit_head_a, unit_a, unit_b):
    ServiceFactory(unit=unit_b, name="Layanan rahasia B")
    entries = audit.unit_history(unit_a.id)
    assert all("Layanan rahasia B" not in entry.object_repr for entry in entries)


def test_agency_head_manages_unit_of_agency(client_for, agency_head_a, unit_a):
    response = client_for(agency_head_a).post(
        reverse("organisations:unit-edit", args=[unit_a.slug]), PROFILE
    )
    assert response.status_code == 302


def test_hours_form_shows_saved_times_in_a_format_time_inputs_accept(
    client_for, unit_head_a, unit_a
):
    # Indonesian formats times as 08.00, which <input type="time"> cannot show.
    OpeningHoursFactory(unit=unit_a, weekday=1, opens=time(7, 30), closes=time(15, 0))
    body = (
        client_for(unit_head_a)
        .get(reverse("organisations:hours-edit", args=[unit_a.slug]))
        .content.decode()
    )
    assert 'value="07:30"' in body and 'value="15:00"' in body
