"""The words people read for the protocol's codes: entity types, sources, fields, outbox kinds.

Qt-free. The sync page shows a refused change as "信用记录 … 缺少必填字段 决定机关（authority）"
rather than the protocol's field name alone; the codes stay in the database and the logs.
"""

from __future__ import annotations

import re

ENTITY_LABELS = {
    "subject": "主体", "record": "信用记录", "agency": "信用服务机构", "report": "信用报告", "policy": "政策档案",
}  # fmt: skip
SOURCE_LABELS = {"feed": "平台同步", "bundle": "离线数据包", "demo": "演示数据"}
OUTBOX_KIND_LABELS = {
    "review": "核查记录", "commitment": "信用承诺", "objection": "异议", "commitment_status": "承诺履约状态",
    "usage_report": "使用情况报送",
}  # fmt: skip
FIELD_LABELS = {
    "kind": "主体类型", "name": "名称", "uscc": "统一社会信用代码", "former_names": "曾用名",
    "legal_representative": "法定代表人", "region_code": "行政区划代码", "registered_on": "成立日期",
    "status": "状态", "id_masked": "脱敏身份证号", "id_digest": "身份证号摘要", "updated_at": "更新时间",
    "subject_id": "主体编号", "category": "记录类别", "title": "记录名称", "doc_no": "文号", "authority": "决定机关",
    "authority_code": "决定机关代码", "decided_on": "决定日期", "publish_from": "公示起始日",
    "publish_until": "公示截止日", "basis": "依据", "content": "内容", "amount": "金额", "grade": "等级",
    "rating_scheme": "评价体系", "filing_no": "备案编号", "filing_authority": "备案机关", "filing_level": "备案层级",
    "filed_on": "备案日期", "valid_until": "有效期至", "agency_id": "出具机构", "issued_on": "出具日期",
    "publicized_on": "公示日期", "report_no": "报告编号", "profile_id": "档案编号", "version": "版本",
    "effective_from": "生效日期", "document": "档案内容", "data": "数据", "upsert": "更新", "delete": "删除",
}  # fmt: skip

_WORD = re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z_]*(?![A-Za-z0-9_])")


def entity_label(code: str | None) -> str:
    return ENTITY_LABELS.get(code or "", code or "")


def source_label(code: str | None) -> str:
    return SOURCE_LABELS.get(code or "", code or "")


def outbox_kind_label(code: str | None) -> str:
    return OUTBOX_KIND_LABELS.get(code or "", code or "")


def database_text(url: str) -> str:
    """Where the data is, in words: 本机数据库文件 /path, or 数据库服务器 host:port 上的 name (no password)."""
    from sqlalchemy.engine import make_url

    try:
        u = make_url(url)
    except Exception:  # noqa: BLE001 - never show what could not be read
        return "（数据库地址无法识别）"
    if u.get_backend_name() == "sqlite":
        return f"本机数据库文件 {u.database}" if u.database and u.database != ":memory:" else "内存数据库（仅供测试）"
    where = f"{u.host}:{u.port}" if u.port else (u.host or "本机")
    return f"数据库服务器 {where} 上的 {u.database or ''}".rstrip()


def chinese_reason(reason: str | None) -> str:
    """A refusal's reason with each protocol field name replaced by its Chinese name."""
    if not reason:
        return ""
    return _WORD.sub(lambda m: FIELD_LABELS.get(m.group(0), m.group(0)), reason)


__all__ = ["chinese_reason", "database_text", "entity_label", "outbox_kind_label", "source_label"]
