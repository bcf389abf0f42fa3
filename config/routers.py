"""Send reads to read replicas and writes to the primary (national deployments).

Enabled only when DATABASE_REPLICA_URLS is set. Reads that must see a write made in the same
request (a form redisplayed after saving) go through services that run inside a transaction
on the primary; see docs/deployment.md.
"""

import random

from django.conf import settings


class PrimaryReplicaRouter:
    def _replicas(self) -> list[str]:
        return [name for name in settings.DATABASES if name.startswith("replica")]

    def db_for_read(self, model, **hints):
        from django.db import connections

        if connections["default"].in_atomic_block:
            return "default"
        replicas = self._replicas()
        return random.choice(replicas) if replicas else "default"  # noqa: S311

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
