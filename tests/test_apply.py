"""ChangeApplier against real databases: protocol 3.1-3.3 rules, batches, mark and sweep."""

from __future__ import annotations

import base64

import datetime as dt

import pytest
from sqlalchemy import Engine, select, text

from creditdesk.cancel import CancelToken
from creditdesk.db import models
from creditdesk.protocol import Position
from creditdesk.services.position import read_person_key
from creditdesk.services.apply import Cancelled, ChangeApplier
from creditdesk.services.lookup import LookupService
from creditdesk.services.profile import ProfileService
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.db import all_text, dump, fts_orphans, name_index, table_rows

DAY = dt.date(2026, 11, 21)


def pos(seq: int, **kw) -> Position:
    return Position(seq, EPOCH, **kw)


def rows_by_id(engine: Engine, table: str) -> dict[str, dict]:
    return {r["id"]: r for r in table_rows(engine, table)}


def rejected(engine: Engine) -> list[dict]:
    return table_rows(engine, "rejected_change")


def state(engine: Engine) -> dict:
    with engine.connect() as conn:
        row = conn.execute(select(models.SyncState.__table__).where(models.SyncState.__table__.c.id == 1)).one()
    return dict(row._mapping)


def lookup_names(engine: Engine, query: str) -> list[tuple[str, str]]:
    return [(h.name, h.match) for h in LookupService(engine).lookup(query, day=DAY).results]


def a_city(feed: Feed) -> list[dict]:
    """A batch with a bit of everything, including a delete, an unknown type and a rejected change."""
    person = feed.person("林小明", id_number(11))
    changes = [
        feed.company("福州顺心贸易有限公司", former_names=["福州顺意商贸有限公司"]),
        feed.company("福建闽江建设工程有限责任公司"),
        person,
        feed.company("鼓楼区老味道小吃店", kind="individual_business"),
        feed.agency(uscc(900)),
    ]
    s1, s2 = changes[0]["id"], changes[1]["id"]
    changes += [
        feed.record("R1", s1, "admin_penalty", amount=5000),
        feed.record("R2", s1, "honor", publish_until="2027-12-31"),
        feed.record("R3", person["id"], "dishonest_judgment_debtor"),
        feed.report("BG-1", s2, uscc(900)),
        feed.policy("fuzhou-1", 1),
        feed.change("complaint", "C-1", {"anything": 1}),  # unknown type
        feed.record("R4", s2, "admin_penalty"),
        feed.delete("record", "R4"),
        feed.change("record", "R5", {"subject_id": s2}),  # rejected: fields missing
    ]
    return changes


# ---------------------------------------------------------------------------
# Idempotence
# ---------------------------------------------------------------------------


def test_the_same_changes_applied_twice_give_the_same_state(engine):
    changes = a_city(Feed())
    applier = ChangeApplier(engine)
    first = applier.apply(changes, pos(changes[-1]["seq"], person_key=PERSON_KEY_B64))
    once = dump(engine)
    assert first.upserted == 10 and first.ignored == 1 and first.rejected == 1
    assert len(once["subject"]) == 4 and len(once["record"]) == 3
    assert len(once["subject_name"]) == 5  # 4 names + 1 former name
    if engine.dialect.name == "sqlite":
        assert all(chars for *_, chars, _grams in once["subject_name"])  # every name has its FTS twin

    applier.apply(changes, pos(changes[-1]["seq"], person_key=PERSON_KEY_B64))
    assert dump(engine) == once

    # Delivered again in other batch sizes (a bundle, then the feed overlapping it).
    for size in (1, 3, 5):
        for start in range(0, len(changes), size):
            chunk = changes[start : start + size]
            applier.apply(chunk, pos(chunk[-1]["seq"], person_key=PERSON_KEY_B64))
        assert dump(engine) == once, f"batches of {size}"
    assert fts_orphans(engine) == 0


