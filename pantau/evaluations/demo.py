"""Demo PEKPPP: two rounds of Provinsi DKI Jakarta over the Cakung and Duren Sawit PTSP offices
(2024, closed; 2026, in follow-up) with complete self-assessments, small generated PDF evidence,
two evaluators, scores, results and recommendations in several follow-up states; and an NTB round
whose self-assessment is open now for the Dinas Sosial counter in Lombok Timur.

Rows are found by natural keys, so a second run changes nothing; scores come from ``ctx.rng``.
"""

import hashlib
import io
from datetime import date, datetime, time, timedelta

from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.utils import timezone

from pantau.accounts.models import Membership, Role, User
from pantau.common.demo import DemoContext, upsert

from .instruments import EXISTING_CODE, load_instruments
from .models import (
    EvaluationInstrument,
    Evidence,
    Indicator,
    Lokus,
    Recommendation,
    Round,
    Score,
    SelfAssessment,
    Verification,
)
from .services import compute_round_results

# Mean indicator score per unit and round (0–5); the draw spreads scores around it.
PROFILES = {
    ("ptsp-kecamatan-duren-sawit", 2024): 3.4,
    ("ptsp-kecamatan-cakung", 2024): 2.9,
    ("ptsp-kecamatan-duren-sawit", 2026): 4.2,
    ("ptsp-kecamatan-cakung", 2026): 3.6,
}
ANSWERS = [
    "Tersedia dan ditetapkan dengan keputusan kepala unit; lihat dokumen terlampir.",
    "Sudah dilaksanakan; bukti berupa foto dan berita acara terlampir.",
    "Sebagian sudah berjalan; rencana penyempurnaan dijadwalkan semester ini.",
]
RECOMMENDATIONS = [
    (1, "Lakukan peninjauan ulang Standar Pelayanan setiap tahun dengan melibatkan masyarakat."),
    (3, "Lengkapi sarana prasarana bagi kelompok rentan sesuai SE MenPANRB 66/2020."),
    (6, "Tetapkan dasar hukum, anggaran dan tim untuk keberlanjutan inovasi."),
]


def _pdf(title: str, body: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pantau.common.pdf import font as pdf_font

    pdf_font("Helvetica")  # registers the embedded fonts before the canvas starts
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setFont(pdf_font("Helvetica-Bold"), 14)
    pdf.drawString(72, 770, title)
    pdf.setFont(pdf_font("Helvetica"), 11)
    pdf.drawString(72, 745, body)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _evaluator(ctx: DemoContext, username, first, last, agency) -> User:
    user = upsert(
        User,
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@pantau.example"},
    )
    if not user.check_password(ctx.password):
        user.set_password(ctx.password)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, role=Role.EVALUATOR, agency=agency, unit=None)
    return user


def _dates(start: date) -> dict:
    return {
        "self_assessment_opens": start,
        "self_assessment_closes": start + timedelta(days=30),
        "citizen_opens": start,
        "citizen_closes": start + timedelta(days=60),
        "scoring_opens": start + timedelta(days=31),
        "scoring_closes": start + timedelta(days=50),
        "verification_opens": start + timedelta(days=51),
        "verification_closes": start + timedelta(days=58),
        "results_on": start + timedelta(days=70),
        "follow_up_due": start + timedelta(days=180),
    }


def _round(ctx, *, body, name, year, instrument, status, start, creator) -> Round:
    return upsert(
        Round,
        body=body,
        name=name,
        defaults={
            "year": year,
            "instrument": instrument,
            "status": status,
            "created_by": creator,
            **_dates(start),
        },
    )


def _lokus(round_, unit, service_class, evaluators) -> Lokus:
    from pantau.surveys.models import Collection

    lokus = Lokus.objects.filter(round=round_, unit=unit).first()
    if lokus is None:
        status = (
            Collection.Status.OPEN
            if round_.status == Round.Status.SELF_ASSESSMENT
            else Collection.Status.CLOSED
        )
        collection = Collection.objects.create(
            version=round_.instrument.citizen_version, unit=unit, status=status
        )
        lokus = Lokus.objects.create(
            round=round_, unit=unit, service_class=service_class, citizen_collection=collection
        )
    lokus.evaluators.set(evaluators)
    return lokus


def _clamp(value: float) -> int:
    return max(0, min(5, round(value)))


def _fill(ctx, lokus, indicators, mean, officer, evaluators, *, with_evidence: bool) -> None:
    rng = ctx.rng
    if SelfAssessment.objects.filter(lokus=lokus).exists():
        return
    for number, indicator in enumerate(indicators):
        claimed = _clamp(rng.gauss(mean + 0.4, 0.8))
        SelfAssessment.objects.create(
            lokus=lokus,
            indicator=indicator,
            claimed_score=claimed,
            answer=ANSWERS[number % len(ANSWERS)],
            updated_by=officer,
        )
        if with_evidence and number % 3 == 0:
            name = f"bukti-{indicator.code.replace('.', '-').lower()}.pdf"
            content = _pdf(
                f"Bukti dukung {indicator.code}",
                f"{lokus.unit.name} - {indicator.name}",
            )
            evidence = Evidence(
                lokus=lokus,
                indicator=indicator,
                original_name=name,
                content_type="application/pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                uploaded_by=officer,
            )
            evidence.file.save(name, ContentFile(content), save=False)
            evidence.save()
        if not evaluators:
            continue
        score = _clamp(rng.gauss(mean, 0.9))
        for index, evaluator in enumerate(evaluators):
            # The second evaluator differs now and then; they then record the agreed score.
            differs = index == 1 and rng.random() < 0.1
            Score.objects.create(
                lokus=lokus,
                indicator=indicator,
                evaluator=evaluator,
                score=_clamp(score + (1 if score < 5 else -1)) if differs else score,
                note="Sesuai bukti dukung dan kunjungan lapangan.",
                mode=Score.Mode.FIELD if index == 0 else Score.Mode.DESK,
            )
            if differs:
                Verification.objects.create(
                    lokus=lokus,
                    indicator=indicator,
                    agreed_score=score,
                    agreed_by=evaluators[0],
                    evaluator_reply="Disepakati setelah diskusi kedua evaluator.",
                )
    lokus.self_assessment_submitted_at = timezone.now()
    lokus.save(update_fields=["self_assessment_submitted_at"])


