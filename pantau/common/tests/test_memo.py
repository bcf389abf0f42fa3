from pantau.common import memo


def test_a_value_is_read_once_within_its_time(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(memo.time, "monotonic", lambda: now[0])
    reads = []

    def load():
        reads.append(1)
        return len(reads)

    assert memo.remembered(("k",), load) == 1
    now[0] += memo.TTL - 0.1
    assert memo.remembered(("k",), load) == 1
    now[0] += 0.2  # older than TTL: read again
    assert memo.remembered(("k",), load) == 2
    assert memo.remembered(("other",), load) == 3


def test_a_save_of_a_watched_model_clears_the_memo(db, unit_a):
    memo.remembered(("unit", unit_a.pk), lambda: "old name")
    unit_a.name = "Nama baru"
    unit_a.save()
    assert memo.remembered(("unit", unit_a.pk), lambda: "new name") == "new name"


def test_a_failed_read_is_not_remembered():
    def broken():
        raise LookupError("no such survey")

    for _ in range(2):
        try:
            memo.remembered(("missing",), broken)
        except LookupError:
            pass
    assert memo.remembered(("missing",), lambda: "found") == "found"


def test_every_watched_model_exists():
    from django.apps import apps

    for label in memo.WATCHED:
        apps.get_model(label)  # raises LookupError for a name that went stale