def test_reapplying_an_older_change_of_one_subject_keeps_its_index_consistent(engine):
    feed = Feed()
    a, b = feed.company("福州甲乙贸易有限公司"), feed.company("福州丙丁科技有限公司")
    applier = ChangeApplier(engine)
    applier.apply([a, b])
    once = dump(engine)
    applier.apply([a])  # one subject again: its name rows get new ids
    applier.apply([a, a, b])
    assert dump(engine) == once
    assert fts_orphans(engine) == 0
    assert lookup_names(engine, "甲乙") == [("福州甲乙贸易有限公司", "name")]


# ---------------------------------------------------------------------------
# Order rules (protocol 3.1)
# ---------------------------------------------------------------------------


def test_upsert_replaces_the_entity_and_does_not_merge(engine):
    feed = Feed()
    first = feed.company(
        "福州旧名科技有限公司", former_names=["福州更早名称有限公司"], new_field="x", registered_on="2010-01-01"
    )
    code = first["id"]
    record = feed.record("R1", code, amount=1200.5, basis="《行政处罚法》", content="未按规定公示")
    applier = ChangeApplier(engine)
    applier.apply([first, record])

    second = feed.change(
        "subject", code, {"kind": "legal_person", "name": "福州新名科技有限公司", "uscc": code, "status": "revoked"}
    )
    record2 = feed.change(
        "record",
        "R1",
        {
            "subject_id": code, "category": "admin_penalty", "title": "改", "authority": "市监局",
            "decided_on": "2026-02-01", "publish_from": "2026-02-01", "status": "active",
        },
    )  # fmt: skip
    applier.apply([second, record2])

    s = rows_by_id(engine, "subject")[code]
    assert s["name"] == "福州新名科技有限公司" and s["status"] == "revoked"
    assert s["legal_representative"] is None
    assert s["registered_on"] is None
    assert s["region_code"] is None
    assert s["former_names"] == []
    assert s["extra"] is None
    assert s["updated_at"] is None
    r = rows_by_id(engine, "record")["R1"]
    assert r["title"] == "改"
    assert r["amount"] is None and r["basis"] is None and r["content"] is None and r["doc_no"] is None
    assert [n[1] for n in name_index(engine)] == ["福州新名科技有限公司"]
    assert lookup_names(engine, "更早名称") == []


