"""The database schema, as typed SQLAlchemy models.

Entity tables mirror the platform protocol (section 4). Each keeps the fields
the protocol defines, ``extra`` for fields the platform adds later (kept, not
interpreted), and ``sync_pass``: the full-resync pass that last wrote the row,
used by mark-and-sweep (protocol 3.3).

Full ID numbers have no column anywhere: natural persons are held by digest
and masked form only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column



class Base(DeclarativeBase):
    type_annotation_map = {
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Subject(Base):
    __tablename__ = "subject"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[Optional[str]] = mapped_column(String(18), index=True)
    former_names: Mapped[Optional[list[str]]] = mapped_column(JSON)
    legal_representative: Mapped[Optional[str]] = mapped_column(String(100))
    region_code: Mapped[Optional[str]] = mapped_column(String(6))
    registered_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    id_masked: Mapped[Optional[str]] = mapped_column(String(18))
    id_digest: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    updated_at: Mapped[Optional[str]] = mapped_column(String(40))
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    sync_pass: Mapped[Optional[int]] = mapped_column(Integer)


class SubjectName(Base):
    """Every searchable name of a subject (current and former), normalised.

    On SQLite a companion FTS5 table ``subject_name_fts`` (rowid = ``id``)
    holds the per-character and initials tokens; on PostgreSQL trigram GIN
    indexes on ``norm`` and ``initials`` serve the same queries.
    """

    __tablename__ = "subject_name"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(String(200))
    norm: Mapped[str] = mapped_column(String(200))
    core: Mapped[str] = mapped_column(String(200), index=True)
    initials: Mapped[str] = mapped_column(String(200), index=True)
    former: Mapped[bool] = mapped_column(Boolean, default=False)


class Record(Base):
    __tablename__ = "record"
    __table_args__ = (Index("ix_record_subject_category", "subject_id", "category"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    doc_no: Mapped[Optional[str]] = mapped_column(String(120))
    authority: Mapped[str] = mapped_column(String(200))
    authority_code: Mapped[Optional[str]] = mapped_column(String(18))
    decided_on: Mapped[dt.date] = mapped_column(Date)
    publish_from: Mapped[dt.date] = mapped_column(Date)
    publish_until: Mapped[Optional[dt.date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    basis: Mapped[Optional[str]] = mapped_column(Text)
    content: Mapped[Optional[str]] = mapped_column(Text)
    amount: Mapped[Optional[float]] = mapped_column(Float)
    grade: Mapped[Optional[str]] = mapped_column(String(16))
    rating_scheme: Mapped[Optional[str]] = mapped_column(String(60))
    updated_at: Mapped[Optional[str]] = mapped_column(String(40))
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    sync_pass: Mapped[Optional[int]] = mapped_column(Integer)


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str] = mapped_column(String(18))
    filing_no: Mapped[str] = mapped_column(String(80))
    filing_authority: Mapped[str] = mapped_column(String(200))
    filing_level: Mapped[str] = mapped_column(String(16))
    filed_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[Optional[dt.date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[Optional[str]] = mapped_column(String(40))
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    sync_pass: Mapped[Optional[int]] = mapped_column(Integer)


class Report(Base):
    __tablename__ = "report"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    agency_id: Mapped[str] = mapped_column(String(80))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(8))
    publicized_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[Optional[str]] = mapped_column(String(40))
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    sync_pass: Mapped[Optional[int]] = mapped_column(Integer)


class PolicyVersion(Base):
    """A policy profile version published by the platform (protocol 4.5)."""

    __tablename__ = "policy"
    __table_args__ = (UniqueConstraint("profile_id", "version"),)

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    profile_id: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[Optional[str]] = mapped_column(String(40))
    extra: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    sync_pass: Mapped[Optional[int]] = mapped_column(Integer)


class SyncState(Base):
    """The one row saying how far this database has applied the platform's feed."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform_id: Mapped[Optional[str]] = mapped_column(String(80))
    epoch: Mapped[Optional[str]] = mapped_column(String(80))
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    high_water: Mapped[Optional[int]] = mapped_column(BigInteger)
    as_of: Mapped[Optional[str]] = mapped_column(String(40))
    person_key: Mapped[Optional[str]] = mapped_column(String(200))
    active_pass: Mapped[Optional[int]] = mapped_column(Integer)
    pass_counter: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    last_sync_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[Optional[str]] = mapped_column(Text)
    last_error_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class RejectedChange(Base):
    """A change that could not be applied, kept with the reason for an administrator."""

    __tablename__ = "rejected_change"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    seq: Mapped[Optional[int]] = mapped_column(BigInteger)
    entity_type: Mapped[Optional[str]] = mapped_column(String(40))
    entity_id: Mapped[Optional[str]] = mapped_column(String(200))
    op: Mapped[Optional[str]] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    change: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class TrustedKey(Base):
    """A platform signing key this installation trusts (pinned), or one awaiting an administrator.

    Keys are pinned per platform at first contact (from ``meta``) or by an
    administrator. A different public key under a pinned ``key_id`` is stored
    as ``pending`` and is not trusted until an administrator confirms it.
    """

    __tablename__ = "trusted_key"
    __table_args__ = (UniqueConstraint("platform_id", "key_id", "public_key"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    platform_id: Mapped[str] = mapped_column(String(80))
    key_id: Mapped[str] = mapped_column(String(80))
    alg: Mapped[str] = mapped_column(String(16), default="ed25519")
    public_key: Mapped[str] = mapped_column(String(200))  # "b64:..."
    status: Mapped[str] = mapped_column(String(16))  # trusted | pending | retired
    source: Mapped[str] = mapped_column(String(16))  # meta | admin
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    confirmed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class OutboxItem(Base):
    """Something the counter produced that the platform must receive exactly once (protocol 5)."""

    __tablename__ = "outbox_item"
    __table_args__ = (Index("ix_outbox_item_status_queued", "status", "queued_at"),)

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # review | commitment | commitment_status | objection
    created_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with offset, as sent
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | delivered | rejected
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[Optional[str]] = mapped_column(Text)
    reason: Mapped[Optional[str]] = mapped_column(Text)  # the platform's reason, when rejected
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class Review(Base):
    """A finalised 核查 record (issue #4 item 7): immutable once written.

    A correction is a new row with ``version`` + 1 and ``supersedes`` naming the
    row it replaces; the old row is never changed. ``content_digest`` is the
    SHA-256 of the canonical JSON of the review's content (see
    creditdesk.services.reviews), ``verification_code`` a short code derived
    from it that the slip carries. The subject is shown by USCC or masked ID
    number only (``subject_code_display``): never a full ID number.
    """

    __tablename__ = "review"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes: Mapped[Optional[str]] = mapped_column(String(36), unique=True, index=True)  # one correction per version
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    subject_name: Mapped[Optional[str]] = mapped_column(String(200))
    subject_kind: Mapped[Optional[str]] = mapped_column(String(24))
    subject_code_display: Mapped[Optional[str]] = mapped_column(String(80))
    matter: Mapped[str] = mapped_column(String(40))
    profile_id: Mapped[str] = mapped_column(String(40))
    profile_version: Mapped[int] = mapped_column(Integer)
    computed_outcome: Mapped[str] = mapped_column(String(16))
    final_outcome: Mapped[str] = mapped_column(String(16))
    departure_reason: Mapped[Optional[str]] = mapped_column(Text)
    measures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    requirements: Mapped[list[str]] = mapped_column(JSON)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    report: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    data_seq: Mapped[int] = mapped_column(BigInteger)
    data_epoch: Mapped[Optional[str]] = mapped_column(String(80))
    data_as_of: Mapped[Optional[str]] = mapped_column(String(40))
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    stale: Mapped[bool] = mapped_column(Boolean, default=False)
    officer: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(200))
    window: Mapped[Optional[str]] = mapped_column(String(100))
    started_at: Mapped[Optional[str]] = mapped_column(String(40))  # ISO 8601 with offset
    finalised_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with offset
    verification_code: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    content_digest: Mapped[str] = mapped_column(String(64))
    # Adverse records in force that no rule covered, acknowledged by the officer: {"records": [...], "by",
    # "by_display", "at"} (issue 11 item 2); NULL when there was nothing to acknowledge.
    acknowledgement: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    # The 信用审查 on file for the subject when the review was saved: {"request_id", "status", ...}; NULL: none.
    credit_review: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)


