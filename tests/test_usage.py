"""使用情况报送: periods, the figures on hand-built reviews, deadlines, the PDF/XLSX exports, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import uuid
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert, select

from creditdesk.db import models
from creditdesk.roles import Actor
from creditdesk.services.audit import AuditTrail
from creditdesk.services.reviews import CommitmentDraft, ReviewDraft, ReviewService
from creditdesk.services.usage import (
    OutcomeCounts,
    Period,
    UsageService,
    export_usage,
    format_for,
    next_deadlines,
)

REPO = Path(__file__).resolve().parents[1]
TZ = dt.timezone(dt.timedelta(hours=8))
UNIT, OTHER_UNIT = "福州市行政服务中心", "鼓楼区行政服务中心"
SUPERVISOR = Actor("li", "李科长", "supervisor", UNIT)
OFFICER = Actor("wang", "王芳", "officer", UNIT)
ADMIN = Actor("admin", "管理员", "admin", None)
PNG = b"\x89PNG\r\n\x1a\nfake-signature"
NOV = Period.parse("2026-11")


# -- periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label, start, end",
    [
        ("2026-11", "2026年11月", "2026-11-01", "2026-11-30"),
        ("2026-01", "2026年1月", "2026-01-01", "2026-01-31"),
        ("2026-2", "2026年2月", "2026-02-01", "2026-02-28"),
        ("2024-02", "2024年2月", "2024-02-01", "2024-02-29"),  # leap year
        ("2000-02", "2000年2月", "2000-02-01", "2000-02-29"),  # divisible by 400: leap
        ("2100-02", "2100年2月", "2100-02-01", "2100-02-28"),  # divisible by 100: not
        ("2026-Q1", "2026年第一季度", "2026-01-01", "2026-03-31"),
        ("2024-q1", "2024年第一季度", "2024-01-01", "2024-03-31"),
        ("2026-Q2", "2026年第二季度", "2026-04-01", "2026-06-30"),
        ("2026-Q3", "2026年第三季度", "2026-07-01", "2026-09-30"),
        ("2026-Q4", "2026年第四季度", "2026-10-01", "2026-12-31"),
        ("2026-H1", "2026年上半年", "2026-01-01", "2026-06-30"),
        (" 2026-h2 ", "2026年下半年", "2026-07-01", "2026-12-31"),
    ],
)
def test_period_parse(text, label, start, end):
    p = Period.parse(text)
    assert (p.label, p.start.isoformat(), p.end.isoformat()) == (label, start, end)
    assert Period.parse(p.code) == p  # the code reads back


def test_period_days_and_bounds():
    assert Period.parse("2024-H1").days == 182 and Period.parse("2026-H1").days == 181
    assert Period.parse("2026-Q4").bounds() == ("2026-10-01", "2027-01-01")
    assert Period.parse("2026-12").bounds() == ("2026-12-01", "2027-01-01")
    assert Period.parse("2026-01").previous() == Period.parse("2025-12")
    assert Period.parse("2026-Q1").previous() == Period.parse("2025-Q4")
    assert Period.containing("half", dt.date(2026, 7, 1)) == Period.parse("2026-H2")


@pytest.mark.parametrize(
    "text, words",
    [
        ("2026-Q5", "季度应为 Q1–Q4"),
        ("2026-Q0", "季度应为 Q1–Q4"),
        ("2026-13", "月份应为 1–12"),
        ("2026-00", "月份应为 1–12"),
        ("2026-H3", "半年应为 H1"),
        ("2026", "无法识别的期间"),
        ("2026-11-01", "无法识别的期间"),
        ("Q3-2026", "无法识别的期间"),
        ("", "无法识别的期间"),
    ],
)
def test_period_rejects_bad_input_in_chinese(text, words):
    with pytest.raises(ValueError) as err:
        Period.parse(text)
    assert words in str(err.value)
    assert "2026-Q3" in str(err.value)  # says how to write it


# -- deadlines ------------------------------------------------------------------------------


def test_deadlines_fuzhou_monthly_and_half_years():
    s = next_deadlines("fuzhou", dt.date(2026, 11, 22))
    dues = [(d.due, d.what) for d in s.deadlines]
    assert dues[0] == (dt.date(2026, 12, 20), "月度工作进展")
    assert s.deadlines[0].period == Period.parse("2026-11")
    assert (dt.date(2026, 12, 20), "下半年（全年）工作总结") in dues
    assert (dt.date(2027, 7, 10), "上半年工作总结") in dues
    # before the 20th the month's own deadline is next; on the day it is still ahead
    assert next_deadlines("fuzhou", dt.date(2026, 7, 3)).deadlines[0].due == dt.date(2026, 7, 10)
    assert next_deadlines("fuzhou", dt.date(2026, 3, 20)).deadlines[0].due == dt.date(2026, 3, 20)
    assert next_deadlines("fuzhou", dt.date(2026, 12, 21)).deadlines[0].due == dt.date(2027, 1, 20)


def test_deadlines_other_cities():
    e = next_deadlines("erenhot", dt.date(2026, 11, 22))
    assert [d.due for d in e.deadlines] == [dt.date(2027, 1, 5), dt.date(2027, 7, 5)]
    assert e.deadlines[0].period == Period.parse("2026-H2")
    assert next_deadlines("erenhot", dt.date(2026, 7, 5)).deadlines[0].due == dt.date(2026, 7, 5)
    w = next_deadlines("wuchang", dt.date(2026, 11, 22))
    assert w.deadlines[0].due is None and w.deadlines[0].period == Period.parse("2026-Q4")
    assert "每季度" in w.summary() and "未规定具体" in w.summary()
    for city in ("cangzhou", "kunshan", "nowhere"):
        s = next_deadlines(city, dt.date(2026, 11, 22))
        assert s.deadlines == () and s.next is None
        assert "未规定" in s.summary()


# -- figures on hand-built reviews ------------------------------------------------------------


class Maker:
    """Finalises real reviews at chosen moments."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        self.when = dt.datetime(2026, 11, 1, 9, 0, tzinfo=TZ)
        self.service = ReviewService(engine, now=lambda: self.when)

    def __call__(self, at: str, matter: str = "procurement", computed: str = "normal", final: str | None = None,
                 officer: str = "王芳", unit: str = UNIT, offline: bool = False, stale: bool = False,
                 report: dict | None = None, commitment: CommitmentDraft | None = None, corrects: str | None = None):  # fmt: skip
        self.when = dt.datetime.fromisoformat(at).replace(tzinfo=TZ)
        final = final or computed
        draft = ReviewDraft(
            subject_id=f"S-{uuid.uuid4().hex[:8]}", subject_name="某某公司", subject_kind="company",
            subject_code_display="91350100MA2XXXXX0X", matter=matter, profile_id="fuzhou", profile_version=1,
            computed_outcome=computed, final_outcome=final, officer=officer, unit=unit, window="1号窗口",
            departure_reason="经集体研究决定，按规定办理" if final != computed else None, report=report, data_seq=7,
            offline=offline, stale=stale, commitment=commitment,
            departure_category="legal_basis" if final != computed else None,
        )  # fmt: skip
        return self.service.finalise(draft, corrects=corrects)


