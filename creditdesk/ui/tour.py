"""Scripted screenshot tour: drives the real GUI on a demo city and saves a PNG per state.

    python -m creditdesk.ui.tour OUTDIR [--subjects N] [--home DIR] [--texts FILE] [--language en]

Runs offscreen on a 1366×768 screen (the most common office laptop) unless a
display is set; the window opens as the app opens it there. The README's
screenshots come from here; so does every look at a screen we change.
``--texts FILE`` also writes, per state, every text a person can see on it
(labels, buttons, lists, tables, the window title), for the test that no
internal code or English word reaches a screen (tests/test_gui_chinese.py).
Two extra shots, 1366x768-counter-mid-review.png and 1366x768-slip-preview.png,
show the counter mid-review and the slip preview in a window filling that screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TOUR_DAY = dt.date(2026, 11, 20)


def _settle(app, window, until: Callable[[], bool] | None = None, timeout: float = 20.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.runner.busy and (until is None or until()):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


SCREEN = (1366, 768)


def _offscreen_screen() -> str:
    """QT_QPA_PLATFORM for an offscreen 1366×768 screen (Qt's default offscreen screen is 800×800)."""
    import json

    config = Path(tempfile.gettempdir()) / f"creditdesk-tour-screen-{SCREEN[0]}x{SCREEN[1]}.json"
    config.write_text(json.dumps({"screens": [{"name": "office-laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")  # fmt: skip
    return f"offscreen:configfile={config}"


def visible_texts(top, own_only: bool = False) -> list[str]:  # noqa: ANN001 - a top-level QWidget
    """Every text on ``top`` that a person can see (not tooltips): what the Chinese-only test reads.

    ``own_only``: the texts of ``top`` itself, not of its children (its title if it is a window, and
    a button's tooltip too): what the English test reads, widget by widget."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    texts: list[str] = [top.windowTitle()] if not own_only or top.isWindow() else []
    if own_only and isinstance(top, QAbstractButton):
        texts.append(top.toolTip())
    for w in [top] if own_only else [top, *top.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            text = w.text()
            if w.textFormat() != Qt_PlainText() and ("<" in text and ">" in text):
                from PySide6.QtGui import QTextDocument

                doc = QTextDocument()
                doc.setHtml(text)
                text = doc.toPlainText()
            texts.append(text)
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts += [w.toPlainText(), w.placeholderText()]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(min(w.count(), 50))] + [w.placeholderText()]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count()) if w.isTabVisible(i)]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            from PySide6.QtCore import QModelIndex
            from PySide6.QtCore import Qt as _Qt
            from PySide6.QtWidgets import QHeaderView

            if isinstance(w, QHeaderView):
                continue  # the table's headers are read with the table
            model, root = w.model(), QModelIndex()
            try:
                columns = min(model.columnCount(root), 30)
            except TypeError:  # a list widget's own model: one column
                columns = 1
            table = hasattr(w, "horizontalHeader")
            for c in range(columns if table and not w.horizontalHeader().isHidden() else 0):
                texts.append(str(model.headerData(c, _Qt.Orientation.Horizontal) or ""))
            for r in range(min(model.rowCount(root), 60)):
                for c in range(columns):
                    if table and w.isColumnHidden(c):
                        continue
                    value = model.data(model.index(r, c, root))
                    texts.append(value if isinstance(value, str) else "")
    return [t for t in texts if t and t.strip()]


def Qt_PlainText():  # noqa: ANN201, N802
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


def _seed_credit_reviews(ctx, city) -> None:  # noqa: ANN001
    """Two 信用审查 requests on 跟进 (昆山 第十一条 — the only profile with a credit_review section): 跟进 counts
    working days from the machine's today, so one is asked 12 days before today (overdue), one today."""
    import datetime as _dt

    from creditdesk.policy.store import ProfileStore
    from creditdesk.services.credit_review import CreditReviewService

    kunshan = ProfileStore.from_engine(ctx.engine).resolve("kunshan", TOUR_DAY)
    officer = ctx.accounts.get("demo-officer")
    subjects = [city.showcase.get("blacklisted"), city.showcase.get("clean_trustworthy")]
    from sqlalchemy import select

    from creditdesk.db import models

    subject = models.Subject.__table__
    today = _dt.date.today()
    for sid, day in zip(subjects, (today - _dt.timedelta(days=12), today)):
        if not sid:
            continue
        with ctx.engine.connect() as conn:
            name = conn.execute(select(subject.c.name).where(subject.c.id == sid)).scalar()
        at = _dt.datetime.combine(day, _dt.time(10, 15)).astimezone()
        CreditReviewService(ctx.engine, ctx.audit, now=lambda at=at: at).request(
            kunshan, sid, "approval", ctx.settings.unit_name, officer, subject_name=name)


def _seed_sync_history(ctx) -> None:  # noqa: ANN001
    """What an administrator meets on the sync page after a while: a refused change, outbox items."""
    from creditdesk.db.engine import write_transaction
    from creditdesk.services.outbox import enqueue
    from creditdesk.services.apply import ChangeApplier
    from creditdesk.services.position import read_position

    with ctx.engine.connect() as conn:
        position = read_position(conn)
    ChangeApplier(ctx.engine, source="feed").apply(
        [{"seq": position.seq + 1, "op": "upsert", "type": "record", "id": "FZ-CF-2026-009999",
          "data": {"subject_id": "91350100MA2Y0XXXX0", "category": "admin_penalty", "title": "缺少决定日期的处罚"}}]
    )  # fmt: skip
    with write_transaction(ctx.engine) as conn:
        for n in range(3):
            enqueue(conn, "review", {"unit": ctx.settings.unit_name, "officer": "demo-officer", "n": n})


def main(argv: list[str] | None = None, on_state: Callable | None = None, missing: set | None = None) -> int:
    """``on_state(name, widget)`` is called at every saved state (the translation test looks at
    each); ``missing`` collects the strings asked for that have no translation (see ui/i18n.py)."""
    parser = argparse.ArgumentParser(prog="python -m creditdesk.ui.tour")
    parser.add_argument("outdir")
    parser.add_argument("--subjects", type=int, default=2000)
    parser.add_argument("--home", help="demo home to use (default: a fresh temporary folder)")
    parser.add_argument("--texts", help="also write every state's visible texts to this JSON file")
    parser.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN", help="the window's language")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", _offscreen_screen())

    from creditdesk.app import open_app
    from creditdesk.demo.city import DemoCity
    from creditdesk.demo.load import load_demo_city
    from creditdesk.services.position import read_position
    from creditdesk.ui.main import build_window, make_application

    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="creditdesk-tour-"))
    ctx = open_app(home, demo=True)
    with ctx.engine.connect() as conn:
        empty = read_position(conn).seq == 0
    if empty:
        from creditdesk.demo.history import generate_history
        from creditdesk.services.accounts import ensure_demo_accounts

        load_demo_city(ctx.engine, subjects=args.subjects, as_of=TOUR_DAY)
        ensure_demo_accounts(ctx.accounts, unit=ctx.settings.unit_name)
        generate_history(ctx.engine, ctx.settings, TOUR_DAY, until=dt.datetime.combine(TOUR_DAY, dt.time(16, 30)).astimezone())
        _seed_sync_history(ctx)
    city = DemoCity(subjects=args.subjects, as_of=TOUR_DAY)
    if empty:
        _seed_credit_reviews(ctx, city)

    app = make_application(language=args.language, missing=missing)
    window = build_window(ctx, today=TOUR_DAY)  # sized to the screen, as the app opens it
    window.show()
    counter = window.counter
    shots: list[str] = []
    texts: dict[str, list[str]] = {}

    def shoot(name: str, numbered: bool = True) -> None:
        _settle(app, window)
        path = out / (f"{len(shots) + 1:02d}-{name}.png" if numbered else f"{name}.png")
        widget = getattr(shoot, "widget", None) or window
        widget.grab().save(str(path))
        texts[path.stem] = visible_texts(widget)
        if numbered:
            shots.append(path.name)
        else:
            extra.append(path.name)
        if on_state is not None:
            on_state(name, widget)

    extra: list[str] = []

    def type_query(text: str, enter: bool = False) -> None:
        counter.query_edit.clear()
        counter.query_edit.setText(text)
        if enter:
            counter.search(final=True)
        _settle(app, window, timeout=5)
        time.sleep(0.35)  # let the name-search pause elapse, as when a person types
        _settle(app, window)

    from creditdesk.ui.login_dialog import LoginDialog

    login = LoginDialog(ctx.accounts, window.runner, demo=True,
                        place=f"{ctx.settings.unit_name} {ctx.settings.window_name}")
    login.show()
    shoot.widget = login  # type: ignore[attr-defined]
    shoot("login-demo-accounts")
    shoot.widget = None  # type: ignore[attr-defined]
    login.close()
    window.set_user(ctx.accounts.get("demo-officer"))
    shoot("counter-empty")
    blacklisted = city.showcase["blacklisted"]
    type_query(blacklisted[:10])
    shoot("code-partial")
    bad = blacklisted[:17] + ("0" if blacklisted[17] != "0" else "1")
    type_query(bad)
    shoot("code-wrong-check-character")
    type_query(blacklisted[:8] + "I" + blacklisted[9:])
    shoot("code-illegal-character")
    type_query(blacklisted)
    shoot("code-valid-blacklisted-profile")
    type_query("顺心")
    shoot("name-search-2-chars")
    type_query("fzsx")
    shoot("pinyin-initials")
    type_query(city.showcase["clean_trustworthy"], enter=True)
    shoot("clean-trustworthy-profile")
    type_query(city.showcase["repaired"], enter=True)
    shoot("repaired-records-not-in-force")
    person = city.showcase_id_number("person_debtor")
    if person:
        type_query(person, enter=True)
        shoot("natural-person-by-id-number")
    type_query("350102800101123", enter=True)
    shoot("first-generation-id-number")
    from creditdesk.identifiers import make_uscc

    type_query(make_uscc("91350100MA0000001"), enter=True)
    shoot("valid-code-not-in-data")
    _review_tour(app, window, ctx, city, counter, shoot, type_query)
    _supervisor_tour(app, window, ctx, shoot)
    window.nav.setCurrentRow(0)

    window.close()
    ctx.close()
    if args.texts:
        import json

        Path(args.texts).write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(shots)} screenshots in {out}:")
    for name in shots + extra:
        print("  " + name)
    return 0


def _supervisor_tour(app, window, ctx, shoot) -> None:  # noqa: ANN001
    """What a supervisor and the administrator see: follow-up, objections, ledger, statistics, audit, settings."""
    from PySide6.QtCore import QDate

    def page(p) -> None:  # noqa: ANN001
        window.nav.setCurrentRow(window.pages.indexOf(p))
        _settle(app, window)

    window.set_user(ctx.accounts.get("demo-supervisor"))
    page(window.followup_page)
    tabs = window.followup_page.tabs
    for i, name in enumerate(["followup-commitments", "followup-alerts", "followup-rechecks"]):
        if i < tabs.count():
            tabs.setCurrentIndex(i)
            shoot(name)
    followup = window.followup_page
    tabs.setCurrentIndex(tabs.indexOf(followup.credit_review_table.parentWidget()))
    shoot("followup-credit-reviews", numbered=False)  # unnumbered: the numbered states (README links) keep their numbers
    if followup.credit_review_table.rowCount():
        from creditdesk.ui.followup_page import CreditReviewResultDialog

        followup.credit_review_table.selectRow(0)
        dialog = CreditReviewResultDialog(followup.selected_credit_review(), dt.date.today(), window)
        dialog.report_no.setText("KSXS-2026-1187")
        dialog.clean.setChecked(True)
        dialog.show()
        shoot.widget = dialog  # type: ignore[attr-defined]
        shoot("followup-credit-review-result", numbered=False)
        shoot.widget = None  # type: ignore[attr-defined]
        dialog.close()
    tabs.setCurrentIndex(0)
    page(window.objections_page)
    shoot("page-objections")
    page(window.ledger_page)
    day = QDate(TOUR_DAY.year, TOUR_DAY.month, TOUR_DAY.day)
    window.ledger_page.from_edit.setDate(day)
    window.ledger_page.to_edit.setDate(day)
    window.ledger_page.reload()
    _settle(app, window)
    snap = window.ledger_page._snapshot
    if snap is not None and not snap.rows and snap.previous_day is not None:
        shoot("page-ledger-empty-day")
        window.ledger_page.go_to_day(snap.previous_day)
    shoot("page-ledger-day")
    page(window.stats_page)
    shoot("page-statistics")
    page(window.audit_page)
    shoot("page-audit")
    window.set_user(ctx.accounts.get("demo-admin"))
    page(window.sync_page)
    shoot("page-sync")
    page(window.settings_page)
    shoot("page-settings")
    settings = window.settings_page
    settings.credit_review_pilot.setFocus()  # 昆山 第十三条: whether this unit is a pilot
    shoot("page-settings-credit-review-pilot", numbered=False)
    settings.tabs.setCurrentIndex(settings.data_tab)
    shoot("page-settings-data")
    settings.show_accounts()
    shoot("page-settings-accounts")
    settings.tabs.setCurrentIndex(0)
    window.lock()
    shoot("lock-screen")


def _review_tour(app, window, ctx, city, counter, shoot, type_query) -> None:  # noqa: ANN001
    """The review checklist: matter, report verdicts, findings with clauses, commitment, save, slip, verify."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    panel = counter.review

    def matter(code: str) -> None:
        panel.matter_combo.setCurrentIndex(panel.matter_combo.findData(code))
        _settle(app, window, until=lambda: panel.step_state("record_check") == "done")

    def report_ready() -> None:
        if panel.step_state("conclusion") != "done" and panel.wf.computed is not None:
            panel.adopt_computed()

    def report(number: str) -> None:
        panel.report_edit.setText(number)
        panel._report_entered()
        _settle(app, window, until=lambda: panel.step_state("credit_report") == "done")

    def show(box) -> None:  # noqa: ANN001
        _settle(app, window)
        panel.scroll.ensureWidgetVisible(box, 0, 0)

    # Fuzhou: the credit report step.
    home_profile = ctx.settings.profile_id
    ctx.settings.profile_id = "fuzhou"
    panel.reload_profile()
    _settle(app, window, until=lambda: panel.profile is not None)
    type_query(city.showcase["clean_trustworthy"], enter=True)
    matter("procurement")
    shoot("review-matter-chosen")
    type_query(city.showcase["expired_report"], enter=True)
    matter("procurement")  # a new applicant starts a new review: the matter is chosen again
    reports = panel.applicant.reports if panel.applicant else ()
    report(reports[0].report_no if reports else "FZXY-2020-000001")
    show(panel.report_box)
    shoot("review-report-verdict-problems")
    report("FZXY-1999-000000")
    show(panel.report_box)
    shoot("review-report-unknown-number")
    type_query(city.showcase["clean_trustworthy"], enter=True)
    matter("procurement")
    reports = panel.applicant.reports if panel.applicant else ()
    if reports:
        report(reports[0].report_no)
    report_ready()
    show(panel.conclusion_box)
    shoot("review-report-ok-ready-to-save")

    # Wuchang: measures with clauses, and a commitment.
    ctx.settings.profile_id = "wuchang"
    panel.reload_profile()
    _settle(app, window, until=lambda: panel.profile is not None)
    type_query(city.showcase["blacklisted"], enter=True)
    matter("approval")
    show(panel.records_box)
    shoot("review-findings-with-clause")
    show(panel.commitment_box)
    shoot("review-commitment-template")
    panel.signer_edit.setText("王五")
    canvas = panel.signature.canvas
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(60, 80))
    import math

    for i in range(1, 120):
        x = 60 + i * 2.6
        y = 70 + 22 * math.sin(i / 7.0) - (i % 40) * 0.4
        QTest.mouseMove(canvas, QPoint(int(x), int(y)))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(370, 70))
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(120, 40))
    for i in range(1, 40):
        QTest.mouseMove(canvas, QPoint(120 + i, 40 + i * 2))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(160, 120))
    _settle(app, window, until=lambda: panel.step_state("commitment") == "done")
    show(panel.commitment_box)
    shoot("review-commitment-signed")
    if panel.step_state("acknowledge") == "open":  # adverse records the profile has no measure for
        panel.ack_check.setChecked(True)
        _settle(app, window, until=lambda: panel.step_state("acknowledge") == "done")
    show(panel.conclusion_box)
    shoot("review-conclusion-empty")  # the box starts empty: adopt or choose
    _full_screen_shot(app, window, shoot, "1366x768-counter-mid-review")
    milder = [o for o in ("normal", "incentive") if o != panel.output.result.outcome and panel.output.result.outcome
              in ("prohibit", "strict")]  # fmt: skip
    if milder:  # a milder conclusion: category, ten characters, and a supervisor on the spot
        panel.final_combo.setCurrentIndex(panel.final_combo.findData(milder[0]))
        panel.reason_edit.setPlainText("x")
        show(panel.conclusion_box)
        shoot("review-milder-needs-category-and-reason")
        panel.category_combo.setCurrentIndex(panel.category_combo.findData("repaired"))
        panel.reason_edit.setPlainText("申请人现场提交行政处罚决定撤销书，平台尚未同步")
        show(panel.conclusion_box)
        shoot("review-milder-awaits-supervisor")
        _settle(app, window)
        panel.request_approval()
        dialog = getattr(panel, "approval_dialog", None)
        if dialog is None:  # the workflow does not offer the approval here: say so and go on with the computed one
            print(f"tour: no on-the-spot approval offered (still open: {panel.missing_steps()})",
                  file=sys.stderr)  # fmt: skip
            panel.final_combo.setCurrentIndex(panel.final_combo.findData(panel.output.result.outcome))
            panel.adopt_computed()
            milder = []
    if milder:
        dialog.name_edit.setText("demo-supervisor")
        dialog.note_edit.setText("已核对撤销决定书原件")
        _settle(app, window)
        shoot_widget(shoot, dialog, "review-supervisor-approves-on-the-spot")
        dialog.password_edit.setText("demo")
        dialog.try_approve()
        _settle(app, window)
        show(panel.conclusion_box)
        shoot("review-milder-approved")
    else:
        panel.adopt_computed()
    if not panel.finalise_button.isEnabled():
        shoot("review-cannot-save")
        return
    panel.finalise()
    _settle(app, window, until=lambda: panel.saved_review is not None)
    show(panel.saved_box)
    shoot("review-saved-with-code")

    rendered: list = []
    panel.slip_bar.previewed.connect(rendered.append)
    from PySide6.QtCore import QCoreApplication

    for kind, name, title in (("review", "slip-preview-review", QCoreApplication.translate("SlipBar", "信用核查单")),
                              ("commitment", "slip-preview-commitment",
                               QCoreApplication.translate("SlipBar", "信用承诺书"))):  # the bar's own titles
        rendered.clear()
        panel.slip_bar.act(kind, "preview", title)
        _settle(app, window, until=lambda: bool(rendered), timeout=30)
        if rendered:
            dialog = rendered[0]  # sized to the screen by the dialog itself
            _settle(app, window)
            shoot_widget(shoot, dialog, name)
            if kind == "review":
                shoot.widget = dialog  # type: ignore[attr-defined]
                try:
                    shoot("1366x768-slip-preview", numbered=False)
                finally:
                    shoot.widget = None  # type: ignore[attr-defined]
            dialog.close()

    counter.open_verify()
    verify = counter.verify_dialog
    verify.code_edit.setText(panel.saved_review.verification_code)
    verify.verify()
    _settle(app, window)
    shoot_widget(shoot, verify, "verify-code")
    verify.close()

    import tempfile as _tempfile

    bidders = Path(_tempfile.mkdtemp()) / "bidders.txt"
    bidders.write_text("\n".join([city.showcase["blacklisted"], city.showcase["clean_trustworthy"],
                                   city.showcase["repaired"], "91350100MA0000001X"]) + "\n", encoding="utf-8")
    counter.open_batch()
    batch = counter.batch_dialog
    batch.load(str(bidders))
    _settle(app, window, until=batch.start_button.isEnabled)
    batch.start()
    _settle(app, window, until=lambda: batch.table.rowCount() > 0)
    shoot_widget(shoot, batch, "batch-check")
    batch.close()

    # Kunshan: 行政审批 needs a 信用审查 (第十条) in a pilot unit (第十三条): requested from the panel (Alt+Q).
    ctx.settings.profile_id = "kunshan"
    panel.reload_profile()
    _settle(app, window, until=lambda: panel.profile is not None and panel.profile.id == "kunshan")
    type_query(city.showcase["repaired"], enter=True)  # the seeded requests are for two other subjects
    matter("approval")
    if panel.credit_review_row.isVisibleTo(panel):
        show(panel.credit_review_row)
        shoot("review-credit-review-required", numbered=False)  # unnumbered: the README's numbers stay
        panel.request_credit_review()
        box = panel.credit_review_confirm
        if box is not None:
            _settle(app, window)
            shoot.widget = box  # type: ignore[attr-defined]
            try:
                shoot("review-credit-review-confirm", numbered=False)
            finally:
                shoot.widget = None  # type: ignore[attr-defined]
            box.accept()
            _settle(app, window, until=lambda: not panel.credit_review_button.isEnabled())
            show(panel.credit_review_row)
            shoot("review-credit-review-requested", numbered=False)
    else:
        print("tour: the Kunshan approval did not ask for a credit review (not a pilot unit?)", file=sys.stderr)
    ctx.settings.profile_id = home_profile
    panel.reload_profile()


def _full_screen_shot(app, window, shoot, name: str) -> None:  # noqa: ANN001
    """The window filling the 1366×768 screen (less the title bar), shot unnumbered, then as it was."""
    from creditdesk.ui.screen_fit import fit_to_screen

    before = window.size()
    fit_to_screen(window, 10_000, 10_000)
    _settle(app, window)
    shoot(name, numbered=False)
    window.resize(before)
    _settle(app, window)


def shoot_widget(shoot, widget, name: str) -> None:  # noqa: ANN001
    """A dialog's own picture, numbered with the window's shots."""
    shoot.widget = widget
    try:
        shoot(name)
    finally:
        shoot.widget = None


if __name__ == "__main__":
    sys.exit(main())
