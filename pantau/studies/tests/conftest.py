import uuid

import numpy as np
import pytest

from pantau.studies.models import RespondentGroup
from pantau.studies.selectors import scored_items
from pantau.studies.tests.factories import StudyFactory
from pantau.surveys.models import Response
from pantau.surveys.services import ResponseRow, bulk_create_responses


@pytest.fixture
def study_a(unit_a, unit_head_a):
    return StudyFactory(unit=unit_a, actor=unit_head_a, title="Studi NPS A", opened=True)


def group(study, role) -> RespondentGroup:
    return study.groups.select_related("collection").get(role=role)


def fill(study, *, recipients=30, providers=6, seed=3):
    """Answers with a shared trait per respondent; providers a little more positive."""
    rng = np.random.default_rng(seed)
    for role, count, lift in (
        (RespondentGroup.Role.RECIPIENT, recipients, 0.0),
        (RespondentGroup.Role.PROVIDER, providers, 0.6),
    ):
        g = group(study, role)
        items = scored_items(g.collection.version_id)
        rows = []
        for _ in range(count):
            trait = rng.normal()
            answers = [
                (
                    item,
                    int(np.clip(np.rint(3.4 + lift + 0.7 * trait + rng.normal(0, 0.6)), 1, 5)),
                    "",
                )
                for item in items
            ]
            rows.append(ResponseRow(answers=answers, submission_token=uuid.uuid4()))
        bulk_create_responses(collection=g.collection, rows=rows, source=Response.Source.PAPER)


def form_post(version_items, value=4):
    data = {"submission_token": str(uuid.uuid4())}
    for item in version_items:
        if item.kind == "scored":
            data[item.key] = str(value)
    return data