def signed(paper: bool = False) -> CommitmentDraft:
    return CommitmentDraft("本单位承诺所提交材料真实有效。", "张三", "legal_representative",
                           signature_png=None if paper else PNG, signed_on_paper=paper)  # fmt: skip


GOOD_REPORT = {"report_no": "XY-2026-001", "acceptable": True, "problems": [], "grade": "A"}
BAD_REPORT = {"report_no": "XY-2026-002", "acceptable": False, "problems": ["expired"], "grade": "B"}


def build(engine) -> dict:  # noqa: ANN001
    """November 2026 for UNIT: 10 current reviews (+1 superseded), 3 commitments, events, objections;
    and reviews outside the month or in another unit that must not count."""
    make = Maker(engine)
    ids = {}
    make("2026-11-02T09:00:00", "procurement", "prohibit", officer="王芳", report=BAD_REPORT)
    make("2026-11-02T10:00:00", "procurement", "strict", officer="王芳", commitment=signed())
    make("2026-11-03T11:00:00", "procurement", "normal", officer="李明", report=GOOD_REPORT, offline=True)
    make("2026-11-09T09:30:00", "bidding", "incentive", officer="王芳", report=GOOD_REPORT)
    make("2026-11-10T15:00:00", "bidding", "strict", "normal", officer="李明", stale=True, commitment=signed(paper=True))
    make("2026-11-16T08:00:00", "bidding", "normal", officer="李明", offline=True, stale=True)
    make("2026-11-30T23:59:59", "approval", "prohibit", officer="王芳")  # last second of the month
    ids["c3"] = make("2026-11-20T10:00:00", "approval", "strict", officer="王芳", commitment=signed()).commitment.id
    first = make("2026-11-21T10:00:00", "approval", "normal", officer="赵强", report=BAD_REPORT)
    make("2026-11-21T11:00:00", "approval", "strict", "normal", officer="赵强", report=BAD_REPORT, corrects=first.id)
    make("2026-11-25T10:00:00", "other", "normal", officer="赵强")
    # outside: other months, another unit
    make("2026-10-31T23:59:59", "procurement", "prohibit", officer="王芳", offline=True)
    make("2026-12-01T00:00:00", "procurement", "prohibit", officer="王芳")
    make("2026-11-15T10:00:00", "procurement", "prohibit", officer="钱七", unit=OTHER_UNIT, commitment=signed())
    oct_commitment = make("2026-10-15T10:00:00", "bidding", "normal", officer="王芳", commitment=signed()).commitment
    with engine.begin() as conn:
        comms = {c.id: c for c in conn.execute(select(models.Commitment.__table__))}
        nov = [c for c in comms.values() if c.signed_at.startswith("2026-11") and c.unit == UNIT]
        assert len(nov) == 3
        ev = models.CommitmentEvent.__table__
        c1, c2 = sorted((c.id for c in nov if c.id != ids["c3"]))
        rows = [
            (c1, "fulfilled", "2026-11-25T10:00:00+08:00"),
            (c2, "breached", "2026-11-28T10:00:00+08:00"),
            (oct_commitment.id, "fulfilled", "2026-11-05T10:00:00+08:00"),  # signed in Oct, fulfilled in Nov
            (ids["c3"], "breached", "2026-12-02T10:00:00+08:00"),  # after the month
        ]
        for cid, status, at in rows:
            conn.execute(insert(ev).values(id=str(uuid.uuid4()), commitment_id=cid, status=status, at=at, actor="li"))
            conn.execute(models.Commitment.__table__.update().where(models.Commitment.__table__.c.id == cid)
                         .values(status=status))  # fmt: skip
        ob = models.Objection.__table__
        for status, at, unit in [("queued", "2026-11-03T10:00:00+08:00", UNIT),
                                 ("submitted", "2026-11-04T10:00:00+08:00", UNIT),
                                 ("submitted", "2026-11-05T10:00:00+08:00", UNIT),
                                 ("upheld", "2026-11-06T10:00:00+08:00", UNIT),
                                 ("queued", "2026-10-30T10:00:00+08:00", UNIT),
                                 ("queued", "2026-11-06T10:00:00+08:00", OTHER_UNIT)]:  # fmt: skip
            conn.execute(insert(ob).values(
                id=str(uuid.uuid4()), record_id="R-1", subject_id="S-1", grounds="记录有误", contact_name="张三",
                filed_at=at, officer="王芳", unit=unit, status=status))  # fmt: skip
    return ids


