"""Builders shared by the policy tests: subjects, records and reports as plain data."""

from __future__ import annotations

import datetime as dt
import itertools

from creditdesk.credit import RecordInfo, SubjectInfo
from creditdesk.policy import ProfileStore
from creditdesk.policy.engine import AgencyFacts, ReportFacts

DAY = dt.date(2026, 11, 21)
SID = "91350100000000001X"
_ids = itertools.count(1)
_store = ProfileStore.bundled()


def profile(pid: str):  # noqa: ANN201
    return _store.resolve(pid, DAY)


def subject(kind: str = "legal_person", registered_on: dt.date | None = dt.date(2015, 3, 1), sid: str = SID) -> SubjectInfo:
    return SubjectInfo(
        id=sid, kind=kind, name="某某有限公司", uscc=sid if kind != "natural_person" else None, former_names=(),
        legal_representative=None, region_code="350100", registered_on=registered_on, status="active", id_masked=None,
    )  # fmt: skip


def rec(
    category: str = "admin_penalty",
    *,
    status: str = "active",
    publish_from: dt.date = dt.date(2026, 1, 1),
    publish_until: dt.date | None = None,
    decided_on: dt.date | None = None,
    grade: str | None = None,
    subject_id: str = SID,
) -> RecordInfo:
    return RecordInfo(
        id=f"R{next(_ids)}", subject_id=subject_id, category=category, title="t", doc_no=None, authority="a",
        decided_on=decided_on or publish_from, publish_from=publish_from, publish_until=publish_until, status=status,
        grade=grade,
    )  # fmt: skip


def agency(level: str = "city", status: str = "active", filed_on=dt.date(2025, 1, 1), valid_until=None) -> AgencyFacts:  # noqa: ANN001
    return AgencyFacts("A1", "某信用评估有限公司", level, status, filed_on, valid_until)


def report(
    *,
    subject_id: str = SID,
    issued_on: dt.date = dt.date(2026, 3, 1),
    valid_until: dt.date | None = None,
    grade: str = "AA",
    publicized_on: dt.date | None = dt.date(2026, 3, 5),
    status: str = "active",
    agency_facts: AgencyFacts | None | str = "default",
    level: str = "provincial",
) -> ReportFacts:
    return ReportFacts(
        report_no="BG-1", subject_id=subject_id, issued_on=issued_on,
        valid_until=valid_until or issued_on.replace(year=issued_on.year + 1) - dt.timedelta(days=1),
        grade=grade, publicized_on=publicized_on, status=status,
        agency=agency(level) if agency_facts == "default" else agency_facts,
    )  # fmt: skip
