"""承诺补交材料 (容缺受理) on the printed slips: the 信用承诺书's table, the 信用核查单's brief lines,
and the review adapter carrying a saved commitment's due_items onto both (checked with pdftotext)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from creditdesk.slips import DueItem, render_commitment, render_review_slip
from creditdesk.slips.model import due_items
from creditdesk.slips.samples import SAMPLE_DUE_ITEMS, sample_commitment, sample_review_slip, sample_signature_png

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdftotext", "pdfinfo")), reason="poppler-utils not installed"
)

HEADING = "承诺补交材料"


def _text(tmp_path: Path, pdf: bytes, name: str = "slip.pdf") -> str:
    """The PDF's text with all whitespace removed (CJK spacing and line breaks vary)."""
    path = tmp_path / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True)
    return re.sub(r"\s+", "", out.stdout)


def _pages(tmp_path: Path, pdf: bytes) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


# --- the model -------------------------------------------------------------------------------------


def test_due_items_from_the_commitment_json():
    from creditdesk.services.followup import make_due_item

    raw = [make_due_item("营业执照副本", 5, dt.date(2026, 9, 28)), make_due_item("纳税证明", 3, dt.date(2026, 12, 30)),
           {"item": "  ", "working_days": 1, "due": "2026-10-01"}, None]  # fmt: skip
    assert due_items(raw) == [DueItem("营业执照副本", 5, "2026-10-10", False),
                              DueItem("纳税证明", 3, raw[1]["due"], True)]  # fmt: skip
    assert raw[1]["estimated"] is True  # 2027 is past the holiday calendar: counted Monday to Friday
    c = sample_commitment()
    c2 = type(c)(**{**c.__dict__, "due_items": [{"item": "x", "working_days": 2, "due": dt.date(2026, 1, 5)}]})
    assert c2.due_items == [DueItem("x", 2, "2026-01-05", False)]
    assert c.due_items == [] and sample_review_slip().commitment_due_items == []


# --- the 信用承诺书 --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_commitment_lists_the_promised_items_on_one_page(tmp_path, size):
    slip = sample_commitment(due_items=2)
    pdf = render_commitment(slip, size)
    text = _text(tmp_path, pdf)
    assert HEADING in text
    for head in ("序号", "材料", "期限（工作日）", "截止日期"):
        assert head in text, head
    for item in SAMPLE_DUE_ITEMS[:2]:
        assert item.item in text and item.due in text, item
    assert "1营业执照副本（加盖公章）52025-03-21" in text  # one row: 序号, 材料, 期限, 截止日期
    assert "调休上班日计入" in text and "工作日" in text
    assert "估算" not in text
    # what was signed stays with the signature: the slip did not grow a page for two items
    assert _pages(tmp_path, pdf) == _pages(tmp_path, render_commitment(sample_commitment(), size)) == 1
    assert text.index("五、本承诺书自签署之日起生效") < text.index(HEADING) < text.index("承诺人")
    assert "2025-03-1410:38" in text and slip.signer_name in text


def test_commitment_without_items_has_no_heading_or_table(tmp_path):
    for size in ("A4", "A5"):
        text = _text(tmp_path, render_commitment(sample_commitment(), size))
        assert HEADING not in text and "截止日期" not in text and "调休上班日" not in text
        assert "承诺人" in text


def test_estimated_due_date_is_marked(tmp_path):
    c = sample_commitment(signed_on_paper=True, person=True)
    c.due_items = due_items([{"item": "社保缴纳证明", "working_days": 3, "due": "2031-01-03", "estimated": True},
                             {"item": "营业执照副本", "working_days": 5, "due": "2025-03-21"}])  # fmt: skip
    text = _text(tmp_path, render_commitment(c, "A5"))
    assert "2031-01-03（估算）" in text
    assert "2025-03-21（估算）" not in text and "2025-03-21" in text
    assert "按周一至周五估算" in text  # and the note says what an estimate is


def test_many_items_still_render_with_the_signature(tmp_path):
    c = sample_commitment(offline=True)
    c.due_items = [DueItem(f"补交材料第{i}项", i, f"2025-04-{i:02d}") for i in range(1, 25)]
    pdf = render_commitment(c, "A5")
    text = _text(tmp_path, pdf)
    pages = _pages(tmp_path, pdf)
    assert pages >= 2 and f"第{pages}页共{pages}页" in text
    assert "补交材料第24项" in text and "2025-04-24" in text and "承诺人" in text


