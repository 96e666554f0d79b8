"""Sub-commands of ``creditdesk`` kept in their own modules.

Each module here has ``register(sub)`` that adds its parsers to the
sub-parser action and sets ``handler=<function(args) -> int>`` on them with
``set_defaults``; creditdesk.cli calls the handler. Handlers open the home with
``creditdesk.cli.open_context(args)``, which signs in ``--user`` when given.
"""

from __future__ import annotations

import argparse
import importlib

MODULES = ("accounts", "exports", "report", "followup", "objections", "credit_review")


def register_all(sub: argparse._SubParsersAction) -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
