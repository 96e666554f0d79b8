"""What a new office sees in its first minutes, in the environment the suite runs in (under CI
a venv built from pyproject.toml alone): every module imports, the declared dependencies are
all there are, the commands answer, the window starts, and the first-start pitfalls are handled."""

from __future__ import annotations

import json
import os
import pkgutil
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import creditdesk
import creditdesk_platform
from creditdesk.platform.credentials import TOKEN_ENV
from support.ci import under_ci

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TOKEN = "tok-first-minutes-0042"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (TOKEN_ENV, "CREDITDESK_HOME", "CREDITDESK_DATABASE_URL")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def creditdesk_cmd(*args: str, env: dict | None = None, timeout: float = 180, stdin: str | None = None):
    """The installed console script, as a user runs it (not ``python -m``)."""
    script = shutil.which("creditdesk", path=str(BIN)) or shutil.which("creditdesk")
    assert script, "the creditdesk console script is not installed next to this Python"
    return subprocess.run([script, *args], capture_output=True, text=True, env=env or _env(), timeout=timeout,
                          input=stdin)  # fmt: skip


def test_suite_runs_in_a_virtual_environment_under_ci():
    if under_ci():  # .ci/run builds a new venv every time: nothing installed by hand counts
        assert sys.prefix != sys.base_prefix, "CI must run the suite in the venv .ci/run built"


# -- declared dependencies ----------------------------------------------------------------------


def _deptry(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "deptry", "."], cwd=root, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "NO_COLOR": "1"})  # fmt: skip


