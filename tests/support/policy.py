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


# A typical filing authority at each level (protocol 4.3 filing_authority), as the demo city has them.
AUTHORITIES = {"national": "国家发展和改革委员会", "provincial": "中国人民银行福州中心支行", "city": "福州市信用办",
               "county": "闽侯县信用办"}  # fmt: skip


def agency(level: str = "city", status: str = "active", filed_on=dt.date(2025, 1, 1), valid_until=None,  # noqa: ANN001
           authority: str | None = "default", name: str = "某信用评估有限公司") -> AgencyFacts:  # fmt: skip
    return AgencyFacts("A1", name, level, status, filed_on, valid_until,
                       AUTHORITIES.get(level) if authority == "default" else authority)  # fmt: skip


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
    authority: str | None = "default",
) -> ReportFacts:
    return ReportFacts(
        report_no="BG-1", subject_id=subject_id, issued_on=issued_on,
        valid_until=valid_until or issued_on.replace(year=issued_on.year + 1) - dt.timedelta(days=1),
        grade=grade, publicized_on=publicized_on, status=status,
        agency=agency(level, authority=authority) if agency_facts == "default" else agency_facts,
    )  # fmt: skip
