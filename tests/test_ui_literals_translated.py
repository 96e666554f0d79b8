"""No Chinese text in the window code bypasses the translation (issue 14 item 2).

A scan of ``creditdesk/ui/*.py`` (Python's ``ast``, no Qt): every string literal that contains a
Chinese character must be the text argument of ``tr(…)``, ``translate(context, …)``,
``QT_TRANSLATE_NOOP(context, …)`` or ``QT_TR_NOOP(…)`` — the calls ``pyside6-lupdate`` reads into
the .ts. A literal anywhere else (a dict of labels, a column tuple, ``"是" if x else "否"``, an
f-string) reaches the English window in Chinese. Docstrings are exempt. Punctuation alone (``"；"``,
``"（"``, the ideographic space) is not checked: it carries no word to translate.

``ALLOWED`` names the few literals that must stay Chinese, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "creditdesk" / "ui"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
TRANSLATING = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}  # call → index of its text

ALLOWED = {
    # Each language by its own name in 设置's chooser (and 跟随系统 is shown translated via tr there).
    ("i18n.py", "中文（简体）"): "a language's own name",
    # Printed before Qt (and its translations) is up: the console of a machine without a CJK font.
    ("main.py", "警告：系统没有中文字体，界面文字将显示为方框。请安装："): "printed before any translator",
    # The tour's inputs: what the person types or signs (data, like a subject's name).
    ("tour.py", "顺心"): "typed into the query box",
    ("tour.py", "王五"): "the signer's name",
    ("tour.py", "申请人现场提交行政处罚决定撤销书，平台尚未同步"): "the officer's typed reason",
    ("tour.py", "已核对撤销决定书原件"): "the supervisor's typed note",
    ("tour.py", "缺少决定日期的处罚"): "a record title in the seeded feed",
    # Compared with the core's (Chinese) error message to put the cursor in the password box; not shown.
    ("accounts_widget.py", "密码"): "matched in the core's message",
    # What the audit trail keeps of an unreadable ID-number query: stored data, not a word on screen.
    ("counter_page.py", "（身份证号码）"): "kept in the audit trail",
    # The date written into the credit commitment the applicant signs (a Chinese document: DATA_AREAS).
    ("review_panel.py", "年"): "the commitment's date",
    ("review_panel.py", "月"): "the commitment's date",
    ("review_panel.py", "日"): "the commitment's date",
}
# Whole modules whose Chinese is a printed document's, not the window's: the 信用核查单 and 信用承诺书 are
# official papers in Chinese whatever language the window speaks (docs/slips; the preview shows the PDF).
PRINTED = {
    "review_adapter.py": "the slip's texts (its report problems reach the screen through ui/vocabulary.py)",
}


def untranslated(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value)):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Expr):
            continue  # a docstring (or a bare string statement)
        if isinstance(parent, ast.Call) and parent.args:
            name = getattr(parent.func, "attr", None) or getattr(parent.func, "id", None)
            index = TRANSLATING.get(name)
            if index is not None and len(parent.args) > index and parent.args[index] is node:
                continue
        if (path.name, node.value) in ALLOWED or path.name in PRINTED:
            continue
        found.append((node.lineno, node.value))
    return sorted(found)


def test_the_scan_itself(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""模块说明"""\n'
        'A = {"x": "有效"}\n'
        'B = QT_TRANSLATE_NOOP("", "已撤销")\n'
        'def f(self, n):\n'
        '    """函数说明"""\n'
        '    self.tr("保存")\n'
        '    QCoreApplication.translate("Ctx", "取消")\n'
        '    QCoreApplication.translate("上下文", "x")\n'
        '    "；".join([])\n'
        '    return f"共 {n} 条" if n else "否"\n',
        encoding="utf-8",
    )  # fmt: skip
    assert untranslated(sample) == [(2, "有效"), (8, "上下文"), (10, " 条"), (10, "共 "), (10, "否")]


def test_every_chinese_literal_of_the_windows_goes_through_tr():
    found = [f"{p.name}:{line}: {text[:50]!r}" for p in sorted(UI.glob("*.py")) for line, text in untranslated(p)]
    assert not found, f"{len(found)} Chinese literals outside tr()/QT_TRANSLATE_NOOP:\n" + "\n".join(found[:60])


def test_the_allow_list_is_short_and_current():
    assert len(ALLOWED) <= 15 and len(PRINTED) <= 1
    for (name, text), _reason in ALLOWED.items():
        assert text in (UI / name).read_text(encoding="utf-8"), f"{name} no longer has {text!r}: drop it from ALLOWED"


