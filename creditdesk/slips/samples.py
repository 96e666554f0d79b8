"""Sample slips for the tests, the benchmark and the screenshots (synthetic data only)."""

from __future__ import annotations

import datetime
import io
import math

from .model import CommitmentSlip, DueItem, Finding, Measure, ReviewSlip

SAMPLE_ID_NUMBER = "350102199005041231"  # synthetic; valid check character, never printed
SAMPLE_MASKED_ID = "350102********1231"
SAMPLE_USCC = "91350100MA2Y0XXXXC"

_FINDINGS = [
    Finding("严重失信主体名单", "拖欠农民工工资失信联合惩戒对象名单", "榕人社监〔2024〕17号", True, "禁止类：名单有效期内"),
    Finding("行政处罚", "未按规定履行安全生产教育培训义务，罚款人民币三万元", "榕应急罚〔2023〕231号", True, "从严类：公示期内"),
    Finding("行政处罚", "逾期未报送年度报告", "榕市监罚〔2021〕88号", False, "已过公示期，不予考虑"),
    Finding("守信激励", "纳税信用A级纳税人（2023年度）", "国家税务总局福州市税务局公告2024年第3号", True, "激励类：本年度有效"),
]


_MEASURES = {
    "prohibit": [
            Measure("依法限制参与政府采购活动，不予受理其供应商资格申请。", "福州市失信联合惩戒措施清单（2024年版）", "第三条第（一）项",
                    "对列入严重失信主体名单的，依法限制其参与政府采购、招标投标等公共资源交易活动。"),
            Measure("将核查结果记入政府采购档案，并告知申请人信用修复途径。", "福建省公共信用信息管理办法", "第二十六条",
                    "行政机关应当将信用核查结果作为办理的参考依据，并告知当事人异议和修复的途径。"),
    ],
    "strict": [
        Measure("加强资格审查，要求提交近三个月内的信用报告，不适用容缺受理。", "福州市公共信用信息应用清单（2024年版）", "第七条",
                "对存在一般失信行为记录的，在行政审批中列为重点审查对象，不适用告知承诺、容缺受理等便利措施。"),
    ],
    "incentive": [
        Measure("开辟绿色通道，可适用容缺受理。", "福州市守信激励措施清单（2024年版）", "第二条第（三）项",
                "对守信主体，在行政审批中可依法依规给予绿色通道、容缺受理等便利。"),
    ],
    "normal": [],
}

# 容缺受理: materials promised at signing on Fri 2025-03-14, due on the N-th working day after
SAMPLE_DUE_ITEMS = [
    DueItem("营业执照副本（加盖公章）", 5, "2025-03-21"),
    DueItem("近三个月内出具的信用报告", 10, "2025-03-28"),
    DueItem("安全生产许可证复印件", 3, "2025-03-19"),
]


