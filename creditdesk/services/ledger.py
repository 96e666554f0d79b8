"""每日核查台账: every finalised review of a day (or a range of days), filtered, and its exports.

:class:`LedgerService` reads one :class:`LedgerRow` per finalised review — a
correction is a row of its own (更正 v2 …) and the version it replaced stays in
the ledger, marked as corrected. Rows are scoped to the viewer: a supervisor or
admin sees every review (of their unit when the account has one), an officer
only their own, and an unattributed viewer (a home with no account yet) all.

Days are the review's own local date: ``finalised_at`` is ISO 8601 with the
window's UTC offset, so the day is its first ten characters and a day range is a
plain string range on the indexed column (``ix_review_finalised_at``).

:func:`export_ledger` checks ``export_personal_data``, writes CSV, XLSX or PDF
(creditdesk.exports.ledger_*, given the row types of creditdesk/rows/ledger.py) to a temporary file renamed into place, and
appends an ``export`` entry to the audit trail. Pure Python: no Qt.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from creditdesk.db import models
from creditdesk.identifiers import CodeError, mask_id_number, parse_id_number, parse_uscc
from creditdesk.outcomes import OUTCOMES
from creditdesk.policy.model import MATTER_CODES
from creditdesk.roles import Actor
from creditdesk.rows.ledger import (  # the row types live below this service and its writers
    COLUMNS,
    HEADERS,
    OUTCOME_LABELS,
    ExportCancelled,
    ExportMeta,
    LedgerRow,
    LedgerTotals,
    totals,
)
from creditdesk.cancel import CancelToken, token_from
from creditdesk.services.accounts import accounts_exist
from creditdesk.services.reviews import acknowledgement_text, credit_review_text

_review = models.Review.__table__
_commitment = models.Commitment.__table__
_account = models.Account.__table__
_override = models.ReviewOverride.__table__

OFFLINE_LABELS = {None: "全部", True: "仅离线", False: "仅在线"}
FORMATS = ("csv", "xlsx", "pdf")
FORMAT_LABELS = {"csv": "CSV", "xlsx": "Excel", "pdf": "PDF"}
MEASURES_MAX = 240  # characters of the joined measures text in a ledger cell


# -- boundary dataclasses ---------------------------------------------------------------


@dataclass(frozen=True)
class LedgerFilter:
    date_from: dt.date
    date_to: dt.date
    officer: str | None = None  # account login name (review.officer)
    matter: str | None = None
    outcome: str | None = None  # prohibit | strict | normal | incentive
    offline: bool | None = None  # None: both

    @classmethod
    def day(cls, day: dt.date, **kw: Any) -> LedgerFilter:
        return cls(day, day, **kw)

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValueError(f"结束日期 {self.date_to} 早于开始日期 {self.date_from}")
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValueError(f"结论应为 {'/'.join(OUTCOMES)} 之一，实际为 {self.outcome!r}")

    @property
    def date_text(self) -> str:
        if self.date_from == self.date_to:
            return self.date_from.isoformat()
        return f"{self.date_from.isoformat()} 至 {self.date_to.isoformat()}"

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(), "to": self.date_to.isoformat(), "officer": self.officer,
            "matter": self.matter, "outcome": self.outcome, "offline": self.offline,
        }  # fmt: skip


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    rows: int
    totals: LedgerTotals
    seconds: float
    audit_seq: int | None = None


# -- privacy ----------------------------------------------------------------------------

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")


def _is_full_id(candidate: str) -> bool:
    try:
        parse_id_number(candidate)
    except CodeError:
        return False
    try:  # an all-digit USCC that also passes the ID check is a USCC
        parse_uscc(candidate)
        return False
    except CodeError:
        return True


def mask_ids(text: str | None) -> str | None:
    """Any full ID number inside ``text`` masked (reviews never hold one; belt and braces)."""
    if not text:
        return text
    return _ID_LIKE.sub(lambda m: mask_id_number(m.group(0)) if _is_full_id(m.group(0)) else m.group(0), text)


def measures_text(measures: Any) -> str:
    texts: list[str] = []
    for m in measures or []:
        t = (m.get("text") or m.get("description") or "") if isinstance(m, dict) else str(m)
        t = " ".join(str(t).split())
        if t and t not in texts:
            texts.append(t)
    out = "；".join(texts)
    if len(out) > MEASURES_MAX:
        out = out[: MEASURES_MAX - 1] + "…"
    return mask_ids(out) or ""


# -- the service ------------------------------------------------------------------------


def _day_start(day: dt.date) -> str:
    return day.isoformat()


def _day_end(day: dt.date) -> str:
    return (day + dt.timedelta(days=1)).isoformat()


class LedgerService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._store = None
        self._matter_names: dict[tuple[str, int], dict[str, str]] = {}

    # -- matter names from the policy profiles, cached per profile id + version

    def _profiles(self):  # noqa: ANN202
        if self._store is None:
            from creditdesk.policy.store import ProfileStore

            try:
                self._store = ProfileStore.from_engine(self.engine)
            except Exception:  # noqa: BLE001 - names are a nicety; the ledger must still open
                self._store = ProfileStore.bundled()
        return self._store

    def _profile_matters(self, profile_id: str, version: int) -> dict[str, str]:
        key = (profile_id, int(version))
        names = self._matter_names.get(key)
        if names is None:
            names = {}
            for p in self._profiles().versions(profile_id):
                if p.version == int(version):
                    names = {m.code: m.label for m in p.matters}
                    break
            self._matter_names[key] = names
        return names

    def matter_name(self, matter: str, profile_id: str | None = None, version: int | None = None) -> str:
        if profile_id is not None and version is not None:
            name = self._profile_matters(profile_id, version).get(matter)
            if name:
                return name
        return MATTER_CODES.get(matter, matter)

    # -- scoping

    @staticmethod
    def _scope(q, viewer: Actor | None):  # noqa: ANN001, ANN205
        if viewer is None:
            return q
        if viewer.can("view_all_reviews"):
            return q.where(_review.c.unit == viewer.unit) if viewer.unit else q
        return q.where(_review.c.officer == viewer.name)

    # -- reading

    def rows(self, flt: LedgerFilter, viewer: Actor | None = None) -> list[LedgerRow]:
        later = _review.alias("later")
        q = (
            select(
                _review.c.id, _review.c.finalised_at, _review.c.officer, _review.c.unit, _review.c.window,
                _review.c.matter, _review.c.profile_id, _review.c.profile_version, _review.c.subject_name,
                _review.c.subject_code_display, _review.c.final_outcome, _review.c.computed_outcome,
                _review.c.measures, _review.c.departure_reason, _review.c.verification_code, _review.c.offline,
                _review.c.data_as_of, _review.c.version, _review.c.supersedes,
                _review.c.acknowledgement, _review.c.credit_review,
                _account.c.display_name.label("officer_display"),
                _commitment.c.number.label("commitment_number"),
                later.c.id.label("later_id"),
                _override.c.status.label("override_status"),
                _override.c.decided_by_display.label("decided_by_display"),
                _override.c.decided_by.label("decided_by"),
            )
            .select_from(
                _review.outerjoin(_account, _account.c.name == _review.c.officer)
                .outerjoin(_commitment, _commitment.c.review_id == _review.c.id)
                .outerjoin(later, later.c.supersedes == _review.c.id)
                .outerjoin(_override, _override.c.review_id == _review.c.id)
            )
            .where(_review.c.finalised_at >= _day_start(flt.date_from), _review.c.finalised_at < _day_end(flt.date_to))
        )  # fmt: skip
        if flt.officer:
            q = q.where(_review.c.officer == flt.officer)
        if flt.matter:
            q = q.where(_review.c.matter == flt.matter)
        if flt.outcome:
            q = q.where(_review.c.final_outcome == flt.outcome)
        if flt.offline is not None:
            q = q.where(_review.c.offline == bool(flt.offline))
        q = self._scope(q, viewer).order_by(_review.c.finalised_at, _review.c.version, _review.c.id)
        with self.engine.connect() as conn:
            result = conn.execute(q).all()
        return [self._row(r) for r in result]

    def _row(self, r) -> LedgerRow:  # noqa: ANN001
        code = r.subject_code_display
        if code and _is_full_id(code.strip()):
            code = mask_id_number(code.strip())
        status = r.override_status
        # the conclusion in force: a milder one only once approved
        effective = r.computed_outcome if status in ("pending", "rejected") else r.final_outcome
        label = OUTCOME_LABELS.get(effective, effective)
        if status == "pending":
            label += f"（待复核：拟{OUTCOME_LABELS.get(r.final_outcome, r.final_outcome)}）"
        elif status == "rejected":
            label += "（调整已驳回）"
        return LedgerRow(
            review_id=r.id, finalised_at=r.finalised_at, officer=r.officer,
            officer_name=r.officer_display or r.officer, unit=r.unit, window=r.window, matter=r.matter,
            matter_name=self.matter_name(r.matter, r.profile_id, r.profile_version),
            subject_name=mask_ids(r.subject_name), subject_code_display=code, outcome=effective,
            outcome_label=label, computed_outcome=r.computed_outcome,
            measures=measures_text(r.measures), departure_reason=mask_ids(r.departure_reason),
            commitment_number=r.commitment_number, verification_code=r.verification_code, offline=bool(r.offline),
            data_as_of=r.data_as_of, version=int(r.version or 1), supersedes=r.supersedes,
            superseded=r.later_id is not None, final_outcome=r.final_outcome, override_status=status,
            approved_by=r.decided_by_display or r.decided_by,
            acknowledgement=mask_ids(acknowledgement_text(r.acknowledgement)), credit_review=credit_review_text(r.credit_review),
        )  # fmt: skip

    def latest_day_before(self, day: dt.date, viewer: Actor | None = None) -> dt.date | None:
        """The last day before ``day`` with a review this viewer may see (Monday morning: Friday's ledger)."""
        q = self._scope(select(func.max(_review.c.finalised_at)).where(_review.c.finalised_at < _day_start(day)), viewer)
        with self.engine.connect() as conn:
            last = conn.execute(q).scalar()
        return dt.date.fromisoformat(last[:10]) if last else None

    def officers(self, viewer: Actor | None = None) -> list[Choice]:
        """Officers for the filter: every account, and whoever is named on a review without one."""
        if viewer is not None and not viewer.can("view_all_reviews"):
            return [Choice(viewer.name, viewer.display_name)]
        with self.engine.connect() as conn:
            accounts = {a.name: a.display_name for a in conn.execute(select(_account.c.name, _account.c.display_name))}
            q = self._scope(select(_review.c.officer).distinct(), viewer)
            recorded = [o for (o,) in conn.execute(q)]
        names = dict(accounts)
        for o in recorded:
            names.setdefault(o, o)
        return sorted((Choice(k, v) for k, v in names.items()), key=lambda c: (c.label, c.code))

    def matters(self, viewer: Actor | None = None, profile_id: str | None = None) -> list[Choice]:
        """Matters for the filter: those of the reviews on record, plus the profile's own."""
        out: dict[str, str] = {}
        if profile_id:
            from creditdesk.policy.store import UnknownProfile

            try:
                latest = self._profiles().resolve(profile_id, dt.date.today())
            except UnknownProfile:
                latest = None
            if latest is not None:
                out.update({m.code: m.label for m in latest.matters})
        q = self._scope(select(_review.c.matter, _review.c.profile_id, _review.c.profile_version).distinct(), viewer)
        with self.engine.connect() as conn:
            for matter, pid, ver in conn.execute(q):
                out.setdefault(matter, self.matter_name(matter, pid, ver))
        return [Choice(k, v) for k, v in out.items()]


def filter_text(flt: LedgerFilter, officer_label: str | None = None, matter_label: str | None = None) -> str:
    parts = []
    if flt.officer:
        parts.append(f"经办人：{officer_label or flt.officer}")
    if flt.matter:
        parts.append(f"事项：{matter_label or flt.matter}")
    if flt.outcome:
        parts.append(f"结论：{OUTCOME_LABELS.get(flt.outcome, flt.outcome)}")
    if flt.offline is not None:
        parts.append(OFFLINE_LABELS[flt.offline])
    return "；".join(parts)


# -- exports ------------------------------------------------------------------------------


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The export format: given, else from the file's extension, else CSV."""
    if fmt:
        fmt = fmt.lower()
        if fmt == "excel":
            fmt = "xlsx"
        if fmt not in FORMATS:
            raise ValueError(f"不支持的导出格式 {fmt!r}（可用：{'、'.join(FORMATS)}）")
        return fmt
    ext = Path(path).suffix.lower().lstrip(".")
    return {"xlsx": "xlsx", "pdf": "pdf", "csv": "csv"}.get(ext, "csv")


def writer_for(fmt: str) -> Callable[..., int]:
    if fmt == "csv":
        from creditdesk.exports.ledger_csv import write_csv

        return write_csv
    if fmt == "xlsx":
        from creditdesk.exports.ledger_xlsx import write_xlsx

        return write_xlsx
    if fmt == "pdf":
        from creditdesk.exports.ledger_pdf import write_pdf

        return write_pdf
    raise ValueError(f"不支持的导出格式 {fmt!r}")


def export_ledger(
    engine: Engine,
    audit: Any,  # creditdesk.services.audit.AuditTrail
    flt: LedgerFilter,
    fmt: str | None,
    path: str | Path,
    by: Actor | None,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    *,
    unit: str | None = None,
    rows: Sequence[LedgerRow] | None = None,
    service: LedgerService | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> ExportResult:
    """Check the permission, write the ledger file, and audit the export.

    Raises NotPermitted, ExportCancelled (a :class:`creditdesk.cancel.Cancelled`: nothing written,
    nothing audited) when ``cancel`` is cancelled before the file is renamed into place, or
    the writer's error (nothing left behind). ``rows`` may be passed when the
    caller already read them with the same filter and viewer.
    """
    from creditdesk.services.audit import require_audited  # a refusal is audited ("denied")
    from creditdesk.services.audit_spool import record_export

    require_audited(audit, by, "export_personal_data", "export ledger", accounts_exist=accounts_exist(engine))
    path = Path(path)
    fmt = format_for(path, fmt)
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "所在文件夹不存在", str(path.parent))
    started = time.perf_counter()
    service = service or LedgerService(engine)
    if rows is None:
        rows = service.rows(flt, by)
    cancel = token_from(cancel)
    if cancel.cancelled:
        raise ExportCancelled()
    sums = totals(rows)
    officer_label = matter_label = None
    if flt.officer:
        officer_label = next((r.officer_name for r in rows if r.officer == flt.officer), flt.officer)
    if flt.matter:
        matter_label = next((r.matter_name for r in rows if r.matter == flt.matter), service.matter_name(flt.matter))
    when = (now or (lambda: dt.datetime.now().astimezone()))()
    meta = ExportMeta(
        unit=(by.unit if by is not None and by.unit else None) or unit or _common_unit(rows) or "本单位",
        date_text=flt.date_text, generated_at=when, generated_by=by.label if by is not None else "未署名",
        filter_text=filter_text(flt, officer_label, matter_label),
    )  # fmt: skip
    writer_for(fmt)(rows, path, meta, progress=progress, cancel=cancel)
    detail = {"from": flt.date_from.isoformat(), "to": flt.date_to.isoformat(), "format": fmt, "rows": len(rows),
              "file": path.name, "filter": {k: v for k, v in flt.to_json().items() if k not in ("from", "to")}}
    record_export(audit, by, "export", "ledger", detail, path)
    return ExportResult(path, fmt, len(rows), sums, time.perf_counter() - started)


def _common_unit(rows: Sequence[LedgerRow]) -> str | None:
    units = {r.unit for r in rows}
    return units.pop() if len(units) == 1 else None


__all__ = [
    "COLUMNS", "Choice", "ExportCancelled", "ExportMeta", "ExportResult", "FORMATS", "HEADERS", "LedgerFilter",
    "LedgerRow", "LedgerService", "LedgerTotals", "OUTCOME_LABELS", "OUTCOMES", "export_ledger", "format_for",
    "totals",
]  # fmt: skip
