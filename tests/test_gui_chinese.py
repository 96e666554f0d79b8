"""Chinese all the way: the screenshot tour walks every page and dialog, and no internal code,
table name, URL or English word reaches a screen (only the allow-list below: codes, key names,
file formats, grades, the app's name, the demo's login names)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

# What may appear in ASCII on a screen meant for people.
ALLOWED_WORDS = {
    "CreditDesk",  # the application's name
    "English",  # the English language by its own name, in 设置's language chooser
    "PDF", "CSV", "Excel", "XLSX", "USB",  # file formats and devices people know by these names
    "Ctrl", "Alt", "Shift", "Esc", "Enter", "Tab",  # key names on the keyboard
    "AA", "AAA", "BB", "BBB", "CC", "CCC",  # credit grades as the rating schemes write them
    "fzsx",  # the pinyin-initials example the hint gives (and the tour types)
    "demo", "demo-officer", "demo-supervisor", "demo-admin",  # the demo home's login names and password
}  # fmt: skip
TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/@+\-]*")
VERIFICATION_CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}")


def english_words(text: str) -> list[str]:
    """The ASCII words in ``text`` that are not allowed: codes (anything with a digit), single
    letters (grades, mnemonics, a check character) and the allow-list pass."""
    bad = []
    for m in TOKEN.finditer(text):
        if "://" in m.group(0):
            bad.append(m.group(0))  # a URL (sqlite:///…, https://…) is never for people
            continue
        if m.group(0).startswith("/") or (m.start() > 0 and text[m.start() - 1] == "/"):
            continue  # a file's path: where to find it (a saved PDF, the database file)
        token = m.group(0).strip(".:-/+@_")
        if not re.search(r"[A-Za-z]", token) or re.search(r"\d", token) or VERIFICATION_CODE.fullmatch(token):
            continue
        if token in ALLOWED_WORDS:
            continue
        parts = [p for p in re.split(r"[+]", token) if p]
        if all(len(p) == 1 or p in ALLOWED_WORDS for p in parts):
            continue
        bad.append(token)
    return bad


def test_the_checker_itself():
    assert english_words("数据截至 2026-11-20 08:00　·　seq 19957") == ["seq"]
    assert english_words("缺少必填字段 authority") == ["authority"]
    assert english_words("事项：procurement") == ["procurement"]
    assert english_words("数据库 sqlite:////tmp/creditdesk-tour-8urdy1pq/data/creditdesk.sqlite") != []
    assert english_words("本机数据库文件 /tmp/creditdesk-tour/data/creditdesk.sqlite") == []
    assert english_words("平台 https://credit.example.gov.cn/exchange") != []
    assert english_words("信用核查码 K7M2-Q9XA-3F，统一社会信用代码 91350100MA2Y0XXXX0，等级 D，Ctrl+Enter 保存") == []
    assert english_words("导出 PDF(&P)，Alt+M，纳税信用 AAA") == []


def test_every_screen_of_the_tour_is_in_chinese(tmp_path):
    texts_file = tmp_path / "texts.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_QPA_PLATFORM")  # the tour picks its own offscreen 1366×768 screen
    done = subprocess.run(
        [sys.executable, "-m", "creditdesk.ui.tour", str(tmp_path / "shots"), "--subjects", "600",
         "--texts", str(texts_file)],
        capture_output=True, text=True, timeout=900, env=env, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    assert len(texts) >= 38  # every page and dialog of the tour
    names = " ".join(texts)
    for part in ("login", "counter", "review", "slip-preview", "verify", "batch", "followup", "objections",
                 "ledger", "statistics", "audit", "sync", "settings", "lock-screen"):  # fmt: skip
        assert part in names, part
    found = {}
    for shot, items in texts.items():
        bad = sorted({w for t in items for w in english_words(t)})
        if bad:
            found[shot] = bad
    assert not found, "English words or codes on screen: " + json.dumps(found, ensure_ascii=False, indent=1)
