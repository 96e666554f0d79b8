"""The rows of the 每日核查台账: what the ledger service reads and the ledger writers write.

Plain frozen dataclasses and the column list every format shares, below both
``creditdesk/services/ledger.py`` (which fills them from the database) and
``creditdesk/exports/ledger_*`` (which write them as CSV, XLSX or PDF), so
neither imports the other's module for its types.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from creditdesk.cancel import CancelToken, Cancelled, token_from
from creditdesk.outcomes import LABELS, OUTCOMES

__all__ = [
    "COLUMNS", "Column", "ExportCancelled", "ExportMeta", "HEADERS", "LedgerRow", "LedgerTotals",
    "OUTCOME_LABELS", "OUTCOMES", "Ticker", "totals",
]  # fmt: skip

# The long form said at the counter (the review panel's banner).
OUTCOME_LABELS = LABELS


class ExportCancelled(Cancelled):
    """The export was cancelled; nothing was written (the one cancel convention, creditdesk/cancel.py)."""

    def __init__(self, message: str = "导出已取消，未写入文件") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class LedgerRow:
    review_id: str
    finalised_at: str  # ISO 8601 with the window's offset
    officer: str  # login name as recorded on the review
    officer_name: str  # the account's display name, or the recorded text
    unit: str
    window: str | None
    matter: str
    matter_name: str
    subject_name: str | None
    subject_code_display: str | None  # USCC or masked ID number only
    outcome: str
    outcome_label: str
    computed_outcome: str
    measures: str  # the measures' texts, joined
    departure_reason: str | None
    commitment_number: str | None
    verification_code: str
    offline: bool
    data_as_of: str | None
    version: int
    supersedes: str | None
    superseded: bool  # a later version corrects this one
    final_outcome: str | None = None  # the officer's conclusion (None: as ``outcome``)
    override_status: str | None = None  # a milder conclusion: pending (待复核) | approved | rejected
    approved_by: str | None = None  # the supervisor who decided it
    acknowledgement: str | None = None  # records no rule covers, acknowledged: which, by whom, when (one line)
    credit_review: str | None = None  # the 信用审查 on file when saved (one line)

    @property
    def departed(self) -> bool:
        return (self.final_outcome or self.outcome) != self.computed_outcome

    @property
    def computed_label(self) -> str:
        return OUTCOME_LABELS.get(self.computed_outcome, self.computed_outcome)

    @property
    def approval_text(self) -> str:
        if self.override_status == "approved":
            return f"{self.approved_by or ''} 批准".strip()
        if self.override_status == "rejected":
            return f"{self.approved_by or ''} 驳回".strip()
        if self.override_status == "pending":
            return "待复核"
        return ""

    @property
    def time_text(self) -> str:
        """``YYYY-MM-DD HH:MM:SS`` as the window's clock showed it."""
        return self.finalised_at[:19].replace("T", " ")

    @property
    def day(self) -> str:
        return self.finalised_at[:10]

    @property
    def version_label(self) -> str:
        parts = []
        if self.version > 1:
            parts.append(f"更正 v{self.version}")
        if self.superseded:
            parts.append("已被更正")
        return "；".join(parts) or "—"

    @property
    def offline_label(self) -> str:
        return "离线" if self.offline else "在线"

    @property
    def data_as_of_text(self) -> str:
        return (self.data_as_of or "")[:16].replace("T", " ") or "—"


@dataclass(frozen=True)
class LedgerTotals:
    count: int
    by_outcome: dict[str, int]  # every outcome present, zero included
    offline: int
    departures: int
    commitments: int
    corrections: int

    def lines(self) -> list[tuple[str, int]]:
        """(label, count) in display order."""
        out = [("核查总数", self.count)]
        out += [(OUTCOME_LABELS[o], self.by_outcome.get(o, 0)) for o in OUTCOMES]
        out += [("离线核查", self.offline), ("偏离系统结论", self.departures), ("签署信用承诺", self.commitments),
                ("更正记录", self.corrections)]  # fmt: skip
        return out

    def text(self) -> str:
        return " · ".join(f"{label} {n}" for label, n in self.lines())

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "by_outcome": dict(self.by_outcome), "offline": self.offline,
                "departures": self.departures, "commitments": self.commitments, "corrections": self.corrections}  # fmt: skip


@dataclass(frozen=True)
class ExportMeta:
    """What the file says about itself: title line, who made it and when."""

    unit: str
    date_text: str
    generated_at: dt.datetime
    generated_by: str  # label of the account, or 未署名
    filter_text: str = ""

    @property
    def title(self) -> str:
        return f"每日核查台账 — {self.unit} — {self.date_text}"

    @property
    def generated_text(self) -> str:
        return f"生成于 {self.generated_at:%Y-%m-%d %H:%M} · {self.generated_by}"


# -- the columns every format writes ----------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: Callable[[LedgerRow], Any]
    xlsx_min: int = 6  # width in characters (CJK counts double)


COLUMNS: tuple[Column, ...] = (
    Column("time", "核查时间", lambda r: r.time_text, 18),
    Column("officer", "经办人账号", lambda r: r.officer, 10),
    Column("officer_name", "经办人", lambda r: r.officer_name, 8),
    Column("window", "窗口", lambda r: r.window or "", 8),
    Column("matter", "事项代码", lambda r: r.matter, 10),
    Column("matter_name", "事项", lambda r: r.matter_name, 12),
    Column("subject_name", "主体名称", lambda r: r.subject_name or "", 20),
    Column("subject_code", "统一社会信用代码/证件号", lambda r: r.subject_code_display or "", 20),
    Column("computed_label", "系统结论", lambda r: r.computed_label, 10),
    Column("outcome_label", "最终结论", lambda r: r.outcome_label, 12),
    Column("measures", "措施", lambda r: r.measures, 30),
    Column("departure_reason", "偏离理由", lambda r: r.departure_reason or "", 14),
    Column("approval", "审批", lambda r: r.approval_text, 8),
    Column("commitment_number", "承诺书编号", lambda r: r.commitment_number or "", 16),
    Column("verification_code", "信用核查码", lambda r: r.verification_code, 14),
    Column("offline", "离线", lambda r: r.offline_label, 5),
    Column("data_as_of", "数据截至", lambda r: r.data_as_of_text, 16),
    Column("version", "版本", lambda r: r.version_label, 8),
)
HEADERS = tuple(c.header for c in COLUMNS)


def totals(rows: Sequence[LedgerRow]) -> LedgerTotals:
    by = Counter(r.outcome for r in rows)
    return LedgerTotals(
        count=len(rows), by_outcome={o: by.get(o, 0) for o in OUTCOMES} | {k: v for k, v in by.items() if k not in OUTCOMES},
        offline=sum(1 for r in rows if r.offline), departures=sum(1 for r in rows if r.departed),
        commitments=sum(1 for r in rows if r.commitment_number), corrections=sum(1 for r in rows if r.version > 1),
    )  # fmt: skip


# -- shared by the writers ----------------------------------------------------------------


class Ticker:
    """Progress every ``step`` rows and a cancel check (raising :class:`ExportCancelled`), for the writers."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None,
                 cancel: CancelToken | None, step: int = 100) -> None:  # fmt: skip
        self.total, self.progress, self.cancel, self.step = total, progress, token_from(cancel), step

    def __call__(self, done: int, force: bool = False) -> None:
        if force or done % self.step == 0:
            if self.progress is not None:
                self.progress(done, self.total)
            if self.cancel.cancelled:  # after the report: a cancel given while it was shown counts at once
                raise ExportCancelled()
