"""creditdesk CLI commands: accounts (filled in by issue #5 work)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    pass