@pytest.fixture
def built(engine):
    build(engine)
    return engine


def test_figures_match_what_was_put_in(built):
    rep = UsageService(built).report(NOV, viewer=SUPERVISOR, unit=UNIT)
    assert rep.total == 10
    assert rep.outcomes == OutcomeCounts(prohibit=2, strict=2, normal=5, incentive=1)
    matters = {m.code: (m.name, m.counts) for m in rep.by_matter}
    assert matters == {
        "procurement": ("政府采购", OutcomeCounts(prohibit=1, strict=1, normal=1)),
        "bidding": ("招标投标", OutcomeCounts(normal=2, incentive=1)),
        "approval": ("行政审批、许可与市场准入", OutcomeCounts(prohibit=1, strict=1, normal=1)),
        "other": ("其他", OutcomeCounts(normal=1)),
    }
    assert [m.code for m in rep.by_matter] == ["approval", "bidding", "procurement", "other"]  # most first, then code
    assert (rep.reports_checked, rep.reports_refused) == (4, 2)  # the superseded BAD report is not counted
    assert (rep.offline, rep.stale) == (2, 2)
    assert rep.offline_share == pytest.approx(0.2)
    assert rep.departures == 2
    assert {(d.computed, d.final): d.count for d in rep.departure_rows} == {("strict", "normal"): 2}
    assert rep.corrections == 1
    c = rep.commitments
    assert (c.signed, c.signed_on_paper) == (3, 1)
    assert (c.now_in_force, c.now_fulfilled, c.now_breached) == (0, 1, 2)  # c3 breached in December: status now
    assert (c.fulfilled_in_period, c.breached_in_period) == (2, 1)  # incl. October's commitment fulfilled in Nov
    assert rep.objections.filed == 4
    assert (rep.objections.count("queued"), rep.objections.count("submitted"), rep.objections.count("upheld")) == (1, 2, 1)
    assert rep.officers_visible and rep.officer_count == 3
    officers = {o.officer: (o.total, o.departures, o.offline) for o in rep.by_officer}
    assert officers == {"王芳": (5, 0, 0), "李明": (3, 1, 2), "赵强": (2, 1, 0)}
    # both departures are 从严审核 → 正常办理: milder, each needing a supervisor (the superseded one not counted)
    assert {o.officer: o.milder for o in rep.by_officer} == {"王芳": 0, "李明": 1, "赵强": 1}


