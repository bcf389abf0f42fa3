"""Test settings: the production settings in development mode, with fast hashing.

DATABASE_URL chooses the database (SQLite file by default, PostgreSQL in CI's second run).
"""

import os

os.environ.setdefault("PANTAU_DEBUG", "1")

from .settings import *  # noqa: E402, F403
from .settings import DATABASES  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": None}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A test's rows are rolled back without a commit, so the public generation would not move
# between tests: the page cache is on only in the tests of the cache itself.
PANTAU_PAGE_CACHE = False
# Tests sign users in with force_login (no authenticator code): the two-factor rule is tested on
# its own, with the setting turned on (pantau/accounts/tests/test_two_factor_required.py).
PANTAU_TWO_FACTOR_ROLES = []  # noqa: F405 - replaces the value star-imported above
# Study tests check the statistics on groups of a few respondents; the privacy floor of five
# answers per group (production default) is tested on its own (studies/tests/test_group_floor.py).
PANTAU_STUDY_MIN_GROUP = 1

# Tasks (mail, webhooks) run at once in the test's thread, in order (pantau.common.background).
PANTAU_TASKS_INLINE = True
