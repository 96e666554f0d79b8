"""The English translation (issue 14 item 2): current with the code, compiled, and complete on the tour.

- resources/translations/creditdesk_en.ts holds every string the code passes to tr()
  (pyside6-lupdate finds nothing new or gone) and each has a finished translation;
- the committed .qm is what pyside6-lrelease makes of the .ts (the wheel carries it);
- the scripted tour in English (on its 1366×768 offscreen screen) asks for no string without a translation, shows
  no Chinese on any visible widget of any state except data (see test_english_tour_shows_no_chinese_but_data),
  and no button or one-line label on any of its screens is narrower than its text (clipped).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from creditdesk.paths import translations_dir

ROOT = Path(__file__).resolve().parents[1]
TS = translations_dir() / "creditdesk_en.ts"
QM = translations_dir() / "creditdesk_en.qm"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} not found (it comes with PySide6)"
    return found


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def test_ts_holds_every_tr_string_of_the_code_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "creditdesk" / "ui").glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-source-language", "zh_CN",
                    "-target-language", "en"], check=True, capture_output=True)  # fmt: skip
    now = _messages(fresh)
    stale = [k for k, t in now.items() if t.get("type") in ("vanished", "obsolete")]
    new = [k for k, t in now.items() if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert not new, f"strings without an English translation (run pyside6-lupdate, translate): {new[:10]}"
    assert not stale, f"strings the code no longer has (run pyside6-lupdate -no-obsolete): {stale[:10]}"
    assert set(now) == set(_messages(TS))


def test_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "creditdesk_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == QM.read_bytes(), "creditdesk_en.qm is stale: run pyside6-lrelease on the .ts"


def test_english_is_chosen_by_setting_or_system_locale():
    from PySide6.QtCore import QLocale

    from creditdesk.ui.i18n import choose_language

    english, chinese = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), QLocale(QLocale.Language.Chinese)
    german = QLocale(QLocale.Language.German)
    assert choose_language("en", chinese) == "en"
    assert choose_language("zh_CN", english) == "zh_CN"
    assert choose_language("auto", english) == "en"
    assert choose_language("auto", chinese) == "zh_CN"
    assert choose_language("auto", german) == "zh_CN"  # Chinese stays the default


TOUR_CHECK = textwrap.dedent(
    r"""
    import json, re, sqlite3, sys
    from pathlib import Path
    import creditdesk.ui  # noqa: F401 - before Qt
    from PySide6.QtGui import Qt  # QtGui's Qt namespace has mightBeRichText
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
    from creditdesk.ui import tour

    out, report, home = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    data_areas = set(json.loads(sys.argv[4]))
    CORE_SENTENCES = {tuple(c) for c in json.loads(sys.argv[5])}
    missing, clipped, states, shown = set(), [], [], []

    def in_data_area(w):
        while w is not None:
            if w.objectName() in data_areas or w.property("creditdeskData"):
                return True
            w = w.parentWidget()
        return False

    def check(name, widget):
        states.append(name)
        top = widget.window()
        for w in [top, *top.findChildren(QWidget)]:
            if w.isVisible() and not in_data_area(w):
                for text in tour.visible_texts(w, own_only=True):
                    shown.append([name, type(w).__name__, w.objectName(), text])
        for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
            if not w.isVisible() or w.width() <= 1:
                continue
            text = w.text()
            rich = isinstance(w, QLabel) and (w.textFormat() == Qt.TextFormat.RichText or (
                w.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)))
            if not text or (isinstance(w, QLabel) and (w.wordWrap() or rich)):
                continue  # wrapping and rich-text labels lay themselves out over lines
            need = w.sizeHint().width()
            if need > w.width() + 2:
                clipped.append([name, type(w).__name__, text[:80], need, w.width()])
        hint = top.minimumSizeHint()
        if top.isWindow() and (hint.width() > 1366 or hint.height() > 768):
            clipped.append([name, "window minimum size", top.objectName(), hint.width(), hint.height()])

    code = tour.main([out, "--language", "en", "--subjects", "300", "--home", str(home)],
                     on_state=check, missing=missing)
    cjk = re.compile(r"[一-鿿]")
    # The data of the tour's home, as text: every string the database holds, the settings file and the
    # city profiles (policy quotes, measures, templates, authorities).
    from creditdesk.paths import resolve_paths
    paths = resolve_paths(home)
    data = [paths.config_file.read_text(encoding="utf-8")]
    with sqlite3.connect(paths.database_file) as db:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            cursor = db.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                for column, v in zip(columns, row):
                    if (table, column) in CORE_SENTENCES:
                        continue  # the core's own sentences: not data, the window renders them in its language
                    if isinstance(v, str) and v[:1] in "[{":
                        try:  # JSON columns may keep their Chinese as \\u escapes
                            v = json.dumps(json.loads(v), ensure_ascii=False)
                        except ValueError:
                            pass
                    if isinstance(v, str) and cjk.search(v):
                        data.append(v)
    data += [p.read_text(encoding="utf-8") for p in (Path(tour.__file__).parents[1] / "resources" / "policies").glob("*.json")]
    json.dump({"code": code, "states": states, "clipped": clipped, "shown": shown, "data": data,
               "missing": sorted([c, s] for c, s in missing if cjk.search(s))}, open(report, "w"), ensure_ascii=False)
    """
)
# Areas of the window that show a document in Chinese whatever the window's language: skipped whole.
DATA_AREAS = {
    "commitmentText": "the credit commitment (信用承诺书) the applicant reads and signs",
}
# Columns that hold a sentence the core wrote (an alert's message, a refusal's reason, a sync's error) rather than
# data: their Chinese does not count as data, so the English window must render them (ui/core_text.py).
CORE_SENTENCES = {
    ("supervisor_alert", "message"): "followup.py's alert: name, code, number, category, title in a sentence",
    ("rejected_change", "reason"): "why the client refused a platform change (protocol.py)",
    ("outbox_item", "reason"): "why the platform refused a submission",
    ("outbox_item", "last_error"): "the last delivery error (platform/client.py)",
    ("sync_state", "last_error"): "the last sync error (platform/client.py)",
}
LANGUAGE_NAMES = {"中文（简体）"}  # 设置's language chooser names each language in itself
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@pytest.fixture(scope="module")
def english_tour(tmp_path_factory):
    work = tmp_path_factory.mktemp("tour-en")
    report = work / "report.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the tour picks its own offscreen 1366×768 screen
    run = subprocess.run([sys.executable, "-c", TOUR_CHECK, str(work / "shots"), str(report), str(work / "home"),
                          json.dumps(sorted(DATA_AREAS)), json.dumps(sorted(CORE_SENTENCES))], env=env,
                         capture_output=True, text=True, timeout=900)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(report.read_text(encoding="utf-8")), work / "shots"


def test_english_tour_asks_for_no_untranslated_string(english_tour):
    result, shots = english_tour
    assert result["code"] == 0 and len(result["states"]) >= 30
    assert len(list(shots.glob("*.png"))) == len(result["states"])
    # A message the core formats with its numbers and a page then passes to tr() (e.g. "有 2 条有效不良记录
    # 无措施规定") cannot be a literal in the .ts: those (with a digit in them) are listed, not failed on.
    formatted = [m for m in result["missing"] if re.search(r"\d", m[1])]
    literal = [m for m in result["missing"] if m not in formatted]
    assert literal == [], f"{len(literal)} strings without translation: {literal[:15]}"
    assert len(formatted) <= 5, f"core messages formatted before tr(): {formatted}"


# A label the data keeps beside its code (an alert's category_label, a profile's matter label): not data.
LABEL_IN_DATA = re.compile(r'"(?:\w+_)?label":\s*"[^"]*"')


def untranslated_on_screen(shown: list, data: list[str]) -> list:
    """The shown texts with a Chinese word that is not data: each run of Chinese characters in a shown
    text must be a run of the home's data (labels the data keeps beside their codes left out)."""
    data_runs = {run for text in data for run in HAN_RUN.findall(LABEL_IN_DATA.sub("", text))}

    def is_data(m: re.Match) -> bool:
        if m.group(0) in data_runs:
            return True
        cut = m.string[m.end():m.end() + 1] == "…"  # a long text cut short in its cell
        return cut and any(run.startswith(m.group(0)) for run in data_runs)

    return [item for item in shown
            if item[3] not in LANGUAGE_NAMES and not all(is_data(m) for m in HAN_RUN.finditer(item[3]))]


