"""核查台: the counter page — find the applicant and see their credit standing.

Keyboard first: the query box has focus; typing validates codes at once;
Enter searches (names also search by themselves after a short pause). A valid
code with exactly one match opens that subject. A name search only lists: Up
and Down highlight a result without leaving the box, and nothing is chosen
until the officer chooses (Enter on the highlighted row, or a click). Keys
pressed while the results are still loading act on them when they arrive.
Once a person is found by ID number the box shows the number masked.
All database work goes through the TaskRunner.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from creditdesk.changes import OpChanges
from creditdesk.credit import SUBJECT_KIND_LABELS
from creditdesk.identifiers import CodeError
from creditdesk.queryhint import QueryHint, hint_for
from creditdesk.services.lookup import LookupResult, LookupService, SubjectHit
from creditdesk.services.profile import ProfileService, ProfileView
from creditdesk.ui.changes import ChangeAware
from creditdesk.ui.core_text import core_message, error_text
from creditdesk.ui.profile_html import render_profile
from creditdesk.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 300
NAV_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_PENDING_KEYS = 32  # keys kept while results load (a held-down arrow stays bounded)
CODE_KINDS = ("uscc", "id_number", "subject_id")
HINT_STYLES = {
    "valid": "color:#1e7b34;",
    "invalid": "color:#b3261e;font-weight:bold;",
    "partial": "color:#8a5a00;",
}


class CounterPage(QWidget, ChangeAware):
    watches = OpChanges(settings=True)  # what it shows (ui/changes.py)
    profile_shown = Signal(str)  # subject id, for tests and the tour
    results_shown = Signal(int)
    outbox_changed = Signal()  # something was queued for the platform here (an objection filed)

    def __init__(
        self,
        runner: TaskRunner,
        lookup: LookupService,
        profiles: ProfileService,
        search_limit: int = 20,
        today: dt.date | None = None,
        parent: QWidget | None = None,
        engine=None,  # noqa: ANN001 - with settings: the review checklist beside the profile
        settings=None,  # noqa: ANN001
        audit=None,  # noqa: ANN001 - audit(action, actor, target, detail), called in the background tasks
        current_user=None,  # noqa: ANN001 - () -> Actor | None, the signed-in account
    ) -> None:
        super().__init__(parent)
        self._runner, self._lookup, self._profiles = runner, lookup, profiles
        self._audit, self._current_user = audit, current_user or (lambda: None)
        self._limit = search_limit
        self._today = today
        self._last_query: str | None = None
        self._shown_subject: str | None = None
        self._results_for: str | None = None  # the box's text the listed results belong to
        self._pending_keys: list[int] = []  # arrows and Enter pressed before those results arrived
        self._masked_text: str | None = None  # the box shows a found person's ID number masked

        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("queryEdit")
        self.query_edit.setPlaceholderText(self.tr("输入统一社会信用代码、身份证号码或名称（可用拼音首字母），回车查询"))
        self.query_edit.setClearButtonEnabled(True)
        font = self.query_edit.font()
        font.setPointSize(font.pointSize() + 5)
        self.query_edit.setFont(font)
        self.query_edit.setMinimumHeight(44)
        self.query_edit.installEventFilter(self)

        self.hint_icon = QLabel()
        self.hint_icon.setFixedWidth(28)
        self.hint_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon_font = QFont(self.hint_icon.font())
        icon_font.setPointSize(icon_font.pointSize() + 8)
        self.hint_icon.setFont(icon_font)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setWordWrap(True)

        self.results_label = QLabel()
        self.results_label.setObjectName("resultsLabel")
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setAlternatingRowColors(True)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)

        self.profile_view = QTextBrowser()
        self.profile_view.setObjectName("profileView")
        self.profile_view.setOpenLinks(False)
        self.profile_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._show_welcome()

        query_row = QHBoxLayout()
        query_row.addWidget(self.query_edit, 1)
        query_row.addWidget(self.hint_icon)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results_label)
        left_layout.addWidget(self.results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.review = None
        if engine is not None and settings is not None:
            # Results above the profile on the left; the review checklist beside them.
            from creditdesk.ui.review_panel import ReviewPanel

            self.review = ReviewPanel(runner, engine, settings, today=today, audit=audit, current_user=current_user)
            column = QSplitter(Qt.Orientation.Vertical)
            column.addWidget(left)
            column.addWidget(self.profile_view)
            column.setStretchFactor(0, 1)
            column.setStretchFactor(1, 3)
            column.setSizes([170, 560])
            splitter.addWidget(column)
            splitter.addWidget(self.review)
            splitter.setStretchFactor(0, 4)
            splitter.setStretchFactor(1, 5)
            splitter.setSizes([560, 640])
            self.batch_button = QPushButton(self.tr("批量核查…"))
            self.batch_button.setObjectName("batchButton")
            self.batch_button.setToolTip(self.tr("导入投标人名单，逐一核查（Ctrl+B）"))
            self.batch_button.clicked.connect(self.open_batch)
            self.verify_button = QPushButton(self.tr("核验核查码…"))
            self.verify_button.setObjectName("verifyButton")
            self.verify_button.setToolTip(self.tr("输入信用核查码，核对核查单（Ctrl+K）"))
            self.verify_button.clicked.connect(self.open_verify)
            query_row.addWidget(self.batch_button)
            query_row.addWidget(self.verify_button)
            self.objection_button = QPushButton(self.tr("提出异议…"))
            self.objection_button.setObjectName("objectionButton")
            self.objection_button.setToolTip(self.tr("申请人对所示信用档案中的记录有异议：登记并上报（Ctrl+E）"))
            self.objection_button.clicked.connect(self.open_objection)
            query_row.addWidget(self.objection_button)
            QShortcut(QKeySequence("Ctrl+E"), self, activated=self.open_objection)
            QShortcut(QKeySequence("Alt+M"), self, activated=self.review.focus_matter)
            QShortcut(QKeySequence("Ctrl+K"), self, activated=self.open_verify)
            QShortcut(QKeySequence("Ctrl+B"), self, activated=self.open_batch)
        else:
            splitter.addWidget(left)
            splitter.addWidget(self.profile_view)
            splitter.setStretchFactor(0, 2)
            splitter.setStretchFactor(1, 3)
            splitter.setSizes([420, 640])

        layout = QVBoxLayout(self)
        layout.addLayout(query_row)
        layout.addWidget(self.hint_label)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.search(final=False))

        self.query_edit.textChanged.connect(self._on_text_changed)
        self.results.itemClicked.connect(self._choose_item)
        self.results.itemActivated.connect(self._choose_item)
        QShortcut(QKeySequence("Escape"), self, activated=self.clear)
        self._show_hint(hint_for(""))

    # -- typing --------------------------------------------------------------
    def focus_query(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def on_changes(self, changes: OpChanges, origin: object | None = None) -> None:
        """The counter reloads only the policy profile (another city or unit); a result on screen
        stays as the officer asked for it."""
        if changes.settings:
            self.review.reload_profile()

    def clear(self) -> None:
        self.query_edit.clear()
        self._clear_results()
        self.focus_query()

    def _clear_results(self) -> None:
        """Never leave an earlier applicant's profile beside a query it does not belong to."""
        self._runner.cancel_key("lookup")
        self._last_query = None
        self._results_for = None
        self._pending_keys.clear()
        self.results.clear()
        self.results_label.clear()
        self._drop_applicant()
        self._show_welcome()

    def _drop_applicant(self) -> None:
        """No applicant chosen (a new query was typed): no profile, and the review starts over."""
        self._runner.cancel_key("profile")
        self._shown_subject = None
        if self.review is not None and self.review.applicant is not None:
            self.review.set_applicant(None)

    def _on_text_changed(self, text: str) -> None:
        self._masked_text = None
        self._pending_keys.clear()  # arrows pressed for an earlier text do not carry over
        hint = hint_for(text)
        self._show_hint(hint)
        self._search_timer.stop()
        if hint.state in ("invalid", "empty"):
            self._clear_results()
        if hint.state == "valid":
            self.search(final=False)
        elif hint.state == "name":
            self._search_timer.start()

    def _show_hint(self, hint: QueryHint) -> None:
        icon = {"valid": "✔", "invalid": "✖", "partial": "…"}.get(hint.state, "")
        self.hint_icon.setText(icon)
        self.hint_icon.setStyleSheet(HINT_STYLES.get(hint.state, "color:#6b6b6b;"))
        self.hint_label.setText(core_message(hint.message))
        self.hint_label.setStyleSheet(HINT_STYLES.get(hint.state, "color:#6b6b6b;"))
        self.hint_state = hint.state

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Up/Down in the query box move through the results, so the hands stay on the keys;
        # Enter opens the highlighted one. Pressed before the results are in, they wait for them.
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.NoModifier and (key in NAV_KEYS or key in ENTER_KEYS):
                self.press(key)
                return True
            if self._masked_text is not None and self.query_edit.text() == self._masked_text and (
                key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or (event.text() and event.text().isprintable())
            ):
                self.query_edit.clear()  # the masked number is not a query: typing starts a new one
                if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                    return True
        return super().eventFilter(watched, event)

    def press(self, key: int) -> None:
        """An arrow or Enter in the query box (also what the walk tests count)."""
        current = self.results_current()
        if key in ENTER_KEYS:
            if current and self.results.currentRow() >= 0:
                self._choose_item(self.results.currentItem())
                return
            if current:
                self.search(final=True)
                return
            # Results for this text are not in yet: Enter searches now, and acts on them when they come.
            if not hint_for(self.query_edit.text(), final=True).searchable:
                self.search(final=True)
                return
            if self._pending_keys:
                self._queue_key(key)
            self.search(final=True)
            return
        if current:
            self._move(NAV_KEYS[key])
        elif self._last_query is not None or self._search_timer.isActive():
            self._queue_key(key)

    def _queue_key(self, key: int) -> None:
        if len(self._pending_keys) < MAX_PENDING_KEYS:
            self._pending_keys.append(key)

    def _move(self, step: int) -> None:
        n = self.results.count()
        if not n:
            return
        row = self.results.currentRow()
        row = (0 if step > 0 else n - 1) if row < 0 else max(0, min(n - 1, row + step))
        self.results.setCurrentRow(row)
        self.results.scrollToItem(self.results.currentItem())

    def results_current(self) -> bool:
        """Whether the listed results belong to what is in the box now."""
        return self._results_for is not None and self._results_for == self.query_edit.text().strip()

    # -- searching -----------------------------------------------------------
    def search(self, final: bool = True) -> None:
        text = self.query_edit.text()
        self._search_timer.stop()
        hint = hint_for(text, final=final)
        self._show_hint(hint)
        if not hint.searchable:
            if final:
                self._clear_results()
            return
        query = text.strip()
        if query == self._last_query and (not final or not self.results_current()):
            return  # already searching for it (or shown and no Enter)
        self._last_query = query
        self._results_for = None
        if self._shown_subject is not None or (self.review is not None and self.review.applicant is not None):
            self._drop_applicant()
            self._show_welcome()
        limit, day, lookup = self._limit, self._day(), self._lookup
        audit, user = self._audit, self._current_user()
        self.results_label.setText(self.tr("正在查找……"))

        def run(task):  # noqa: ANN001, ANN202
            result = lookup.lookup(query, limit=limit, day=day)
            if audit is not None:  # 查询留痕: what kind of query and how many hits; an ID number only masked
                audit("lookup", user, _audit_query(result), {"kind": result.kind, "hits": len(result.results)})
            return result

        self._runner.run(
            run,
            on_success=self._show_results,
            on_failure=self._show_failure,
            key="lookup",
        )

    def _day(self) -> dt.date:
        return self._today or dt.date.today()

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, CodeError):
            self._show_hint(QueryHint("invalid", exc.message))
            self.results_label.clear()
            return
        self.results_label.setText(self.tr("查询失败：{0}").format(error_text(exc)))
        self.results_label.setStyleSheet("color:#b3261e;")

    def _show_results(self, result: LookupResult) -> None:
        self.results_label.setStyleSheet("")
        self.results.blockSignals(True)
        self.results.clear()
        self._results_for = result.query.strip()
        for hit in result.results:
            item = QListWidgetItem(self._hit_text(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setToolTip(hit.id)
            if hit.adverse_in_force:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.results.setCurrentRow(-1)
        n = len(result.results)
        by_code = result.kind in CODE_KINDS
        pending, self._pending_keys = self._pending_keys, []
        if n and by_code:
            self.results_label.setText(self.tr("找到 {0} 个主体").format(n))
        elif n:
            self.results_label.setText(self.tr("找到 {0} 个主体：↑↓ 选择，回车打开").format(n))
            self._show_choose(n)
        elif result.note:
            self.results_label.setText(result.note)
        elif by_code:
            self.results_label.setText(self.tr("平台数据中没有该代码对应的主体"))
            self._show_unknown(result)
        else:
            self.results_label.setText(self.tr("没有找到匹配的主体"))
        self.results_shown.emit(n)
        if by_code and n == 1:  # a valid code names its subject: open it
            self.results.setCurrentRow(0)
            self._choose_item(self.results.item(0))
            return
        for key in pending:  # the keys pressed while these results loaded, in order
            if key in ENTER_KEYS:
                if self.results.currentRow() >= 0:
                    self._choose_item(self.results.currentItem())
                    break
            else:
                self._move(NAV_KEYS[key])

    def _hit_text(self, hit: SubjectHit) -> str:
        code = hit.uscc or hit.id_masked or ""
        kind = self.tr(SUBJECT_KIND_LABELS.get(hit.kind, hit.kind))
        flags = []
        if hit.adverse_in_force:
            flags.append(self.tr("⚠ 不良 {0}").format(hit.adverse_in_force))
        if hit.positive_in_force:
            flags.append(self.tr("★ 守信 {0}").format(hit.positive_in_force))
        if hit.status != "active":
            flags.append(self.tr("已注销/吊销"))
        if hit.match == "former_name":
            flags.append(self.tr("曾用名：{0}").format(hit.matched_name))
        elif hit.match == "pinyin":
            flags.append(self.tr("拼音匹配"))
        second = "  ".join([code, kind, *flags])
        return f"{hit.name}\n{second}"

    # -- profile -------------------------------------------------------------
    def _choose_item(self, item: QListWidgetItem | None) -> None:
        """The officer chose this result (Enter on it, a click), or a code named it."""
        if item is None:
            return
        self.results.setCurrentItem(item)
        subject_id = item.data(Qt.ItemDataRole.UserRole)
        if subject_id == self._shown_subject:
            return
        self.show_profile(subject_id)
        if self.sender() is self.results:  # clicked: typing goes on in the query box
            self.query_edit.setFocus()

    def show_profile(self, subject_id: str) -> None:
        profiles, day = self._profiles, self._day()
        audit, user = self._audit, self._current_user()

        def run(task):  # noqa: ANN001, ANN202
            view = profiles.profile(subject_id, day)
            if audit is not None:
                s = view.profile.subject
                audit("profile_view", user, subject_id, {"kind": s.kind if s else None, "known": s is not None})
            return view

        self._runner.run(
            run,
            on_success=self._render_profile,
            on_failure=self._show_failure,
            key="profile",
        )

    def _render_profile(self, view: ProfileView) -> None:
        self._shown_subject = view.profile.subject_id
        typed = self.query_edit.text()
        if hint_for(typed).kind == "id_number":  # found by ID number: from now on the box shows it masked
            from creditdesk.identifiers import mask_id_number, normalize_code

            s = view.profile.subject
            self._show_masked((s.id_masked if s is not None else None) or mask_id_number(normalize_code(typed)))
        self._shown_view = view  # for 提出异议
        self.profile_view.setHtml(render_profile(view, self.review.profile if self.review is not None else None))
        if self.review is not None:
            from creditdesk.ui.review_panel import Applicant

            s = view.profile.subject
            self.review.set_applicant(Applicant(
                view.profile.subject_id, s.name if s else view.profile.subject_id, s.kind if s else None,
                s.code_display if s else view.profile.subject_id, s is not None, view.reports,
            ))  # fmt: skip
        self.profile_shown.emit(view.profile.subject_id)

    def _show_unknown(self, result: LookupResult) -> None:
        self._shown_subject = None
        if self.review is not None:  # checked as an applicant with no records of its own
            from creditdesk.identifiers import mask_id_number
            from creditdesk.ui.review_panel import Applicant

            code = result.query.strip().upper()
            shown = mask_id_number(code) if result.kind == "id_number" else code
            if result.kind == "id_number":
                self._show_masked(shown)
            self.review.set_applicant(Applicant(code, self.tr("（平台无此主体）"), None, shown, False))
        self.profile_view.setHtml(
            "<h2>{0}</h2><p>{1}</p>".format(
                self.tr("未找到该主体"),
                self.tr("平台数据中没有代码 {0} 的主体。数据截至 {1}。该主体按无信用记录处理，请核对代码是否正确。").format(
                    result.query.strip(), _as_of_text(result.data)
                ),
            )
        )

    def _show_masked(self, masked: str) -> None:
        """The number typed stays on screen only until its subject is found."""
        self.query_edit.blockSignals(True)
        self.query_edit.setText(masked)
        self.query_edit.blockSignals(False)
        self._masked_text = masked
        self._results_for = masked.strip()
        self._last_query = masked.strip()
        self.query_edit.selectAll()

    def _show_choose(self, n: int) -> None:
        self.profile_view.setHtml("<h2>{0}</h2><p>{1}</p>".format(
            self.tr("请选择申请人"),
            self.tr("找到 {0} 个名称相近的主体。用 ↑ ↓ 选中申请人后按回车（或单击），再核对代码。").format(n)))

    def _show_welcome(self) -> None:
        self.profile_view.setHtml(
            "<h2>{0}</h2><p>{1}</p><ul><li>{2}</li><li>{3}</li><li>{4}</li><li>{5}</li></ul>".format(
                self.tr("信用核查台"),
                self.tr("逢办必查：办理业务前，先查询申请人的公共信用记录。"),
                self.tr("输入 18 位统一社会信用代码或居民身份证号码，校验通过即自动查询"),
                self.tr("输入名称或曾用名的任意 2 个字以上，或拼音首字母（如 fzsx）"),
                self.tr("↑ ↓ 选择结果，右侧显示信用档案；Esc 清空"),
                self.tr("Ctrl+L 随时回到查询框"),
            )
        )

    # -- review tools ----------------------------------------------------------
    def open_verify(self) -> None:
        from creditdesk.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self._runner, self.review._engine, self, profile=self.review.profile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.verify_dialog = dialog
        dialog.open()
        dialog.code_edit.setFocus()

    def open_batch(self) -> None:
        from creditdesk.ui.batch_dialog import BatchDialog

        dialog = BatchDialog(self._runner, self.review._check, self.review.profile, today=self._today,
                             matter=self.review.matter_code(), parent=self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.batch_dialog = dialog
        dialog.open()

    def open_objection(self) -> None:
        """提出异议 on a record of the profile shown (creditdesk.ui.objection_dialog)."""
        view = getattr(self, "_shown_view", None)
        if self.review is None or view is None or view.profile.subject_id != self._shown_subject:
            self.results_label.setText(self.tr("请先查询并选中申请人，再对其信用记录提出异议"))
            return
        from creditdesk.ui.objection_dialog import ObjectionDialog

        s = view.profile.subject
        records = [f.record for g in view.profile.groups for f in g.findings]
        saved = getattr(self.review, "_saved", None)
        dialog = ObjectionDialog(
            self._runner, self.review._engine, records, subject_name=s.name if s else view.profile.subject_id,
            subject_code=s.code_display if s else view.profile.subject_id, unit=self.review._settings.unit_name,
            current_user=self._current_user, review_id=saved.id if saved is not None and saved.subject_id ==
            view.profile.subject_id else None, today=self._day(), parent=self,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filed.connect(lambda _o: self.outbox_changed.emit())
        self.objection_dialog = dialog
        dialog.open()

    @property
    def shown_subject(self) -> str | None:
        return self._shown_subject


def _audit_query(result: LookupResult) -> str:
    """The query as the audit trail may keep it: an ID number masked, anything else as typed."""
    query = result.query.strip()
    if result.kind == "id_number":
        from creditdesk.identifiers import mask_id_number, parse_code

        try:
            return mask_id_number(parse_code(query).value)
        except ValueError:
            return "（身份证号码）"
    return query[:100]


def _as_of_text(position) -> str:  # noqa: ANN001
    as_of = position.as_of_time()
    return as_of.astimezone().strftime("%Y-%m-%d %H:%M") if as_of else "—"
