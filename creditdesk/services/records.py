"""Reading subjects and records from the database into plain domain objects."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from creditdesk.credit import RecordInfo, SubjectInfo
from creditdesk.db import models

_subject = models.Subject.__table__
_record = models.Record.__table__

RECORD_COLUMNS = (
    _record.c.id, _record.c.subject_id, _record.c.category, _record.c.title, _record.c.doc_no,
    _record.c.authority, _record.c.decided_on, _record.c.publish_from, _record.c.publish_until,
    _record.c.status, _record.c.basis, _record.c.content, _record.c.amount, _record.c.grade,
    _record.c.rating_scheme, _record.c.updated_at,
)  # fmt: skip


def subject_from_row(row) -> SubjectInfo:  # noqa: ANN001
    return SubjectInfo(
        id=row.id,
        kind=row.kind,
        name=row.name,
        uscc=row.uscc,
        former_names=tuple(row.former_names or ()),
        legal_representative=row.legal_representative,
        region_code=row.region_code,
        registered_on=row.registered_on,
        status=row.status,
        id_masked=row.id_masked,
    )


def load_subjects(conn: Connection, ids: Sequence[str]) -> dict[str, SubjectInfo]:
    if not ids:
        return {}
    rows = conn.execute(select(_subject).where(_subject.c.id.in_(list(ids))))
    return {r.id: subject_from_row(r) for r in rows}


def load_records(conn: Connection, subject_ids: Sequence[str]) -> dict[str, list[RecordInfo]]:
    out: dict[str, list[RecordInfo]] = {sid: [] for sid in subject_ids}
    if not subject_ids:
        return out
    rows = conn.execute(select(*RECORD_COLUMNS).where(_record.c.subject_id.in_(list(subject_ids))))
    for r in rows:
        out.setdefault(r.subject_id, []).append(RecordInfo(**r._mapping))
    return out
