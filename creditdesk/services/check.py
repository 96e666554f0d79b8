"""核查: one applicant, one matter, one day — the database read, the rules engine applied.

``CheckService.check`` resolves the applicant's code, loads its records and the
credit report it presents, picks the policy profile version in force on the
day (bundled or published by the platform) and runs creditdesk.policy.engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from creditdesk.credit import SubjectInfo
from creditdesk.db import models
from creditdesk.identifiers import CodeError, id_digest, normalize_code, parse_code, person_subject_id
from creditdesk.credit import category_of
from creditdesk.outcomes import LABELS
from creditdesk.policy.engine import AgencyFacts, CheckResult, ReportFacts, evaluate
from creditdesk.policy.store import ProfileStore, UnknownMatter
from creditdesk.safetext import xlsx_write_row
from creditdesk.services.batchfile import XLSX_SUFFIXES, BatchFileError, check_codes, read_lines, read_table
from creditdesk.services.lookup import classify_query
from creditdesk.services.position import DataPosition, read_person_key, read_position
from creditdesk.services.records import load_records, load_subjects, subject_by_uscc

_report = models.Report.__table__
_agency = models.Agency.__table__


class CheckInputError(ValueError):
    """The applicant cannot be identified from what was given (e.g. no person key in this database)."""


class NotACode(CheckInputError):
    """A name (or anything else that is not a code) where a code is needed."""


@dataclass(frozen=True)
class CheckOutput:
    query: str
    subject_id: str
    subject: SubjectInfo | None
    result: CheckResult
    data: DataPosition
    stale: bool

    def to_json(self) -> dict:
        r, s = self.result, self.subject
        return {
            "subject": {
                "id": self.subject_id, "name": s.name if s else None, "kind": s.kind if s else None, "known": s is not None,
            },
            "matter": r.matter,
            "profile": {"id": r.profile.id, "version": r.profile.version},
            "on": r.day.isoformat(),
            "outcome": r.outcome,
            "measures": [m.to_json() for m in r.measures],
            "requirements": list(r.requirements),
            "either": [list(g) for g in r.either],
            "findings": [f.to_json() for f in r.findings],
            "report": r.report.to_json() if r.report else None,
            "national": {"id": r.base.id, "version": r.base.version} if r.base else None,
            # Adverse records in force that no rule covers: said as 本市档案未规定措施, to be acknowledged.
            "unruled_adverse": [
                {"record_id": x.id, "category": x.category, "category_label": category_of(x.category).label,
                 "title": x.title, "authority": x.authority, "doc_no": x.doc_no, "decided_on": x.decided_on.isoformat()}
                for x in r.unruled_adverse
            ],
            "needs_acknowledgement": r.needs_acknowledgement,
            "unruled_notice": r.unruled_notice,
            "fallback": r.fallback,
            "notes": [notes_json(n, r) for n in r.notes],
            "data": {**self.data.to_json(), "stale": self.stale},
        }  # fmt: skip


def notes_json(note, result: CheckResult) -> dict:  # noqa: ANN001
    """A profile note for the matter, with where it comes from (the national layer or the city)."""
    national = result.base is not None and note in result.base.notes
    c = note.citation
    return {"text": note.text, "layer": "national" if national else "city",
            "citation": c.to_json() if c else None}  # fmt: skip


class CheckService:
    def __init__(self, engine: Engine, profile_id: str = "fuzhou", stale_after_hours: float = 24,
                 credit_review_pilot: bool = True) -> None:  # fmt: skip
        self.engine = engine
        self.profile_id = profile_id
        self.stale_after_hours = stale_after_hours
        self.credit_review_pilot = credit_review_pilot  # Settings.credit_review_pilot (昆山 第十三条)
        self._store: ProfileStore | None = None

    @property
    def store(self) -> ProfileStore:
        """Bundled profiles plus the platform's versions, read once per service."""
        if self._store is None:
            self._store = ProfileStore.from_engine(self.engine)
        return self._store

    def check(
        self,
        query: str,
        matter: str,
        *,
        profile_id: str | None = None,
        report_no: str | None = None,
        day: dt.date | None = None,
        commitment_signed: bool = False,
    ) -> CheckOutput:
        """Raises CodeError (bad code), CheckInputError, UnknownProfile, UnknownMatter."""
        day = day or dt.date.today()
        profile = self.store.resolve(profile_id or self.profile_id, day)
        if profile.matter(matter) is None:
            raise UnknownMatter(matter, profile)
        with self.engine.connect() as conn:
            subject_id, subject = self._resolve(conn, query)
            records = load_records(conn, [subject_id])[subject_id] if subject is not None else []
            report = self._report(conn, report_no) if report_no else None
            position = read_position(conn)
            review_on_file = None
            if profile.credit_review is not None:
                from creditdesk.services.credit_review import CreditReviewService

                review_on_file = CreditReviewService(self.engine).valid_report(subject_id, day, conn)
        result = evaluate(profile, matter, day, subject, records, report, commitment_signed, subject_id=subject_id,
                          credit_review_valid=review_on_file is not None, pilot_unit=self.credit_review_pilot)  # fmt: skip
        return CheckOutput(query, subject_id, subject, result, position, position.is_stale(self.stale_after_hours))

    def _resolve(self, conn, query: str) -> tuple[str, SubjectInfo | None]:  # noqa: ANN001
        text = query.strip()
        kind = classify_query(text)  # raises CodeError
        if kind == "name":
            raise NotACode(f"“{text}”不是统一社会信用代码、身份证号或主体编号；核查须凭代码，名称请先用查询找到主体")
        if kind == "subject_id":
            subject_id = text
        elif kind == "uscc":
            code = normalize_code(text)
            found = subject_by_uscc(conn, code)
            if found is not None:
                return found.id, found
            subject_id = code
        else:
            key = read_person_key(conn)
            if key is None:
                raise CheckInputError("本地数据缺少平台的自然人密钥，暂无法按身份证号核查")
            subject_id = person_subject_id(id_digest(parse_code(text).value, key))
        return subject_id, load_subjects(conn, [subject_id]).get(subject_id)

    @staticmethod
    def _report(conn, report_no: str) -> ReportFacts:  # noqa: ANN001
        row = conn.execute(
            select(
                _report, _agency.c.id.label("a_id"), _agency.c.name.label("a_name"), _agency.c.filing_level,
                _agency.c.status.label("a_status"), _agency.c.filed_on, _agency.c.valid_until.label("a_valid_until"),
                _agency.c.filing_authority,
            )
            .select_from(_report.outerjoin(_agency, _agency.c.id == _report.c.agency_id))
            .where(_report.c.id == report_no.strip())
        ).first()  # fmt: skip
        if row is None:
            return ReportFacts.unknown(report_no.strip())
        agency = (
            AgencyFacts(row.a_id, row.a_name, row.filing_level, row.a_status, row.filed_on, row.a_valid_until,
                        row.filing_authority)
            if row.a_id is not None
            else None
        )
        return ReportFacts(
            report_no=row.id, subject_id=row.subject_id, issued_on=row.issued_on, valid_until=row.valid_until,
            grade=row.grade, publicized_on=row.publicized_on, status=row.status, agency=agency,
        )  # fmt: skip


