"""Every message the core modules below write has its template in ui/core_text.py (issue 14 item 2).

Qt-free scan (``ast``, tests/support/core_messages.py): each Chinese literal, f-string or ``+`` chain of
these modules — their errors (AccountError, LoginFailed, NotPermitted, CodeError, BatchFileError,
BackupError, the platform's), progress lines and result summaries — written with ``{0}``, ``{1}`` … for
its values, must be one of the texts ``creditdesk/ui/core_text.py`` or ``creditdesk/ui/vocabulary.py``
marks with ``QT_TRANSLATE_NOOP``: so the English window shows it in English and a new message without
one fails here. ``DATA`` names the few literals that are data, not words of the window.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from support.core_messages import message_shapes, numbered, translated_literals

ROOT = Path(__file__).resolve().parents[1]
COVERED = (
    "creditdesk/services/accounts.py",
    "creditdesk/roles.py",
    "creditdesk/identifiers.py",
    "creditdesk/services/batchfile.py",
    "creditdesk/services/backup.py",
    "creditdesk/services/followup.py",
    "creditdesk/platform/client.py",
    "creditdesk/platform/credentials.py",
    "creditdesk/platform/keys.py",
    "creditdesk/platform/outbox.py",
    "creditdesk/platform/session.py",
    "creditdesk/platform/sync.py",
    "creditdesk/platform/usecases.py",
    "creditdesk/platform/bundle/apply.py",
    "creditdesk/platform/bundle/archive.py",
    "creditdesk/platform/bundle/common.py",
    "creditdesk/platform/bundle/verify.py",
    "creditdesk/services/reviews.py",
    "creditdesk/services/review_workflow.py",
    "creditdesk/services/objections.py",
    "creditdesk/services/credit_review.py",
    "creditdesk/services/recheck.py",
    "creditdesk/protocol.py",
    "creditdesk/services/apply.py",
    "creditdesk/services/check.py",
    "creditdesk/services/purge.py",
    "creditdesk/services/audit.py",
    "creditdesk/services/usage.py",
    "creditdesk/services/lookup.py",
    "creditdesk/services/keystore.py",
    "creditdesk/policy/store.py",
    "creditdesk/policy/engine.py",
    "creditdesk/wording.py",
    "creditdesk/config.py",
    "creditdesk/db/sync_lock.py",
    "creditdesk/services/ledger.py",
    "creditdesk/rows/ledger.py",
    "creditdesk/rows/usage.py",
)
DATA = {
    # The demo accounts' display names: stored in the accounts table and shown as names.
    ("creditdesk/services/accounts.py", "演示管理员"): "a demo account's name",
    ("creditdesk/services/accounts.py", "演示科长"): "a demo account's name",
    ("creditdesk/services/accounts.py", "演示经办人"): "a demo account's name",
    # The settings' defaults: the unit's and the window's names, data the administrator replaces.
    ("creditdesk/config.py", "福州市行政服务中心"): "a default unit name",
    ("creditdesk/config.py", "1号窗口"): "a default window name",
    # Raised while a profile is loaded and checked (a profile author's error, in English already).
    ("creditdesk/policy/store.py", "{0}月{1}日 does not come every year"): "a profile author's message",
    # Not messages: a pattern that reads a typed phone number, and lines of generated Python source
    # (protocol.py compiles its row builders; the exception they raise is the templated 实体 id 无效：{0}).
    ("creditdesk/services/objections.py", r"(.*?)(?:\s*(?:转|ext\.?|[-#])\s*(\d{1,6}))?"): "a regular expression",
    ("creditdesk/protocol.py", "            raise InvalidChange(f'实体 id 无效：{eid!r}')"): "generated source",
    ("creditdesk/protocol.py", "    if not isinstance(data, dict): raise InvalidChange('upsert 缺少 data 对象')"): "generated source",
}


def _known() -> set[str]:
    ui = ROOT / "creditdesk" / "ui"
    return translated_literals(ui / "core_text.py") | translated_literals(ui / "vocabulary.py")


@pytest.mark.parametrize("module", COVERED)
def test_every_message_of_the_module_has_a_template(module):
    known = _known()
    shapes = message_shapes(ROOT / module)
    assert shapes, f"{module}: no Chinese message found — is the scan still reading it?"
    lacking = {s: line for s, line in shapes.items() if s not in known and (module, s) not in DATA}
    assert not lacking, (f"{module}: messages without a template in creditdesk/ui/core_text.py "
                         f"(add a QT_TRANSLATE_NOOP line, run pyside6-lupdate, translate): {lacking}")  # fmt: skip


def test_the_scan_sees_the_shapes_as_core_text_writes_them(tmp_path):
    """An f-string, a str.format text, a ``+`` chain and a value's own literals, each as its shape."""
    source = tmp_path / "m.py"
    source.write_text(
        '"""文档字符串不算。"""\n'
        "import logging\nlog = logging.getLogger()\n"
        'def f(n, what, ok):\n'
        '    log.warning("日志不算：%s", n)\n'
        '    a = f"名单 {n} 超过 {n + 1:,} 行"\n'
        '    b = "设置文件 {config} 请另行复制。"\n'
        '    c = "请求过大" + what\n'
        '    d = f"平台暂时无法访问：{\'平台繁忙\' if ok else \'平台网关超时\'}"\n'
        '    return a, b, c, d, "、".join(what)\n', encoding="utf-8")  # fmt: skip
    assert set(message_shapes(source)) == {"名单 {0} 超过 {1} 行", "设置文件 {0} 请另行复制。", "请求过大{0}",
                                           "平台暂时无法访问：{0}", "平台繁忙", "平台网关超时"}  # fmt: skip
    assert numbered("a\0b\0") == "a{0}b{1}"