def test_trend_by_day_for_a_month_and_by_week_for_a_quarter(built):
    rep = UsageService(built).report(NOV, unit=UNIT)
    assert rep.trend_unit == "day" and len(rep.trend) == 30
    by_day = {p.start.day: p.counts.total for p in rep.trend if p.counts.total}
    assert by_day == {2: 2, 3: 1, 9: 1, 10: 1, 16: 1, 20: 1, 21: 1, 25: 1, 30: 1}
    assert rep.trend[1].counts == OutcomeCounts(prohibit=1, strict=1)
    q = UsageService(built).report(Period.parse("2026-Q4"), unit=UNIT)
    assert q.trend_unit == "week"
    assert q.trend[0].start == dt.date(2026, 10, 1) and q.trend[0].end == dt.date(2026, 10, 4)  # Thu–Sun
    assert all(p.start.weekday() == 0 for p in q.trend[1:]) and q.trend[-1].end == dt.date(2026, 12, 31)
    assert sum(p.counts.total for p in q.trend) == q.total == 10 + 3  # + Oct 15, Oct 31, Dec 1
    week = next(p for p in q.trend if p.start == dt.date(2026, 11, 2))
    assert week.counts.total == 2 + 1  # Mon 2 Nov: two, Tue 3 Nov: one


def test_outside_the_period_and_other_units_are_excluded(built):
    svc = UsageService(built)
    assert svc.report(Period.parse("2026-10"), unit=UNIT).total == 2
    dec = svc.report(Period.parse("2026-12"), unit=UNIT)
    assert dec.total == 1 and dec.outcomes.prohibit == 1
    assert dec.commitments.breached_in_period == 1 and dec.commitments.signed == 0
    assert svc.report(Period.parse("2026-09"), unit=UNIT).total == 0
    everything = svc.report(NOV)  # viewer None, unit None: every unit
    assert everything.unit is None and everything.total == 11 and everything.objections.filed == 5
    assert everything.commitments.signed == 4
    other = svc.report(NOV, unit=OTHER_UNIT)
    assert (other.total, other.outcomes.prohibit, other.objections.filed) == (1, 1, 1)


def test_officers_see_unit_totals_only(built):
    rep = UsageService(built).report(NOV, viewer=OFFICER)
    assert rep.unit == UNIT  # the officer's own unit by default
    assert rep.total == 10 and rep.officer_count == 3
    assert not rep.officers_visible and rep.by_officer == ()
    assert "by_officer" not in rep.to_json()
    assert UsageService(built).report(NOV, viewer=ADMIN).unit is None  # admin: every unit


