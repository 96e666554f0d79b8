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
usage_xlsx, given the report's shape from creditdesk/rows/usage.py) and appends an audit entry.

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

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, case, false, func, select

from creditdesk.atomic import atomic_path
from creditdesk.cancel import CancelToken, token_from
from creditdesk.db import models
from creditdesk.outcomes import OUTCOMES
from creditdesk.roles import Actor
from creditdesk.rows.usage import (  # the report's shape lives below this service and its renderers
    OBJECTION_STATUS_LABELS,
    OBJECTION_STATUSES,
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    CommitmentFigures,
    Deadline,
    DepartureRow,
    MatterRow,
    ObjectionFigures,
    OfficerRow,
    OutcomeCounts,
    Period,
    ReportingSchedule,
    TrendPoint,
    UsageReport,
)

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
EXPORT_CANCELLED = "导出已取消，未写入文件"


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
    cancel: CancelToken | None = None,
) -> UsageExport:
    """Write the usage report as PDF or XLSX to ``path`` and append an audit entry
    (action ``report``, target ``usage``). ``report``: figures already gathered for the same
    period, unit and viewer (the GUI shows them first). Refused (NotPermitted, audited as ``denied``)
    without an account on a home that has accounts. ``cancel`` is asked before the figures, before
    rendering and before the file is written: a cancel raises :class:`creditdesk.cancel.Cancelled`,
    nothing is written and nothing audited."""
    from creditdesk.services.audit import require_audited

    require_audited(audit, by, "review", "export usage", engine=engine)
    fmt = format_for(path, fmt)
    cancel = token_from(cancel)
    cancel.check(EXPORT_CANCELLED)
    if report is None:
        report = UsageService(engine, now=now).report(period, viewer=by, unit=unit)
    schedule = None
    if profile_id:
        schedule = next_deadlines(profile_id, _aware((now or _local_now)()).date(), store=profile_store(engine))
    cancel.check(EXPORT_CANCELLED)
    if fmt == "pdf":
        from creditdesk.exports.usage_pdf import render_usage_pdf

        data = render_usage_pdf(report, schedule=schedule)
    else:
        from creditdesk.exports.usage_xlsx import render_usage_xlsx

        data = render_usage_xlsx(report, schedule=schedule)
    cancel.check(EXPORT_CANCELLED)
    with atomic_path(path, durable=True) as tmp:
        tmp.write_bytes(data)
    if audit is not None:
        from creditdesk.services.audit_spool import record_export

        record_export(audit, by, "report", "usage",
                     {"period": period.code, "format": fmt, "unit": report.unit, "file": Path(path).name,
                      "total": report.total, "by_officer": report.officers_visible}, Path(path))  # fmt: skip
    return UsageExport(str(path), fmt, len(data), report)
