"""Scheduling, submitting and locking visits (observations.services), and the two checklists."""

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from pantau.common.files import CheckedUpload
from pantau.observations import checklists, services
from pantau.observations.models import ItemNote, Visit
from pantau.surveys.models import Collection, Item, Response
from pantau.surveys.specs import VersionSpec

from .factories import answers_for, schedule, submit

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_setia_has_the_five_letters_with_weights():
    spec = checklists.setia_spec()
    assert [s.title.split(" — ")[1] for s in spec.sections] == [
        "Solusi",
        "Empati",
        "Tegas",
        "Inovatif",
        "Andal",
    ]
    items = spec.items()
    assert all(item.kind == Item.Kind.YES_NO_NA for item in items)
    assert {item.weight for item in items} == {1, 2}
    assert len({item.key for item in items}) == len(items) == 15


def test_evaluator_schedules_a_visit_to_a_unit_of_their_tree(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    assert visit.status == Visit.Status.SCHEDULED
    assert visit.collection.status == Collection.Status.OPEN
    assert visit.collection.unit == unit_a
    assert visit.collection.version.instrument.code == "setia"


def test_assigning_someone_who_works_at_the_unit_is_refused(evaluator_a, unit_a, officer_a):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        schedule(actor=evaluator_a, unit=unit_a, observer=officer_a)
    message = refused.value.message_dict["observer"][0]
    assert "works at Loket Dinas Sosial A and cannot observe it" in message
    assert not Visit.objects.exists()


def test_evaluator_of_other_agency_cannot_schedule(evaluator_b, unit_a, observer):
    with pytest.raises(PermissionDenied):
        schedule(actor=evaluator_b, unit=unit_a, observer=observer)


def test_unit_head_cannot_schedule_visits_to_their_own_unit(unit_head_a, unit_a, observer):
    with pytest.raises(PermissionDenied):
        schedule(actor=unit_head_a, unit=unit_a, observer=observer)


def test_a_day_in_the_past_is_refused(evaluator_a, unit_a, observer):
    with pytest.raises(ValidationError) as refused:
        services.schedule_visit(
            actor=evaluator_a,
            unit=unit_a,
            kind="behaviour",
            planned_on=date(2026, 3, 9),
            observer=observer,
            today=date(2026, 3, 10),
        )
    assert "planned_on" in refused.value.message_dict


def test_standard_visit_needs_a_service_with_a_published_standard(
    evaluator_a, unit_a, observer, service_a
):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        schedule(
            actor=evaluator_a, unit=unit_a, observer=observer, kind="standard", service=service_a
        )
    assert "has no published service standard" in refused.value.message_dict["service"][0]


def test_standard_checklist_asks_each_published_component(
    evaluator_a, unit_a, observer, standard_a
):
    visit = schedule(
        actor=evaluator_a,
        unit=unit_a,
        observer=observer,
        kind="standard",
        service=standard_a.service,
    )
    items = {item.key: item for item in visit.collection.version.items.all()}
    # displayed: requirements, procedure, time, fee, product, complaints, facilities, guarantee
    assert sorted(k for k in items if k.startswith("tampil-")) == sorted(
        f"tampil-{k}"
        for k in (
            "persyaratan",
            "prosedur",
            "waktu",
            "biaya",
            "produk",
            "pengaduan",
            "sarana",
            "jaminan",
        )
    )
    assert len([k for k in items if k.startswith("terap-")]) == 6
    # the items quote the unit's own standard
    assert "Fotokopi KTP" in items["terap-persyaratan"].help_text
    assert "3 hari kerja" in items["terap-waktu"].text
    assert "3 working days" in items["terap-waktu"].text_en
    assert items["terap-biaya"].weight == 3
    assert visit.collection.version.instrument.owner_unit == unit_a


def test_a_component_the_standard_leaves_empty_is_not_asked(standard_a):
    standard_a.product = ""
    spec: VersionSpec = checklists.standard_spec(standard_a)
    keys = [item.key for item in spec.items()]
    assert "tampil-produk" not in keys and "terap-produk" not in keys


def test_the_standard_checklist_is_built_once_per_standard_version(
    evaluator_a, unit_a, observer, standard_a
):
    first = schedule(
        actor=evaluator_a,
        unit=unit_a,
        observer=observer,
        kind="standard",
        service=standard_a.service,
    )
    second = schedule(
        actor=evaluator_a,
        unit=unit_a,
        observer=observer,
        kind="standard",
        service=standard_a.service,
    )
    assert first.collection.version == second.collection.version
    assert first.collection != second.collection


def test_submitted_visit_is_scored_and_locked(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    # SETIA: 15 items, weights 2+2+1 | 1+2+1 | 2+2+1 | 1+1+1 | 1+2+2 = 22
    # no: setia-t2 (weight 2); not applicable: setia-i3 (weight 1)
    # => applicable 21, yes 19, score 100 * 19 / 21 = 90.48
    visit = submit(visit, no=["setia-t2"], not_applicable=["setia-i3"])
    assert visit.status == Visit.Status.SUBMITTED
    assert visit.score == Decimal("90.48")
    assert (visit.applicable_items, visit.failed_items) == (14, 1)
    assert visit.response.answers.count() == 15
    assert visit.response.entered_by == observer
    visit.collection.refresh_from_db()
    assert visit.collection.status == Collection.Status.CLOSED
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        submit(visit)
    assert "already been submitted" in refused.value.messages[0]
    assert Response.objects.count() == 1


def test_all_not_applicable_leaves_no_score(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    keys = [row[0].key for row in answers_for(visit)]
    visit = submit(visit, not_applicable=keys)
    assert visit.score is None
    assert visit.status == Visit.Status.SUBMITTED


def test_only_the_assigned_observer_submits(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    with pytest.raises(PermissionDenied):
        services.submit_visit(
            actor=evaluator_a, visit=visit, answers=answers_for(visit), today=visit.planned_on
        )


def test_every_item_must_be_answered(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.submit_visit(
            actor=observer, visit=visit, answers=answers_for(visit)[1:], today=visit.planned_on
        )
    assert "missing: S1" in refused.value.messages[0]
    visit.refresh_from_db()
    assert visit.status == Visit.Status.SCHEDULED


def test_a_visit_cannot_be_submitted_before_its_day(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    with pytest.raises(ValidationError):
        services.submit_visit(
            actor=observer, visit=visit, answers=answers_for(visit), today=date(2026, 3, 9)
        )


def test_note_and_photo_are_kept_with_size_and_hash(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    upload = SimpleUploadedFile("loket.png", PNG, content_type="image/png")
    photo = CheckedUpload(upload, "image/png", hashlib.sha256(PNG).hexdigest())
    submit(
        visit,
        no=["setia-t2"],
        evidence={"setia-t2": services.Evidence(note="Diminta uang rokok", photo=photo)},
    )
    note = ItemNote.objects.get(visit=visit)
    assert note.item.key == "setia-t2"
    assert note.note == "Diminta uang rokok"
    assert (note.size, note.sha256, note.content_type) == (
        len(PNG),
        hashlib.sha256(PNG).hexdigest(),
        "image/png",
    )
    assert note.photo.read() == PNG


def test_cancelling_needs_a_reason_and_closes_the_collection(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    with pytest.raises(ValidationError):
        services.cancel_visit(actor=evaluator_a, visit=visit, reason="  ")
    visit = services.cancel_visit(actor=evaluator_a, visit=visit, reason="Observer ill")
    assert visit.status == Visit.Status.CANCELLED
    visit.collection.refresh_from_db()
    assert visit.collection.status == Collection.Status.CLOSED
    with pytest.raises(ValidationError):
        submit(visit)
