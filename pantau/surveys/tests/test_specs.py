"""An instrument version is built from a declarative spec, in one place."""

import pytest

from pantau.evaluations.instruments import citizen_spec
from pantau.satisfaction.instrument import skm_spec
from pantau.studies.instruments import FORM_A, form_spec
from pantau.surveys.models import Instrument, Item, ItemOption, Section
from pantau.surveys.specs import (
    ItemSpec,
    SectionSpec,
    VersionSpec,
    build_version,
    scale,
)


def _instrument(code="spec-test"):
    return Instrument.objects.create(code=code, name="Uji", purpose=Instrument.Purpose.PERCEPTION)


@pytest.mark.django_db
def test_the_rows_are_exactly_the_spec():
    spec = VersionSpec(
        sections=(
            SectionSpec(
                kind="scored",
                title="Sikap",
                title_en="Attitude",
                items=(
                    ItemSpec(
                        key="a",
                        code="A1",
                        text="Ramah?",
                        options=scale(range(1, 4), ["x", "y", "z"]),
                    ),
                    ItemSpec(
                        key="b",
                        code="A2",
                        text="Cepat?",
                        reverse_scored=True,
                        options=scale(range(0, 2), ["tidak", "ya"], ["no", "yes"]),
                    ),
                ),
            ),
            SectionSpec(
                kind="feedback",
                title="Saran",
                items=(
                    ItemSpec(
                        key="s", code="S1", text="Saran", kind="text", required=False, position=9
                    ),
                ),
            ),
        )
    )
    version = build_version(_instrument(), number=3, spec=spec)
    assert version.number == 3
    assert list(
        Section.objects.filter(version=version).values_list("position", "kind", "title_en")
    ) == [
        (1, "scored", "Attitude"),
        (2, "feedback", ""),
    ]
    items = list(
        Item.objects.filter(version=version).values_list(
            "key", "code", "position", "reverse_scored", "required"
        )
    )
    assert items == [
        ("a", "A1", 1, False, True),
        ("b", "A2", 2, True, True),
        ("s", "S1", 9, False, False),
    ]
    options = list(
        ItemOption.objects.filter(item__version=version, item__key="b").values_list(
            "value", "label", "label_en", "position"
        )
    )
    assert options == [(0, "tidak", "no", 1), (1, "ya", "yes", 2)]


@pytest.mark.django_db
def test_a_repeated_key_builds_nothing():
    instrument = _instrument()
    twice = SectionSpec(
        kind="scored", title="x", items=(ItemSpec(key="a", code="A1", text="?"),) * 2
    )
    with pytest.raises(ValueError, match="repeated item keys"):
        build_version(instrument, number=1, spec=VersionSpec(sections=(twice,)))
    assert not instrument.versions.exists()


def test_the_shipped_instruments_are_specs():
    skm = skm_spec([("antrian", "Antrian", "Bagaimana antriannya?")])
    assert [item.code for item in skm.sections[0].items][-2:] == ["U9", "U10"]
    assert [option.icon != "" for option in skm.sections[0].items[0].options] == [True] * 4
    study = form_spec(FORM_A)
    assert any(item.reverse_scored for item in study.items())
    f03 = citizen_spec()
    assert [item.position for item in f03.items()] == list(range(1, len(f03.items()) + 1))
    assert all(len(item.options) == 6 for item in f03.items())
