"""Texts from the platform are checked on apply (issue 10 item 6), and a change with no
type is recorded, not silently ignored (issue 10, "Smaller").

Expected values come from the caps documented in services/apply.py (TEXT_LIMITS) and
the protocol (3.1: a change that cannot be applied is recorded with the reason).
"""

from __future__ import annotations

import pytest

from creditdesk.protocol import Position
from creditdesk.services.apply import FREE_TEXT_LIMITS, ChangeApplier
from creditdesk.services.lookup import LookupService
from creditdesk.services.rejections import list_rejected_changes
from support.city import EPOCH, Feed, uscc
from support.db import table_rows


def apply(engine, changes, feed):  # noqa: ANN001, ANN201
    return ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH))


def rows(engine, table: str) -> dict[str, dict]:  # noqa: ANN001
    return {r["id"]: r for r in table_rows(engine, table)}


def test_control_characters_in_a_subject_name_are_removed_and_recorded(engine):
    feed = Feed()
    change = feed.company("福州\x00顺心\u202e贸易\x1b[31m有限公司", uscc(1), former_names=["福州\x07顺意商贸有限公司"])
    result = apply(engine, [change], feed)
    assert result.upserted == 1 and result.rejected == 0  # applied, not rejected
    subject = rows(engine, "subject")[uscc(1)]
    assert subject["name"] == "福州顺心贸易[31m有限公司"
    assert subject["former_names"] == ["福州顺意商贸有限公司"]
    [note] = list_rejected_changes(engine)
    assert note.applied and note.entity_id == uscc(1) and note.seq == change["seq"]
    assert set(note.fields) == {"name:controls", "former_names:controls"}
    assert "字段 name 含控制字符，已删除" in note.reason
    # The cleaned name is what the counter finds.
    hits = LookupService(engine).lookup("顺心贸易").results
    assert [h.id for h in hits] == [uscc(1)]


def test_a_10000_character_name_and_title_are_cut_with_the_cut_recorded(engine):
    feed = Feed()
    long_name = "超长名称" * 2500
    company = feed.company(long_name, uscc(2))
    record = feed.record("R-LONG", uscc(2), title="处罚" * 5000, content="事实\n" * 10_000)
    result = apply(engine, [company, record], feed)
    assert result.upserted == 2 and result.rejected == 0
    name = rows(engine, "subject")[uscc(2)]["name"]
    assert len(name) == FREE_TEXT_LIMITS[("subject", "name")] == 200 and name == long_name[:199] + "…"
    stored = rows(engine, "record")["R-LONG"]
    assert len(stored["title"]) == 300 and stored["title"].endswith("…")  # the column's width
    assert len(stored["content"]) == 10_000 and stored["content"].startswith("事实\n事实\n")  # lines kept
    notes = {n.entity_id: n for n in list_rejected_changes(engine)}
    assert notes[uscc(2)].fields == ("name:too_long",) and "长度 10,000，上限 200" in notes[uscc(2)].reason
    assert set(notes["R-LONG"].fields) == {"title:too_long", "content:too_long"}
    # The whole 10,000 characters are not kept in the rejection either.
    assert all(len(str(r["change"])) < 1_000 for r in table_rows(engine, "rejected_change"))


def test_a_name_that_nfkc_lengthens_still_fits_the_name_index(engine):
    """200 characters that fit the subject's column but not, normalised, the index's ("㍿" is four)."""
    feed = Feed()
    result = apply(engine, [feed.company("福州" + "㍿" * 198, uscc(5))], feed)
    assert result.upserted == 1
    assert [h.id for h in LookupService(engine).lookup("福州株式会社").results] == [uscc(5)]


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("region_code", "3501000", "字段 region_code 超过 6 个字符"),
    ("uscc", uscc(6) + "X" * 30, "uscc"),
    ("updated_at", "2026-11-01T09:00:00+08:00" + " " * 100, "字段 updated_at 超过 40 个字符"),
    ("legal_representative", "王\x00五", None),
])  # fmt: skip
def test_a_code_longer_than_its_column_is_rejected_not_cut(engine, field, value, reason):
    """On PostgreSQL such a value made the whole page fail at every sync; now only the change is refused."""
    feed = Feed()
    other = feed.company("福州顺心贸易有限公司", uscc(7))
    bad = feed.company("福州海沧物流有限公司", uscc(6), **{field: value})
    result = apply(engine, [other, bad], feed)
    subjects = rows(engine, "subject")
    assert uscc(7) in subjects  # the rest of the page is applied
    if reason is None:  # a free text: cleaned, applied, recorded
        assert subjects[uscc(6)][field] == "王五" and result.rejected == 0
    else:
        assert uscc(6) not in subjects and result.rejected == 1
        assert reason in list_rejected_changes(engine)[0].reason


def test_ordinary_texts_are_untouched_and_nothing_is_recorded(engine):
    feed = Feed()
    changes = [
        feed.company("福州\u3000顺心贸易有限公司（分公司）", uscc(3), former_names=["Fuzhou Shunxin Co., Ltd."]),
        feed.record("R-OK", uscc(3), content="第一条\n第二条\r\n第三条", basis="《行政处罚法》第二十八条"),
    ]
    result = apply(engine, changes, feed)
    assert result.upserted == 2
    assert rows(engine, "subject")[uscc(3)]["name"] == "福州\u3000顺心贸易有限公司（分公司）"
    assert rows(engine, "record")["R-OK"]["content"] == "第一条\n第二条\n第三条"
    assert list_rejected_changes(engine) == []


def test_a_name_of_nothing_but_control_characters_is_rejected(engine):
    feed = Feed()
    result = apply(engine, [feed.company("\x00\x01\x02", uscc(4))], feed)
    assert result.upserted == 0 and result.rejected == 1
    [note] = list_rejected_changes(engine)
    assert not note.applied and "只含控制字符" in note.reason
    assert uscc(4) not in rows(engine, "subject")


@pytest.mark.parametrize(("change", "reason"), [
    ({"seq": 1, "op": "upsert", "id": "R-1", "data": {}}, "缺少类型"),
    ({"seq": 1, "op": "upsert", "type": None, "id": "R-1"}, "缺少类型"),
    ({"seq": 1, "op": "upsert", "type": 7, "id": "R-1"}, "缺少类型"),
    ({"seq": 1, "type": "record", "id": "R-1", "data": {}}, "op 应为"),
    ({"seq": 1, "op": "delete", "type": "record"}, "实体 id 无效"),
    ({"seq": 1}, "缺少类型"),
])  # fmt: skip
def test_a_change_without_op_type_or_id_is_recorded(engine, change, reason):
    """It used to be neither applied nor recorded (no type: counted as an unknown type)."""
    result = ChangeApplier(engine).apply([change], Position(1, EPOCH))
    assert result.rejected == 1 and result.ignored == 0
    [note] = list_rejected_changes(engine)
    assert reason in note.reason and note.seq == 1


def test_an_unknown_type_is_still_the_platforms_future(engine):
    result = ChangeApplier(engine).apply([{"seq": 1, "op": "upsert", "type": "licence", "id": "X"}], Position(1, EPOCH))
    assert result.ignored == 1 and result.rejected == 0 and list_rejected_changes(engine) == []
