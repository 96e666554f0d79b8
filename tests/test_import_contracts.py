"""The import contracts in pyproject.toml ([tool.importlinter]) hold: the layers, no circles, Qt only
in the GUI, HTTP only in the platform client (issue 12). `lint-imports` checks them from the code's
own imports (function-level imports included), the same as this test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = (
    "Layers: front ends, then use cases, services, renderers, policy and database",
    "No import circles, between packages or between the modules of one package",
    "Only the GUI imports Qt",
    "Only the platform client imports HTTP code",
)


def test_the_import_contracts_hold():
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = " ".join(out.stdout.split())  # the report wraps long contract names
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    for name in CONTRACTS:
        assert name in report, f"contract {name!r} is not checked"
    assert "BROKEN" not in report
    assert f"{len(CONTRACTS)} kept, 0 broken" in report


def test_platform_uses_services_only_through_public_names():
    """platform/ drives the services through what they export, never a private helper (issue 12)."""
    import ast

    offenders = []
    for path in sorted((ROOT / "creditdesk" / "platform").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("creditdesk.services"):
                parts = (node.module or "").split(".")
                private = [a.name for a in node.names if a.name.startswith("_")] + [p for p in parts if p.startswith("_")]
                offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {node.module}.{name}" for name in private]
    assert offenders == []
