"""核验 (Ctrl+K): a 信用核查码 in, whether it matches a recorded review and that review's summary out."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from creditdesk.credit import SUBJECT_KIND_LABELS
from creditdesk.ui import review_adapter
from creditdesk.ui.core_text import error_text
from creditdesk.ui.review_panel import outcome_text
from creditdesk.ui.tasks import TaskRunner


class VerifyDialog(QDialog):
    verified = Signal(object)  # VerifyResult

    def __init__(self, runner: TaskRunner, engine, parent: QWidget | None = None, profile=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._profile = profile
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("核验信用核查码"))
        self._runner, self._engine = runner, engine
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("verifyCode")
        self.code_edit.setPlaceholderText(self.tr("输入核查单上的信用核查码，如 XXXX-XXXX-XX，回车核验"))
        font = self.code_edit.font()
        font.setPointSize(font.pointSize() + 4)
        self.code_edit.setFont(font)
        self.check_button = QPushButton(self.tr("核验"))
        self.result_label = QLabel()
        self.result_label.setObjectName("verifyResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setMinimumHeight(120)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result_label, 1)
        layout.addWidget(buttons)
        self.code_edit.returnPressed.connect(self.verify)
        self.check_button.clicked.connect(self.verify)
        self.resize(560, 300)

    def verify(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            return
        engine = self._engine
        self.result_label.setText(self.tr("正在核验……"))
        self._runner.run(lambda task: review_adapter.verify(engine, code), on_success=self._show,
                         on_failure=lambda exc: self.result_label.setText(
                             html.escape(self.tr("核验失败：{0}").format(error_text(exc)))),
                         key="verify")  # fmt: skip

    def _matter_label(self, code: str) -> str:
        from creditdesk.policy.model import MATTER_CODES

        m = self._profile.matter(code) if self._profile is not None else None
        return self.tr(m.label if m is not None and m.code == code else MATTER_CODES.get(code, code))

    def _show(self, result) -> None:  # noqa: ANN001
        if not result.found:
            self.result_label.setText("<p style='color:#a1241b;font-size:14pt'><b>✖ {0}</b></p><p>{1}</p>".format(
                html.escape(self.tr("没有与该核查码相符的核查记录")),
                html.escape(self.tr("请核对核查码是否抄写正确；核查单可能不是本单位出具的。"))))
        else:
            r = result.review
            if result.intact:
                head = "<p style='color:#1e6b30;font-size:14pt'><b>✔ {0}</b></p>".format(
                    html.escape(self.tr("核查码有效：与本单位的核查记录相符")))
            else:
                head = "<p style='color:#a1241b;font-size:14pt'><b>✖ {0}</b></p>".format(
                    html.escape(self.tr("记录内容与核查码不符：该记录可能被改动过")))
            if result.superseded_by is not None:
                head += "<p style='color:#7a4f00'>⚑ {0}</p>".format(html.escape(
                    self.tr("该核查已被更正，新的核查码为 {0}").format(result.superseded_by.verification_code)))
            kind = self.tr(SUBJECT_KIND_LABELS.get(r.subject_kind or "", ""))
            rows = [
                (self.tr("申请主体"), f"{r.subject_name or '—'}　{r.subject_code_display or ''}　{kind}"),
                (self.tr("事项"), self._matter_label(r.matter)),
                (self.tr("结论"), outcome_text(r.final_outcome)
                 + ("" if r.final_outcome == r.computed_outcome else self.tr("（系统计算：{0}；理由：{1}）").format(
                     outcome_text(r.computed_outcome), r.departure_reason or ""))),
                (self.tr("核查时间"), _local_time(r.finalised_at)),
                (self.tr("核查单位"), f"{r.unit} {r.window or ''}　{r.officer}"),
                (self.tr("信用承诺"), r.commitment.number if r.commitment else self.tr("无")),
            ]  # fmt: skip
            table = "".join(f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td>"
                            f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows)  # fmt: skip
            self.result_label.setText(head + f"<table>{table}</table>")
        self.verified.emit(result)


def _local_time(text: str) -> str:
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return text or ""
