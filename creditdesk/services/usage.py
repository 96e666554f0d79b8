"""使用情况报送: how the unit used credit records and reports in a month, quarter or half-year.

The city policies make every unit report its use of credit records and reports
to the credit office (信用办):

- 福州 (榕发改信用〔2016〕19号 六(一), 六(四)): progress every month before the 20th, and the
  half-year summaries before 7 月 10 日 and 12 月 20 日;
- 二连浩特 (二信发〔2018〕22号 五(三)): before 7 月 5 日 and 次年 1 月 5 日;
- 武昌 (武昌信用办〔2018〕3号 三(三)): every quarter (no day fixed);
- 沧州 and 昆山 fix no reporting date (daily supervision / the annual appraisal).

These schedules are data: the ``reporting`` section of each policy profile
(creditdesk/resources/policies/*.json, docs/policy-format.md), so a new city needs no code.

:meth:`UsageService.report` gathers the figures for one :class:`Period` with a
handful of SQLAlchemy Core aggregate queries (GROUP BY), range-filtered on the
indexed ``review.finalised_at`` string, so a quarter of 100,000 reviews takes a
fraction of a second. :func:`next_deadlines` says when the next report is due.
:func:`export_usage` writes the PDF or XLSX (creditdesk.exports.usage_pdf /
usage_xlsx) and appends an audit entry.

Definitions (they are printed with the report):

- A **review** (核查) is counted once, by its current version: a review that a
  later correction superseded is not counted; the correction is counted in the
  period in which it was finalised. **Corrections** (更正) are the review rows with
  ``version`` > 1 finalised in the period.
- Days are the local dates written in ``finalised_at`` (ISO 8601 with the offset of
  the window that saved it); a period is ``start <= date <= end``.
- A credit report was **checked** (核验信用报告) when the review holds a report
  verdict (``review.report`` has a ``report_no``: the applicant presented a report
  and it was judged by the policy engine). It was **refused** (不予采信) when that
  verdict is not ``acceptable`` (unknown number, expired, revoked, another subject,
  agency not qualified, …).
- **Departures** (改变系统结论) are reviews whose final outcome differs from the
  computed one.
- **Commitments signed** are commitment rows whose ``signed_at`` falls in the period
  (with their status now); **fulfilled / breached in the period** count the
  commitments with a ``commitment_event`` to that status dated in the period.
- **Objections** are those filed in the period, by their status now.

Aggregate counts are not personal data; counts by officer are shown only to
supervisors and administrators (or when nobody is signed in, ``viewer=None``).

Pure Python and SQLAlchemy: no Qt.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, case, false, func, select

from creditdesk.atomic import atomic_path
from creditdesk.db import models
from creditdesk.outcomes import OUTCOMES, PRINT_FG, SHORT_LABELS
from creditdesk.roles import Actor

__all__ = [
    "OUTCOMES", "OUTCOME_LABELS", "OUTCOME_COLOURS", "OBJECTION_STATUS_LABELS", "Period", "OutcomeCounts",
    "MatterRow", "OfficerRow", "TrendPoint", "DepartureRow", "CommitmentFigures", "ObjectionFigures",
    "UsageReport", "UsageService", "Deadline", "ReportingSchedule", "next_deadlines", "UsageExport",
    "export_usage", "may_see_officers",
]  # fmt: skip

_review = models.Review.__table__
_commitment = models.Commitment.__table__
_event = models.CommitmentEvent.__table__
_objection = models.Objection.__table__

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


def _milder(computed: str | None, final: str | None) -> bool:
    from creditdesk.services.review_workflow import is_milder

    try:
        return bool(computed and final) and is_milder(computed, final)
    except KeyError:
        return False


def may_see_officers(viewer: Actor | None) -> bool:
    """Counts by officer: supervisors and administrators, or unattributed (viewer None)."""
    return viewer is None or viewer.can("view_all_reviews")


# -- the service ----------------------------------------------------------------------------


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def _truthy(col):  # noqa: ANN001, ANN202
    return case((col, 1), else_=0)


class UsageService:
    def __init__(self, engine: Engine, now: Callable[[], dt.datetime] | None = None, store: Any = None) -> None:
        self.engine = engine
        self._now = now or _local_now
        self._store = store

    @property
    def store(self):  # noqa: ANN201
        if self._store is None:
            from creditdesk.policy.store import ProfileStore

            self._store = ProfileStore.from_engine(self.engine)
        return self._store

    def _matter_name(self, profile_id: str, version: int, code: str) -> str:
        try:
            versions = self.store.versions(profile_id)
        except Exception:  # noqa: BLE001 - a name is a nicety; the code stands in
            versions = []
        exact = [p for p in versions if p.version == version]
        for p in exact + list(reversed(versions)):
            m = p.matter(code)
            if m is not None:
                return m.label
        return code

    def report(self, period: Period, viewer: Actor | None = None, unit: str | None = None) -> UsageReport:
        """The figures for ``period``; ``unit`` None: the viewer's own unit when the viewer is an
        officer or supervisor with one, else every unit."""
        if unit is None and viewer is not None and viewer.role != "admin" and viewer.unit:
            unit = viewer.unit
        lo, hi = period.bounds()
        r = _review
        in_period = [r.c.finalised_at >= lo, r.c.finalised_at < hi]
        if unit is not None:
            in_period.append(r.c.unit == unit)
        checked = r.c.report["report_no"].as_string().is_not(None)
        refused = and_(checked, func.coalesce(r.c.report["acceptable"].as_boolean(), false()) == false())
        day = func.substr(r.c.finalised_at, 1, 10)
        departed = r.c.computed_outcome != r.c.final_outcome
        measures = (
            func.count().label("n"),
            func.sum(_truthy(r.c.offline)).label("offline"),
            func.sum(_truthy(r.c.stale)).label("stale"),
            func.sum(_truthy(checked)).label("checked"),
            func.sum(_truthy(refused)).label("refused"),
            func.sum(_truthy(r.c.version > 1)).label("corrections"),
        )
        officers_visible = may_see_officers(viewer)

        # (profile, version, matter, computed, final) -> [n, offline, stale, checked, refused, corrections]
        main: dict[tuple, list[int]] = defaultdict(lambda: [0] * 6)
        daily: dict[tuple[str, str], int] = defaultdict(int)
        officers: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        with self.engine.connect() as conn:
            # One pass for the figures and the trend: a few thousand groups at most (days × matters × outcomes).
            keys = (day, r.c.profile_id, r.c.profile_version, r.c.matter, r.c.computed_outcome, r.c.final_outcome)
            for row in conn.execute(select(*keys, *measures).where(*in_period).group_by(*keys)):
                acc = main[tuple(row[1:6])]
                for i, v in enumerate(row[6:]):
                    acc[i] += int(v or 0)
                daily[(row[0], row[5])] += int(row[6])
            okeys = (r.c.officer, r.c.computed_outcome, r.c.final_outcome)
            for officer, computed, outcome, n, dep, off in conn.execute(
                select(*okeys, func.count(), func.sum(_truthy(departed)), func.sum(_truthy(r.c.offline)))
                .where(*in_period).group_by(*okeys)
            ):  # fmt: skip
                o = officers[officer]
                o[outcome] += int(n)
                o["_departures"] += int(dep or 0)
                o["_offline"] += int(off or 0)
                o["_milder"] += int(n) if _milder(computed, outcome) else 0

            # Superseded versions: taken out again (a correction counts instead). Corrections are few:
            # their targets first (the supersedes index, NULLs skipped), then those rows in the period.
            targets = list(conn.execute(select(r.c.supersedes).where(r.c.supersedes.is_not(None))).scalars())
            superseded = []
            for i in range(0, len(targets), 500):
                superseded += conn.execute(
                    select(r.c.profile_id, r.c.profile_version, r.c.matter, r.c.computed_outcome, r.c.final_outcome,
                           r.c.offline, r.c.stale, _truthy(checked), _truthy(refused),
                           func.substr(r.c.finalised_at, 1, 10), r.c.officer)
                    .where(r.c.id.in_(targets[i:i + 500]), *in_period)
                ).all()  # fmt: skip

            commitments = self._commitments(conn, lo, hi, unit)
            objections = self._objections(conn, lo, hi, unit)

        corrections = sum(v[5] for v in main.values())  # every correction row in the period, counted as such
        for pid, ver, matter, comp, fin, off, stale, chk, ref, d, officer in superseded:
            acc = main[(pid, ver, matter, comp, fin)]
            acc[0] -= 1
            acc[1] -= int(bool(off))
            acc[2] -= int(bool(stale))
            acc[3] -= int(chk)
            acc[4] -= int(ref)
            daily[(d, fin)] -= 1
            o = officers[officer]
            o[fin] -= 1
            o["_departures"] -= int(comp != fin)
            o["_offline"] -= int(bool(off))
            o["_milder"] -= int(_milder(comp, fin))

        outcome_totals: dict[str, int] = defaultdict(int)
        matters: dict[str, dict[str, int]] = {}
        matter_names: dict[str, str] = {}
        departures: dict[tuple[str, str], int] = defaultdict(int)
        total = offline = stale_n = checked_n = refused_n = 0
        for (pid, ver, matter, comp, fin), (n, off, stl, chk, ref, _corr) in main.items():
            if n <= 0:
                continue
            total += n
            offline += off
            stale_n += stl
            checked_n += chk
            refused_n += ref
            outcome_totals[fin] += n
            if matter not in matters:
                matters[matter] = defaultdict(int)
                matter_names[matter] = self._matter_name(pid, ver, matter)
            matters[matter][fin] += n
            if comp != fin:
                departures[(comp, fin)] += n
        by_matter = tuple(sorted(
            (MatterRow(code, matter_names[code], OutcomeCounts.of(c)) for code, c in matters.items()),
            key=lambda m: (-m.total, m.code),
        ))  # fmt: skip
        officer_rows = tuple(sorted(
            (OfficerRow(name, OutcomeCounts.of(c), c["_departures"], c["_offline"], c["_milder"])
             for name, c in officers.items()),
            key=lambda x: (-x.total, x.officer),
        ))  # fmt: skip
        officer_rows = tuple(x for x in officer_rows if x.total > 0)
        trend_unit, trend = _trend(period, daily)
        return UsageReport(
            period=period, unit=unit, generated_at=_aware(self._now()).isoformat(timespec="seconds"),
            generated_by=viewer.display_name if viewer is not None else None,
            total=total, outcomes=OutcomeCounts.of(outcome_totals), by_matter=by_matter,
            reports_checked=checked_n, reports_refused=refused_n, offline=offline, stale=stale_n,
            departures=sum(departures.values()),
            departure_rows=tuple(DepartureRow(c, f, n) for (c, f), n in sorted(departures.items(), key=lambda kv: -kv[1])),
            corrections=corrections, commitments=commitments, objections=objections,
            trend_unit=trend_unit, trend=trend, officers_visible=officers_visible,
            by_officer=officer_rows if officers_visible else (), officer_count=len(officer_rows),
            profile_id=next(iter(k[0] for k in main), None),
            notes=(("按经办人统计仅向科室负责人和系统管理员显示",) if not officers_visible else ()),
        )  # fmt: skip

    @staticmethod
    def _commitments(conn, lo: str, hi: str, unit: str | None) -> CommitmentFigures:  # noqa: ANN001
        c = _commitment
        cond = [c.c.signed_at >= lo, c.c.signed_at < hi]
        if unit is not None:
            cond.append(c.c.unit == unit)
        counts = {status: (int(n), int(paper or 0)) for status, n, paper in conn.execute(
            select(c.c.status, func.count(), func.sum(_truthy(c.c.signed_on_paper))).where(*cond).group_by(c.c.status)
        )}  # fmt: skip
        e = _event
        econd = [e.c.at >= lo, e.c.at < hi, e.c.status.in_(("fulfilled", "breached"))]
        q = select(e.c.status, func.count(func.distinct(e.c.commitment_id)))
        if unit is not None:
            q = q.select_from(e.join(c, c.c.id == e.c.commitment_id))
            econd.append(c.c.unit == unit)
        changed = {status: int(n) for status, n in conn.execute(q.where(*econd).group_by(e.c.status))}
        return CommitmentFigures(
            signed=sum(n for n, _ in counts.values()), signed_on_paper=sum(p for _, p in counts.values()),
            now_in_force=counts.get("in_force", (0, 0))[0], now_fulfilled=counts.get("fulfilled", (0, 0))[0],
            now_breached=counts.get("breached", (0, 0))[0],
            fulfilled_in_period=changed.get("fulfilled", 0), breached_in_period=changed.get("breached", 0),
        )  # fmt: skip

    @staticmethod
    def _objections(conn, lo: str, hi: str, unit: str | None) -> ObjectionFigures:  # noqa: ANN001
        o = _objection
        cond = [o.c.filed_at >= lo, o.c.filed_at < hi]
        if unit is not None:
            cond.append(o.c.unit == unit)
        counts = {s: int(n) for s, n in conn.execute(select(o.c.status, func.count()).where(*cond).group_by(o.c.status))}
        order = list(OBJECTION_STATUSES) + sorted(s for s in counts if s not in OBJECTION_STATUSES)
        return ObjectionFigures(sum(counts.values()), tuple((s, counts.get(s, 0)) for s in order))


def _trend(period: Period, daily: dict[tuple[str, str], int]) -> tuple[str, tuple[TrendPoint, ...]]:
    """By day for a month, by week (Monday to Sunday, cut at the period's ends) otherwise."""
    per_day: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (d, outcome), n in daily.items():
        try:
            per_day[dt.date.fromisoformat(d)][outcome] += n
        except (TypeError, ValueError):
            continue
    points = []
    if period.kind == "month":
        day = period.start
        while day <= period.end:
            points.append(TrendPoint(f"{day:%m-%d}", day, day, OutcomeCounts.of(per_day.get(day, {}))))
            day += dt.timedelta(days=1)
        return "day", tuple(points)
    start = period.start
    while start <= period.end:
        end = min(start + dt.timedelta(days=6 - start.weekday()), period.end)
        acc: dict[str, int] = defaultdict(int)
        day = start
        while day <= end:
            for o, n in per_day.get(day, {}).items():
                acc[o] += n
            day += dt.timedelta(days=1)
        points.append(TrendPoint(f"{start:%m-%d}", start, end, OutcomeCounts.of(acc)))
        start = end + dt.timedelta(days=1)
    return "week", tuple(points)


# -- when the next report is due ------------------------------------------------------------


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


NO_SCHEDULE_NOTE = "该政策文件未规定使用情况的报送期限。"


def _covered(covers: str | None, day: dt.date) -> Period | None:
    """The period a report due on ``day`` covers (``day``: the day asked about when no due day is fixed)."""
    if covers == "previous_month":
        return Period.containing("month", day).previous()
    if covers == "current_quarter":
        return Period.containing("quarter", day)
    if covers == "previous_quarter":
        return Period.containing("quarter", day).previous()
    if covers == "first_half":  # this year's, reported from July on
        return Period.half(day.year, 1)
    if covers == "second_half":  # this year's from July on, else last year's (due in January)
        return Period.half(day.year if day.month >= 7 else day.year - 1, 2)
    return None


@functools.cache
def _bundled_store():  # noqa: ANN202
    from creditdesk.policy.store import ProfileStore

    return ProfileStore.bundled()


def _profile_for(pid: str, today: dt.date, store):  # noqa: ANN001, ANN202
    """The version in force on ``today``; before the first version took effect, the first version."""
    from creditdesk.policy.store import UnknownProfile

    store = store if store is not None else _bundled_store()
    try:
        return store.resolve(pid, today)
    except UnknownProfile:
        versions = store.versions(pid)
        return versions[0] if versions else None


def profile_store(engine: Engine | None = None):  # noqa: ANN201
    """The bundled profiles plus the platform's versions in ``engine`` (as the check service reads
    them); the bundled profiles alone without an engine or when the table cannot be read."""
    if engine is not None:
        from creditdesk.policy.store import ProfileStore

        try:
            return ProfileStore.from_engine(engine)
        except Exception:  # noqa: BLE001 - the schedule is a nicety; the export must still be written
            pass
    return _bundled_store()


def next_deadlines(profile_id: str, today: dt.date, store=None) -> ReportingSchedule:  # noqa: ANN001
    """When the next usage reports are due under the city's policy, as its profile's ``reporting``
    section says (docs/policy-format.md). A deadline "X 日前" is shown as that day; a deadline that is
    today is still ahead. ``store``: a :class:`~creditdesk.policy.store.ProfileStore` (default: the
    bundled profiles); the version in force on ``today`` governs."""
    pid = (profile_id or "").strip().lower()
    profile = _profile_for(pid, today, store) if pid else None
    if profile is None:
        return ReportingSchedule(pid, "", (), NO_SCHEDULE_NOTE)
    reporting = profile.reporting
    if reporting is None:
        return ReportingSchedule(pid, profile.document.number, (), NO_SCHEDULE_NOTE)
    items = []
    for d in reporting.deadlines:
        due = d.next_due(today)
        items.append(Deadline(due, d.what, d.to, _covered(d.covers, due or today), d.basis))
    items.sort(key=lambda d: d.due or dt.date.max)  # stable: the profile's order among equal days
    return ReportingSchedule(pid, profile.document.number, tuple(items), reporting.note)


# -- exports ---------------------------------------------------------------------------------

FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class UsageExport:
    path: str
    format: str
    size: int
    report: UsageReport


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """``fmt`` if given, else from the file's extension; ValueError (Chinese) otherwise."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
    else:
        fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"不支持的格式“{fmt or Path(path).name}”：请用 pdf 或 xlsx（--format，或文件扩展名）")
    return fmt


def export_usage(
    engine: Engine,
    audit: Any,
    period: Period,
    fmt: str | None,
    path: str | Path,
    by: Actor | None,
    unit: str | None = None,
    *,
    report: UsageReport | None = None,
    profile_id: str | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> UsageExport:
    """Write the usage report as PDF or XLSX to ``path`` and append an audit entry
    (action ``report``, target ``usage``). ``report``: figures already gathered for the same
    period, unit and viewer (the GUI shows them first). Refused (NotPermitted, audited as ``denied``)
    without an account on a home that has accounts."""
    from creditdesk.services.audit import require_audited

    require_audited(audit, by, "review", "export usage", engine=engine)
    fmt = format_for(path, fmt)
    if report is None:
        report = UsageService(engine, now=now).report(period, viewer=by, unit=unit)
    schedule = None
    if profile_id:
        schedule = next_deadlines(profile_id, _aware((now or _local_now)()).date(), store=profile_store(engine))
    if fmt == "pdf":
        from creditdesk.exports.usage_pdf import render_usage_pdf

        data = render_usage_pdf(report, schedule=schedule)
    else:
        from creditdesk.exports.usage_xlsx import render_usage_xlsx

        data = render_usage_xlsx(report, schedule=schedule)
    with atomic_path(path, durable=True) as tmp:
        tmp.write_bytes(data)
    if audit is not None:
        audit.append(
            "report", actor=by, target="usage",
            detail={"period": period.code, "format": fmt, "unit": report.unit, "file": Path(path).name,
                    "total": report.total, "by_officer": report.officers_visible},
        )  # fmt: skip
    return UsageExport(str(path), fmt, len(data), report)
