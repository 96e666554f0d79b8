"""The shape of a 使用情况报送 report: periods, counts, the report and its reporting schedule.

Plain frozen dataclasses below both ``creditdesk/services/usage.py`` (which
gathers the figures) and ``creditdesk/exports/usage_*`` (which render them as
PDF or XLSX), so neither imports the other's module for its types.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from creditdesk.outcomes import OUTCOMES, PRINT_FG, SHORT_LABELS

__all__ = [
    "COMMITMENT_STATUS_LABELS", "OBJECTION_STATUSES", "OBJECTION_STATUS_LABELS", "OUTCOMES", "OUTCOME_COLOURS",
    "OUTCOME_LABELS", "PERIOD_HINT", "CommitmentFigures", "Deadline", "DepartureRow", "MatterRow",
    "ObjectionFigures", "OfficerRow", "OutcomeCounts", "Period", "ReportingSchedule", "TrendPoint", "UsageReport",
]  # fmt: skip

# Severest first; the short labels (cards, charts); the printed slip's strong colours.
OUTCOME_LABELS = SHORT_LABELS
OUTCOME_COLOURS = PRINT_FG

OBJECTION_STATUSES = ("queued", "submitted", "accepted", "rejected", "upheld", "dismissed")
OBJECTION_STATUS_LABELS = {
    "queued": "待提交", "submitted": "已提交平台", "accepted": "平台已受理", "rejected": "平台不予受理",
    "upheld": "异议成立", "dismissed": "异议不成立",
}  # fmt: skip
COMMITMENT_STATUS_LABELS = {"in_force": "履约中", "fulfilled": "已履约", "breached": "违约"}


# -- periods ------------------------------------------------------------------------------

_CN_NUM = {1: "一", 2: "二", 3: "三", 4: "四"}
_PERIOD_RE = re.compile(r"^\s*(\d{4})\s*-\s*(?:(\d{1,2})|[Qq]\s*(\d+)|[Hh]\s*(\d+))\s*$")
PERIOD_HINT = "期间应写作 2026-11（月）、2026-Q3（季度）或 2026-H1（半年）"


@dataclass(frozen=True)
class Period:
    """A calendar month, quarter or half-year; ``start`` and ``end`` are both inclusive."""

    kind: str  # month | quarter | half
    year: int
    index: int  # month 1–12, quarter 1–4, half 1–2
    start: dt.date
    end: dt.date

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise ValueError(f"月份应为 1–12，实际为 {month}：{PERIOD_HINT}")
        return cls("month", year, month, dt.date(year, month, 1),
                   dt.date(year, month, calendar.monthrange(year, month)[1]))  # fmt: skip

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValueError(f"季度应为 Q1–Q4，实际为 Q{quarter}：{PERIOD_HINT}")
        first, last = 3 * quarter - 2, 3 * quarter
        return cls("quarter", year, quarter, dt.date(year, first, 1),
                   dt.date(year, last, calendar.monthrange(year, last)[1]))  # fmt: skip

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise ValueError(f"半年应为 H1（上半年）或 H2（下半年），实际为 H{half}：{PERIOD_HINT}")
        return cls("half", year, half, dt.date(year, 1, 1) if half == 1 else dt.date(year, 7, 1),
                   dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31))  # fmt: skip

    @classmethod
    def of(cls, kind: str, year: int, index: int) -> Period:
        makers = {"month": cls.month, "quarter": cls.quarter, "half": cls.half}
        if kind not in makers:
            raise ValueError(f"期间类型应为 month/quarter/half，实际为 {kind!r}")
        return makers[kind](year, index)

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026-11`` | ``2026-Q3`` | ``2026-H1`` (case and spaces do not matter)."""
        m = _PERIOD_RE.match(text or "")
        if m is None:
            raise ValueError(f"无法识别的期间“{(text or '').strip()}”：{PERIOD_HINT}")
        year = int(m.group(1))
        if not 1900 <= year <= 9998:
            raise ValueError(f"年份超出范围：{year}")
        if m.group(2) is not None:
            return cls.month(year, int(m.group(2)))
        if m.group(3) is not None:
            return cls.quarter(year, int(m.group(3)))
        return cls.half(year, int(m.group(4)))

    @classmethod
    def containing(cls, kind: str, day: dt.date) -> Period:
        index = {"month": day.month, "quarter": (day.month - 1) // 3 + 1, "half": 1 if day.month <= 6 else 2}[kind]
        return cls.of(kind, day.year, index)

    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.index}"

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}年{self.index}月"
        if self.kind == "quarter":
            return f"{self.year}年第{_CN_NUM[self.index]}季度"
        return f"{self.year}年{'上' if self.index == 1 else '下'}半年"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        before = self.start - dt.timedelta(days=1)
        return Period.containing(self.kind, before)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def bounds(self) -> tuple[str, str]:
        """``[lo, hi)`` on ISO strings: every ``finalised_at`` of a day in the period sorts in it."""
        return self.start.isoformat(), (self.end + dt.timedelta(days=1)).isoformat()


