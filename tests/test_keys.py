"""TrustedKeys against real databases: first-contact pinning, changed keys held pending, the administrator's trust."""

from __future__ import annotations

import base64
import logging

import pytest

from creditdesk import cli
from creditdesk.platform.keys import ConfirmationRequired, InvalidKey, TrustedKeys, parse_public_key
from creditdesk_platform.bundles import generate_signing_key, public_key_b64

K1, K2, K3 = (generate_signing_key() for _ in range(3))
PK1, PK2, PK3 = (public_key_b64(k) for k in (K1, K2, K3))


def meta_keys(*pairs: tuple[str, str]) -> list[dict]:
    return [{"key_id": kid, "alg": "ed25519", "public_key": pk} for kid, pk in pairs]


def statuses(keys: TrustedKeys) -> list[tuple[str, str, str, str]]:
    return sorted((k.platform_id, k.key_id, k.public_key, k.status) for k in keys.list_keys())


def test_first_contact_pins_every_key_and_the_pinned_key_verifies(engine):
    keys = TrustedKeys(engine)
    changes = keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1), ("k2027", PK2)))
    assert [(c.key_id, c.action, c.status) for c in changes] == [("k2026", "pinned", "trusted"), ("k2027", "pinned", "trusted")]
    assert not any(c.needs_admin for c in changes)
    listed = keys.list_keys()
    assert {(k.key_id, k.status, k.source) for k in listed} == {("k2026", "trusted", "meta"), ("k2027", "trusted", "meta")}
    assert keys.is_pinned("fuzhou") and not keys.is_pinned("xiamen")
    pub = keys.trusted_key("fuzhou", "k2026")
    pub.verify(K1.sign(b"manifest"), b"manifest")  # raises if it were another key
    assert keys.trusted_key("fuzhou", "nope") is None
    assert keys.trusted_key("xiamen", "k2026") is None


def test_the_same_keys_again_change_nothing(engine):
    keys = TrustedKeys(engine)
    keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1)))
    before = statuses(keys)
    assert keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1))) == []
    assert statuses(keys) == before


def test_a_changed_key_is_pending_not_trusted_and_reported_loudly_every_time(engine, caplog):
    keys = TrustedKeys(engine)
    keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1)))
    with caplog.at_level(logging.WARNING, logger="creditdesk.platform.keys"):
        (change,) = keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK2)))
    assert (change.action, change.status, change.public_key) == ("changed", "pending", PK2)
    assert change.needs_admin
    assert "已变更" in change.message and "--confirm" in change.message
    assert any("已变更" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    # Not trusted: the old key still is.
    keys.trusted_key("fuzhou", "k2026").verify(K1.sign(b"x"), b"x")
    assert ("fuzhou", "k2026", PK2, "pending") in statuses(keys)
    # Still reported at the next contact, without a second row.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="creditdesk.platform.keys"):
        (again,) = keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK2)))
    assert again.action == "still_pending" and again.needs_admin
    assert caplog.records
    assert len(keys.list_keys()) == 2


def test_a_new_key_id_for_a_pinned_platform_is_pending(engine):
    keys = TrustedKeys(engine)
    keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1)))
    changes = keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1), ("k2027", PK2)))
    assert [(c.key_id, c.action, c.status) for c in changes] == [("k2027", "new_key", "pending")]
    assert keys.trusted_key("fuzhou", "k2027") is None
    # Another platform's first contact is its own.
    (other,) = keys.pin_from_meta("xiamen", meta_keys(("k2027", PK3)))
    assert other.action == "pinned"


def test_keys_trusted_by_an_administrator_count_as_pinned(engine):
    keys = TrustedKeys(engine)
    change = keys.trust("fuzhou", "k2026", PK1)
    assert (change.action, change.status) == ("trusted", "trusted")
    (info,) = keys.list_keys()
    assert (info.source, info.status) == ("admin", "trusted") and info.confirmed_at is not None
    # meta: the same key is nothing, any other is pending
    assert keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1))) == []
    (pending,) = keys.pin_from_meta("fuzhou", meta_keys(("k2028", PK2)))
    assert pending.action == "new_key"
    # trusting the same key again is a no-op
    assert keys.trust("fuzhou", "k2026", PK1).action == "unchanged"
    # confirming a pending new key id needs no --confirm (nothing trusted is replaced)
    assert keys.trust("fuzhou", "k2028", PK2).action == "trusted"
    assert keys.trusted_key("fuzhou", "k2028") is not None
    assert len(keys.list_keys()) == 2  # the pending row became trusted, no duplicate


