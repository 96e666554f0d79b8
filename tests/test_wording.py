"""Protocol codes in the words people read (creditdesk/wording.py)."""

from creditdesk.protocol import FIELDS
from creditdesk.wording import FIELD_LABELS, chinese_reason, database_text, entity_label, source_label


def test_field_names_become_chinese_and_the_rest_stays():
    assert chinese_reason("缺少必填字段 authority") == "缺少必填字段 决定机关"
    assert chinese_reason("字段 decided_on 应为日期 YYYY-MM-DD，实际为 '2026-13-01'") == (
        "字段 决定日期 应为日期 YYYY-MM-DD，实际为 '2026-13-01'")
    assert chinese_reason("平台拒绝：令牌无效") == "平台拒绝：令牌无效"
    assert chinese_reason(None) == ""
    assert entity_label("record") == "信用记录" and source_label("bundle") == "离线数据包"


def test_every_protocol_field_has_a_chinese_name():
    missing = {f for specs in FIELDS.values() for f, _conv, _req in specs} - set(FIELD_LABELS)
    assert not missing


def test_database_shown_as_a_place_never_a_url_or_password():
    assert database_text("sqlite:////srv/hall/creditdesk.sqlite") == "本机数据库文件 /srv/hall/creditdesk.sqlite"
    shown = database_text("postgresql+psycopg://desk:s3cret@db.hall.local:5432/credit")
    assert shown == "数据库服务器 db.hall.local:5432 上的 credit"
    assert "s3cret" not in shown and "://" not in shown
