"""The real ``creditdesk`` entry point, run in a subprocess against a home filled through the services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

import creditdesk
from creditdesk.app import open_app
from creditdesk.identifiers import CodeError, parse_code
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from support.ci import require_pg_url
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.db import PG_URL_ENV, reset_pg_schema

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-21T18:00:00+08:00"
BAD_USCC = uscc(1)[:-1] + ("A" if uscc(1)[-1] != "A" else "B")
BAD_ID = id_number(31)[:-1] + ("0" if id_number(31)[-1] != "0" else "1")

HIT_KEYS = {"id", "name", "kind", "uscc", "match", "score", "adverse_in_force", "positive_in_force"}


def run(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "creditdesk", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=REPO, input=stdin,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )  # fmt: skip


def fill(home: Path) -> dict:
    """A small city applied through ChangeApplier, as a sync would."""
    feed = Feed()
    shunxin = feed.company("福州顺心贸易有限公司", uscc(1), former_names=["福州顺意商贸有限公司"])
    other = feed.company("厦门海沧港务物流有限公司", uscc(2))
    person = feed.person("林小红", id_number(31))
    changes = [
        shunxin, other, person,
        feed.record("R-BL", shunxin["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.record("R-HON", other["id"], "honor", publish_from="2026-01-01"),
        feed.record("R-P", person["id"], "admin_penalty", publish_from="2026-01-01"),
        feed.agency(uscc(900)),
        feed.report("BG-1", shunxin["id"], uscc(900)),
        feed.policy("fz-1", 1),
        feed.change("record", "R-BAD", {"subject_id": shunxin["id"]}),  # rejected
    ]  # fmt: skip
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    finally:
        ctx.close()
    return {"shunxin": shunxin, "other": other, "person": person, "seq": feed.seq}


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def city(home) -> dict:
    return fill(home)


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"CreditDesk {creditdesk.__version__}"


def test_status_json_has_exactly_the_documented_keys(home, city):
    r = run("--home", str(home), "status", "--json")
    assert r.returncode == 0, r.stderr
    status = json.loads(r.stdout)
    assert set(status) == {"home", "database", "data", "counts", "rejected_changes", "outbox", "platform",
                           "accounts", "audit_entries", "retention", "paths", "local_keys"}
    assert status["local_keys"] in ("keyring", "file")  # where the digest and anchor keys are kept
    root = home.resolve()  # a --home keeps data, settings and logs in its own subfolders (paths.py)
    assert status["paths"] == {
        "home": str(root), "data": str(root / "data"), "database_file": str(root / "data" / "creditdesk.sqlite"),
        "config_file": str(root / "config" / "config.toml"), "logs": str(root / "logs"),
        "backups": str(root / "data" / "backups"),
    }  # fmt: skip
    assert status["accounts"] == {"total": 0, "enabled": 0} and status["audit_entries"] == 0
    assert status["retention"] == {"days": 0, "before": None, "purgeable_reviews": 0, "kept": 0}
    assert set(status["data"]) == {"seq", "epoch", "as_of"}
    assert status["outbox"] == {"pending": 0, "delivered": 0, "rejected": 0}
    assert set(status["platform"]) == {"id", "url", "last_sync", "last_error"}
    assert status["platform"]["url"] is None and status["platform"]["last_sync"] is None
    assert status["data"] == {"seq": city["seq"], "epoch": EPOCH, "as_of": AS_OF}
    assert status["counts"] == {"subject": 3, "record": 3, "agency": 1, "report": 1, "policy": 1}
    assert status["rejected_changes"] == 1
    assert Path(status["home"]) == home.resolve()
    assert make_url(status["database"]).get_backend_name() == "sqlite"
    assert status["database"].endswith("creditdesk.sqlite")


def test_status_text(home, city):
    r = run("--home", str(home), "status")
    assert r.returncode == 0, r.stderr
    assert f"第 {city['seq']:,} 号变更" in r.stdout and EPOCH in r.stdout
    assert "主体 3，" in r.stdout  # the city's three subjects, named in words
    assert f"数据库：{home.resolve() / 'data' / 'creditdesk.sqlite'}（SQLite）" in r.stdout
    assert f"日志文件夹：{home.resolve() / 'logs'}" in r.stdout
    assert f"设置文件：{home.resolve() / 'config' / 'config.toml'}" in r.stdout


def test_status_via_the_home_environment_variable(home, city):
    r = run("status", "--json", env={"CREDITDESK_HOME": str(home)})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["counts"]["subject"] == 3


@pytest.mark.parametrize("bad", [BAD_USCC, BAD_ID, "350102850615123"])
def test_lookup_of_an_invalid_code_exits_2_with_the_message_on_stderr(home, bad):
    with pytest.raises(CodeError) as expected:
        parse_code(bad)
    r = run("--home", str(home), "lookup", bad)
    assert r.returncode == 2
    assert r.stdout == ""
    assert expected.value.message in r.stderr
    assert "Traceback" not in r.stderr
    assert not home.exists()  # reported before anything is opened
    r = run("--home", str(home), "lookup", "--json", bad)
    assert (r.returncode, r.stdout) == (2, "")


def test_lookup_json_output_shape(home, city):
    r = run("--home", str(home), "lookup", "--json", "顺心")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"query", "kind", "results", "data"}
    assert (out["query"], out["kind"]) == ("顺心", "name")
    assert set(out["data"]) == {"seq", "epoch", "as_of"} and out["data"]["seq"] == city["seq"]
    [hit] = out["results"]
    assert set(hit) == HIT_KEYS
    assert hit["id"] == city["shunxin"]["id"] and hit["uscc"] == city["shunxin"]["id"]
    assert (hit["name"], hit["kind"], hit["match"]) == ("福州顺心贸易有限公司", "legal_person", "name")
    assert (hit["adverse_in_force"], hit["positive_in_force"]) == (1, 0)
    assert isinstance(hit["score"], (int, float))


def test_lookup_json_by_code_and_by_id_number(home, city):
    r = run("--home", str(home), "lookup", "--json", city["shunxin"]["id"].lower())
    out = json.loads(r.stdout)
    assert out["kind"] == "uscc" and [h["match"] for h in out["results"]] == ["exact"]
    number = id_number(31)
    r = run("--home", str(home), "lookup", "--json", number)
    out = json.loads(r.stdout)
    assert out["kind"] == "id_number"
    assert [(h["id"], h["name"], h["kind"]) for h in out["results"]] == [
        (city["person"]["id"], "林小红", "natural_person")
    ]
    # The text output shows the masked number, never the full one.
    r = run("--home", str(home), "lookup", number)
    assert r.returncode == 0 and "林小红" in r.stdout
    assert number not in r.stdout and number[:2] + "*" * 12 + number[-4:] in r.stdout


def test_lookup_limit(home, city):
    r = run("--home", str(home), "lookup", "--json", "--limit", "1", "有限")
    out = json.loads(r.stdout)
    assert len(out["results"]) == 1
    r = run("--home", str(home), "lookup", "--json", "--limit", "5", "有限")
    assert len(json.loads(r.stdout)["results"]) == 2


def test_a_valid_code_not_in_the_data_exits_0_with_no_results(home, city):
    for code in (uscc(777), id_number(999)):
        r = run("--home", str(home), "lookup", "--json", code)
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["results"] == [] and out["kind"] in ("uscc", "id_number")
        r = run("--home", str(home), "lookup", code)
        assert r.returncode == 0 and "没有找到" in r.stdout


def test_lookup_batch_prints_one_json_line_per_query(home, city, tmp_path):
    queries = ["顺心", "", city["other"]["id"], BAD_USCC, "fzsx", "  ", uscc(777), "海沧港务"]
    batch = tmp_path / "queries.txt"
    batch.write_text("\ufeff" + "\n".join(queries) + "\n", encoding="utf-8")  # Notepad's BOM
    r = run("--home", str(home), "lookup", "--batch", str(batch), "--json")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    asked = [q.strip() for q in queries if q.strip()]
    assert [line["query"] for line in lines] == asked
    by_query = dict(zip(asked, lines))
    assert [h["name"] for h in by_query["顺心"]["results"]] == ["福州顺心贸易有限公司"]
    assert by_query[city["other"]["id"]]["kind"] == "uscc"
    assert by_query[city["other"]["id"]]["results"][0]["positive_in_force"] == 1
    assert by_query[BAD_USCC]["kind"] == "invalid" and by_query[BAD_USCC]["results"] == []
    assert by_query[BAD_USCC]["error"]
    assert by_query["fzsx"]["results"][0]["match"] == "pinyin"
    assert by_query[uscc(777)]["results"] == []
    assert by_query["海沧港务"]["results"][0]["id"] == city["other"]["id"]
    for line in lines:
        if line["kind"] != "invalid":
            assert set(line) == {"query", "kind", "results", "data"}
            assert all(set(h) == HIT_KEYS for h in line["results"])


def test_lookup_batch_from_stdin(home, city):
    r = run("--home", str(home), "lookup", "--batch", "-", "--json", stdin="顺心\n海沧\n")
    assert r.returncode == 0, r.stderr
    assert [json.loads(x)["results"][0]["name"] for x in r.stdout.splitlines()] == [
        "福州顺心贸易有限公司", "厦门海沧港务物流有限公司",
    ]  # fmt: skip


def test_a_broken_config_is_a_message_not_a_traceback(home):
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('search_limit = "many"\n', encoding="utf-8")
    r = run("--home", str(home), "status", "--json")
    assert r.returncode == 1
    assert r.stdout == ""
    assert "search_limit" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.postgres
def test_status_on_postgresql_hides_the_password(tmp_path):
    url = require_pg_url()
    reset_pg_schema(url)
    password = make_url(url).password
    r = run("--home", str(tmp_path / "home"), "status", "--json", env={"CREDITDESK_DATABASE_URL": url})
    assert r.returncode == 0, r.stderr
    status = json.loads(r.stdout)
    assert status["counts"]["subject"] == 0
    assert make_url(status["database"]).get_backend_name() == "postgresql"
    if password:
        assert password not in r.stdout
    assert not (tmp_path / "home" / "data" / "creditdesk.sqlite").exists()


def test_demo_data_then_status(home):
    r = run("--home", str(home), "demo-data", "--subjects", "300")  # a new home: it becomes a demo home
    assert r.returncode == 0, r.stderr
    r = run("--home", str(home), "status", "--json")
    assert r.returncode == 0, r.stderr
    status = json.loads(r.stdout)
    assert status["counts"]["subject"] >= 300
    assert status["counts"]["record"] > 0 and status["counts"]["agency"] > 0 and status["counts"]["report"] > 0
    assert status["data"]["seq"] > 0 and status["data"]["epoch"]
