"""The raw CSV/XLSX export says which items the page turned round (``SNS_4R``), so that
``pantau stats`` on the downloaded file gives the page's alphas and gap with no option typed, and
the file can be imported back (issue 17). ``test_study_pages`` runs ``pantau stats`` on it."""

import csv
import io

from django.urls import reverse

from pantau.surveys.models import Item

from .conftest import fill


def _download(client, study, name) -> bytes:
    return client.get(reverse(f"studies:{name}", args=[study.pk])).content


def test_the_csv_names_reverse_scored_items_with_an_r(client_for, unit_head_a, study_a):
    fill(study_a, recipients=24, providers=12)
    header = next(
        csv.reader(io.StringIO(_download(client_for(unit_head_a), study_a, "raw-csv").decode()))
    )
    reversed_codes = set(
        Item.objects.filter(
            version_id__in=study_a.groups.values("collection__version_id"), reverse_scored=True
        ).values_list("code", flat=True)
    )
    assert reversed_codes, "the standard instrument has reverse-scored statements"
    for code in reversed_codes:
        assert f"{code}R" in header and code not in header
    assert all(h in header for h in ("SNS_1", "group"))


def test_the_marked_file_imports_back(client_for, unit_head_a, study_a, tmp_path):
    from pantau.studies.importers import read_group_file

    fill(study_a, recipients=12, providers=0)
    path = tmp_path / "back.csv"
    path.write_bytes(_download(client_for(unit_head_a), study_a, "raw-csv"))
    group = study_a.groups.get(role="recipient")
    report = read_group_file(path, group.collection.version_id)
    assert report.errors == []
    assert len(report.rows) == 12
