"""Local accounts: scrypt hashes, sign-in and lock-out, who may create and change accounts, all audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services import accounts as acc
from creditdesk.services.accounts import (
    AccountError,
    AccountService,
    LoginFailed,
    ensure_demo_accounts,
    hash_password,
    needs_rehash,
    verify_password,
)
from creditdesk.services.audit import AuditTrail
from support.db import all_text

_acc = models.Account.__table__
UTC = dt.timezone.utc


class Clock:
    def __init__(self) -> None:
        self.t = dt.datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

    def __call__(self) -> dt.datetime:
        return self.t

    def advance(self, **kw) -> None:  # noqa: ANN003
        self.t += dt.timedelta(**kw)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def audit(engine):
    return AuditTrail(engine)


@pytest.fixture
def svc(engine, audit, clock):
    return AccountService(engine, audit, now=clock)


@pytest.fixture
def admin(svc):
    return svc.create("Admin", "admin", "correct-horse", display_name="管理员", by=None)


def stored_hash(engine, name: str) -> str:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(select(_acc.c.password_hash).where(_acc.c.name == name)).scalar_one()


def actions(audit: AuditTrail) -> list[tuple]:
    return [(e.action, e.actor, e.target) for e in audit.entries()]


# -- hashing -------------------------------------------------------------------------------


def test_hash_is_self_describing_salted_scrypt():
    stored = hash_password("s3cret-pass")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**15), "8", "1")
    assert "s3cret-pass" not in stored
    import base64

    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert hash_password("s3cret-pass") != stored  # a new salt each time
    assert verify_password("s3cret-pass", stored)
    assert not verify_password("s3cret-pasS", stored)
    assert not verify_password("", stored)
    assert not needs_rehash(stored)


def test_parameters_are_read_back_from_the_stored_string():
    weak = hash_password("s3cret-pass", n=2**12, r=4, p=1)
    assert weak.startswith("scrypt$4096$4$1$")
    assert verify_password("s3cret-pass", weak)  # verified with n=4096, r=4, not the current parameters
    assert not verify_password("other-pass", weak)
    assert needs_rehash(weak)
    # garbage or absurd parameters never verify (and never make scrypt allocate gigabytes)
    for bad in ("", "plain", "bcrypt$1$2$3$4$5", weak.replace("$4096$", "$4095$"),
                weak.replace("scrypt$4096$", "scrypt$1073741824$")):  # fmt: skip
        assert not verify_password("s3cret-pass", bad)


def test_weaker_hash_is_raised_at_the_next_sign_in(engine, svc, admin):
    with write_transaction(engine) as conn:
        conn.execute(update(_acc).where(_acc.c.name == "admin").values(
            password_hash=hash_password("correct-horse", n=2**12)))  # fmt: skip
    assert stored_hash(engine, "admin").startswith("scrypt$4096$")
    svc.authenticate("admin", "correct-horse")
    assert stored_hash(engine, "admin").startswith(f"scrypt${2**15}$8$1$")
    svc.authenticate("admin", "correct-horse")


# -- creating ------------------------------------------------------------------------------


def test_first_account_must_be_admin_and_needs_nobody(engine, svc, audit):
    assert not svc.accounts_exist()
    with pytest.raises(AccountError, match="第一个账户必须是系统管理员"):
        svc.create("wang", "officer", "officer-pass", by=None)
    assert not svc.accounts_exist()
    first = svc.create("  Admin ", "admin", "correct-horse", display_name="管理员", unit="福州市行政服务中心", by=None)
    assert first == Actor("admin", "管理员", "admin", "福州市行政服务中心")
    assert svc.accounts_exist()
    assert svc.get("ADMIN") == first
    assert stored_hash(engine, "admin") != "correct-horse"
    assert actions(audit) == [("account_create", None, "admin")]
    assert audit.entries()[0].detail["first"] is True


def test_after_the_first_only_an_admin_creates(svc, admin, audit):
    with pytest.raises(NotPermitted, match="需要登录"):
        svc.create("wang", "officer", "officer-pass", by=None)
    officer = svc.create("wang", "officer", "officer-pass", display_name="王芳", by=admin)
    with pytest.raises(NotPermitted, match="王芳（经办人）无权管理账户"):
        svc.create("li", "officer", "officer-pass", by=officer)
    sup = svc.create("zhao", "supervisor", "super-pass", by=admin)
    with pytest.raises(NotPermitted):
        svc.create("li", "officer", "officer-pass", by=sup)
    assert [a.name for a in svc.list()] == ["admin", "wang", "zhao"]
    assert ("account_create", "admin", "wang") in actions(audit)
    assert not any(t == "li" for _a, _b, t in actions(audit))


def test_an_admin_demoted_meanwhile_can_no_longer_create(svc, admin):
    other = svc.create("second", "admin", "second-pass", by=admin)
    svc.set_role("admin", "officer", by=other)
    with pytest.raises(NotPermitted):
        svc.create("li", "officer", "officer-pass", by=admin)  # the Actor still says admin; the database does not


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("a", "officer", "long-enough", "2–64"),
        ("x" * 65, "officer", "long-enough", "2–64"),
        ("王芳", "officer", "long-enough", "2–64"),
        ("wang fang", "officer", "long-enough", "2–64"),
        ("wang", "boss", "long-enough", "角色"),
        ("wang", "officer", "short", "至少 8 位"),
        ("wangfang", "officer", "WangFang", "不能与用户名相同"),
        ("wang", "officer", "", "不能为空"),
    ],
)
def test_bad_names_roles_and_passwords_refused(svc, admin, name, role, password, message):
    with pytest.raises(AccountError, match=message):
        svc.create(name, role, password, by=admin)
    assert [a.name for a in svc.list()] == ["admin"]


def test_duplicate_name_refused(svc, admin):
    svc.create("wang", "officer", "officer-pass", by=admin)
    with pytest.raises(AccountError, match="已存在"):
        svc.create("WANG", "supervisor", "officer-pass", by=admin)


def test_policy_can_be_waived_only_on_request(svc, admin):
    with pytest.raises(AccountError):
        svc.create("demo-x", "officer", "demo", by=admin)
    svc.create("demo-x", "officer", "demo", by=admin, enforce_policy=False)
    assert svc.authenticate("demo-x", "demo").name == "demo-x"


# -- signing in ----------------------------------------------------------------------------


def test_authenticate_right_and_wrong(engine, svc, admin, audit, clock):
    assert svc.authenticate("ADMIN", "correct-horse") == admin
    info = svc.list()[0]
    assert info.last_login_at == clock.t and info.locked_until is None
    with pytest.raises(LoginFailed) as wrong:
        svc.authenticate("admin", "correct-horsE")
    with pytest.raises(LoginFailed) as unknown:
        svc.authenticate("nobody", "correct-horse")
    with pytest.raises(LoginFailed) as invalid:
        svc.authenticate("无效 名字", "x")
    assert str(wrong.value) == str(unknown.value) == str(invalid.value) == "用户名或密码错误"
    got = actions(audit)
    assert got[-4:] == [("login", "admin", "admin"), ("login_failed", None, "admin"),
                        ("login_failed", None, "nobody"), ("login_failed", None, "无效 名字")]  # fmt: skip
    # never a password in the trail, nor in any table but as its hash
    text = all_text(engine)
    assert "correct-horse" not in text and "correct-horsE" not in text


def test_five_failures_lock_for_five_minutes(engine, svc, admin, audit, clock):
    for i in range(4):
        with pytest.raises(LoginFailed, match="^用户名或密码错误$"):
            svc.authenticate("admin", f"wrong-{i}")
    svc.authenticate("admin", "correct-horse")  # a success resets the count
    for i in range(4):
        with pytest.raises(LoginFailed, match="^用户名或密码错误$"):
            svc.authenticate("admin", f"wrong-{i}")
    with pytest.raises(LoginFailed, match="已锁定 5 分钟"):
        svc.authenticate("admin", "wrong-5")
    assert svc.list()[0].locked_until == clock.t + dt.timedelta(minutes=5)
    clock.advance(minutes=4, seconds=1)
    with pytest.raises(LoginFailed, match="账户已锁定，请 1 分钟后再试"):
        svc.authenticate("admin", "correct-horse")  # even the right password, while locked
    assert not svc.check_password("admin", "correct-horse")
    clock.advance(minutes=1)
    assert svc.list()[0].locked_until is None
    assert svc.authenticate("admin", "correct-horse") == admin
    failed = [e.detail for e in audit.entries(action="login_failed")]
    assert [d["reason"] for d in failed] == ["wrong"] * 9 + ["locked", "locked"]
    assert failed[8]["locked_minutes"] == 5


def test_disabled_account_cannot_sign_in(svc, admin):
    svc.create("wang", "officer", "officer-pass", by=admin)
    svc.set_disabled("wang", True, by=admin)
    with pytest.raises(LoginFailed, match="已停用"):
        svc.authenticate("wang", "officer-pass")
    with pytest.raises(LoginFailed, match="^用户名或密码错误$"):
        svc.authenticate("wang", "wrong-pass")  # says nothing more with a wrong password
    svc.set_disabled("wang", False, by=admin)
    assert svc.authenticate("wang", "officer-pass").name == "wang"


def test_check_password_for_unlocking_is_audited(svc, admin, audit):
    assert svc.check_password("admin", "correct-horse")
    assert not svc.check_password("admin", "nope-nope")
    assert not svc.check_password("ghost", "nope-nope")
    assert actions(audit)[-3:] == [("unlock", "admin", "admin"), ("login_failed", None, "admin"),
                                   ("login_failed", None, "ghost")]  # fmt: skip
    assert audit.entries()[-2].detail["via"] == "unlock"
    assert svc.list()[0].last_login_at is None  # unlocking is not a sign-in


# -- changing ------------------------------------------------------------------------------


def test_set_password_self_or_admin(engine, svc, admin, audit):
    wang = svc.create("wang", "officer", "officer-pass", by=admin)
    li = svc.create("li", "officer", "li-password", by=admin)
    svc.set_password("wang", "new-officer-pass", by=wang)
    assert svc.authenticate("wang", "new-officer-pass") == wang
    with pytest.raises(LoginFailed):
        svc.authenticate("wang", "officer-pass")
    with pytest.raises(NotPermitted):
        svc.set_password("wang", "hijacked-pass", by=li)
    with pytest.raises(AccountError, match="至少 8 位"):
        svc.set_password("wang", "short", by=wang)
    svc.set_password("wang", "reset-by-admin", by=admin)
    assert svc.authenticate("wang", "reset-by-admin") == wang
    changes = [e for e in audit.entries(action="account_change")]
    assert [(e.actor, e.target, e.detail) for e in changes] == [
        ("wang", "wang", {"change": "password"}), ("admin", "wang", {"change": "password"})]  # fmt: skip
    assert "reset-by-admin" not in all_text(engine)


def test_admin_reset_lifts_a_lock_out(svc, admin):
    svc.create("wang", "officer", "officer-pass", by=admin)
    for i in range(5):
        with pytest.raises(LoginFailed):
            svc.authenticate("wang", f"wrong-{i}")
    svc.set_password("wang", "fresh-password", by=admin)
    assert svc.authenticate("wang", "fresh-password").name == "wang"


def test_roles_and_disabling_never_leave_no_admin(svc, admin, audit):
    with pytest.raises(AccountError, match="最后一个"):
        svc.set_role("admin", "supervisor", by=admin)
    with pytest.raises(AccountError, match="最后一个"):
        svc.set_disabled("admin", True, by=admin)
    second = svc.create("second", "admin", "second-pass", by=admin)
    svc.set_disabled("second", True, by=admin)
    with pytest.raises(AccountError, match="最后一个"):  # the other admin is disabled: does not count
        svc.set_role("admin", "officer", by=admin)
    svc.set_disabled("second", False, by=admin)
    svc.set_role("admin", "officer", by=second)
    assert svc.get("admin").role == "officer"
    with pytest.raises(NotPermitted):
        svc.set_role("second", "officer", by=svc.get("admin"))
    with pytest.raises(AccountError, match="没有账户"):
        svc.set_disabled("ghost", True, by=second)
    got = [(e.actor, e.target, e.detail) for e in audit.entries(action="account_change")]
    assert got == [("admin", "second", {"change": "disable"}), ("admin", "second", {"change": "enable"}),
                   ("second", "admin", {"change": "role", "from": "admin", "to": "officer"})]  # fmt: skip


def test_disabled_admin_cannot_act(svc, admin):
    second = svc.create("second", "admin", "second-pass", by=admin)
    svc.set_disabled("second", True, by=admin)
    with pytest.raises(NotPermitted, match="已停用"):
        svc.create("li", "officer", "officer-pass", by=second)


def test_demo_accounts_idempotent(svc, audit):
    ensure_demo_accounts(svc, unit="福州市行政服务中心")
    ensure_demo_accounts(svc)
    infos = {a.name: a for a in svc.list()}
    assert {n: (a.role, a.display_name) for n, a in infos.items()} == {
        "demo-admin": ("admin", "演示管理员"), "demo-supervisor": ("supervisor", "演示科长"),
        "demo-officer": ("officer", "演示经办人")}  # fmt: skip
    assert infos["demo-officer"].unit == "福州市行政服务中心"
    assert svc.authenticate("demo-officer", acc.DEMO_PASSWORD).role == "officer"
    assert len(audit.entries(action="account_create")) == 3
    assert audit.verify().intact
