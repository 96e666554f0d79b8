"""每日核查台账: filters, role scoping, and the CSV / XLSX / PDF exports read back."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from creditdesk.cancel import CancelToken, Cancelled

from creditdesk.identifiers import mask_id_number
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services.accounts import AccountService
from creditdesk.services.audit import AuditTrail
from creditdesk.services.ledger import (
    HEADERS,
    OUTCOME_LABELS,
    ExportCancelled,
    LedgerFilter,
    LedgerService,
    export_ledger,
    format_for,
    totals,
)
from creditdesk.services.review_workflow import is_milder
from creditdesk.services.reviews import CommitmentDraft, OverrideApproval, ReviewDraft, ReviewService
from support.city import id_number, uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 20)
NEXT = dt.date(2026, 11, 21)
UNIT = "福州市行政服务中心"
OTHER_UNIT = "鼓楼区行政服务中心"
PERSON_ID = id_number(31)  # a full ID number: must never appear in any export
PNG = b"\x89PNG\r\n\x1a\nfake-signature"

SUPERVISOR = Actor("lisi", "李四", "supervisor", UNIT)
SUPERVISOR_ALL = Actor("zhaoliu", "赵六", "supervisor", None)
OFFICER = Actor("wangfang", "王芳", "officer", UNIT)

MEASURES = {
    "prohibit": [{"text": "依法限制参与政府采购活动", "citation": {}}],
    "strict": [{"text": "从严审核申报材料", "citation": {}}, {"text": "加强事中事后监管", "citation": {}}],
    "incentive": [{"text": "开辟绿色通道，可适用容缺受理", "citation": {}}],
    "normal": [],
}


def draft(n: int, *, officer: str = "wangfang", outcome: str = "normal", matter: str = "procurement",
          offline: bool = False, unit: str = UNIT, person: bool = False, computed: str | None = None,
          commitment: bool = False, name: str | None = None, approved: bool = True) -> ReviewDraft:  # fmt: skip
    code = mask_id_number(PERSON_ID) if person else uscc(n)
    computed = computed or outcome
    milder = is_milder(computed, outcome)
    return ReviewDraft(
        subject_id=f"P-{n:04d}" if person else uscc(n), subject_name=name or (f"林小红{n}" if person else f"福州顺心贸易有限公司{n}号"),
        subject_kind="person" if person else "company", subject_code_display=code, matter=matter,
        profile_id="fuzhou", profile_version=1, computed_outcome=computed, final_outcome=outcome,
        departure_reason="申请人已提交信用修复证明" if computed != outcome else None, measures=MEASURES[outcome],
        requirements=["commitment"] if commitment else [], officer=officer, unit=unit, window="1号窗口",
        data_seq=10, data_as_of="2026-11-20T06:00:00+08:00", offline=offline,
        commitment=CommitmentDraft("本单位郑重承诺：所提交材料真实有效……", "张三", "legal_representative",
                                   signature_png=PNG) if commitment else None,
        departure_category="repaired" if milder else None,
        approval=OverrideApproval(SUPERVISOR) if milder and approved else None,
    )  # fmt: skip


@pytest.fixture
def city(engine):
    """Day 1 (2026-11-20): 7 reviews by two officers and one of another unit; day 2: 2 reviews."""
    s1 = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))
    made = {
        "a": s1.finalise(draft(1, outcome="prohibit", commitment=False)),
        "b": s1.finalise(draft(2, outcome="strict", commitment=True)),
        "c": s1.finalise(draft(3, outcome="normal", matter="bidding", offline=True)),
        "d": s1.finalise(draft(4, officer="chenjing", outcome="incentive", person=True)),
        "e": s1.finalise(draft(5, officer="chenjing", outcome="normal", computed="strict", offline=True)),
        "f": s1.finalise(draft(6, officer="liming", outcome="strict", unit=OTHER_UNIT)),
    }
    # A correction of "c" the same day: its own row, version 2.
    made["c2"] = s1.correct(made["c"].id, draft(3, outcome="strict", matter="bidding", offline=True))
    s2 = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 21, 8, 30, tzinfo=TZ)))
    made["g"] = s2.finalise(draft(7, outcome="normal"))
    made["h"] = s2.finalise(draft(8, officer="chenjing", outcome="prohibit", matter="bidding"))
    # Late evening of the day before and just after midnight: outside DAY's range.
    s0 = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 19, 23, 58, tzinfo=TZ)))
    made["z"] = s0.finalise(draft(9))
    return made


@pytest.fixture
def accounts(engine):
    """Accounts exist: an admin, an officer with a display name."""
    svc = AccountService(engine, AuditTrail(engine))
    admin = svc.create("admin", "admin", "Adm1n-pass-2026", display_name="管理员", by=None, enforce_policy=False)
    svc.create("wangfang", "officer", "Officer-pass-2026", display_name="王芳", unit=UNIT, by=admin,
               enforce_policy=False)  # fmt: skip
    return svc


def ids(rows) -> list[str]:  # noqa: ANN001
    return [r.review_id for r in rows]


# -- filters ---------------------------------------------------------------------------------


def test_one_day_is_exactly_that_days_reviews_in_time_order(engine, city):
    rows = LedgerService(engine).rows(LedgerFilter.day(DAY))
    assert ids(rows) == [city[k].id for k in ("a", "b", "c", "d", "e", "f", "c2")]
    assert [r.time_text for r in rows][:2] == ["2026-11-20 09:01:00", "2026-11-20 09:02:00"]
    assert rows == sorted(rows, key=lambda r: r.finalised_at)


def test_date_range_spans_days_and_excludes_the_evening_before(engine, city):
    svc = LedgerService(engine)
    both = svc.rows(LedgerFilter(DAY, NEXT))
    assert len(both) == 9 and city["z"].id not in ids(both)
    assert ids(svc.rows(LedgerFilter.day(NEXT))) == [city["g"].id, city["h"].id]
    assert ids(svc.rows(LedgerFilter.day(dt.date(2026, 11, 19)))) == [city["z"].id]
    assert svc.rows(LedgerFilter.day(dt.date(2026, 11, 22))) == []
    with pytest.raises(ValueError):
        LedgerFilter(NEXT, DAY)


def test_filters_by_officer_matter_outcome_and_offline(engine, city):
    svc = LedgerService(engine)
    day = dict(date_from=DAY, date_to=NEXT)
    assert ids(svc.rows(LedgerFilter(**day, officer="chenjing"))) == [city[k].id for k in ("d", "e", "h")]
    assert ids(svc.rows(LedgerFilter(**day, matter="bidding"))) == [city[k].id for k in ("c", "c2", "h")]
    assert ids(svc.rows(LedgerFilter(**day, outcome="strict"))) == [city[k].id for k in ("b", "f", "c2")]
    assert ids(svc.rows(LedgerFilter(**day, offline=True))) == [city[k].id for k in ("c", "e", "c2")]
    assert len(svc.rows(LedgerFilter(**day, offline=False))) == 6
    combined = LedgerFilter(**day, officer="wangfang", matter="bidding", outcome="strict", offline=True)
    assert ids(svc.rows(combined)) == [city["c2"].id]
    assert svc.rows(LedgerFilter(**day, officer="nobody")) == []


def test_row_content_names_labels_correction_and_commitment(engine, city, accounts):
    rows = {r.review_id: r for r in LedgerService(engine).rows(LedgerFilter.day(DAY))}
    a, b, c, c2, d, e = (rows[city[k].id] for k in ("a", "b", "c", "c2", "d", "e"))
    assert a.officer == "wangfang" and a.officer_name == "王芳"  # from the account
    assert d.officer == d.officer_name == "chenjing"  # no account: the recorded text
    assert a.matter_name == "政府采购" and c.matter_name == "招标投标"
    assert a.outcome_label == OUTCOME_LABELS["prohibit"] == "依规限制（不予办理）"
    assert b.outcome_label == "从严审核" and d.outcome_label == "守信激励"
    assert b.measures == "从严审核申报材料；加强事中事后监管"
    assert b.commitment_number and b.commitment_number.startswith("CN-20261120-")
    assert a.commitment_number is None
    assert e.departed and e.departure_reason == "申请人已提交信用修复证明" and not a.departed
    assert c.version == 1 and c.superseded and c.version_label == "已被更正"
    assert c2.version == 2 and c2.supersedes == c.review_id and c2.version_label == "更正 v2"
    assert d.subject_code_display == mask_id_number(PERSON_ID) and PERSON_ID not in repr(d)
    assert a.verification_code == city["a"].verification_code and a.offline is False and c.offline is True


def test_totals(engine, city):
    rows = LedgerService(engine).rows(LedgerFilter.day(DAY))
    t = totals(rows)
    assert t.count == 7
    assert t.by_outcome == {"prohibit": 1, "strict": 3, "normal": 2, "incentive": 1}
    assert (t.offline, t.departures, t.commitments, t.corrections) == (3, 1, 1, 1)


# -- scoping ------------------------------------------------------------------------------------


def test_officer_sees_only_own_rows_supervisor_their_unit_unattributed_all(engine, city):
    svc = LedgerService(engine)
    flt = LedgerFilter(DAY, NEXT)
    mine = svc.rows(flt, OFFICER)
    assert ids(mine) == [city[k].id for k in ("a", "b", "c", "c2", "g")]
    # An officer asking for someone else's rows gets none, not theirs.
    assert svc.rows(LedgerFilter(DAY, NEXT, officer="chenjing"), OFFICER) == []
    unit = svc.rows(flt, SUPERVISOR)
    assert len(unit) == 8 and city["f"].id not in ids(unit)
    assert len(svc.rows(flt, SUPERVISOR_ALL)) == 9
    assert len(svc.rows(flt, None)) == 9
    assert [c.code for c in svc.officers(OFFICER)] == ["wangfang"]
    assert {c.code for c in svc.officers(SUPERVISOR_ALL)} == {"wangfang", "chenjing", "liming"}
    assert {c.code for c in svc.matters(OFFICER)} == {"procurement", "bidding"}
    assert dict((c.code, c.label) for c in svc.matters(None, profile_id="fuzhou"))["bond_issue"] == "债券发行"


# -- exports ------------------------------------------------------------------------------------


def _export(engine, tmp_path, fmt, by=SUPERVISOR, flt=None, name=None):  # noqa: ANN001, ANN202
    path = tmp_path / (name or f"ledger.{fmt}")
    res = export_ledger(engine, AuditTrail(engine), flt or LedgerFilter.day(DAY), fmt, path, by, unit=UNIT)
    return path, res


def test_csv_has_bom_chinese_headers_and_parses(engine, city, tmp_path):
    path, res = _export(engine, tmp_path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert tuple(table[0]) == HEADERS and table[0][0] == "核查时间"
    assert len(table) == 1 + 6 == 1 + res.rows  # unit-scoped: the other unit's review is not in it
    by_code = {r[HEADERS.index("信用核查码")]: r for r in table[1:]}
    a = by_code[city["a"].verification_code]
    assert a[HEADERS.index("主体名称")] == "福州顺心贸易有限公司1号"
    assert a[HEADERS.index("最终结论")] == "依规限制（不予办理）" and a[HEADERS.index("事项")] == "政府采购"
    assert a[HEADERS.index("系统结论")] == "依规限制（不予办理）" and a[HEADERS.index("审批")] == ""
    e = by_code[city["e"].verification_code]  # 从严审核 computed, 正常办理 approved by the supervisor: side by side
    assert (e[HEADERS.index("系统结论")], e[HEADERS.index("最终结论")]) == ("从严审核", "正常办理")
    assert e[HEADERS.index("审批")] == "李四 批准" and e[HEADERS.index("偏离理由")] == "申请人已提交信用修复证明"
    assert by_code[city["c2"].verification_code][HEADERS.index("版本")] == "更正 v2"
    assert PERSON_ID not in raw.decode("utf-8-sig")
    assert mask_id_number(PERSON_ID) in raw.decode("utf-8-sig")
    assert not list(tmp_path.glob("*.part"))


def test_xlsx_reads_back_with_title_frozen_header_filter_widths_and_totals(engine, city, tmp_path):
    from openpyxl import load_workbook

    path, res = _export(engine, tmp_path, "xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "台账 2026-11-20"
    assert ws["A1"].value == f"每日核查台账 — {UNIT} — 2026-11-20"
    header = [c.value for c in ws[3]]
    assert tuple(header) == HEADERS and ws["A3"].font.bold
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A3:")
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert len(data) == res.rows == 6
    names = {r[HEADERS.index("主体名称")] for r in data}
    assert "林小红4" in names and "福州顺心贸易有限公司2号" in names
    for key in ("A", "G", "K"):  # time, subject name, measures: wider than Excel's default 8.43
        assert ws.column_dimensions[key].width > 12
    ts = wb["汇总"]
    sums = {ts.cell(row=r, column=1).value: ts.cell(row=r, column=2).value for r in range(5, 15)}
    assert sums["核查总数"] == 6 and sums["从严审核"] == 2 and sums["离线核查"] == 3
    text = "\n".join(str(c.value) for s in wb.worksheets for row in s.iter_rows() for c in row if c.value)
    assert PERSON_ID not in text and mask_id_number(PERSON_ID) in text


needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
                                   reason="poppler-utils not installed")  # fmt: skip


@pytest.fixture
def busy_day(engine):
    """~200 reviews on one day, with long measures and a person (masked)."""
    s = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 8, 0, tzinfo=TZ), step=dt.timedelta(minutes=2)))
    outcomes = ("normal", "strict", "incentive", "prohibit")
    for i in range(200):
        o = outcomes[i % 4]
        s.finalise(draft(100 + i, outcome=o, offline=i % 10 == 0, person=i % 50 == 7,
                         officer=("wangfang", "chenjing")[i % 2], commitment=i % 3 == 0))  # fmt: skip


@needs_poppler
def test_pdf_many_pages_landscape_header_and_totals(engine, busy_day, tmp_path):
    path, res = _export(engine, tmp_path, "pdf", by=SUPERVISOR_ALL)
    assert res.rows == 200
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages > 1
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(w), round(h)) == (842, 595)  # A4 landscape
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "每日核查台账 — " in text and "2026-11-20" in text
    assert "林小红107" in text and "福州顺心贸易有限公司" in text
    assert uscc(100) in text and uscc(299) in text
    flat = re.sub(r"\s+", "", text)
    assert "第1页/共" in flat and f"第{pages}页/共{pages}页" in flat
    # The header row repeats on every page that has rows.
    with_rows = [pg for pg in text.split("\f") if re.search(r"\b\d\d:\d\d:\d\d\b", pg)]
    assert len(with_rows) >= pages - 1 and all("信用核查码" in pg and "主体名称" in pg for pg in with_rows)
    assert "核查总数" in text and "离线核查" in text and "签署信用承诺" in text
    last = text.split("\f")[-2] if text.endswith("\f") else text.split("\f")[-1]
    assert re.search(r"核查总数\s+200", last) and re.search(r"离线核查\s+20\b", last)
    assert re.search(r"签署信用承诺\s+67\b", last)
    assert "赵六（科室负责人）" in text  # who generated it
    assert PERSON_ID not in text and mask_id_number(PERSON_ID) in text


@needs_poppler
def test_pdf_of_an_empty_day_says_so(engine, tmp_path):
    path, res = _export(engine, tmp_path, "pdf", by=None)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert res.rows == 0 and "该日期没有核查记录" in flat and "第1页/共1页" in flat


def test_every_export_is_audited(engine, city, tmp_path):
    trail = AuditTrail(engine)
    before = trail.count()
    for fmt in ("csv", "xlsx", "pdf"):
        _export(engine, tmp_path, fmt)
    entries = trail.entries(action="export")
    assert trail.count() == before + 3 and len(entries) == 3
    assert [e.detail["format"] for e in entries] == ["csv", "xlsx", "pdf"]
    e = entries[0]
    assert e.actor == "lisi" and e.target == "ledger"
    assert e.detail["from"] == e.detail["to"] == "2026-11-20" and e.detail["rows"] == 6
    assert e.detail["file"] == "ledger.csv"
    assert trail.verify().intact


def test_officer_export_refused_nothing_written_and_the_refusal_audited(engine, city, accounts, tmp_path):
    trail = AuditTrail(engine)
    before = trail.count()
    with pytest.raises(NotPermitted, match="导出含个人信息的数据"):
        _export(engine, tmp_path, "csv", by=OFFICER)
    # Accounts exist: an unattributed export is refused too.
    with pytest.raises(NotPermitted, match="登录"):
        _export(engine, tmp_path, "csv", by=None)
    assert not (tmp_path / "ledger.csv").exists() and trail.count() == before + 2
    officer, nobody = trail.entries()[-2:]  # one "denied" entry per refused attempt, and no "export"
    assert (officer.action, officer.actor, officer.target) == ("denied", OFFICER.name, "export ledger")
    assert officer.detail == {"permission": "export_personal_data", "role": "officer"}
    assert (nobody.action, nobody.actor, nobody.detail["reason"]) == ("denied", None, "not signed in")
    assert nobody.detail["permission"] == "export_personal_data" and not trail.entries(action="export")
    assert trail.verify().intact


def test_unattributed_export_allowed_before_any_account(engine, city, tmp_path):
    path, res = _export(engine, tmp_path, "csv", by=None)
    assert path.exists() and res.rows == 7
    assert AuditTrail(engine).entries(action="export")[-1].actor is None


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_cancelled_export_leaves_nothing_and_keeps_an_older_file(engine, busy_day, tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    path = out / f"ledger.{fmt}"
    path.write_bytes(b"older export")
    token = CancelToken()  # cancelled at the writer's first progress report, i.e. mid-file

    with pytest.raises(ExportCancelled) as caught:
        export_ledger(engine, AuditTrail(engine), LedgerFilter.day(DAY), fmt, path, None,
                      progress=lambda done, total: token.cancel(), cancel=token)  # fmt: skip
    assert isinstance(caught.value, Cancelled) and "未写入" in str(caught.value)
    assert path.read_bytes() == b"older export"
    assert [p.name for p in out.iterdir()] == [path.name]
    assert AuditTrail(engine).entries(action="export") == []


def test_progress_reaches_the_end(engine, busy_day, tmp_path):
    seen: list[tuple[int, int]] = []
    export_ledger(engine, AuditTrail(engine), LedgerFilter.day(DAY), "pdf", tmp_path / "x.pdf", None,
                  progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert seen and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)


def test_format_from_extension():
    assert format_for(Path("a.xlsx")) == "xlsx" and format_for(Path("a.PDF")) == "pdf"
    assert format_for(Path("a.txt")) == "csv" and format_for(Path("a.pdf"), "csv") == "csv"
    with pytest.raises(ValueError):
        format_for(Path("a"), "doc")


# -- CLI ----------------------------------------------------------------------------------------


def test_cli_export_daily(tmp_path, capsys):
    from creditdesk.app import open_app
    from creditdesk.cli import main

    home = tmp_path / "home"
    ctx = open_app(home)
    s = ReviewService(ctx.engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))
    for i, o in enumerate(("normal", "strict", "prohibit")):
        s.finalise(draft(i + 1, outcome=o))
    ctx.close()
    out = tmp_path / "day.xlsx"
    code = main(["--home", str(home), "export", "daily", "--date", "2026-11-20", "--out", str(out)])
    assert code == 0
    assert f"已导出 3 条核查记录到 {out}" in capsys.readouterr().out
    from openpyxl import load_workbook

    assert load_workbook(out).worksheets[0].max_row == 3 + 3
    code = main(["--home", str(home), "export", "daily", "--date", "2026-11-20", "--outcome", "strict",
                 "--format", "csv", "--out", str(tmp_path / "s.txt")])  # fmt: skip
    assert code == 0 and len((tmp_path / "s.txt").read_text(encoding="utf-8-sig").splitlines()) == 2
    code = main(["--home", str(home), "export", "daily", "--date", "2026-11-21", "--to", "2026-11-20",
                 "--out", str(tmp_path / "bad.csv")])  # fmt: skip
    assert code == 1 and "早于" in capsys.readouterr().err


def test_cli_export_needs_a_supervisor_once_accounts_exist(tmp_path, capsys, monkeypatch):
    from creditdesk.app import open_app
    from creditdesk.cli import main

    home = tmp_path / "home"
    ctx = open_app(home)
    ReviewService(ctx.engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ))).finalise(draft(1))
    admin = ctx.accounts.create("admin", "admin", "Adm1n-pass-2026", by=None, enforce_policy=False)
    ctx.accounts.create("wangfang", "officer", "Officer-pass-2026", display_name="王芳", by=admin,
                        enforce_policy=False)  # fmt: skip
    ctx.accounts.create("lisi", "supervisor", "Super-pass-2026", display_name="李四", by=admin,
                        enforce_policy=False)  # fmt: skip
    ctx.close()
    out = tmp_path / "day.csv"
    base = ["--home", str(home), "export", "daily", "--date", "2026-11-20", "--out", str(out)]

    assert main(base) == 1 and "--user" in capsys.readouterr().err  # not signed in
    monkeypatch.setenv("CREDITDESK_PASSWORD", "Officer-pass-2026")
    assert main(["--user", "wangfang", *base]) == 1
    assert "无权导出含个人信息的数据" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("CREDITDESK_PASSWORD", "Super-pass-2026")
    assert main(["--user", "lisi", *base]) == 0 and out.exists()
    assert "已导出 1 条核查记录到" in capsys.readouterr().out
    ctx = open_app(home)
    exports = ctx.audit.entries(action="export")
    ctx.close()
    assert [(e.actor, e.target, e.detail["format"]) for e in exports] == [("lisi", "ledger", "csv")]


def test_a_full_id_number_slipped_into_a_row_is_masked_in_ledger_and_exports(engine, tmp_path):
    """Reviews refuse full ID numbers; a row written behind the application's back is still masked."""
    from sqlalchemy import insert, select

    from creditdesk.db import models
    from creditdesk.db.engine import write_transaction

    saved = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ))).finalise(draft(1))
    t = models.Review.__table__
    with engine.connect() as conn:
        row = dict(conn.execute(select(t).where(t.c.id == saved.id)).mappings().one())
    row.update(id="forged-1", verification_code="ZZZZ-ZZZZ-ZZ", subject_code_display=PERSON_ID,
               subject_name=f"林小红 {PERSON_ID}", departure_reason=f"证件号 {PERSON_ID} 已核实",
               finalised_at="2026-11-20T10:00:00+08:00")  # fmt: skip
    with write_transaction(engine) as conn:
        conn.execute(insert(t).values(**row))
    rows = LedgerService(engine).rows(LedgerFilter.day(DAY))
    forged = next(r for r in rows if r.review_id == "forged-1")
    masked = mask_id_number(PERSON_ID)
    assert forged.subject_code_display == masked and masked in forged.departure_reason
    assert PERSON_ID not in repr(forged)
    for fmt in ("csv", "xlsx", "pdf"):
        path, _ = _export(engine, tmp_path, fmt, by=None)
        if fmt == "csv":
            text = path.read_text(encoding="utf-8-sig")
        elif fmt == "xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path)
            text = " ".join(str(c.value) for s in wb.worksheets for r in s.iter_rows() for c in r if c.value)
        else:
            if not shutil.which("pdftotext"):
                continue
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert PERSON_ID not in re.sub(r"\s+", "", text) and masked[:2] + "*" * 12 in text, fmt