def test_every_third_party_import_is_declared():
    r = _deptry(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_dependency_check_fails_on_an_undeclared_import(tmp_path):
    # The same tree with httpx taken out of pyproject.toml: the mistake this check exists for.
    for package in ("creditdesk", "creditdesk_platform"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"httpx' in pyproject
    (tmp_path / "pyproject.toml").write_text(
        "\n".join(line for line in pyproject.splitlines() if not line.strip().startswith('"httpx')), encoding="utf-8")
    r = _deptry(tmp_path)
    assert r.returncode != 0 and "httpx" in r.stdout + r.stderr


# -- imports and time to first answer -----------------------------------------------------------

_IMPORT_ALL = """
import importlib, pkgutil, sys
import creditdesk.ui  # the PySide6 6.12.0 guard first, as the app does
failed = []
for package in ("creditdesk", "creditdesk_platform"):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if info.name.endswith("__main__") or ".db.migrations" in info.name:
            continue  # a program's entry, and Alembic's scripts (run by Alembic, not imported)
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_of_the_project_imports():
    r = subprocess.run([sys.executable, "-c", _IMPORT_ALL], capture_output=True, text=True, timeout=300, env=_env())
    assert r.returncode == 0, r.stdout + r.stderr
    count = sum(1 for p in ("creditdesk", "creditdesk_platform") for _ in pkgutil.walk_packages(
        __import__(p).__path__, p + "."))  # fmt: skip
    assert count > 100  # the walk saw the whole project, not an empty path


_MODULES_AFTER = """
import sys
from creditdesk.cli import main
try:
    main([{arg!r}])
except SystemExit:
    pass
heavy = ("sqlalchemy", "alembic", "PySide6", "httpx", "creditdesk.platform.client", "reportlab", "openpyxl")
print("IMPORTED:" + " ".join(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)))
"""


@pytest.mark.parametrize("arg", ["--version", "--help"])
def test_version_and_help_import_no_database_gui_or_http_code(arg):
    r = subprocess.run([sys.executable, "-c", _MODULES_AFTER.format(arg=arg)], capture_output=True, text=True,
                       timeout=60, env=_env())  # fmt: skip
    assert r.returncode == 0, r.stderr
    [imported] = [line for line in r.stdout.splitlines() if line.startswith("IMPORTED:")]
    assert imported == "IMPORTED:", f"{arg} imported {imported}"


_LOOKUP_MODULES = """
import os, sys
from creditdesk.cli import main
code = main(["--home", sys.argv[1], "--demo", "--user", "demo-officer", "lookup", "有限公司", "--limit", "1"])
heavy = ("sqlalchemy.orm", "alembic", "PySide6", "httpx", "reportlab", "openpyxl", "keyring", "creditdesk.demo.load",
         "creditdesk.commands.exports", "creditdesk.policy.engine")
print("IMPORTED:" + " ".join(sorted(m for m in sys.modules if m in heavy or m.startswith(tuple(h + "." for h in heavy)))))
sys.exit(code)
"""


def test_a_signed_in_lookup_loads_only_what_it_uses(tmp_path):
    """Time to first use (issue 9.6): a signed-in ``lookup`` on a session with no credential store
    (a scheduled job) needs the database and the sign-in, not the ORM, Alembic, the window, HTTP,
    the exporters, the credential store's library or the demo generator."""
    home = str(tmp_path / "home")
    env = _env(CREDITDESK_PASSWORD="demo")
    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND"):
        env.pop(name, None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    first = creditdesk_cmd("--home", home, "--demo", "demo-data", "--subjects", "200", env=env)
    assert first.returncode == 0, first.stderr
    r = subprocess.run([sys.executable, "-c", _LOOKUP_MODULES, home], capture_output=True, text=True, timeout=120,
                       env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr
    [imported] = [line for line in r.stdout.splitlines() if line.startswith("IMPORTED:")]
    assert imported == "IMPORTED:", imported
    assert "有限公司" in r.stdout  # it did answer


def test_the_console_script_answers_version_demo_data_and_lookup(tmp_path):
    r = creditdesk_cmd("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"CreditDesk {creditdesk.__version__}"
    home = str(tmp_path / "home")
    r = creditdesk_cmd("--home", home, "demo-data", "--subjects", "200")
    assert r.returncode == 0, r.stderr
    r = creditdesk_cmd("--home", home, "lookup", "有限公司", "--json", "--limit", "1")
    assert r.returncode == 0, r.stderr
    [hit] = json.loads(r.stdout)["results"]
    r = creditdesk_cmd("--home", home, "lookup", hit["id"], "--json")
    assert r.returncode == 0, r.stderr
    assert [h["id"] for h in json.loads(r.stdout)["results"]] == [hit["id"]]


def test_the_window_starts_on_the_demo_and_stays_up_without_an_error(tmp_path):
    home = tmp_path / "home"
    script = shutil.which("creditdesk", path=str(BIN)) or shutil.which("creditdesk")
    proc = subprocess.Popen([script, "--home", str(home), "--demo"], env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert proc.poll() is None, f"the window ended after {20 - (deadline - time.monotonic()):.1f} s: " + (
                proc.stderr.read() if proc.stderr else "")
            time.sleep(0.5)
    finally:
        proc.terminate()
        try:
            _out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, err = proc.communicate()
    log = (home / "logs" / "creditdesk.log").read_text(encoding="utf-8")
    assert log, "the window wrote no log"
    for line in log.splitlines():
        assert " ERROR " not in line and " CRITICAL " not in line and "Traceback" not in line, line
    assert "Traceback" not in err


# -- the window's system libraries ------------------------------------------------------------


def test_a_missing_system_library_is_named_with_the_line_that_installs_it(tmp_path):
    # A broken copy of libxcb-cursor first on the library path: dlopen fails as on a machine
    # without the package, and `creditdesk` must say so instead of letting Qt abort.
    libs = tmp_path / "lib"
    libs.mkdir()
    (libs / "libxcb-cursor.so.0").write_bytes(b"not a shared object")
    env = _env(LD_LIBRARY_PATH=str(libs), QT_QPA_PLATFORM="xcb", DISPLAY=":99")
    r = creditdesk_cmd("--home", str(tmp_path / "home"), env=env, timeout=60)
    assert r.returncode == 1
    assert "libxcb-cursor.so.0" in r.stderr and "apt-get install -y libxcb-cursor0" in r.stderr
    assert "Traceback" not in r.stderr and "qt.qpa" not in r.stderr


# -- the reference platform's token file ------------------------------------------------------


def _platform_serve(*args: str) -> subprocess.Popen:
    script = shutil.which("creditdesk-platform", path=str(BIN)) or shutil.which("creditdesk-platform")
    assert script
    return subprocess.Popen([script, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env())  # fmt: skip


def test_serve_creates_a_missing_token_file_readable_only_by_its_owner(tmp_path):
    token_file = tmp_path / "token.txt"
    proc = _platform_serve("--subjects", "50", "--state-dir", str(tmp_path / "state"), "--token-file", str(token_file))
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/exchange")
        assert token_file.stat().st_mode & 0o777 == 0o600
        token = token_file.read_text(encoding="utf-8").strip()
        assert len(token) >= 24
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert token not in err  # written to the file, not shown


@pytest.mark.parametrize("case", ["unreadable", "empty"])
def test_serve_with_a_bad_token_file_says_why_without_a_traceback(tmp_path, case):
    token_file = tmp_path / "token.txt"
    if case == "unreadable":
        token_file.mkdir()  # a folder where the file should be: unreadable for root too
    else:
        token_file.write_text("\n", encoding="utf-8")
    proc = _platform_serve("--subjects", "50", "--state-dir", str(tmp_path / "state"), "--token-file", str(token_file))
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert str(token_file) in err and "Traceback" not in err


# -- connecting to a platform ------------------------------------------------------------------


@pytest.fixture
def platform(tmp_path):
    import datetime as dt

    from creditdesk.demo.city import DemoCity
    from creditdesk_platform.server import PlatformServer

    # The same seed (so the same platform id and epoch) as `demo-data`, with more subjects.
    city = DemoCity(subjects=300, seed=2026, as_of=dt.date.today())
    server = PlatformServer.for_city(city, state_dir=tmp_path / "platform", token=TOKEN)
    server.start()
    yield server
    server.close()


def test_connect_without_a_credential_store_changes_nothing_and_names_the_variable(tmp_path, platform):
    home = tmp_path / "home"
    settings_before = None
    r = creditdesk_cmd("--home", str(home), "status", "--json")
    assert r.returncode == 0, r.stderr
    settings_file = home / "config" / "config.toml"
    settings_before = settings_file.read_bytes() if settings_file.exists() else None
    env = _env(PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    r = creditdesk_cmd("--home", str(home), "platform", "connect", platform.base_url, "--client-id", "ws-9",
                       env=env, stdin=TOKEN + "\n")  # fmt: skip
    assert r.returncode == 1
    assert TOKEN_ENV in r.stderr and "Traceback" not in r.stderr
    assert (settings_file.read_bytes() if settings_file.exists() else None) == settings_before
    status = json.loads(creditdesk_cmd("--home", str(home), "status", "--json").stdout)
    assert not status["platform"].get("url")


def test_a_demo_home_connected_to_a_platform_gets_a_full_pass_first(tmp_path, platform):
    home = str(tmp_path / "home")
    assert creditdesk_cmd("--home", home, "demo-data", "--subjects", "200").returncode == 0
    env = _env(**{TOKEN_ENV: TOKEN})
    r = creditdesk_cmd("--home", home, "platform", "connect", platform.base_url, "--client-id", "ws-9", env=env)
    assert r.returncode == 0, r.stderr
    r = creditdesk_cmd("--home", home, "sync", "--json", env=env)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["full"] is True
    status = json.loads(creditdesk_cmd("--home", home, "status", "--json").stdout)
    assert status["counts"]["subject"] == 300  # the platform's subjects, not the demo's 200 plus a tail
    assert status["data"]["seq"] == platform.high_water
