"""Issue 11 item 6: one vocabulary for the four outcomes wherever a person reads them — the long forms
依规限制（不予办理）/ 从严审核 / 正常办理 / 守信激励 (the issue's text) where there is room, and one set of
short forms (creditdesk/outcomes.py) where space forces it, the same on every surface. Walks the surfaces:
screen (review panel, 跟进, 统计, 审计), ledger (rows and all three exports), slip, CLI (check, audit list)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys

import openpyxl
import pytest

from creditdesk import cli
from creditdesk.app import open_app
from creditdesk.outcomes import LABELS, OUTCOMES, SHORT_LABELS
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc

# From the text (item 6), not from the code:
LONG = {"prohibit": "依规限制（不予办理）", "strict": "从严审核", "normal": "正常办理", "incentive": "守信激励"}
SHORT = dict(SHORT_LABELS)  # the one set of short forms; each must be a prefix-free, distinct word
AS_OF = "2026-11-21T18:00:00+08:00"


def test_the_vocabulary_itself():
    assert LABELS == LONG
    assert set(SHORT) == set(OUTCOMES) and len(set(SHORT.values())) == 4
    # a short form is a shortening of its long form (从严 of 从严审核, 激励 of 守信激励 …), never another word
    for o in ("strict", "normal", "incentive"):
        assert SHORT[o] in LONG[o], o


def test_screens_use_the_long_forms_where_there_is_room_and_the_short_ones_in_statistics():
    from creditdesk.rows.ledger import OUTCOME_LABELS as ledger
    from creditdesk.services.check import OUTCOME_LABELS as check
    from creditdesk.ui import followup_page, review_panel, stats_page
    from creditdesk.ui.stats_page import CARDS

    assert {o: review_panel.OUTCOME_TEXT[o] for o in OUTCOMES} == LONG
    assert {o: followup_page.outcome_text(o) for o in OUTCOMES} == LONG
    assert dict(ledger) == LONG and dict(check) == LONG
    cards = {key: title for key, title, _colour in CARDS if key in OUTCOMES}
    assert cards == {o: SHORT[o] for o in cards} and set(cards) == {"prohibit", "strict", "incentive"}
    assert {o: stats_page.OUTCOME_LABELS[o] for o in OUTCOMES} == SHORT


def test_the_audit_page_and_the_audit_cli_say_the_same_short_forms(tmp_path, monkeypatch, capsys):
    from creditdesk.services.audit_text import detail_text

    for o in OUTCOMES:
        assert detail_text({"outcome": o, "computed_outcome": o}) == f"结论：{SHORT[o]}；系统结论：{SHORT[o]}"
    home = tmp_path / "home"
    feed = Feed()
    company = feed.company("福州顺心贸易有限公司", uscc(1))
    ctx = open_app(home)
    try:
        ChangeApplier(ctx.engine).apply(
            [company, feed.record("R-JD", company["id"], "dishonest_judgment_debtor", publish_from="2026-01-01")],
            Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))  # fmt: skip
    finally:
        ctx.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["--home", str(home), "check", uscc(1), "--matter", "procurement", "--profile", "fuzhou",
                     "--on", "2026-11-21"]) == 0  # fmt: skip
    check_out = capsys.readouterr().out
    # 财库〔2016〕125号 (national layer): a 失信 supplier is refused — the CLI says it in the long form
    assert LONG["prohibit"] in check_out
    assert cli.main(["--home", str(home), "audit", "list"]) == 0
    listed = capsys.readouterr().out
    line = next(x for x in listed.splitlines() if "核查" in x and "结论" in x)
    assert f"结论：{SHORT['prohibit']}" in line and "prohibit" not in line


@pytest.fixture
def ledger_home(tmp_path):
    from creditdesk.services.check import CheckService
    from creditdesk.services.reviews import ReviewService, draft_from_check

    ctx = open_app(tmp_path / "home")
    feed = Feed()
    bad = feed.company("福州顺心贸易有限公司", uscc(1))
    clean = feed.company("福州顺心科技有限公司", uscc(2))
    ChangeApplier(ctx.engine).apply(
        [bad, clean, feed.record("R-JD", bad["id"], "dishonest_judgment_debtor", publish_from="2026-01-01")],
        Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))  # fmt: skip
    tz = dt.timezone(dt.timedelta(hours=8))
    service = ReviewService(ctx.engine, now=lambda: dt.datetime(2026, 11, 21, 10, 0, tzinfo=tz))
    for code in (uscc(1), uscc(2)):
        out = CheckService(ctx.engine, "fuzhou").check(code, "procurement", day=dt.date(2026, 11, 21))
        service.finalise(draft_from_check(out, "wangfang", "福州市行政服务中心", "1号窗口"))
    yield ctx
    ctx.close()


def test_the_ledger_exports_write_the_long_forms(ledger_home, tmp_path):
    from creditdesk.services.ledger import LedgerFilter, export_ledger

    ctx, day = ledger_home, dt.date(2026, 11, 21)
    flt = LedgerFilter(day, day)
    seen = {}
    for fmt in ("csv", "xlsx", "pdf"):
        path = tmp_path / f"ledger.{fmt}"
        export_ledger(ctx.engine, ctx.audit, flt, fmt, path, None)
        if fmt == "csv":
            text = path.read_text(encoding="utf-8-sig")
            seen[fmt] = {c for row in csv.reader(io.StringIO(text)) for c in row}
        elif fmt == "xlsx":
            ws = openpyxl.load_workbook(path).active
            seen[fmt] = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
        else:
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                                 check=True).stdout  # fmt: skip
            seen[fmt] = set(re.split(r"\s+", out))
    for fmt, cells in seen.items():
        # the black-listed supplier: 依规限制（不予办理）; the clean one: 正常办理 — never a short form alone
        assert LONG["prohibit"] in cells or any(LONG["prohibit"] in c for c in cells), fmt
        assert any(LONG["normal"] in c for c in cells), fmt
        assert not ({SHORT["prohibit"], SHORT["normal"]} & cells), (fmt, {SHORT["prohibit"], SHORT["normal"]} & cells)


def test_the_slip_uses_the_short_form_in_its_stamp_and_names_the_computed_conclusion():
    from creditdesk.slips.model import OUTCOME_LABELS as slip

    assert dict(slip) == SHORT