def test_pending_override_shows_computed_in_force_and_the_request(engine, tmp_path):
    s = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))
    pending = s.finalise(draft(11, outcome="normal", computed="prohibit", approved=False))
    assert pending.override_status == "pending"
    [row] = LedgerService(engine).rows(LedgerFilter.day(DAY))
    assert row.outcome == "prohibit" and row.final_outcome == "normal"  # the computed conclusion is in force
    assert row.computed_label == "依规限制（不予办理）"
    assert row.outcome_label == "依规限制（不予办理）（待复核：拟正常办理）" and row.approval_text == "待复核"
    s.decide_override(pending.id, True, SUPERVISOR)
    [row] = LedgerService(engine).rows(LedgerFilter.day(DAY))
    assert row.outcome == "normal" and row.outcome_label == "正常办理" and row.approval_text == "李四 批准"


@needs_poppler
def test_pdf_and_xlsx_show_computed_and_final_side_by_side(engine, tmp_path):
    from openpyxl import load_workbook

    s = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))
    s.finalise(draft(12, outcome="normal", computed="prohibit", approved=False))
    s.finalise(draft(13, outcome="normal", computed="strict"))  # approved on the spot by 李四
    path, _ = _export(engine, tmp_path, "pdf", by=SUPERVISOR_ALL)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                             text=True, check=True).stdout)  # fmt: skip
    assert "系统结论" in text and "最终结论" in text and "偏离理由/审批" in text
    assert "依规限制（不予办理）（待复核：拟正常办理）" in text and "待复核" in text and "李四批准" in text
    path, _ = _export(engine, tmp_path, "xlsx", by=SUPERVISOR_ALL)
    ws = load_workbook(path).worksheets[0]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    pairs = {(r[HEADERS.index("系统结论")], r[HEADERS.index("最终结论")], r[HEADERS.index("审批")]) for r in rows}
    assert pairs == {("依规限制（不予办理）", "依规限制（不予办理）（待复核：拟正常办理）", "待复核"),
                     ("从严审核", "正常办理", "李四 批准")}
