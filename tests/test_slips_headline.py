"""The 信用核查单's headline block never hides a computed conclusion; measures sharing a citation
are listed once under it; the 核查编号 is short; 办理要求 follows the outcome; an agent's authority
is printed (issue 11 item 5, issue 13 item 6). Read back with pdftotext (poppler)."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

from creditdesk.slips import CommitmentSlip, Measure, render_commitment, render_review_slip
from creditdesk.slips.render import OFFICE_MUST_DO
from creditdesk.slips.samples import sample_commitment, sample_review_slip


def _text(tmp_path: Path, data: bytes, name: str = "slip.pdf") -> tuple[str, int]:
    pdf = tmp_path / name
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return re.sub(r"\s+", "", text), pages


CITE = ("福州市公共信用信息应用清单", "第三条第（一）项", "对守信主体……给予便利")


def clean_slip(**kw):  # noqa: ANN003
    """A clean company for 行政审批: four incentive measures from one clause, no records."""
    measures = [Measure(t, *CITE) for t in ("绿色通道", "容缺受理", "优先办理", "简化程序")]
    base = sample_review_slip(findings=0, outcome="incentive")
    return dataclasses.replace(base, measures=measures, requirements=[], version=1, commitment_number=None,
                               report_line=None, **kw)  # fmt: skip


def test_clean_applicant_fits_one_page_citation_once_short_ident(tmp_path):
    text, pages = _text(tmp_path, render_review_slip(clean_slip()))
    assert pages == 1
    assert text.count("对守信主体……给予便利") == 1  # four measures, one citation
    for n, t in enumerate(("绿色通道", "容缺受理", "优先办理", "简化程序"), 1):
        assert f"{n}.{t}" in text
    assert "核查编号K7QF-M3XD-9RTA" in text and "RV-20250314-000127" not in text
    assert OFFICE_MUST_DO["incentive"].replace(" ", "") in text
    assert "无特别要求" not in text


@pytest.mark.parametrize("outcome", ["prohibit", "strict", "normal", "incentive"])
def test_office_must_do_follows_the_outcome(tmp_path, outcome):
    text, _ = _text(tmp_path, render_review_slip(dataclasses.replace(sample_review_slip(outcome=outcome), requirements=[])))
    assert OFFICE_MUST_DO[outcome] in text
    for other, sentence in OFFICE_MUST_DO.items():
        if other != outcome:
            assert sentence not in text


def test_normal_with_computed_measures_never_says_nothing_found(tmp_path):
    # an approved 依规限制 → 正常办理: the headline names the computed conclusion and the approver
    slip = sample_review_slip(outcome="normal", departure=True)
    slip.measures = [Measure("拒绝其参与政府采购活动", "财库〔2016〕125号", "第二条", "应当拒绝其参与政府采购活动")]
    text, _ = _text(tmp_path, render_review_slip(slip))
    assert "未发现须采取措施" not in text
    assert "系统计算结论为「禁止」，经科室负责人批准按常规程序办理" in text
    assert "系统计算结论：禁止→最终结论：正常" in text and "批准：陈建华（科室负责人）" in text
    assert "系统计算的措施" in text  # not 应采取的措施: they were computed, then approved away


def test_pending_override_prints_the_computed_headline(tmp_path):
    slip = dataclasses.replace(sample_review_slip(outcome="prohibit"), computed_outcome="prohibit",
                               requested_outcome="normal", override_status="pending", departure_reason="撤销决定书已核对，平台未同步",
                               override_category="信用已修复或记录已撤销，平台尚未更新")  # fmt: skip
    text, _ = _text(tmp_path, render_review_slip(slip))
    assert "核查结果：禁止" in text and "核查结果：正常" not in text
    assert "结论调整待复核" in text and "批准前以系统计算结论为准" in text
    assert "本单不作为按「正常」办理的依据" in text
    assert "复核前按系统计算结论办理" in text and OFFICE_MUST_DO["prohibit"] in text


def test_agent_signer_in_whose_name_and_by_what_authority(tmp_path):
    base = sample_commitment()
    c = dataclasses.replace(base, signer_role_label="委托代理人", signer_name="李四", principal="张三",
                            authority="授权委托书（2025年3月13日出具）")  # fmt: skip
    assert isinstance(c, CommitmentSlip)
    text, _ = _text(tmp_path, render_commitment(c))
    assert f"本承诺书由委托代理人李四以{base.subject_name}（法定代表人张三）名义签署，授权依据：授权委托书（2025年3月13日出具）" in text
    slip = dataclasses.replace(sample_review_slip(), signer_name="李四", signer_role_label="委托代理人",
                               principal="张三", authority="授权委托书（2025年3月13日出具）")  # fmt: skip
    text, _ = _text(tmp_path, render_review_slip(slip), "review.pdf")
    assert "委托代理人李四以福州榕城建设工程有限公司（法定代表人张三）名义签署" in text