def test_delete_of_an_entity_the_client_does_not_have_is_a_no_op(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    applier.apply([feed.company("福州甲乙贸易有限公司")], pos(1))
    before = dump(engine)

    deletes = [feed.delete("subject", uscc(777)), feed.delete("record", "NOPE"), feed.delete("policy", "nope")]
    result = applier.apply(deletes, pos(deletes[-1]["seq"]))

    assert result.deleted == 0 and result.rejected == 0
    after = dump(engine)
    assert after["sync_state"][0]["seq"] == 4
    after["sync_state"] = before["sync_state"]
    assert after == before
    assert rejected(engine) == []


def test_a_later_change_of_the_same_entity_in_one_batch_supersedes_the_earlier(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    existing = feed.company("福州已有主体有限公司")
    applier.apply([existing, feed.record("R-OLD", existing["id"])])

    gone = feed.company("福州来去匆匆有限公司")
    back = feed.company("福州失而复得有限公司", existing["id"])
    batch = [
        gone,
        feed.record("R-GONE", gone["id"]),
        feed.delete("subject", gone["id"]),
        feed.delete("record", "R-GONE"),
        feed.delete("subject", existing["id"]),
        back,
        feed.delete("record", "R-OLD"),
        feed.record("R-OLD", existing["id"], "honor"),
        feed.record("R-TWICE", existing["id"], "admin_license"),
        feed.record("R-TWICE", existing["id"], "other", title="第二版"),
    ]
    applier.apply(batch)

    subjects, records = rows_by_id(engine, "subject"), rows_by_id(engine, "record")
    assert gone["id"] not in subjects and "R-GONE" not in records
    assert subjects[existing["id"]]["name"] == "福州失而复得有限公司"
    assert records["R-OLD"]["category"] == "honor"
    assert records["R-TWICE"]["category"] == "other" and records["R-TWICE"]["title"] == "第二版"
    assert sorted(n[1] for n in name_index(engine)) == ["福州失而复得有限公司"]
    assert lookup_names(engine, "来去匆匆") == []
    assert fts_orphans(engine) == 0


def test_a_record_that_arrives_before_its_subject_is_kept(engine):
    feed = Feed()
    code = uscc(42)
    applier = ChangeApplier(engine)
    applier.apply([feed.record("R-EARLY", code, "serious_dishonesty", publish_from="2026-01-01")])

    assert "R-EARLY" in rows_by_id(engine, "record")
    early = ProfileService(engine).profile(code, day=DAY).profile
    assert early.subject is None
    assert [f.record.id for g in early.groups for f in g.findings] == ["R-EARLY"]

    applier.apply([feed.company("福州迟到主体有限公司", code)])
    profile = ProfileService(engine).profile(code, day=DAY).profile
    assert profile.subject is not None and profile.subject.name == "福州迟到主体有限公司"
    assert [f.record.id for g in profile.groups for f in g.findings] == ["R-EARLY"]
    assert profile.adverse_in_force == 1 and profile.blacklisted
    [hit] = LookupService(engine).lookup(code, day=DAY).results
    assert hit.adverse_in_force == 1


# ---------------------------------------------------------------------------
# Unknown and invalid changes
# ---------------------------------------------------------------------------


def test_unknown_types_are_ignored_and_unknown_fields_kept_in_extra(engine):
    feed = Feed()
    secret_id = id_number(123)
    company = feed.company(
        "福州未来字段有限公司",
        esg_score={"grade": "A", "year": 2026},
        contact_note=f"联系人身份证号{secret_id}，电话见档案",
    )
    batch = [
        feed.change("complaint", "C-1", {"text": "新类型"}),
        company,
        feed.change("sanction_v2", "X", None, op="delete"),
    ]
    result = ChangeApplier(engine).apply(batch, pos(3))

    assert result.ignored == 2 and result.rejected == 0 and result.upserted == 1
    assert rejected(engine) == []
    extra = rows_by_id(engine, "subject")[company["id"]]["extra"]
    assert extra["esg_score"] == {"grade": "A", "year": 2026}
    assert secret_id not in extra["contact_note"]
    assert extra["contact_note"] == f"联系人身份证号{secret_id[:2]}************{secret_id[-4:]}，电话见档案"
    assert secret_id not in all_text(engine)
    assert state(engine)["seq"] == 3


def _record_data(subject_id: str, **override) -> dict:
    data = {
        "subject_id": subject_id, "category": "admin_penalty", "title": "罚款", "authority": "市监局",
        "decided_on": "2026-01-01", "publish_from": "2026-01-01", "status": "active",
    }  # fmt: skip
    data.update(override)
    return {k: v for k, v in data.items() if v is not ...}


INVALID = {
    "missing required field": ("record", "R-X", _record_data("S", title=...), "title"),
    "wrong type (string for a number)": ("record", "R-X", _record_data("S", amount="5000"), "amount"),
    "wrong type (number for a name)": (
        "subject", uscc(5), {"kind": "legal_person", "name": 12345, "uscc": uscc(5), "status": "active"}, "name",
    ),
    "bad date": ("record", "R-X", _record_data("S", publish_from="2026-02-30"), "publish_from"),
    "unknown enum value": ("record", "R-X", _record_data("S", status="pending"), "status"),
    "natural person without digest": (
        "subject", "P-" + "0" * 64, {"kind": "natural_person", "name": "张三", "status": "active"}, "id_digest",
    ),
    "organisation without uscc": ("subject", uscc(6), {"kind": "legal_person", "name": "某公司", "status": "active"}, "uscc"),
    "upsert without data": ("record", "R-X", None, "data"),
}


@pytest.mark.parametrize("case", INVALID.values(), ids=INVALID.keys())
def test_an_invalid_change_is_recorded_with_the_reason_and_the_rest_applies(engine, case):
    etype, eid, data, field = case
    feed = Feed()
    before, after = feed.company("福州前面主体有限公司"), feed.company("福州后面主体有限公司")
    bad = feed.change(etype, eid, data)
    result = ChangeApplier(engine, source="feed").apply([before, bad, after], pos(3))

    assert result.rejected == 1 and result.upserted == 2
    assert set(rows_by_id(engine, "subject")) == {before["id"], after["id"]}
    assert "R-X" not in rows_by_id(engine, "record")
    [row] = rejected(engine)
    assert (row["seq"], row["entity_type"], row["entity_id"], row["op"], row["source"]) == (
        bad["seq"], etype, eid, "upsert", "feed"
    )
    assert field in row["reason"]
    assert row["change"]["id"] == eid
    assert row["received_at"] is not None
    assert state(engine)["seq"] == 3


def test_invalid_ops_and_shapes_are_rejected_not_fatal(engine):
    feed = Feed()
    good = feed.company("福州正常主体有限公司")
    batch = [
        ["not", "an", "object"],
        {"seq": 10, "op": "merge", "type": "subject", "id": good["id"], "data": {}},
        {"seq": "11", "op": "delete", "type": "record", "id": "R"},
        {"seq": 12, "op": "delete", "type": "record", "id": ""},
        good,
    ]
    result = ChangeApplier(engine).apply(batch)
    assert result.rejected == 4 and result.upserted == 1
    reasons = [r["reason"] for r in rejected(engine)]
    assert any("op" in r for r in reasons) and any("seq" in r for r in reasons) and any("id" in r for r in reasons)


def test_a_full_id_number_is_never_stored_even_when_a_change_is_rejected(engine):
    feed = Feed()
    number = id_number(77)
    assert number[-1] != "X"
    batch = [
        # A platform error: the full ID number as entity id, and no digest.
        feed.change("subject", number, {"kind": "natural_person", "name": "李四", "status": "active"}),
        # The full number in a value of the wrong type.
        feed.change("record", "R-1", _record_data("S", doc_no=int(number))),
        feed.change("record", "R-2", _record_data("S", title=f"对{number}的处罚", decided_on=number)),
    ]
    result = ChangeApplier(engine).apply(batch)
    assert result.rejected == 3
    assert number not in all_text(engine)
    by_seq = {r["seq"]: r for r in rejected(engine)}
    assert by_seq[batch[0]["seq"]]["entity_id"] == number[:2] + "*" * 12 + number[-4:]
    assert "id_digest" in by_seq[batch[0]["seq"]]["reason"]
    assert "decided_on" in by_seq[batch[2]["seq"]]["reason"]


def test_a_natural_persons_id_masked_never_holds_the_full_number(engine):
    feed = Feed()
    number = id_number(78)
    person = feed.person("王二", number, id_masked=number)  # sent unmasked by mistake
    ChangeApplier(engine).apply([person])
    assert number not in all_text(engine)
    assert rows_by_id(engine, "subject")[person["id"]]["id_masked"] == number[:2] + "*" * 12 + number[-4:]


# ---------------------------------------------------------------------------
# Transactions and position (protocol 3.2)
# ---------------------------------------------------------------------------


def _fail_on_record(engine: Engine, record_id: str) -> None:
    """A trigger that makes the database itself refuse one record insert."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    f"CREATE TRIGGER boom BEFORE INSERT ON record WHEN NEW.id = '{record_id}' "
                    "BEGIN SELECT RAISE(ABORT, 'boom'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    f"BEGIN IF NEW.id = '{record_id}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$"
                )
            )
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON record FOR EACH ROW EXECUTE FUNCTION boom()"))


def test_a_batch_is_all_or_nothing(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    keep = feed.company("福州原有主体有限公司")
    applier.apply([keep, feed.record("R-KEEP", keep["id"])], pos(2, as_of="2026-11-20T18:00:00+08:00"))
    before = dump(engine)
    _fail_on_record(engine, "R-BOOM")

    batch = [
        feed.company("福州新来主体有限公司"),
        feed.delete("subject", keep["id"]),
        feed.delete("record", "R-KEEP"),
        feed.change("record", "R-BAD", {"subject_id": keep["id"]}),  # would be a rejected change
        feed.record("R-BOOM", keep["id"]),
        feed.record("R-AFTER", keep["id"]),
    ]
    with pytest.raises(Exception, match="boom"):
        applier.apply(batch, pos(batch[-1]["seq"], as_of="2026-11-21T18:00:00+08:00"))

    assert dump(engine) == before
    assert state(engine)["seq"] == 2 and state(engine)["as_of"] == "2026-11-20T18:00:00+08:00"
    assert rejected(engine) == []
    assert fts_orphans(engine) == 0
    assert lookup_names(engine, "新来主体") == []
    assert lookup_names(engine, "原有主体") == [("福州原有主体有限公司", "name")]


def test_the_position_is_stored_with_the_batch(engine):
    feed = Feed(start=100)
    applier = ChangeApplier(engine)
    applier.apply(
        [feed.company("福州位置测试有限公司")],
        Position(101, "e-1", "2026-11-21T18:00:00+08:00", "fuzhou", 98231, PERSON_KEY_B64),
    )
    s = state(engine)
    # The digest key goes to the credential store; the database keeps a reference to it (issue 10 item 7).
    ref = s["person_key"]
    assert ref.startswith("ks:") and PERSON_KEY_B64.removeprefix("b64:") not in ref
    assert (s["seq"], s["epoch"], s["as_of"], s["platform_id"], s["high_water"]) == (
        101, "e-1", "2026-11-21T18:00:00+08:00", "fuzhou", 98231,
    )  # fmt: skip
    with engine.connect() as conn:
        assert read_person_key(conn) == base64.b64decode(PERSON_KEY_B64.removeprefix("b64:"))
    # A later batch without the optional parts keeps them; seq and epoch always move.
    applier.apply([feed.company("福州位置测试二有限公司")], Position(102, "e-1"))
    s = state(engine)
    assert (s["seq"], s["epoch"], s["platform_id"], s["high_water"], s["person_key"]) == (
        102, "e-1", "fuzhou", 98231, ref,
    )  # fmt: skip
    # Without a position the data changes and the position does not.
    applier.apply([feed.company("福州位置测试三有限公司")])
    assert state(engine)["seq"] == 102


def test_apply_stream_commits_batch_by_batch_and_a_stop_keeps_what_was_committed(engine):
    feed = Feed()
    changes = [feed.company(f"福州流式{i:02d}号贸易有限公司") for i in range(10)]
    applier = ChangeApplier(engine)
    batches_done = []
    token = CancelToken()

    def committed(total) -> None:  # noqa: ANN001
        batches_done.append(total.upserted)
        if len(batches_done) >= 2:
            token.cancel()  # asked before the third batch is written

    with pytest.raises(Cancelled):
        applier.apply_stream(iter(changes), lambda seq: pos(seq), batch_size=3, progress=committed, cancel=token)
    assert batches_done == [3, 6]
    assert state(engine)["seq"] == changes[5]["seq"]
    assert set(rows_by_id(engine, "subject")) == {c["id"] for c in changes[:6]}

    # Resuming after the stored position applies the rest; nothing is lost or doubled.
    rest = [c for c in changes if c["seq"] > state(engine)["seq"]]
    total = applier.apply_stream(iter(rest), lambda seq: pos(seq), batch_size=3)
    assert total.upserted == 4 and total.last_seq == changes[-1]["seq"]
    assert state(engine)["seq"] == changes[-1]["seq"]
    assert len(rows_by_id(engine, "subject")) == 10
    assert len(name_index(engine)) == 10


def test_two_policy_entities_of_the_same_version_in_one_batch_do_not_stop_the_sync(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    batch = [feed.policy("fz-a", 1), feed.policy("fz-b", 1), feed.policy("fz-c", 2)]
    applier.apply(batch, pos(3))
    policies = rows_by_id(engine, "policy")
    # (profile_id, version) is unique: the later entity of version 1 replaces the earlier.
    assert sorted(policies) == ["fz-b", "fz-c"]
    assert state(engine)["seq"] == 3


# ---------------------------------------------------------------------------
# Full resync: mark and sweep (protocol 3.3)
# ---------------------------------------------------------------------------


def test_mark_and_sweep_removes_only_what_the_full_pass_did_not_write(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    stay = feed.company("福州留下主体有限公司", former_names=["福州留下旧名有限公司"])
    go = feed.company("福州离开主体有限公司", former_names=["福州离开旧名有限公司"])
    person = feed.person("陈离开", id_number(5))
    old = [
        stay, go, person,
        feed.record("R-STAY", stay["id"]), feed.record("R-GO", go["id"]), feed.record("R-P", person["id"]),
        feed.agency(uscc(901)), feed.agency(uscc(902)),
        feed.report("BG-STAY", stay["id"], uscc(901)), feed.report("BG-GO", go["id"], uscc(902)),
        feed.policy("pol-1", 1), feed.policy("pol-2", 2),
    ]  # fmt: skip
    applier.apply(old, pos(len(old), person_key=PERSON_KEY_B64))

    pass_id = applier.begin_full_pass()
    resync = Feed()
    full = [
        resync.company("福州留下主体有限公司", stay["id"], former_names=["福州留下旧名有限公司"]),
        resync.record("R-STAY", stay["id"]),
        resync.agency(uscc(901)),
        resync.report("BG-STAY", stay["id"], uscc(901)),
        resync.policy("pol-2", 2),
    ]
    applier.apply(full[:2], Position(2, "2026-02-new"))
    # Until the pass completes, lookups keep working on the old data.
    assert lookup_names(engine, "离开主体") == [("福州离开主体有限公司", "name")]
    assert LookupService(engine).lookup(id_number(5), day=DAY).results[0].name == "陈离开"
    applier.apply(full[2:], Position(5, "2026-02-new"))
    assert len(rows_by_id(engine, "subject")) == 3

    swept = applier.finish_full_pass(pass_id, Position(5, "2026-02-new", as_of="2026-11-21T18:00:00+08:00"))

    assert swept == 7  # 2 subjects, 2 records, 1 agency, 1 report, 1 policy
    assert set(rows_by_id(engine, "subject")) == {stay["id"]}
    assert set(rows_by_id(engine, "record")) == {"R-STAY"}
    assert set(rows_by_id(engine, "agency")) == {uscc(901)}
    assert set(rows_by_id(engine, "report")) == {"BG-STAY"}
    assert set(rows_by_id(engine, "policy")) == {"pol-2"}
    assert sorted(n[1] for n in name_index(engine)) == ["福州留下主体有限公司", "福州留下旧名有限公司"]
    assert fts_orphans(engine) == 0
    assert lookup_names(engine, "离开") == []
    assert lookup_names(engine, "陈离开") == []
    assert lookup_names(engine, "留下旧名") == [("福州留下主体有限公司", "former_name")]
    s = state(engine)
    assert s["active_pass"] is None and s["epoch"] == "2026-02-new" and s["seq"] == 5


def test_a_second_full_pass_sweeps_rows_written_outside_any_pass(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    first = applier.begin_full_pass()
    a = feed.company("福州第一轮主体有限公司")
    applier.apply([a])
    assert applier.finish_full_pass(first) == 0
    b = feed.company("福州增量主体有限公司")
    applier.apply([b])  # an incremental change after the pass

    second = applier.begin_full_pass()
    assert second == first + 1
    applier.apply([a])
    assert applier.finish_full_pass(second) == 1
    assert set(rows_by_id(engine, "subject")) == {a["id"]}
    assert lookup_names(engine, "增量主体") == []


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


def test_former_names_are_searchable_and_a_rename_replaces_the_old_index_rows(engine):
    feed = Feed()
    applier = ChangeApplier(engine)
    v1 = feed.company("福州甲子贸易有限公司", former_names=["福州乙丑商行"])
    code = v1["id"]
    applier.apply([v1])
    assert lookup_names(engine, "乙丑商行") == [("福州甲子贸易有限公司", "former_name")]

    renamed = feed.company("福州丙寅科技有限公司", code, former_names=["福州甲子贸易有限公司"])
    applier.apply([renamed])

    idx = [(n[0], n[1], bool(n[5])) for n in name_index(engine)]
    assert sorted(idx) == sorted([(code, "福州丙寅科技有限公司", False), (code, "福州甲子贸易有限公司", True)])
    assert lookup_names(engine, "乙丑") == []
    assert lookup_names(engine, "丙寅科技") == [("福州丙寅科技有限公司", "name")]
    assert lookup_names(engine, "甲子贸易") == [("福州丙寅科技有限公司", "former_name")]
    assert fts_orphans(engine) == 0