# --- the 信用核查单 --------------------------------------------------------------------------------


def test_review_slip_shows_the_items_briefly(tmp_path):
    for size in ("A4", "A5"):
        text = _text(tmp_path, render_review_slip(sample_review_slip(due_items=3), size))
        assert f"{HEADING}3项" in text
        for item in SAMPLE_DUE_ITEMS:
            assert item.item in text and f"截止{item.due}" in text
        assert "调休上班日计入" in text
        assert text.index("CN-20250314-0031") < text.index(HEADING) < text.index("一、核查对象")
        plain = _text(tmp_path, render_review_slip(sample_review_slip(), size))
        assert HEADING not in plain and "调休上班日" not in plain and "CN-20250314-0031" in plain


# --- the review adapter: a real saved review ---------------------------------------------------------


def test_review_adapter_passes_the_saved_items_to_both_slips(engine, tmp_path):
    from creditdesk.protocol import Position
    from creditdesk.services.apply import ChangeApplier
    from creditdesk.services.check import CheckService
    from creditdesk.services.followup import make_due_item
    from creditdesk.services.reviews import CommitmentDraft, ReviewService, draft_from_check
    from creditdesk.ui import review_adapter
    from creditdesk.ui.review_panel import Applicant, ReviewState
    from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc
    from support.clock import Clock

    tz = dt.timezone(dt.timedelta(hours=8))
    feed = Feed()
    company = feed.company("昆山顺达精密机械有限公司", uscc(1))
    ChangeApplier(engine).apply([company], Position(feed.seq, EPOCH, "2026-12-30T08:00:00+08:00", "kunshan",
                                                    person_key=PERSON_KEY_B64))  # fmt: skip
    signed_on = dt.date(2026, 12, 30)  # Wednesday: 2027's holidays are not in the calendar yet
    promised = [make_due_item("营业执照副本", 5, dt.date(2026, 11, 20)), make_due_item("纳税证明", 3, signed_on)]
    out = CheckService(engine, "kunshan").check(uscc(1), "approval", day=signed_on, commitment_signed=True)
    commitment = CommitmentDraft("本单位郑重承诺……", "张三", "legal_representative",
                                 signature_png=sample_signature_png(), due_items=promised)  # fmt: skip
    saved = ReviewService(engine, now=Clock(dt.datetime(2026, 12, 30, 9, 0, tzinfo=tz))).finalise(
        draft_from_check(out, "wangfang", "昆山市政务服务中心", "1号窗口", commitment=commitment))
    assert saved.commitment.due_items == promised  # as saved (and read back) by the review service
    state = ReviewState(
        applicant=Applicant(out.subject_id, "昆山顺达精密机械有限公司", "legal_person", uscc(1), True),
        matter_code="approval", matter_label="行政审批", output=out, report_no=None, no_report=True,
        commitment_text="本单位郑重承诺……", signer_name="张三", signer_role="legal_representative",
        signature_png=sample_signature_png(), signed_on_paper=False, final_outcome=saved.final_outcome,
        departure_reason=None, started_at=dt.datetime(2026, 12, 30, 8, 55, tzinfo=tz), due_items=tuple(promised),
    )  # fmt: skip

    expected = [DueItem("营业执照副本", 5, "2026-11-27", False), DueItem("纳税证明", 3, promised[1]["due"], True)]
    c_slip = review_adapter.commitment_slip(saved, state)
    assert c_slip.due_items == expected
    r_slip = review_adapter.review_slip(saved, state, None)
    assert r_slip.commitment_due_items == expected and r_slip.commitment_number == saved.commitment.number

    text = _text(tmp_path, review_adapter.render("commitment", saved, state, None, "A5"), "c.pdf")
    assert HEADING in text and "营业执照副本" in text and "2026-11-27" in text
    assert f"{promised[1]['due']}（估算）" in text
    text = _text(tmp_path, review_adapter.render("review", saved, state, None, "A4"), "r.pdf")
    assert f"{HEADING}2项" in text and "截止2026-11-27" in text and "纳税证明" in text