def _raised(fn, *args, **kwargs) -> str:
    with pytest.raises(Exception) as info:
        fn(*args, **kwargs)
    return str(info.value)


def real_messages(tmp_path) -> list[str]:
    """Messages the core really writes (not copied here): a refused port, a bad list, a bad backup …"""
    import socket

    from creditdesk.app import open_app
    from creditdesk.platform.bundle.verify import verify_bundle
    from creditdesk.platform.client import PlatformClient
    from creditdesk.roles import Actor, require
    from creditdesk.services.accounts import check_password_policy
    from creditdesk.services.backup import read_manifest
    from creditdesk.services.batchfile import read_lines

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bad_list = tmp_path / "名单.csv"
    bad_list.write_bytes("代码\n".encode("gbk"))
    not_backup = tmp_path / "x.cdbak"
    not_backup.write_bytes(b"not a zip")
    not_bundle = tmp_path / "x.cdpkg"
    not_bundle.write_bytes(b"not a zip either")
    officer = Actor(name="wang", role="officer", display_name="王")
    out = [
        _raised(PlatformClient(f"http://127.0.0.1:{port}", client_id="c", token="t").meta),
        _raised(read_lines, str(bad_list)),
        _raised(read_manifest, not_backup),
        _raised(check_password_policy, "wang", "x"),
        _raised(require, officer, "manage_accounts"),
        _raised(require, None, "review"),
    ]
    ctx = open_app(tmp_path / "home")
    try:
        out.append(_raised(verify_bundle, not_bundle, ctx.engine))
    finally:
        ctx.close()
    return out


def test_in_chinese_the_window_shows_the_cores_text_unchanged(qapp, tmp_path):
    from creditdesk.ui.core_text import core_message

    messages = real_messages(tmp_path)
    assert messages[0].startswith("无法连接平台（连接被拒绝）。请检查：")  # the fail-fast message, no retries
    for text in messages:
        assert core_message(text) == text


@pytest.fixture
def english(qapp):
    from creditdesk.ui.i18n import DEFAULT_LOCALE, install_translators

    install_translators(qapp, "en")
    yield
    install_translators(qapp, DEFAULT_LOCALE)


def test_in_english_the_cores_messages_keep_only_their_data_in_chinese(english, tmp_path):
    import re

    from creditdesk.ui.core_text import core_message

    han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
    refused, bad_list, not_backup, short, denied, anonymous, bundle = map(core_message, real_messages(tmp_path))
    assert refused.startswith("Cannot connect to the platform (connection refused). Please check that the platform "
                              "service is running")  # fmt: skip
    assert refused.endswith("The local data stays usable") and not han.search(refused)
    assert bad_list.startswith("The list 名单.csv is not UTF-8: it cannot be decoded from row 1")  # the name is data
    assert han.findall(bad_list) == ["名单"]
    assert not_backup.startswith(f"{tmp_path / 'x.cdbak'} is not a CreditDesk backup file (")
    assert short == "The password needs at least 8 characters"
    assert denied == "王 (Officer) may not: Manage accounts; this needs: Administrator"  # 王 is the account's name
    assert anonymous == "Sign in first (needed for: Carry out reviews; use --user, or sign in in the window)"
    assert bundle.startswith("Offline bundle not imported (the archive integrity check failed, archive): "
                             "Not a valid ZIP archive, or damaged ("), bundle  # fmt: skip


def test_a_stored_alert_sentence_is_rendered_in_english_with_its_data_as_it_is(english):
    """followup.py stores the alert as one sentence (name, code, commitment number, category label, title
    and, when there is one, the document number): the English window shows it with the label translated and
    the core's full-width brackets around data as English ones (the ``{0}（{1}）`` glue template)."""
    from creditdesk.ui.core_text import core_message

    base = "福州顺心贸易有限公司（91350104MA2XXXXX1Q）在信用承诺 CN-20261111-0015 履行期间新增行政处罚记录：销售不合格产品"
    assert core_message(base + "（榕市监罚〔2026〕234号），请核实是否违背承诺") == (
        "福州顺心贸易有限公司 (91350104MA2XXXXX1Q) has a new record during credit commitment CN-20261111-0015 — "
        "Administrative penalty: 销售不合格产品 (榕市监罚〔2026〕234号); check whether the commitment is breached")
    assert core_message(base + "，请核实是否违背承诺") == (  # no document number: an empty value
        "福州顺心贸易有限公司 (91350104MA2XXXXX1Q) has a new record during credit commitment CN-20261111-0015 — "
        "Administrative penalty: 销售不合格产品; check whether the commitment is breached")


def test_another_windows_sync_is_named_in_english(english):
    """db/sync_lock.py's refusal with its holder (what, workstation, process, since) as the core writes it."""
    from creditdesk.db.sync_lock import SyncBusy
    from creditdesk.ui.core_text import core_message

    text = str(SyncBusy("同步，工作站 ws-3，进程 4711，自 2026-11-20 09:30 起"))
    assert text.startswith("另一窗口正在同步（同步，工作站 ws-3，进程 4711，自 2026-11-20 09:30 起）：")
    assert core_message(text) == (
        "Another window is syncing (Sync, workstation ws-3, process 4711, since 2026-11-20 09:30): one database takes "
        "one sync or offline bundle import at a time. Nothing was changed: try again when it has finished")
