import pytest

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory

# The worked example of pantau/analytics/tests/test_ipp.py: IPP 3,5036 → 3,50 (B-).
from pantau.analytics.tests.test_ipp import SCORES  # noqa: E402
from pantau.evaluations import services
from pantau.evaluations.instruments import EXISTING_CODE, REGULATION_17_CODE
from pantau.evaluations.models import EvaluationInstrument, Indicator, Lokus, Round
from pantau.evaluations.tests.factories import open_schedule


@pytest.fixture(autouse=True)
def _english_messages():
    """Service messages are matched in English here; pages render in Indonesian per request."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def instrument(db):
    return EvaluationInstrument.objects.get(code=EXISTING_CODE, number=1)


@pytest.fixture
def instrument_17(db):
    return EvaluationInstrument.objects.get(code=REGULATION_17_CODE, number=1)


def schedule(today=None, **overrides):
    """Every window contains today, so each step's actions are allowed at its step."""
    return {**open_schedule(today), **overrides}


@pytest.fixture
def round_a(instrument, evaluator_a, province_a) -> Round:
    return services.create_round(
        actor=evaluator_a,
        body=province_a,
        name="PEKPPP Provinsi A 2026",
        year=2026,
        instrument=instrument,
        method="weighted",
        mode="external",
        **schedule(),
    )


@pytest.fixture
def lokus_a(round_a, unit_a, evaluator_a) -> Lokus:
    return services.add_lokus(
        actor=evaluator_a,
        round_=round_a,
        unit=unit_a,
        service_class="administrative",
        evaluators=[evaluator_a],
    )


@pytest.fixture
def second_evaluator_a(province_a):
    user = UserFactory(username="penilai_a2")
    MembershipFactory(user=user, role=Role.EVALUATOR, agency=province_a)
    return user


def advance(round_, actor, *actions):
    for action in actions:
        round_ = services.change_round_status(actor=actor, round_=round_, action=action)
    return round_


def indicator(instrument, code) -> Indicator:
    return Indicator.objects.get(aspect__instrument=instrument, code=code)


def score_all(lokus, evaluator, scores=SCORES, **overrides):
    instrument = lokus.round.instrument
    by_code = {i.code: i for i in Indicator.objects.filter(aspect__instrument=instrument)}
    for code, value in {**scores, **overrides}.items():
        services.save_score(
            actor=evaluator, lokus=lokus, indicator=by_code[code], score=value, note="Sesuai bukti."
        )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