# -- the report's shape --------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeCounts:
    prohibit: int = 0
    strict: int = 0
    normal: int = 0
    incentive: int = 0

    @property
    def total(self) -> int:
        return self.prohibit + self.strict + self.normal + self.incentive

    def get(self, outcome: str) -> int:
        return getattr(self, outcome) if outcome in OUTCOMES else 0

    def items(self) -> list[tuple[str, int]]:
        return [(o, self.get(o)) for o in OUTCOMES]

    @classmethod
    def of(cls, counts: dict[str, int]) -> OutcomeCounts:
        return cls(**{o: int(counts.get(o, 0)) for o in OUTCOMES})

    def to_json(self) -> dict:
        return {o: self.get(o) for o in OUTCOMES} | {"total": self.total}


@dataclass(frozen=True)
class MatterRow:
    code: str
    name: str
    counts: OutcomeCounts

    @property
    def total(self) -> int:
        return self.counts.total


@dataclass(frozen=True)
class OfficerRow:
    officer: str
    counts: OutcomeCounts
    departures: int
    offline: int
    milder: int = 0  # departures to a milder conclusion (each needs a supervisor's approval)

    @property
    def total(self) -> int:
        return self.counts.total


@dataclass(frozen=True)
class TrendPoint:
    label: str  # "11-05" (a day) or "10-06" (the first day of a week inside the period)
    start: dt.date
    end: dt.date
    counts: OutcomeCounts


@dataclass(frozen=True)
class DepartureRow:
    computed: str
    final: str
    count: int


@dataclass(frozen=True)
class CommitmentFigures:
    signed: int = 0  # signed in the period
    signed_on_paper: int = 0
    now_in_force: int = 0  # status now, of those signed in the period
    now_fulfilled: int = 0
    now_breached: int = 0
    fulfilled_in_period: int = 0  # status changes dated in the period (commitment_event)
    breached_in_period: int = 0

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ObjectionFigures:
    filed: int = 0
    by_status: tuple[tuple[str, int], ...] = ()  # (status, count), every status, in OBJECTION_STATUSES order

    def count(self, status: str) -> int:
        return dict(self.by_status).get(status, 0)

    def to_json(self) -> dict:
        return {"filed": self.filed, "by_status": dict(self.by_status)}


