"""An audit entry's details in words, as a person reads them — the audit page and ``creditdesk audit list``
say the same (the outcomes in their short forms from creditdesk/outcomes.py, like every other surface).

Qt-free: the GUI and the command line both call :func:`detail_text`; the GUI passes ``tr``, which
puts each word (and the glue between them) into the window's language (the words are in the
window's vocabulary, creditdesk/ui/vocabulary.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from creditdesk.credit import SUBJECT_KIND_LABELS
from creditdesk.outcomes import SHORT_LABELS
from creditdesk.policy.model import MATTER_CODES
from creditdesk.roles import PERMISSION_LABELS, ROLE_LABELS
from creditdesk.services.audit import ACTIONS, NOT_SIGNED_IN
from creditdesk.services.review_workflow import OVERRIDE_CATEGORIES
from creditdesk.services.reviews import OVERRIDE_STATUS_LABELS

__all__ = ["detail_text"]

# detail keys in words, in the order shown (what the services write); anything else follows by its key
_KEYS = {
    "query": "查询", "kind": "类型", "hits": "命中", "subject": "主体", "matter": "事项", "outcome": "结论",
    "profile": "档案", "profile_version": "版本", "on": "日期", "review": "核查记录", "found": "找到",
    "reason": "原因", "via": "途径", "failures": "连续失败", "locked_minutes": "锁定分钟",
    "change": "修改", "from": "原", "to": "新", "role": "角色", "display_name": "姓名", "unit": "单位",
    "first": "首个账户", "demo": "演示", "rows": "行数", "since": "起", "until": "止",
    "intact": "完整", "entries": "条数", "first_bad_seq": "首个异常", "before": "之前", "reviews": "核查记录",
    "commitments": "承诺", "kept": "保留", "permission": "权限", "actor": "账户", "action": "操作",
    "limit": "条数上限",
    "verification_code": "信用核查码", "computed_outcome": "系统结论", "offline": "离线", "stale": "数据过期",
    "known": "平台有此主体", "final_outcome": "采用结论",
    "requested_outcome": "申请结论", "override": "结论调整", "category": "调整理由", "status": "状态",
    "on_the_spot": "当场批准", "requested_by": "申请人账户", "note": "说明",
    # records no rule covers, acknowledged; the 信用审查 on file (review), its request and result
    "acknowledged": "已确认的未规定措施记录", "acknowledged_by": "确认人", "credit_review": "信用审查",
    "request_id": "审查申请", "review_id": "核查记录", "due_on": "反馈期限", "received_on": "收到日期",
    "report_no": "报告编号", "adverse": "载有不良信息", "valid_until": "有效期至", "late": "逾期",
}  # fmt: skip
_VALUES = {
    "kind": {"name": "名称", "uscc": "统一社会信用代码", "id_number": "身份证号", "subject_id": "主体编号",
             **SUBJECT_KIND_LABELS},
    "outcome": SHORT_LABELS, "computed_outcome": SHORT_LABELS, "final_outcome": SHORT_LABELS,
    "requested_outcome": SHORT_LABELS, "category": OVERRIDE_CATEGORIES,
    "override": OVERRIDE_STATUS_LABELS, "status": OVERRIDE_STATUS_LABELS,
    "matter": MATTER_CODES,
    "reason": {"wrong": "密码错误", "locked": "已锁定", "disabled": "已停用", NOT_SIGNED_IN: "未登录"},
    "via": {"login": "登录", "unlock": "解锁", "page": "审计日志页面", "cli": "命令行"},
    "permission": PERMISSION_LABELS, "action": ACTIONS,
    "change": {"password": "密码", "role": "角色", "disable": "停用", "enable": "启用"},
    "role": ROLE_LABELS, "from": ROLE_LABELS, "to": ROLE_LABELS,
}
_ORDER = {key: i for i, key in enumerate(_KEYS)}


def _same(text: str) -> str:
    return text


def detail_text(detail: dict, tr: Callable[[str], str] = _same) -> str:
    """``detail`` in words; ``tr`` translates each word and pattern (the command line's: none, Chinese)."""
    parts = []
    for key in sorted(detail, key=lambda k: (_ORDER.get(k, len(_ORDER)), k)):
        value = detail[key]
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list):
            shown = tr("、").join(str(v) for v in value[:5])
            if len(value) > 5:
                shown = tr("{0} 等 {1} 个").format(shown, len(value))
            if key == "hits":
                shown = tr("{0} 个（{1}）").format(len(value), shown)
        elif isinstance(value, bool):
            shown = tr("是") if value else tr("否")
        elif isinstance(value, dict):
            shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
        else:
            mapped = _VALUES.get(key, {}).get(value) if isinstance(value, str) else None
            shown = tr(mapped) if mapped is not None else str(value)  # a code in words; data as it is
        parts.append(tr("{0}：{1}").format(tr(_KEYS.get(key, key)), shown))
    return tr("；").join(parts)