def test_the_data_tell_itself():
    data = ["福州顺心贸易有限公司", '{"title": "销售不合格产品", "doc_no": "榕市监罚〔2026〕234号", "category_label": "行政处罚"}']
    shown = [["s", "QLabel", "", "福州顺心贸易有限公司 913501046151269027 Legal person"],
             ["s", "QLabel", "", "Record: 销售不合格产品（榕市监罚〔2026〕234号）"],
             ["s", "QTableWidget", "", "销售不合…"],
             ["s", "QLabel", "", "Category: 行政处罚"], ["s", "QPushButton", "", "确认已阅(&A)"]]  # fmt: skip
    assert untranslated_on_screen(shown, data) == shown[3:]


def test_english_tour_shows_no_chinese_but_data(english_tour):
    """Every state of the English tour, every visible widget: labels, buttons (and their tooltips),
    tab titles, window titles, table and list headers and cells, combo items, group box titles,
    placeholder texts. Chinese there must be data, told apart in two ways:

    - areas that show a document in Chinese whatever the window's language (DATA_AREAS by objectName,
      or any widget with the property ``creditdeskData``) are skipped whole;
    - elsewhere each run of Chinese characters must occur in the tour home's own data — its database
      (subject names, record titles, authorities, account names, typed reasons), its settings (the
      unit and window names) and the city profiles (policy quotes, measures, reporting addressees);
      a label the data keeps beside its code (``"category_label": …``) does not count as data.
    A page that puts a label around data ("Chosen: 政府采购") fails; one that shows a name does not."""
    result, _shots = english_tour
    bad = untranslated_on_screen(result["shown"], result["data"])
    unique = sorted({(item[1], item[2], item[3][:90]) for item in bad})
    assert not unique, f"{len(unique)} Chinese texts on the English screens:\n" + "\n".join(map(str, unique[:80]))


def test_english_tour_at_1366x768_clips_no_button_or_label(english_tour):
    result, _shots = english_tour
    assert result["clipped"] == [], "\n".join(map(str, result["clipped"][:20]))