def test_empty_period(engine):
    rep = UsageService(engine).report(NOV, unit=UNIT)
    assert rep.total == 0 and rep.by_matter == () and rep.offline_share == 0.0
    assert len(rep.trend) == 30 and all(p.counts.total == 0 for p in rep.trend)
    assert rep.objections.filed == 0 and rep.commitments.signed == 0


# -- exports ---------------------------------------------------------------------------------


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pdf_has_title_period_charts_tables_and_footer(built, tmp_path):
    now = lambda: dt.datetime(2026, 12, 3, 10, 30, tzinfo=TZ)  # noqa: E731
    audit = AuditTrail(built)
    out = tmp_path / "usage.pdf"
    res = export_usage(built, audit, NOV, None, out, by=SUPERVISOR, unit=UNIT, profile_id="fuzhou", now=now)
    assert res.format == "pdf" and res.size == out.stat().st_size and out.read_bytes().startswith(b"%PDF")
    text = pdftotext(out)
    flat = "".join(text.split())
    assert "信用核查使用情况报送—福州市行政服务中心—2026年11月" in flat
    assert "2026年11月01日至2026年11月30日" in flat
    for label in ("行政审批、许可与市场准入", "招标投标", "政府采购", "禁止", "从严", "正常", "激励"):  # chart labels
        assert label in text
    assert "10件（20.0%）" in flat or "2件（20.0%）" in flat  # the pie's legend: count and share
    assert "11-01" in text and "11-15" in text  # the daily trend's axis
    for heading in ("总体情况", "按事项和结论", "结论构成", "核查趋势（按日）", "信用承诺", "异议", "按经办人", "报送期限"):
        assert heading in text
    assert "王芳" in text and "赵强" in text
    assert "2026年12月20日前：月度工作进展（2026年11月）" in flat
    pages = pdf_pages(out)
    assert pages >= 2
    assert f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat
    assert "生成于2026-12-0310:30" in flat and "生成人李科长" in flat
    entry = audit.entries(action="report")[-1]
    assert (entry.actor, entry.target) == ("li", "usage")
    assert entry.detail["period"] == "2026-11" and entry.detail["format"] == "pdf" and entry.detail["total"] == 10


def test_officer_pdf_has_no_officer_table(built, tmp_path):
    out = tmp_path / "officer.pdf"
    export_usage(built, AuditTrail(built), NOV, "pdf", out, by=OFFICER)
    text = pdftotext(out)
    assert "按经办人" in text  # only the note in the definitions ...
    assert "赵强" not in text and "李明" not in text  # ... no names


def test_empty_period_pdf(engine, tmp_path):
    out = tmp_path / "empty.pdf"
    export_usage(engine, None, Period.parse("2026-H1"), "pdf", out, by=None, unit=UNIT)
    flat = "".join(pdftotext(out).split())
    assert "2026年上半年" in flat and "本期间没有完成的核查记录" in flat and "全部单位" not in flat


def test_xlsx_sheets_numbers_and_charts(built, tmp_path):
    audit = AuditTrail(built)
    out = tmp_path / "usage.xlsx"
    export_usage(built, audit, NOV, None, out, by=SUPERVISOR, unit=UNIT, profile_id="fuzhou")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概览", "按事项", "按经办人", "趋势"]
    ov = wb["概览"]
    assert ov["A1"].value == "信用核查使用情况报送 — 福州市行政服务中心 — 2026年11月"
    figures = {r[0]: r[1] for r in ov.iter_rows(min_row=6, values_only=True) if r[0]}
    assert figures["核查总数"] == 10 and figures["结论：禁止"] == 2 and figures["结论：正常"] == 5
    assert figures["离线核查"] == 2 and figures["其中不予采信"] == 2 and figures["更正核查记录"] == 1
    assert figures["期内签署信用承诺"] == 3 and figures["期内标记履约"] == 2 and figures["期内受理异议"] == 4
    assert ov["A5"].font.bold and ov.freeze_panes == "A6"
    assert len(ov._charts) == 1
    m = wb["按事项"]
    rows = [r for r in m.iter_rows(min_row=2, values_only=True)]
    assert rows[0] == ("approval", "行政审批、许可与市场准入", 1, 1, 1, 0, 3)
    assert rows[-1][1:] == ("合计", 2, 2, 5, 1, 10)
    assert m["A1"].font.bold and m.freeze_panes == "C2" and len(m._charts) == 1
    o = wb["按经办人"]
    assert [r[0] for r in o.iter_rows(min_row=2, values_only=True)] == ["王芳", "李明", "赵强"]
    assert len(o._charts) == 1
    t = wb["趋势"]
    trend = list(t.iter_rows(min_row=2, values_only=True))
    assert len(trend) == 30 and trend[1][0] == "11-02" and trend[1][-1] == 2 and sum(r[-1] for r in trend) == 10
    assert len(t._charts) == 1 and t.column_dimensions["A"].width == 12
    assert audit.entries(action="report")[-1].detail["format"] == "xlsx"