def core_labels() -> dict[str, list[str]]:
    """The labels the Qt-free core gives the windows (by dictionary), and the city profiles' matters."""
    import json

    from creditdesk import credit, objection_statuses, outcomes, roles, wording
    from creditdesk.policy import model as policy_model
    from creditdesk.rows import ledger as ledger_rows
    from creditdesk.rows import usage
    from creditdesk.services import audit, audit_text, credit_review, followup, ledger, review_workflow, reviews

    groups = {
        "credit.CATEGORIES": [c.label for c in credit.CATEGORIES], "credit.NotInForce": [r.label for r in credit.NotInForce],
        "credit.SUBJECT_KIND_LABELS": credit.SUBJECT_KIND_LABELS, "credit.SUBJECT_STATUS_LABELS": credit.SUBJECT_STATUS_LABELS,
        "credit.RECORD_STATUS_LABELS": credit.RECORD_STATUS_LABELS,
        "outcomes.SHORT_LABELS": outcomes.SHORT_LABELS, "outcomes.LABELS": outcomes.LABELS,
        "policy.model.MATTER_CODES": policy_model.MATTER_CODES, "policy.model.STEP_LABELS": policy_model.STEP_LABELS,
        "review_workflow.OVERRIDE_CATEGORIES": review_workflow.OVERRIDE_CATEGORIES,
        "review_workflow.STEP_LABELS": review_workflow.STEP_LABELS, "reviews.OVERRIDE_STATUS_LABELS": reviews.OVERRIDE_STATUS_LABELS,
        "roles.ROLE_LABELS": roles.ROLE_LABELS, "roles.PERMISSION_LABELS": roles.PERMISSION_LABELS, "audit.ACTIONS": audit.ACTIONS,
        "objection_statuses.STATUS_LABELS": objection_statuses.STATUS_LABELS, "followup.STATUS_LABELS": followup.STATUS_LABELS,
        "credit_review.STATUS_LABELS": credit_review.STATUS_LABELS, "ledger.OFFLINE_LABELS": ledger.OFFLINE_LABELS,
        "wording.ENTITY_LABELS": wording.ENTITY_LABELS, "wording.SOURCE_LABELS": wording.SOURCE_LABELS,
        "wording.OUTBOX_KIND_LABELS": wording.OUTBOX_KIND_LABELS, "wording.FIELD_LABELS": wording.FIELD_LABELS,
        "usage.OBJECTION_STATUS_LABELS": usage.OBJECTION_STATUS_LABELS,
        "usage.COMMITMENT_STATUS_LABELS": usage.COMMITMENT_STATUS_LABELS, "rows.ledger.HEADERS": ledger_rows.HEADERS,
        "audit_text._KEYS": audit_text._KEYS,  # the audit page's details (audit_text.detail_text(detail, tr))
        "audit_text._VALUES": [v for d in audit_text._VALUES.values() for v in d.values()],
        "city profiles' matters": [m["label"] for p in sorted((UI.parent / "resources" / "policies").glob("*.json"))
                                   for m in json.loads(p.read_text(encoding="utf-8")).get("matters", [])],
    }  # fmt: skip
    return {name: [v for v in (d.values() if isinstance(d, dict) else d) if isinstance(v, str) and HAN.search(v)]
            for name, d in groups.items()}  # fmt: skip


def test_every_core_label_is_in_the_vocabulary():
    """A core label reaches a window as a value (tr(label), vocabulary.label(label)): lupdate sees it
    only through ui/vocabulary.py, so a label added to the core without it stays Chinese in English."""
    vocabulary = set(re.findall(r'QT_TRANSLATE_NOOP\("", "([^"]*)"\)', (UI / "vocabulary.py").read_text(encoding="utf-8")))
    missing = {name: [v for v in values if v not in vocabulary] for name, values in core_labels().items()}
    missing = {k: v for k, v in missing.items() if v}
    assert not missing, f"core labels not in ui/vocabulary.py: {missing}"


def translated_literals(path: Path) -> list[tuple[int, str]]:
    """The Chinese texts ``path`` passes to tr()/translate()/QT_TRANSLATE_NOOP() as literals."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            index = TRANSLATING.get(name)
            if index is not None and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and HAN.search(arg.value):
                    found.append((node.lineno, arg.value))
    return found


def test_every_translated_literal_is_in_the_ts():
    """pyside6-lupdate does not look inside f-strings: a ``tr('…')`` there is translated at run time only if
    the same text is in the .ts by another way (ui/vocabulary.py)."""
    import xml.etree.ElementTree as ET

    from creditdesk.paths import translations_dir

    sources = {m.findtext("source") for m in ET.parse(translations_dir() / "creditdesk_en.ts").getroot().iter("message")}
    missing = [f"{p.name}:{line}: {text!r}" for p in sorted(UI.glob("*.py")) for line, text in translated_literals(p)
               if text not in sources]  # fmt: skip
    assert not missing, "texts lupdate cannot see (inside an f-string?): add them to ui/vocabulary.py\n" + "\n".join(missing)
