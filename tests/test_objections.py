"""异议: filing (row + outbox item + audit, atomically), refusals, status follow-up, scoping, the platform, the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, text

from creditdesk.db import models
from creditdesk.platform.client import PlatformClient, RetryPolicy
from creditdesk.platform.outbox import OutboxPusher
from creditdesk.services import outbox as outbox_queue
from creditdesk.protocol import Position
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.audit import AuditTrail
from creditdesk.services.objections import (
    ObjectionDraft,
    ObjectionRefused,
    ObjectionService,
    normalise_phone,
)
from creditdesk_platform.server import PlatformServer
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
AS_OF = "2026-11-21T18:00:00+08:00"
UNIT = "福州市行政服务中心"
OFFICER = Actor("wangfang", "王芳", "officer", UNIT)
OTHER = Actor("lijun", "李军", "officer", UNIT)
BOSS = Actor("chenke", "陈科长", "supervisor", UNIT)
GROUNDS = "该处罚决定已于2026年10月履行完毕并经复议撤销，平台记录未更新。"
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=0.2)


def fill(engine, feed: Feed | None = None) -> dict:  # noqa: ANN001
    feed = feed or Feed()
    company = feed.company("福州顺心贸易有限公司", uscc(1))
    changes = [company, feed.record("R-1", company["id"], "admin_penalty", publish_from="2026-01-01"),
               feed.record("R-2", company["id"], "serious_dishonesty", publish_from="2026-02-01")]  # fmt: skip
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    return {"subject": company["id"], "feed": feed}


def draft(subject: str, record: str = "R-1", **kw) -> ObjectionDraft:
    values = {"record_id": record, "subject_id": subject, "grounds": GROUNDS, "contact_name": "张三",
              "contact_phone": "138 0591 1234"} | kw  # fmt: skip
    return ObjectionDraft(**values)


@pytest.fixture
def city(engine):
    return fill(engine)


@pytest.fixture
def service(engine):
    return ObjectionService(engine, AuditTrail(engine), now=Clock(dt.datetime(2026, 11, 22, 9, 0, tzinfo=TZ)))


def outbox_rows(engine) -> list:  # noqa: ANN001
    t = models.OutboxItem.__table__
    with engine.connect() as conn:
        return list(conn.execute(select(t.c.uid, t.c.kind, t.c.data, t.c.status, t.c.created_at)))


def test_filing_stores_row_queues_documented_item_and_audits(engine, city, service):
    saved = service.file(draft(city["subject"], review_id=None), OFFICER, UNIT)
    assert saved.status == "queued" and saved.status_label == "待上报"
    assert saved.record_title == "admin_penalty R-1" and saved.subject_name == "福州顺心贸易有限公司"
    assert saved.contact_phone == "13805911234" and saved.officer == "wangfang" and saved.unit == UNIT
    assert saved.filed_at == "2026-11-22T09:01:00+08:00"
    assert service.get(saved.id) == saved

    items = outbox_rows(engine)
    assert len(items) == 1
    item = items[0]
    assert (item.uid, item.kind, item.status, item.created_at) == (saved.id, "objection", "pending", saved.filed_at)
    data = item.data
    assert data["format"] == 1 and data["objection_id"] == saved.id
    assert (data["record_id"], data["subject_id"], data["unit"], data["officer"]) == ("R-1", city["subject"], UNIT,
                                                                                      "wangfang")  # fmt: skip
    assert data["grounds"] == GROUNDS and data["contact"] == {"name": "张三", "phone": "13805911234"}
    assert data["filed_at"] == saved.filed_at and data["review_id"] is None
    assert data["record_updated_at"]  # the version objected to
    # docs/submissions.md documents every field that is sent
    doc = (__import__("pathlib").Path(__file__).resolve().parents[1] / "docs" / "submissions.md").read_text("utf-8")
    section = doc.split("## `objection`", 1)[1].split("\n## ", 1)[0]
    for key in data:
        assert f"`{key}`" in section, key

    entries = AuditTrail(engine).entries(action="objection")
    assert len(entries) == 1
    e = entries[0]
    assert e.actor == "wangfang" and e.target == saved.id and e.detail["record_id"] == "R-1"
    assert AuditTrail(engine).verify().intact


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"record_id": "R-404"}, "没有信用记录 R-404"),
        ({"grounds": "记录有误"}, "异议理由至少 10 个字"),
        ({"contact_name": "  "}, "请填写联系人姓名"),
        ({"contact_phone": "12345"}, "联系电话应为"),
        ({"contact_phone": ""}, "请填写联系电话"),
        ({"grounds": "本人身份证号 " + id_number(5) + " 与记录不符，请核实"}, "完整身份证号"),
        ({"contact_name": id_number(6)}, "完整身份证号"),
        ({"subject_id": uscc(9)}, "不属于主体"),
        ({"review_id": "00000000-0000-0000-0000-000000000000"}, "没有编号为"),
    ],
)
def test_invalid_objection_refused_with_reason_and_nothing_written(engine, city, service, changes, expected):
    with pytest.raises(ObjectionRefused) as info:
        service.file(draft(city["subject"], **changes), OFFICER, UNIT)
    assert expected in str(info.value)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM objection")).scalar_one() == 0
    assert outbox_rows(engine) == []
    assert AuditTrail(engine).entries(action="objection") == []


def test_phone_forms():
    assert normalise_phone("+86 139-0000-1111") == "13900001111"
    assert normalise_phone("0591-87654321") == "0591-87654321"
    assert normalise_phone("(010) 6552 8888") == "010-65528888"
    assert normalise_phone("0591-87654321转123") == "0591-87654321-123"
    assert normalise_phone("400-800-1234") == "4008001234"
    for bad in ("1380591123", "23805911234", "87654321", "电话", "0591-876"):
        assert normalise_phone(bad) is None, bad


def test_once_accounts_exist_an_actor_is_required(engine, city, service):
    from creditdesk.services.accounts import AccountService

    AccountService(engine, AuditTrail(engine)).create("admin", "admin", "correct-horse", by=None)
    with pytest.raises(NotPermitted):
        service.file(draft(city["subject"]), None, UNIT)


def test_status_follow_up_from_outbox_and_record(engine, city, service):
    a = service.file(draft(city["subject"]), OFFICER, UNIT)
    b = service.file(draft(city["subject"], record="R-2"), OFFICER, UNIT)
    assert service.refresh_statuses() == []  # nothing happened yet

    # The platform refuses one and takes the other (the queue's bookkeeping of an answer).
    outbox_queue.record_results(engine, [{"uid": a.id, "status": "rejected", "reason": "异议须附证明材料"},
                            {"uid": b.id, "status": "accepted"}])  # fmt: skip
    changes = {c.objection_id: c for c in service.refresh_statuses()}
    assert (changes[a.id].old, changes[a.id].new, changes[a.id].note) == ("queued", "rejected", "异议须附证明材料")
    assert (changes[b.id].new, changes[b.id].note) == ("submitted", None)
    assert service.get(a.id).status_label == "平台退回"

    # The feed then revokes record R-2: the submitted objection shows the change.
    feed: Feed = city["feed"]
    revoked = feed.record("R-2", city["subject"], "serious_dishonesty", publish_from="2026-02-01", status="revoked",
                          updated_at="2026-11-25T10:00:00+08:00")  # fmt: skip
    ChangeApplier(engine).apply([revoked], Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    (change,) = service.refresh_statuses()
    assert change.objection_id == b.id and change.new == "record_changed" and "已撤销" in change.note
    assert service.refresh_statuses() == []  # stable

    # The supervisor records the credit office's answer; it is final and audited.
    with pytest.raises(NotPermitted):
        service.set_status(b.id, "upheld", "信用办已撤销", OFFICER)
    with pytest.raises(ObjectionRefused):
        service.set_status(b.id, "maybe", "……", BOSS)
    done = service.set_status(b.id, "upheld", "市信用办答复：记录已撤销", BOSS)
    assert done.status == "upheld" and done.status_label == "异议成立" and done.final
    dismissed = service.set_status(a.id, "dismissed", "答复：处罚有效", BOSS)
    assert dismissed.status_label == "异议不成立"
    assert service.refresh_statuses() == []  # answers are never overridden
    answers = [e for e in AuditTrail(engine).entries(action="objection") if "answer" in e.detail]
    assert [(e.actor, e.detail["answer"]) for e in answers] == [("chenke", "upheld"), ("chenke", "dismissed")]


def test_officers_see_their_own_supervisors_all(engine, city, service):
    mine = service.file(draft(city["subject"]), OFFICER, UNIT)
    theirs = service.file(draft(city["subject"], record="R-2"), OTHER, UNIT)
    assert [o.id for o in service.list(OFFICER)] == [mine.id]
    assert [o.id for o in service.list(OTHER)] == [theirs.id]
    assert {o.id for o in service.list(BOSS)} == {mine.id, theirs.id}
    assert [o.id for o in service.list(BOSS)] == [theirs.id, mine.id]  # newest first
    assert service.list(BOSS, status="upheld") == []
    assert len(service.list(None)) == 2


def test_reference_platform_accepts_the_objection(engine, city, service, tmp_path):
    saved = service.file(draft(city["subject"]), OFFICER, UNIT)
    server = PlatformServer(state_dir=tmp_path / "platform")
    server.start()
    try:
        with PlatformClient(server.base_url, "ws-01", "test-token", retry=FAST, timeout=5.0) as client:
            result = OutboxPusher(engine, client).push()
        assert result.delivered == 1 and result.rejected == 0
        sent = server.submissions[saved.id]
        assert sent["kind"] == "objection" and sent["data"]["record_id"] == "R-1"
        assert sent["data"]["contact"]["phone"] == "13805911234"
    finally:
        server.close()
    (change,) = service.refresh_statuses()
    after = service.get(saved.id)
    assert change.new == "submitted" and after.status == "submitted"
    delivered = dt.datetime.fromisoformat(after.status_at)  # when the platform took it, not the refresh's clock
    assert abs(delivered - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)


def test_cli_files_and_lists(tmp_path, capsys):
    from creditdesk.app import open_app
    from creditdesk.cli import main

    home = tmp_path / "home"
    ctx = open_app(home)
    city = fill(ctx.engine)
    ctx.close()
    rc = main(["--home", str(home), "objection", "file", "--record", "R-1", "--grounds", GROUNDS,
               "--contact-name", "张三", "--contact-phone", "13805911234", "--json"])  # fmt: skip
    out = capsys.readouterr()
    assert rc == 0, out.err
    filed = json.loads(out.out)
    assert filed["status"] == "queued" and filed["subject"]["id"] == city["subject"]

    rc = main(["--home", str(home), "objection", "file", "--record", "R-1", "--grounds", "太短",
               "--contact-name", "张三", "--contact-phone", "13805911234"])  # fmt: skip
    out = capsys.readouterr()
    assert rc == 1 and "异议理由至少" in out.err

    assert main(["--home", str(home), "objections", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [o["id"] for o in listed] == [filed["id"]]
    assert main(["--home", str(home), "objections", "--status", "upheld", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--home", str(home), "objections"]) == 0
    plain = capsys.readouterr().out
    assert "待上报" in plain and "福州顺心贸易有限公司" in plain
    with pytest.raises(SystemExit):
        main(["--home", str(home), "objections", "--status", "nonsense"])


def test_cli_needs_sign_in_once_accounts_exist(tmp_path, capsys, monkeypatch):
    from creditdesk.app import open_app
    from creditdesk.cli import main

    home = tmp_path / "home"
    ctx = open_app(home)
    fill(ctx.engine)
    admin = ctx.accounts.create("admin", "admin", "correct-horse", by=None)
    ctx.accounts.create("wangfang", "officer", "battery-staple", by=admin)
    ctx.close()
    args = ["objection", "file", "--record", "R-1", "--grounds", GROUNDS, "--contact-name", "张三",
            "--contact-phone", "13805911234", "--json"]  # fmt: skip
    assert main(["--home", str(home), *args]) == 1
    assert "需要登录" in capsys.readouterr().err
    assert main(["--home", str(home), "objections"]) == 1
    monkeypatch.setenv("CREDITDESK_PASSWORD", "battery-staple")
    assert main(["--home", str(home), "--user", "wangfang", *args]) == 0
    assert json.loads(capsys.readouterr().out)["officer"] == "wangfang"
    assert main(["--home", str(home), "--user", "wangfang", "objections", "--json"]) == 0
    assert [o["officer"] for o in json.loads(capsys.readouterr().out)] == ["wangfang"]