# -- batches ------------------------------------------------------------------------

CODE_HEADERS = ("code", "subject", "subject_id", "uscc", "id_number", "统一社会信用代码", "信用代码", "身份证号",
                "身份证号码", "证件号码", "代码", "主体", "主体编号")  # fmt: skip


def read_batch_codes(path: str) -> list[str]:
    """The codes in a batch file: one a line, or a column of a CSV / XLSX.

    In a table the column is the one headed like a code column (see
    CODE_HEADERS); without such a header, the first column, and a first row
    that is not a code is taken as a header. The file is read within the
    bounds of services/batchfile.py and refused whole (BatchFileError) past them.
    """
    if path.lower().endswith((".csv", ".xls", *XLSX_SUFFIXES)):
        return check_codes(_column(read_table(path)), path)
    return read_lines(path)


def _column(rows: list[list[str]]) -> list[str]:
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    col = next((i for i, h in enumerate(header) if h in CODE_HEADERS), None)
    body = rows[1:] if col is not None else rows
    if col is None:
        col = 0
        first = rows[0][0].strip() if rows[0] else ""
        try:
            if classify_query(first) == "name":
                body = rows[1:]
        except CodeError:
            pass
    return [r[col].strip() for r in body if col < len(r) and r[col].strip()]


XLSX_COLUMNS = ("查询内容", "主体编号", "名称", "平台已知", "事项", "档案", "版本", "核查日期", "结论", "措施", "待办",
                "有效记录数", "报告编号", "报告可用", "报告问题", "未规定措施的不良记录", "档案说明", "错误")  # fmt: skip
OUTCOME_LABELS = LABELS  # a table column has room for the long form (creditdesk/outcomes.py)


def xlsx_row(query: str, payload: dict) -> list:
    if "error" in payload:
        return [query] + [""] * (len(XLSX_COLUMNS) - 2) + [payload["error"]]
    s, rep = payload["subject"], payload["report"]
    return [
        query, s["id"], s["name"] or "", "是" if s["known"] else "否", payload["matter"], payload["profile"]["id"],
        payload["profile"]["version"], payload["on"], OUTCOME_LABELS.get(payload["outcome"], payload["outcome"]),
        "；".join(f"{m['text']}（{m['citation']['document']} {m['citation']['clause']}）" for m in payload["measures"]),
        "、".join(payload["requirements"]), sum(f["in_force"] for f in payload["findings"]),
        rep["report_no"] if rep else "", ("是" if rep["acceptable"] else "否") if rep else "",
        "、".join(rep["problems"]) if rep else "",
        "；".join(f"{u['category_label']}“{u['title']}”" for u in payload.get("unruled_adverse", [])),
        "；".join(n["text"] for n in payload.get("notes", [])), "",
    ]  # fmt: skip


def write_xlsx(path: str, rows: list[list]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "核查结果"
    # Names come from the platform and queries from the file: text cells, never formulas.
    xlsx_write_row(ws, 1, list(XLSX_COLUMNS))
    for i, row in enumerate(rows, 2):
        xlsx_write_row(ws, i, row)
    wb.save(path)


__all__ = ["BatchFileError", "CheckInputError", "CheckOutput", "CheckService", "CodeError", "NotACode", "read_batch_codes",
           "write_xlsx"]  # fmt: skip
