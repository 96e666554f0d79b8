"""Sub-commands of ``creditdesk`` kept in their own modules.

Each module here has ``register(sub)`` that adds its parsers to the
sub-parser action and sets ``handler=<function(args) -> int>`` on them with
``set_defaults``; creditdesk.cli calls the handler. Handlers open the home with
``creditdesk.cli.open_context(args)``, which signs in ``--user`` when given.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Iterator

from creditdesk.cancel import CancelToken, cancel_on_sigint

MODULES = ("accounts", "exports", "report", "followup", "objections", "backup", "credit_review")


def register_all(sub: argparse._SubParsersAction) -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)


EXIT_CANCELLED = 130  # as a shell reports a job stopped by Ctrl+C


@contextlib.contextmanager
def ctrl_c_cancels() -> Iterator[CancelToken]:
    """For a long command (sync, import, exports, verify, demo data): the first Ctrl+C cancels its
    token, so the job stops at its next safe point and says what it kept (``Cancelled``, which
    ``creditdesk.cli.main`` reports with exit 130); a second Ctrl+C interrupts at once."""
    token = CancelToken()

    def notice() -> None:
        print("\n正在取消……（再按一次 Ctrl+C 立即中止）", file=sys.stderr, flush=True)

    with cancel_on_sigint(token, notice=notice):
        yield token