def _citizens(ctx: DemoContext, lokus, mean: float) -> None:
    """Service users' F-03 answers (0–5) around the unit's level, as if sent from the public link."""
    import uuid

    from pantau.surveys.models import Response
    from pantau.surveys.services import ResponseRow, bulk_create_responses

    collection = lokus.citizen_collection
    if collection is None or collection.responses.exists():
        return
    items = list(collection.version.items.all())
    rng = ctx.rng
    rows = [
        ResponseRow(
            answers=[(item, _clamp(rng.gauss(mean, 0.9)), "") for item in items],
            submission_token=uuid.UUID(int=rng.getrandbits(128)),
        )
        for _ in range(max(5, round(60 * ctx.scale)))
    ]
    bulk_create_responses(collection=collection, rows=rows, source=Response.Source.WEB)


def _recommend(lokus, author, states) -> None:
    if lokus.recommendations.exists():
        return
    aspects = {a.number: a for a in lokus.round.instrument.aspects.all()}
    for (aspect_number, text), state in zip(RECOMMENDATIONS, states, strict=True):
        rec = Recommendation(lokus=lokus, aspect=aspects[aspect_number], text=text, author=author)
        if state != Recommendation.Status.OPEN:
            rec.action_plan = "Menyusun rencana aksi bersama tim mutu unit."
            rec.plan_due = lokus.round.follow_up_due
        if state in (Recommendation.Status.IN_PROGRESS, Recommendation.Status.DONE):
            rec.progress = "Rapat tim dan penyusunan dokumen telah dilakukan."
        rec.status = state
        rec.save()
        # Dated as in the round: written on the results day, followed up weeks later.
        written = timezone.make_aware(datetime.combine(lokus.round.results_on, time(10)))
        done = written + timedelta(days=14 + 9 * len(text) % 40) if state == "done" else None
        Recommendation.objects.filter(pk=rec.pk).update(created_at=written, done_at=done)


def load(ctx: DemoContext) -> None:
    load_instruments(django_apps)
    instrument = EvaluationInstrument.objects.get(code=EXISTING_CODE, number=1)
    indicators = list(Indicator.objects.filter(aspect__instrument=instrument).order_by("number"))
    dki = ctx.objects["agency:prov-dki"]
    national = ctx.objects["user:penilai.kemenpan"]
    dki_evaluator = _evaluator(ctx, "penilai.dki", "Yusuf", "Ramadhan", dki)
    ctx.logins.append(("penilai.dki", "Evaluator, Biro Organisasi Provinsi DKI Jakarta"))
    evaluators = [dki_evaluator, national]
    units = [
        (ctx.objects["unit:ptsp-kecamatan-duren-sawit"], "user:kepala.durensawit"),
        (ctx.objects["unit:ptsp-kecamatan-cakung"], "user:kepala.cakung"),
    ]
    S, R = Round.Status, Recommendation.Status
    for year, status, start in (
        (2024, S.CLOSED, date(2024, 3, 1)),
        (2026, S.FOLLOW_UP, date(2026, 3, 2)),
    ):
        round_ = _round(
            ctx,
            body=dki,
            name=f"PEKPPP Provinsi DKI Jakarta {year}",
            year=year,
            instrument=instrument,
            status=status,
            start=start,
            creator=dki_evaluator,
        )
        fresh = not round_.lokus.exists()
        for (unit, head), states in zip(
            units, [(R.DONE, R.IN_PROGRESS, R.PLANNED), (R.DONE, R.OPEN, R.OPEN)], strict=True
        ):
            lokus = _lokus(round_, unit, "administrative", evaluators)
            _fill(
                ctx,
                lokus,
                indicators,
                PROFILES[(unit.slug, year)],
                ctx.objects[head],
                evaluators,
                with_evidence=year == 2026,
            )
            _recommend(lokus, dki_evaluator, states if year == 2026 else (R.DONE, R.DONE, R.DONE))
            if fresh:
                _citizens(ctx, lokus, PROFILES[(unit.slug, year)] + 0.3)
        if fresh:
            compute_round_results(round_=round_)

    # NTB: the self-assessment is open now for the Dinas Sosial counter (log in as petugas.dinsos).
    today = timezone.localdate()
    ntb_round = _round(
        ctx,
        body=ctx.objects["agency:prov-ntb"],
        name=f"PEKPPP Provinsi NTB {today.year}",
        year=today.year,
        instrument=instrument,
        status=S.SELF_ASSESSMENT,
        start=today - timedelta(days=7),
        creator=ctx.objects["user:penilai.ntb"],
    )
    lokus = _lokus(
        ntb_round,
        ctx.objects["unit:dinsos-mpp-lombok-timur"],
        "administrative",
        [ctx.objects["user:penilai.ntb"]],
    )
    if not SelfAssessment.objects.filter(lokus=lokus).exists():
        _fill(
            ctx,
            lokus,
            indicators[:9],
            3.3,
            ctx.objects["user:petugas.dinsos"],
            [],
            with_evidence=True,
        )
        Lokus.objects.filter(pk=lokus.pk).update(self_assessment_submitted_at=None)
