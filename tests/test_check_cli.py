"""``creditdesk check``: the real entry point in a subprocess against a home filled as a sync would."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from creditdesk.app import open_app
from creditdesk.policy.store import bundled_profiles
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-21T18:00:00+08:00"
ON = "2026-11-21"
TOP_KEYS = {"subject", "matter", "profile", "on", "outcome", "measures", "requirements", "findings", "report", "data",
            "either", "national", "unruled_adverse", "needs_acknowledgement", "unruled_notice", "fallback", "notes"}  # fmt: skip
BAD_USCC = uscc(1)[:-1] + ("A" if uscc(1)[-1] != "A" else "B")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "creditdesk", *args], capture_output=True, text=True, encoding="utf-8", timeout=120,
        cwd=REPO, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("check") / "home"
    feed = Feed()
    black = feed.company("福州顺心贸易有限公司", uscc(1))
    clean = feed.company("厦门海沧港务物流有限公司", uscc(2))
    person = feed.person("林小红", id_number(31))
    v2 = copy.deepcopy(next(p for p in bundled_profiles() if p.id == "fuzhou").raw)
    v2["version"] = 2
    v2["rules"] = [{
        "id": "fz2-blacklist", "matters": ["procurement"], "when": {"records": {"severe": True}}, "outcome": "prohibit",
        "measures": ["不得参加政府采购活动"], "citation": {"document": "榕信用〔2026〕1号", "clause": "一", "quote": "不得参加"},
    }]  # fmt: skip
    changes = [
        black, clean, person,
        feed.record("R-BL", black["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.record("R-OLD", black["id"], "admin_penalty", publish_from="2020-01-01", publish_until="2021-01-01"),
        feed.record("R-P", person["id"], "admin_penalty", publish_from="2026-01-01"),
        feed.agency(uscc(900)),
        feed.agency(uscc(901), filing_level="county"),
        feed.report("BG-1", black["id"], uscc(900)),
        feed.report("BG-2", clean["id"], uscc(901)),
        feed.change("policy", "fz-2", {"profile_id": "fuzhou", "version": 2, "effective_from": "2026-12-01", "document": v2}),
        feed.change("policy", "fz-x", {"profile_id": "fuzhou", "version": 7, "effective_from": "2026-01-01", "document": {"v": 7}}),
    ]  # fmt: skip
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    finally:
        ctx.close()
    return {"home": str(home), "black": black["id"], "clean": clean["id"], "person": person["id"], "seq": feed.seq}


def check(city: dict, *args: str) -> subprocess.CompletedProcess:
    return run("--home", city["home"], "check", *args)


def test_json_shape(city):
    p = check(city, city["black"], "--matter", "procurement", "--profile", "cangzhou", "--report", "BG-1", "--on", ON, "--json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert set(out) == TOP_KEYS
    assert out["subject"] == {"id": city["black"], "name": "福州顺心贸易有限公司", "kind": "legal_person", "known": True}
    assert out["matter"] == "procurement" and out["on"] == ON
    assert out["profile"] == {"id": "cangzhou", "version": 1}
    assert out["outcome"] == "prohibit"
    assert out["measures"] and all(set(m) == {"text", "citation", "outcome", "layer"} for m in out["measures"])
    assert all(set(m["citation"]) == {"document", "clause", "quote"} for m in out["measures"])
    assert out["measures"][0]["citation"]["document"] == "沧政办字〔2022〕92号"
    assert {f["record_id"]: (f["in_force"], f["reason"]) for f in out["findings"]} == {
        "R-BL": (True, "in_force"), "R-OLD": (False, "expired")}
    assert all(set(f) == {"record_id", "category", "in_force", "reason"} for f in out["findings"])
    # 沧州 requires a filing with 中国人民银行 at provincial level (四（二）); the test agency is filed with the 市信用办.
    assert out["report"] == {"report_no": "BG-1", "acceptable": False, "problems": ["agency_not_filed", "agency_not_accepted"]}
    assert out["national"] == {"id": "national", "version": 1}
    assert out["unruled_adverse"] == [] and out["needs_acknowledgement"] is False and out["unruled_notice"] is None
    assert set(out["data"]) == {"seq", "epoch", "as_of", "stale"} and out["data"]["seq"] == city["seq"]


def test_installation_profile_report_and_platform_version(city):
    before = json.loads(check(city, city["black"], "--matter", "procurement", "--report", "BG-1", "--on", ON, "--json").stdout)
    assert before["profile"] == {"id": "fuzhou", "version": 1}  # the broken platform version 7 is skipped
    assert before["outcome"] == "normal" and before["requirements"] == []
    assert before["report"] == {"report_no": "BG-1", "acceptable": True, "problems": []}
    # 福州's text names no measure and the national layer none for a generic 严重失信主体名单: never a silent 正常办理
    assert [u["record_id"] for u in before["unruled_adverse"]] == ["R-BL"] and before["needs_acknowledgement"] is True
    assert before["unruled_notice"].startswith("本市档案未规定措施：严重失信主体名单（黑名单）")
    assert any("未规定依信用记录或信用报告禁止" in n["text"] and n["layer"] == "city" for n in before["notes"])
    assert any(n["layer"] == "national" for n in before["notes"])
    after = json.loads(check(city, city["black"], "--matter", "procurement", "--on", "2026-12-01", "--json").stdout)
    assert after["profile"] == {"id": "fuzhou", "version": 2}
    assert after["outcome"] == "prohibit" and after["requirements"] == ["credit_report"]
    assert after["measures"][0]["citation"]["document"] == "榕信用〔2026〕1号"


def test_report_problems_from_the_platform(city):
    out = json.loads(check(city, city["black"], "--matter", "procurement", "--report", "BG-2", "--on", ON, "--json").stdout)
    assert set(out["report"]["problems"]) == {"subject_mismatch", "agency_not_filed"}
    out = json.loads(check(city, city["black"], "--matter", "procurement", "--report", "BG-404", "--on", ON, "--json").stdout)
    assert out["report"] == {"report_no": "BG-404", "acceptable": False, "problems": ["unknown_report"]}
    assert out["requirements"] == ["credit_report"]


def test_person_by_id_number_and_unknown_subject(city):
    out = json.loads(check(city, id_number(31), "--matter", "approval", "--profile", "cangzhou", "--on", ON, "--json").stdout)
    assert out["subject"]["id"] == city["person"] and out["subject"]["known"] is True
    assert out["outcome"] == "strict"
    out = json.loads(check(city, uscc(77), "--matter", "procurement", "--on", ON, "--json").stdout)
    assert out["subject"] == {"id": uscc(77), "name": None, "kind": None, "known": False}
    assert out["findings"] == [] and out["outcome"] == "normal"


def test_text_output_names_the_unruled_record_and_the_notes(city):
    p = check(city, city["black"], "--matter", "procurement", "--report", "BG-1", "--on", ON)
    assert p.returncode == 0, p.stderr
    assert "正常办理" in p.stdout
    assert "！本市档案未规定措施：严重失信主体名单（黑名单）" in p.stdout
    assert "档案说明：" in p.stdout and "[本市] 本通知只要求查询信用记录" in p.stdout and "[国家层]" in p.stdout


def test_a_judgment_debtor_in_procurement_is_refused_under_every_city(city, tmp_path):
    """财库〔2016〕125号 applies whatever the city's text says (issue 11: 福州 and 昆山 used to say 正常办理)."""
    home = tmp_path / "home"
    feed = Feed()
    debtor = feed.company("福州老赖建材有限公司", uscc(3))
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply([debtor, feed.record("R-JD", debtor["id"], "dishonest_judgment_debtor", publish_from="2026-01-01")],
                                        Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))  # fmt: skip
    finally:
        ctx.close()
    for pid in ("cangzhou", "erenhot", "fuzhou", "kunshan", "wuchang"):
        out = json.loads(run("--home", str(home), "check", debtor["id"], "--matter", "procurement", "--profile", pid,
                             "--on", ON, "--json").stdout)  # fmt: skip
        assert out["outcome"] == "prohibit", pid
        assert any(m["citation"]["document"] == "财库〔2016〕125号" and m["layer"] == "national" for m in out["measures"]), pid
        assert out["unruled_adverse"] == []


