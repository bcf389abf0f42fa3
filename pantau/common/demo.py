"""The demo data loader: one command, idempotent, deterministic.

Each app that has demo data offers a ``load(ctx: DemoContext)`` function and appends its dotted
path to ``settings.PANTAU_DEMO_LOADERS``. Loaders look rows up by natural keys (``update_or_create``)
so running the loader twice changes nothing, and draw random values only from ``ctx.rng``
so the same seed gives the same data.
"""

import random
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string


@dataclass
class DemoContext:
    seed: int
    password: str
    # 1.0 for the full demo; browser tests load a tenth of the bulk rows (responses) to stay quick.
    scale: float = 1.0
    rng: random.Random = field(init=False)
    # Loaders share what they made under names (e.g. "unit:dinsos-lotim"), for later loaders.
    objects: dict[str, Any] = field(default_factory=dict)
    logins: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


@transaction.atomic
def load_demo(*, seed: int = 2026, password: str | None = None, scale: float = 1.0) -> DemoContext:
    ctx = DemoContext(seed=seed, password=password or settings.PANTAU_DEMO_PASSWORD, scale=scale)
    for path in settings.PANTAU_DEMO_LOADERS:
        import_string(path)(ctx)
    return ctx


def upsert(model, *, defaults: dict[str, Any], **lookup: Any):
    """Like ``update_or_create`` but writes only when something differs.

    A second run of the loader then leaves no trace in the audit trail either.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **defaults)
    changed = [name for name, value in defaults.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, defaults[name])
        instance.save()
    return instance
