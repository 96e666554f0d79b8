"""Which credential store the local keys go to, chosen without keyring's full detection
(services/keystore.py): the choice is keyring's own — configured backend, else a viable built-in
one — and on a Linux session that can have none (no D-Bus session bus, no display, no keyring
configuration: a scheduled job, SSH) keyring is not imported at all and the fallback folder keeps
the key. Each case runs in a fresh interpreter, as a CLI command does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, sys
from pathlib import Path
from creditdesk.services import keystore
keystore.configure(Path(sys.argv[1]))
first = keystore.get_or_create("probe-key")
keystore._cache.clear()
again = keystore.get_secret("probe-key")
print(json.dumps({"same": first == again, "where": keystore.where(), "keyring_imported": "keyring" in sys.modules,
                  "files": sorted(p.name for p in Path(sys.argv[1]).iterdir()) if Path(sys.argv[1]).is_dir() else []}))
"""


def _run(tmp_path: Path, **env_changes: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY",
                                                              "PYTHON_KEYRING_BACKEND")}  # fmt: skip
    env.update({"PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(tmp_path / "config")})
    for key, value in env_changes.items():
        if value is not None:
            env[key] = value
    keys = tmp_path / "keys"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(keys)], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="n/a: the no-session rule is for Linux")
def test_no_session_bus_no_display_uses_the_folder_without_importing_keyring(tmp_path):
    got = _run(tmp_path)
    assert got == {"same": True, "where": "file", "keyring_imported": False, "files": ["probe-key"]}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="n/a: the no-session rule is for Linux")
def test_a_configured_backend_is_used_as_keyring_would(tmp_path):
    # keyring's own configuration file, in the place keyring reads it: the fail backend -> the folder.
    cfg = tmp_path / "config" / "python_keyring" / "keyringrc.cfg"
    cfg.parent.mkdir(parents=True)
    cfg.write_text("[backend]\ndefault-keyring=keyring.backends.fail.Keyring\n", encoding="utf-8")
    got = _run(tmp_path)
    assert got["keyring_imported"] is True and got["where"] == "file" and got["same"] is True


def test_the_environment_backend_wins(tmp_path):
    # The suite's in-memory store named by PYTHON_KEYRING_BACKEND: the key is kept there, no file written.
    got = _run(tmp_path, PYTHON_KEYRING_BACKEND="support.memory_keyring.MemoryKeyring",
               PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests'}")  # fmt: skip
    assert got["where"] == "keyring" and got["keyring_imported"] is True and got["files"] == []