def test_bad_code_exits_2(city):
    p = check(city, BAD_USCC, "--matter", "procurement")
    assert p.returncode == 2 and p.stdout == ""
    assert "校验" in p.stderr or "代码" in p.stderr


@pytest.mark.parametrize("args, listed", [
    (["--matter", "lottery"], ["procurement", "bond_issue", "other"]),
    (["--matter", "procurement", "--profile", "atlantis"], ["cangzhou", "erenhot", "fuzhou", "kunshan", "wuchang"]),
])  # fmt: skip
def test_unknown_matter_or_profile_exits_3(city, args, listed):
    p = check(city, city["clean"], *args)
    assert p.returncode == 3 and p.stdout == ""
    assert all(name in p.stderr for name in listed)


def test_batch_plain_list(city, tmp_path):
    f = tmp_path / "codes.txt"
    f.write_text(f"{city['black']}\n\n{uscc(2)}\n{BAD_USCC}\n", encoding="utf-8")
    p = check(city, "--batch", str(f), "--matter", "procurement", "--profile", "cangzhou", "--on", ON)
    assert p.returncode == 0, p.stderr
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [x.get("outcome") for x in lines] == ["prohibit", "normal", None]
    assert set(lines[0]) == TOP_KEYS and lines[2]["query"] == BAD_USCC and lines[2]["error"]


def test_batch_xlsx_in_and_out(city, tmp_path):
    src, dst = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    wb = Workbook()
    wb.active.append(["名称", "统一社会信用代码"])
    wb.active.append(["福州顺心贸易有限公司", city["black"]])
    wb.active.append(["厦门海沧港务物流有限公司", city["clean"]])
    wb.save(src)
    p = check(city, "--batch", str(src), "--matter", "procurement", "--profile", "cangzhou", "--on", ON)
    assert [json.loads(x)["subject"]["id"] for x in p.stdout.splitlines()] == [city["black"], city["clean"]]
    p = check(city, "--batch", str(src), "--matter", "procurement", "--profile", "cangzhou", "--on", ON, "--out", str(dst))
    assert p.returncode == 0, p.stderr
    rows = list(load_workbook(dst).active.iter_rows(values_only=True))
    header = rows[0]
    assert len(rows) == 3
    assert [r[header.index("主体编号")] for r in rows[1:]] == [city["black"], city["clean"]]
    assert [r[header.index("结论")] for r in rows[1:]] == ["依规限制（不予办理）", "正常办理"]