class Commitment(Base):
    """A credit commitment (信用承诺) signed at a review; ``number`` is per unit per day."""

    __tablename__ = "commitment"
    __table_args__ = (UniqueConstraint("unit", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    review_id: Mapped[str] = mapped_column(String(36), index=True)
    unit: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(40))  # CN-YYYYMMDD-NNNN
    template_text: Mapped[str] = mapped_column(Text)
    signer_name: Mapped[str] = mapped_column(String(100))
    signer_role: Mapped[str] = mapped_column(String(24))  # legal_representative | agent
    signature_png: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    signed_on_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with offset
    status: Mapped[str] = mapped_column(String(16), default="in_force")  # in_force | fulfilled | breached
    due_items: Mapped[Optional[list[dict[str, Any]]]] = mapped_column(JSON)
    # Signed by an agent (委托代理人): in whose name (法定代表人) and on what authority (授权委托书).
    principal: Mapped[Optional[str]] = mapped_column(String(100))
    authority: Mapped[Optional[str]] = mapped_column(Text)


class ReviewOverride(Base):
    """A conclusion milder than the computed one (issue 11 item 5): its reason and the supervisor's
    decision. ``status`` pending (待复核) until a supervisor approves or rejects it; until approved the
    review's effective conclusion is the computed one."""

    __tablename__ = "review_override"

    review_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    computed_outcome: Mapped[str] = mapped_column(String(16))
    requested_outcome: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | approved | rejected
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_at: Mapped[str] = mapped_column(String(40))
    decided_by: Mapped[Optional[str]] = mapped_column(String(100))
    decided_by_display: Mapped[Optional[str]] = mapped_column(String(100))
    decided_at: Mapped[Optional[str]] = mapped_column(String(40))
    decision_note: Mapped[Optional[str]] = mapped_column(Text)


# -- supervisors and accountability (issue #5) --------------------------------------------


class Account(Base):
    """A local account: officer, supervisor or admin. The password is kept as a scrypt hash only."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)  # login name, e.g. "zhangsan"
    display_name: Mapped[str] = mapped_column(String(100))  # shown on slips and ledgers
    role: Mapped[str] = mapped_column(String(16))  # officer | supervisor | admin
    unit: Mapped[Optional[str]] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(300))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[Optional[str]] = mapped_column(String(64))
    last_login_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One entry of the append-only, hash-chained audit trail (查询留痕).

    ``hash`` = SHA-256 over ``prev_hash`` and the entry's fields (see
    creditdesk.services.audit); ``detail`` holds canonical JSON text so the
    hashed bytes are exactly what is stored. ``actor`` is the account name, or
    NULL for an unattributed act (a home with no account yet).
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 with offset
    actor: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[Optional[str]] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The last entry of the audit chain (one row), updated with every append: removing
    entries from the end of the trail no longer goes unnoticed."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The chain head as last seen by one window, with an HMAC under a key that is not in the
    database (the credential store, services/keystore.py): rewriting the whole chain and its
    head is detected because the anchored entry's hash changes, and forging the anchor needs
    the key. One row per key (each window sharing a PostgreSQL database has its own).
    ``submitted_*``: the head last queued for the platform (outbox kind ``audit_head``)."""

    __tablename__ = "audit_anchor"

    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    submitted_at: Mapped[Optional[str]] = mapped_column(String(40))
    submitted_seq: Mapped[Optional[int]] = mapped_column(BigInteger)
    submitted_hash: Mapped[Optional[str]] = mapped_column(String(64))


class CommitmentEvent(Base):
    """A change of a commitment's status (fulfilled / breached), with who and why; queued as commitment_status."""

    __tablename__ = "commitment_event"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # also the outbox uid
    commitment_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(16))  # fulfilled | breached | in_force
    note: Mapped[Optional[str]] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[Optional[str]] = mapped_column(String(64))