def sample_review_slip(*, findings: int = 4, offline: bool = False, outcome: str = "prohibit",
                       departure: bool = False, due_items: int = 0) -> ReviewSlip:
    """A typical slip; ``departure`` makes the officer soften the engine's ``prohibit`` to ``outcome``."""
    rows = [_FINDINGS[i % len(_FINDINGS)] for i in range(findings)]
    if findings > len(_FINDINGS):
        rows = [f._replace(title=f"{f.title}（第{i + 1}条）") for i, f in enumerate(rows)]
    return ReviewSlip(
        unit_name="福州市鼓楼区行政服务中心",
        window="综合受理 07 号窗口",
        officer="林晓敏",
        review_id="RV-20250314-000127",
        version=2,
        verification_code="K7QF-M3XD-9RTA",
        verify_payload="CDV1:K7QF-M3XD-9RTA:RV-20250314-000127",
        subject_name="福州榕城建设工程有限公司",
        subject_kind_label="企业",
        subject_code_display=SAMPLE_USCC,
        matter_label="政府采购 · 供应商资格审查",
        profile_name="福州市公共信用信息应用清单",
        profile_version="2024.2",
        outcome=outcome,
        departure_reason=("申请人已提交信用修复决定书（榕信修〔2025〕12号），已移出名单，平台数据尚未同步。"
                          if departure else None),
        computed_outcome=("prohibit" if departure else None),
        override_status=("approved" if departure else None),
        requested_outcome=(outcome if departure else None),
        override_category=("信用已修复或记录已撤销，平台尚未更新" if departure else None),
        approved_by=("陈建华" if departure else None),
        approved_at=("2025-03-14 10:40" if departure else ""),
        measures=_MEASURES[outcome],
        requirements=["申请人须提交加盖公章的《信用承诺书》。", "须提供近三个月内出具的信用报告。",
                      "核查结果须在办结后5个工作日内报送市信用平台。"],
        findings=rows,
        report_line="信用报告：已查验（报告编号 XY2025031400821，出具日期 2025-03-10），结论：存在严重失信记录。",
        data_as_of=datetime.datetime(2025, 3, 14, 8, 30),
        data_seq=48213,
        offline=offline,
        finalised_at=datetime.datetime(2025, 3, 14, 10, 42),
        commitment_number="CN-20250314-0031",
        commitment_due_items=SAMPLE_DUE_ITEMS[:due_items],
    )


def sample_signature_png(width: int = 600, height: int = 220) -> bytes:
    """A scribble drawn with Pillow, standing in for a pad signature."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    pts = []
    for i in range(0, 121):
        t = i / 120
        x = 30 + t * (width - 60)
        y = height / 2 + math.sin(t * 17) * height * 0.28 * (1 - t * 0.4) + math.cos(t * 5) * 18
        pts.append((x, y))
    d.line(pts, fill=(20, 30, 90, 255), width=7, joint="curve")
    d.line([(60, height * 0.78), (width - 80, height * 0.70)], fill=(20, 30, 90, 255), width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


COMMITMENT_TEXT = """本单位（本人）自愿作出以下承诺：

一、所提供的申请材料真实、准确、完整、有效，不存在隐瞒、虚假、伪造等情况。

二、严格遵守国家法律、法规、规章和政策规定，依法诚信经营，自觉接受行政机关、行业组织、社会公众和新闻舆论的监督。

三、本单位（本人）未被列入严重失信主体名单；如已列入，已完成信用修复并移出名单。

四、若违反上述承诺，自愿接受相关行政机关依法作出的处理，愿意承担相应的法律责任，并同意将失信行为记入信用记录，依法依规在“信用中国（福建福州）”网站公开。

五、本承诺书自签署之日起生效。"""


def sample_commitment(*, signed_on_paper: bool = False, person: bool = False, offline: bool = False,
                      due_items: int = 0) -> CommitmentSlip:
    """``due_items``: how many of :data:`SAMPLE_DUE_ITEMS` were promised (容缺受理)."""
    return CommitmentSlip(
        unit_name="福州市鼓楼区行政服务中心",
        number="CN-20250314-0031",
        verification_code="P2WZ-8KHC-4NEB",
        verify_payload="CDV1:P2WZ-8KHC-4NEB:CN-20250314-0031",
        subject_name="陈建华" if person else "福州榕城建设工程有限公司",
        subject_code_display=SAMPLE_MASKED_ID if person else SAMPLE_USCC,
        matter_label="政府采购 · 供应商资格审查",
        template_text=COMMITMENT_TEXT,
        signer_name="陈建华",
        signer_role_label="委托代理人" if person else "法定代表人",
        signature_png=None if signed_on_paper else sample_signature_png(),
        signed_on_paper=signed_on_paper,
        signed_at="" if signed_on_paper else datetime.datetime(2025, 3, 14, 10, 38),
        offline=offline,
        due_items=SAMPLE_DUE_ITEMS[:due_items],
    )
