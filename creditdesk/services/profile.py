"""A subject's credit profile on a day, plus the reports publicised for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from creditdesk.credit import CreditProfile, build_profile
from creditdesk.db import models
from creditdesk.services.position import DataPosition, read_position
from creditdesk.services.records import load_records, load_subjects

_report = models.Report.__table__
_agency = models.Agency.__table__


@dataclass(frozen=True)
class ReportInfo:
    report_no: str
    subject_id: str
    agency_id: str
    agency_name: str | None
    agency_level: str | None
    agency_status: str | None
    issued_on: dt.date
    valid_until: dt.date
    grade: str
    publicized_on: dt.date
    status: str

    def valid_on(self, day: dt.date) -> bool:
        return self.status == "active" and self.issued_on <= day <= self.valid_until


@dataclass(frozen=True)
class ProfileView:
    profile: CreditProfile
    reports: tuple[ReportInfo, ...]
    data: DataPosition


class ProfileService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def profile(self, subject_id: str, day: dt.date | None = None) -> ProfileView:
        day = day or dt.date.today()
        with self.engine.connect() as conn:
            subject = load_subjects(conn, [subject_id]).get(subject_id)
            records = load_records(conn, [subject_id])[subject_id]
            rows = conn.execute(
                select(_report, _agency.c.name.label("agency_name"), _agency.c.filing_level, _agency.c.status.label("agency_status"))
                .select_from(_report.outerjoin(_agency, _agency.c.id == _report.c.agency_id))
                .where(_report.c.subject_id == subject_id)
                .order_by(_report.c.issued_on.desc())
            )
            reports = tuple(
                ReportInfo(
                    report_no=r.id, subject_id=r.subject_id, agency_id=r.agency_id, agency_name=r.agency_name,
                    agency_level=r.filing_level, agency_status=r.agency_status, issued_on=r.issued_on,
                    valid_until=r.valid_until, grade=r.grade, publicized_on=r.publicized_on, status=r.status,
                )
                for r in rows
            )  # fmt: skip
            position = read_position(conn)
        return ProfileView(build_profile(subject, subject_id, records, day), reports, position)
