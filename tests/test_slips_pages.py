"""The 信用核查单 with many profile notes (issue 11): the headline block and the signature stay on page 1, the
notes follow as an annex; later pages carry a running header with the subject and 第 N 页 共 M 页; the
acknowledgement of records no rule covers and the 信用审查 on file are printed. Read back with pdftotext."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

from creditdesk.slips import render_review_slip
from creditdesk.slips.samples import sample_review_slip

NOTE = ("国发〔2016〕33号和失信被执行人联合惩戒备忘录所列措施，本档案未据以设定规则；经办人应结合本市规定和国家文件"
        "依法依规判断，必要时请示科室负责人并记录理由。")  # fmt: skip


def _page(pdf: Path, n: int) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return re.sub(r"\s+", "", out)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _slip(notes: int, **kw):  # noqa: ANN003, ANN202
    base = sample_review_slip(findings=2, outcome="strict")
    return dataclasses.replace(base, requirements=[], notes=[f"第{i}条说明：{NOTE}" for i in range(1, notes + 1)], **kw)


def test_many_notes_keep_the_headline_and_the_signature_on_page_one(tmp_path):
    pdf = tmp_path / "slip.pdf"
    pdf.write_bytes(render_review_slip(_slip(24)))
    assert _pages(pdf) == 2
    first, second = _page(pdf, 1), _page(pdf, 2)
    assert "核查结果：从严" in first and "经办人（签字）" in first
    assert "附：档案说明" in first and "1.第1条说明" in first  # the annex starts under the signature
    assert "经办人（签字）" not in second and "24.第24条说明" in second
    # page 2: the running header names the unit, the subject, the 核查编号 and the page count
    assert "福州市鼓楼区行政服务中心·信用核查单（续）·福州榕城建设工程有限公司" in second
    assert "核查编号K7QF-M3XD-9RTA·2025-03-14·第2页共2页" in second
    assert "第1页共2页" in first and "第2页共2页" not in first  # no running header on page 1


def test_acknowledgement_and_credit_review_are_printed(tmp_path):
    pdf = tmp_path / "slip.pdf"
    slip = _slip(1, unruled=["行政处罚“未按规定公示年报”（福州市市场监督管理局，2025-12-20）"],
                 acknowledged_by="林晓敏", acknowledged_at="2025-03-14 10:31",
                 credit_review_line="已于 2025-03-10 申请，信用中心应于 2025-03-17 前反馈，尚未收到审查报告（申请编号 R-1）")
    pdf.write_bytes(render_review_slip(slip))
    text = "".join(_page(pdf, n) for n in range(1, _pages(pdf) + 1))
    assert "本市档案未规定措施的不良记录（经办人已确认）" in text
    assert "经办人林晓敏已于2025-03-1410:31确认阅知上述记录及档案说明。" in text
    assert "六、信用审查" in text or "信用审查已于2025-03-10申请" in text
    assert "已于2025-03-10申请，信用中心应于2025-03-17前反馈，尚未收到审查报告（申请编号R-1）" in text