@dataclass(frozen=True)
class UsageReport:
    period: Period
    unit: str | None  # None: all units
    generated_at: str
    generated_by: str | None
    total: int
    outcomes: OutcomeCounts
    by_matter: tuple[MatterRow, ...]
    reports_checked: int
    reports_refused: int
    offline: int
    stale: int
    departures: int
    departure_rows: tuple[DepartureRow, ...]
    corrections: int
    commitments: CommitmentFigures
    objections: ObjectionFigures
    trend_unit: str  # day | week
    trend: tuple[TrendPoint, ...]
    officers_visible: bool
    by_officer: tuple[OfficerRow, ...] = ()
    officer_count: int = 0  # how many officers made reviews (shown to everyone)
    profile_id: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def unit_label(self) -> str:
        return self.unit or "全部单位"

    @property
    def title(self) -> str:
        return f"信用核查使用情况报送 — {self.unit_label} — {self.period.label}"

    @staticmethod
    def _share(n: int, total: int) -> float:
        return n / total if total else 0.0

    @property
    def offline_share(self) -> float:
        return self._share(self.offline, self.total)

    @property
    def stale_share(self) -> float:
        return self._share(self.stale, self.total)

    @property
    def departure_share(self) -> float:
        return self._share(self.departures, self.total)

    def summary_rows(self) -> list[tuple[str, str]]:
        """(label, value) for the summary table of the PDF, the XLSX and the JSON."""
        pct = lambda x: f"{x * 100:.1f}%"  # noqa: E731
        c, o = self.commitments, self.objections
        return [
            ("核查总数", f"{self.total}"),
            *[(f"结论：{OUTCOME_LABELS[k]}", f"{v}（{pct(self._share(v, self.total))}）") for k, v in self.outcomes.items()],
            ("核验信用报告", f"{self.reports_checked}"),
            ("其中不予采信", f"{self.reports_refused}"),
            ("离线核查", f"{self.offline}（{pct(self.offline_share)}）"),
            ("依据过期数据", f"{self.stale}（{pct(self.stale_share)}）"),
            ("改变系统结论", f"{self.departures}（{pct(self.departure_share)}）"),
            ("更正核查记录", f"{self.corrections}"),
            ("签署信用承诺", f"{c.signed}（纸质 {c.signed_on_paper}）"),
            ("期内标记履约 / 违约", f"{c.fulfilled_in_period} / {c.breached_in_period}"),
            ("受理异议", f"{o.filed}"),
            ("经办人数", f"{self.officer_count}"),
        ]

    def to_json(self) -> dict[str, Any]:
        out = {
            "period": {"code": self.period.code, "label": self.period.label, "start": self.period.start.isoformat(),
                       "end": self.period.end.isoformat()},
            "unit": self.unit, "generated_at": self.generated_at, "generated_by": self.generated_by,
            "total": self.total, "outcomes": self.outcomes.to_json(),
            "by_matter": [{"code": m.code, "name": m.name, **m.counts.to_json()} for m in self.by_matter],
            "reports": {"checked": self.reports_checked, "refused": self.reports_refused},
            "offline": self.offline, "offline_share": round(self.offline_share, 4),
            "stale": self.stale, "stale_share": round(self.stale_share, 4),
            "departures": self.departures,
            "departure_rows": [{"computed": d.computed, "final": d.final, "count": d.count} for d in self.departure_rows],
            "corrections": self.corrections, "commitments": self.commitments.to_json(),
            "objections": self.objections.to_json(), "officer_count": self.officer_count,
            "trend": {"unit": self.trend_unit,
                      "points": [{"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat(),
                                  **p.counts.to_json()} for p in self.trend]},
        }  # fmt: skip
        if self.officers_visible:
            out["by_officer"] = [
                {"officer": r.officer, **r.counts.to_json(), "departures": r.departures, "milder": r.milder,
                 "offline": r.offline}
                for r in self.by_officer
            ]
        return out


@dataclass(frozen=True)
class Deadline:
    due: dt.date | None  # None: the policy names the rhythm but no day
    what: str  # e.g. "月度工作进展"
    to: str  # to whom it goes
    period: Period | None  # the period the report naturally covers
    basis: str  # the clause

    @property
    def due_label(self) -> str:
        return f"{self.due.year}年{self.due.month}月{self.due.day}日前" if self.due else "文件未规定具体日期"


@dataclass(frozen=True)
class ReportingSchedule:
    profile_id: str
    document: str  # the policy's document number
    deadlines: tuple[Deadline, ...]  # soonest first
    note: str  # what the policy says, in a sentence

    @property
    def next(self) -> Deadline | None:
        return self.deadlines[0] if self.deadlines else None

    def summary(self) -> str:
        if not self.deadlines:
            return self.note
        d = self.deadlines[0]
        cover = f"（{d.period.label}）" if d.period else ""
        return f"下次报送：{d.due_label}，{d.what}{cover}报{d.to}。{self.note}"
