"""What a skip may mean: under CI (``CI=true``) a skip fails the run, unless the test does not
apply to the case at hand (a SQLite pragma on the PostgreSQL run) and says so with
:data:`NOT_APPLICABLE`. A missing server, text or tool is never "not applicable" there:
CI installs them, so missing means broken."""

from __future__ import annotations

import os

import pytest

NOT_APPLICABLE = "n/a:"
PG_URL_ENV = "CREDITDESK_TEST_PG_URL"


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_pg_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set (export CREDITDESK_TEST_PG_URL=$(bash .ci/start-postgres))")
    return url