def test_officer_xlsx_has_no_officer_sheet(built, tmp_path):
    out = tmp_path / "officer.xlsx"
    export_usage(built, AuditTrail(built), NOV, "xlsx", out, by=OFFICER)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概览", "按事项", "趋势"]
    assert {r[0]: r[1] for r in wb["概览"].iter_rows(min_row=6, values_only=True) if r[0]}["核查总数"] == 10
    cells = str([c.value for ws in wb for row in ws.iter_rows() for c in row])
    assert "赵强" not in cells and "李明" not in cells and "生成人 王芳" in cells  # other officers never named


def test_export_writes_atomically_and_refuses_unknown_formats(built, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    out = folder / "usage.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ValueError, match="不支持的格式"):
        export_usage(built, None, NOV, None, folder / "usage.docx", by=None)
    assert format_for("a.XLSX") == "xlsx" and format_for("a.bin", "pdf") == "pdf"
    export_usage(built, None, NOV, "pdf", out, by=None)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["usage.pdf"]  # replaced; no temporary left behind
    with pytest.raises(OSError):
        export_usage(built, None, NOV, "pdf", tmp_path / "no-such-dir" / "x.pdf", by=None)


# -- the command -------------------------------------------------------------------------------


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip


@pytest.fixture
def home(tmp_path):
    from creditdesk.app import open_app

    ctx = open_app(tmp_path / "home")
    ctx.settings.unit_name = UNIT
    ctx.save_settings()
    build(ctx.engine)
    ctx.close()
    return tmp_path / "home"


def test_cli_report_usage(home, tmp_path):
    bad = run_cli("report", "usage", "--period", "2026-Q5", "--json", home=home)
    assert bad.returncode == 1 and "季度应为 Q1–Q4" in bad.stderr and "Traceback" not in bad.stderr
    bad = run_cli("report", "usage", "--period", "2026-11", "--out", str(tmp_path / "x.docx"), home=home)
    assert bad.returncode == 1 and "不支持的格式" in bad.stderr
    got = run_cli("report", "usage", "--period", "2026-11", "--json", home=home)
    assert got.returncode == 0, got.stderr
    data = json.loads(got.stdout)
    assert data["total"] == 10 and data["unit"] == UNIT and data["outcomes"]["prohibit"] == 2
    assert data["commitments"]["signed"] == 3 and data["objections"]["filed"] == 4
    assert [o["officer"] for o in data["by_officer"]] == ["王芳", "李明", "赵强"]  # unattributed home: all
    assert data["deadlines"]["next"][0]["what"] == "月度工作进展"
    assert run_cli("report", "usage", "--period", "2026-11", "--all-units", "--json", home=home).stdout.count('"total": 11')
    for name in ("usage.pdf", "usage.xlsx"):
        out = tmp_path / name
        done = run_cli("report", "usage", "--period", "2026-11", "--out", str(out), home=home)
        assert done.returncode == 0, done.stderr
        assert "核查 10 件" in done.stdout and out.exists()
    assert pdf_pages(tmp_path / "usage.pdf") >= 2
    assert len(openpyxl.load_workbook(tmp_path / "usage.xlsx")["按事项"]._charts) == 1
    from creditdesk.app import open_app

    ctx = open_app(home)
    try:
        assert [e.detail["format"] for e in ctx.audit.entries(action="report")] == ["pdf", "xlsx"]
    finally:
        ctx.close()