class Objection(Base):
    """An applicant's objection (异议) to a record, queued for the platform and followed up."""

    __tablename__ = "objection"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # also the outbox uid
    record_id: Mapped[str] = mapped_column(String(80), index=True)
    record_title: Mapped[Optional[str]] = mapped_column(Text)
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    subject_name: Mapped[Optional[str]] = mapped_column(String(200))
    grounds: Mapped[str] = mapped_column(Text)
    contact_name: Mapped[str] = mapped_column(String(100))
    contact_phone: Mapped[Optional[str]] = mapped_column(String(40))
    filed_at: Mapped[str] = mapped_column(String(40))
    officer: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(200))
    review_id: Mapped[Optional[str]] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued | submitted | accepted | rejected | upheld | dismissed
    status_note: Mapped[Optional[str]] = mapped_column(Text)
    status_at: Mapped[Optional[str]] = mapped_column(String(40))


class Recheck(Base):
    """A finalised review evaluated again on newer data (the review itself is never changed)."""

    __tablename__ = "recheck"
    __table_args__ = (UniqueConstraint("review_id", "data_seq"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    review_id: Mapped[str] = mapped_column(String(36), index=True)
    checked_at: Mapped[str] = mapped_column(String(40))
    data_seq: Mapped[int] = mapped_column(BigInteger)
    data_as_of: Mapped[Optional[str]] = mapped_column(String(40))
    old_outcome: Mapped[str] = mapped_column(String(16))
    new_outcome: Mapped[str] = mapped_column(String(16))
    new_findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    new_measures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    differs: Mapped[bool] = mapped_column(Boolean, index=True)
    acknowledged_at: Mapped[Optional[str]] = mapped_column(String(40))
    acknowledged_by: Mapped[Optional[str]] = mapped_column(String(64))


class SupervisorAlert(Base):
    """Something a supervisor must look at, e.g. a new adverse record for a subject with a commitment in force."""

    __tablename__ = "supervisor_alert"
    __table_args__ = (UniqueConstraint("kind", "ref", "record_id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # adverse_record_on_commitment | recheck_differs | commitment_overdue
    ref: Mapped[str] = mapped_column(String(36))  # commitment or review id
    record_id: Mapped[str] = mapped_column(String(80), default="")
    subject_id: Mapped[Optional[str]] = mapped_column(String(80))
    message: Mapped[str] = mapped_column(Text)
    detail: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[str] = mapped_column(String(40))
    acknowledged_at: Mapped[Optional[str]] = mapped_column(String(40))
    acknowledged_by: Mapped[Optional[str]] = mapped_column(String(64))


# The ledger and usage report read reviews by day and by officer.
Index("ix_review_finalised_at", Review.finalised_at)
Index("ix_review_officer_finalised_at", Review.officer, Review.finalised_at)
Index("ix_commitment_status", Commitment.status)


class CreditReviewRequest(Base):
    """A 信用审查 requested from the city's public credit information centre (昆山 第十、十一、十四条),
    queued for the platform as ``credit_review_request``; its result is recorded here when it comes back."""

    __tablename__ = "credit_review_request"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # also the outbox uid
    review_id: Mapped[Optional[str]] = mapped_column(String(36), index=True)  # the review it was requested for
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    subject_name: Mapped[Optional[str]] = mapped_column(String(300))
    matter: Mapped[str] = mapped_column(String(40))
    profile_id: Mapped[str] = mapped_column(String(40))
    profile_version: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(200))
    officer: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[dt.date] = mapped_column(Date)  # 第十一条: 5 working days after the request
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)  # a year the holiday calendar lacks
    status: Mapped[str] = mapped_column(String(16))  # requested | received
    result_received_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    result_report_no: Mapped[Optional[str]] = mapped_column(String(80))
    result_adverse: Mapped[Optional[bool]] = mapped_column(Boolean)  # the 审查报告 names adverse information
    result_summary: Mapped[Optional[str]] = mapped_column(Text)
    valid_until: Mapped[Optional[dt.date]] = mapped_column(Date)  # 第十四条: one year from the result
    recorded_by: Mapped[Optional[str]] = mapped_column(String(64))