def test_replacing_a_trusted_key_needs_confirmation_and_retires_the_old_one(engine):
    keys = TrustedKeys(engine)
    keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1)))
    keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK2)))  # pending
    before = statuses(keys)
    with pytest.raises(ConfirmationRequired, match="--confirm"):
        keys.trust("fuzhou", "k2026", PK2)
    assert statuses(keys) == before
    change = keys.trust("fuzhou", "k2026", PK2, confirm=True)
    assert change.action == "replaced"
    assert set(statuses(keys)) == {("fuzhou", "k2026", PK1, "retired"), ("fuzhou", "k2026", PK2, "trusted")}
    keys.trusted_key("fuzhou", "k2026").verify(K2.sign(b"x"), b"x")
    # The platform announcing the retired key again does not bring it back.
    changes = keys.pin_from_meta("fuzhou", meta_keys(("k2026", PK1), ("k2026", PK2)))
    assert [(c.action, c.status) for c in changes] == [("retired_offered", "retired")]
    keys.trusted_key("fuzhou", "k2026").verify(K2.sign(b"x"), b"x")
    # A third key for k2026, straight from the administrator, also needs confirm.
    with pytest.raises(ConfirmationRequired):
        keys.trust("fuzhou", "k2026", PK3)
    keys.trust("fuzhou", "k2026", PK3, confirm=True)
    assert [k.status for k in keys.keys_of("fuzhou", "k2026")] == ["retired", "retired", "trusted"]


RAW = base64.b64decode(PK1[4:])


@pytest.mark.parametrize(
    "value, message",
    [
        (None, "不能为空"),
        ("", "不能为空"),
        (PK1[4:], "b64:"),  # no prefix
        ("base64:" + PK1[4:], "b64:"),
        ("b64:!!notbase64!!", "base64"),
        ("b64:" + base64.b64encode(RAW[:31]).decode(), "32 字节"),
        ("b64:" + base64.b64encode(RAW + b"\0").decode(), "32 字节"),
        ("b64:" + base64.b64encode(b"\x01" * 64).decode(), "32 字节"),  # a signature, not a key
    ],
)
def test_malformed_public_keys_are_refused_with_a_clear_message(engine, value, message):
    with pytest.raises(InvalidKey, match=message):
        parse_public_key(value)
    with pytest.raises(InvalidKey, match=message):
        TrustedKeys(engine).trust("fuzhou", "k2026", value)
    assert TrustedKeys(engine).list_keys() == []


def test_keys_written_without_padding_or_with_spaces_are_stored_in_one_form(engine):
    keys = TrustedKeys(engine)
    keys.trust("fuzhou", "k2026", "  " + PK1 + "\n")
    assert keys.list_keys()[0].public_key == PK1


@pytest.mark.parametrize("platform_id, key_id", [("", "k1"), ("fuzhou", ""), (" fuzhou", "k1"), ("fuzhou", "k" * 81)])
def test_bad_platform_or_key_ids_are_refused(engine, platform_id, key_id):
    with pytest.raises(InvalidKey):
        TrustedKeys(engine).trust(platform_id, key_id, PK1)


def test_malformed_meta_entries_are_ignored_and_reported_the_others_pinned(engine):
    keys = TrustedKeys(engine)
    changes = keys.pin_from_meta(
        "fuzhou",
        [
            {"key_id": "bad", "alg": "ed25519", "public_key": "b64:AAAA"},
            {"key_id": "rsa", "alg": "rsa", "public_key": PK2},
            "not an object",
            {"key_id": "k2026", "alg": "ed25519", "public_key": PK1},
        ],
    )
    assert [c.action for c in changes] == ["invalid", "invalid", "invalid", "pinned"]
    assert "32 字节" in changes[0].message and "ed25519" in changes[1].message
    assert [(k.key_id, k.status) for k in keys.list_keys()] == [("k2026", "trusted")]


def test_cli_trust_confirm_and_list(tmp_path, capsys):
    home = str(tmp_path / "home")
    base = ["--home", home, "platform"]
    assert cli.main([*base, "trust", "--platform-id", "fuzhou", "--key-id", "k2026", "--public-key", PK1]) == 0
    assert "已信任" in capsys.readouterr().out
    assert cli.main([*base, "trust", "--platform-id", "fuzhou", "--key-id", "k2026", "--public-key", PK2]) == 1
    assert "--confirm" in capsys.readouterr().err
    assert cli.main([*base, "trust", "--platform-id", "fuzhou", "--key-id", "k2026", "--public-key", "b64:AAAA"]) == 1
    assert "32 字节" in capsys.readouterr().err
    assert cli.main([*base, "trust", "--platform-id", "fuzhou", "--key-id", "k2026", "--public-key", PK2, "--confirm"]) == 0
    assert "替换" in capsys.readouterr().out
    assert cli.main([*base, "keys"]) == 0
    out = capsys.readouterr().out
    assert "已停用" in out and "受信任" in out and PK2 in out
    assert cli.main([*base, "keys", "--json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert {(k["public_key"], k["status"]) for k in listed} == {(PK1, "retired"), (PK2, "trusted")}
