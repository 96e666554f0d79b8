"""The database schema, as SQLAlchemy Core tables (``models.Subject.__table__``, …).

Core, not ORM: nothing here maps rows to objects (every service reads and writes with Core
statements), and the ORM's import and mapper set-up cost about 0.1 s of every CLI command.

Entity tables mirror the platform protocol (section 4). Each keeps the fields
the protocol defines, ``extra`` for fields the platform adds later (kept, not
interpreted), and ``sync_pass``: the full-resync pass that last wrote the row,
used by mark-and-sweep (protocol 3.3).

Full ID numbers have no column anywhere: natural persons are held by digest
and masked form only.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    MetaData,
    Table,
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

metadata = MetaData()


class Base:
    """What Alembic and the tests reach the schema by: ``Base.metadata``."""

    metadata = metadata


class Subject:
    __table__ = Table(
        "subject",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("kind", String(24), nullable=False),
        Column("name", String(200), nullable=False),
        Column("uscc", String(18), index=True, nullable=True),
        Column("former_names", JSON, nullable=True),
        Column("legal_representative", String(100), nullable=True),
        Column("region_code", String(6), nullable=True),
        Column("registered_on", Date, nullable=True),
        Column("status", String(16), nullable=False),
        Column("id_masked", String(18), nullable=True),
        Column("id_digest", String(64), index=True, nullable=True),
        Column("updated_at", String(40), nullable=True),
        Column("extra", JSON, nullable=True),
        Column("sync_pass", Integer, nullable=True),
    )


class SubjectName:
    """Every searchable name of a subject (current and former), normalised.

    On SQLite a companion FTS5 table ``subject_name_fts`` (rowid = ``id``)
    holds the per-character and initials tokens; on PostgreSQL trigram GIN
    indexes on ``norm`` and ``initials`` serve the same queries.
    """
    __table__ = Table(
        "subject_name",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("subject_id", String(80), index=True, nullable=False),
        Column("name", String(200), nullable=False),
        Column("norm", String(200), nullable=False),
        Column("core", String(200), index=True, nullable=False),
        Column("initials", String(200), index=True, nullable=False),
        Column("former", Boolean, default=False, nullable=False),
    )


class Record:
    __table__ = Table(
        "record",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("subject_id", String(80), nullable=False),
        Column("category", String(40), nullable=False),
        Column("title", String(300), nullable=False),
        Column("doc_no", String(120), nullable=True),
        Column("authority", String(200), nullable=False),
        Column("authority_code", String(18), nullable=True),
        Column("decided_on", Date, nullable=False),
        Column("publish_from", Date, nullable=False),
        Column("publish_until", Date, nullable=True),
        Column("status", String(16), nullable=False),
        Column("basis", Text, nullable=True),
        Column("content", Text, nullable=True),
        Column("amount", Float, nullable=True),
        Column("grade", String(16), nullable=True),
        Column("rating_scheme", String(60), nullable=True),
        Column("updated_at", String(40), nullable=True),
        Column("extra", JSON, nullable=True),
        Column("sync_pass", Integer, nullable=True),
        Index("ix_record_subject_category", "subject_id", "category"),
    )


class Agency:
    __table__ = Table(
        "agency",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("name", String(200), nullable=False),
        Column("uscc", String(18), nullable=False),
        Column("filing_no", String(80), nullable=False),
        Column("filing_authority", String(200), nullable=False),
        Column("filing_level", String(16), nullable=False),
        Column("filed_on", Date, nullable=False),
        Column("valid_until", Date, nullable=True),
        Column("status", String(16), nullable=False),
        Column("updated_at", String(40), nullable=True),
        Column("extra", JSON, nullable=True),
        Column("sync_pass", Integer, nullable=True),
    )


class Report:
    __table__ = Table(
        "report",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("subject_id", String(80), index=True, nullable=False),
        Column("agency_id", String(80), nullable=False),
        Column("issued_on", Date, nullable=False),
        Column("valid_until", Date, nullable=False),
        Column("grade", String(8), nullable=False),
        Column("publicized_on", Date, nullable=False),
        Column("status", String(16), nullable=False),
        Column("updated_at", String(40), nullable=True),
        Column("extra", JSON, nullable=True),
        Column("sync_pass", Integer, nullable=True),
    )


class PolicyVersion:
    """A policy profile version published by the platform (protocol 4.5)."""
    __table__ = Table(
        "policy",
        metadata,
        Column("id", String(80), primary_key=True),
        Column("profile_id", String(40), nullable=False),
        Column("version", Integer, nullable=False),
        Column("effective_from", Date, nullable=False),
        Column("document", JSON, nullable=False),
        Column("updated_at", String(40), nullable=True),
        Column("extra", JSON, nullable=True),
        Column("sync_pass", Integer, nullable=True),
        UniqueConstraint("profile_id", "version"),
    )


class SyncState:
    """The one row saying how far this database has applied the platform's feed."""
    __table__ = Table(
        "sync_state",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("platform_id", String(80), nullable=True),
        Column("epoch", String(80), nullable=True),
        Column("seq", BigInteger, default=0, nullable=False),
        Column("high_water", BigInteger, nullable=True),
        Column("as_of", String(40), nullable=True),
        Column("person_key", String(200), nullable=True),
        Column("active_pass", Integer, nullable=True),
        Column("pass_counter", Integer, default=0, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=True),
        Column("last_sync_at", DateTime(timezone=True), nullable=True),
        Column("last_error", Text, nullable=True),
        Column("last_error_at", DateTime(timezone=True), nullable=True),
    )


class RejectedChange:
    """A change that could not be applied, kept with the reason for an administrator."""
    __table__ = Table(
        "rejected_change",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("seq", BigInteger, nullable=True),
        Column("entity_type", String(40), nullable=True),
        Column("entity_id", String(200), nullable=True),
        Column("op", String(16), nullable=True),
        Column("reason", Text, nullable=False),
        Column("change", JSON, nullable=True),
        Column("source", String(16), nullable=False),
        Column("received_at", DateTime(timezone=True), nullable=False),
    )


class TrustedKey:
    """A platform signing key this installation trusts (pinned), or one awaiting an administrator.

    Keys are pinned per platform at first contact (from ``meta``) or by an
    administrator. A different public key under a pinned ``key_id`` is stored
    as ``pending`` and is not trusted until an administrator confirms it.
    """
    __table__ = Table(
        "trusted_key",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("platform_id", String(80), nullable=False),
        Column("key_id", String(80), nullable=False),
        Column("alg", String(16), default="ed25519", nullable=False),
        Column("public_key", String(200), nullable=False),  # "b64:..."
        Column("status", String(16), nullable=False),  # trusted | pending | retired
        Column("source", String(16), nullable=False),  # meta | admin
        Column("first_seen", DateTime(timezone=True), nullable=False),
        Column("confirmed_at", DateTime(timezone=True), nullable=True),
        UniqueConstraint("platform_id", "key_id", "public_key"),
    )


class OutboxItem:
    """Something the counter produced that the platform must receive exactly once (protocol 5)."""
    __table__ = Table(
        "outbox_item",
        metadata,
        Column("uid", String(36), primary_key=True),
        Column("kind", String(32), nullable=False),  # review | commitment | commitment_status | objection
        Column("created_at", String(40), nullable=False),  # ISO 8601 with offset, as sent
        Column("data", JSON, nullable=False),
        Column("status", String(16), default="pending", nullable=False),  # pending | delivered | rejected
        Column("attempts", Integer, default=0, nullable=False),
        Column("last_error", Text, nullable=True),
        Column("reason", Text, nullable=True),  # the platform's reason, when rejected
        Column("queued_at", DateTime(timezone=True), nullable=False),
        Column("delivered_at", DateTime(timezone=True), nullable=True),
        Index("ix_outbox_item_status_queued", "status", "queued_at"),
    )


class Review:
    """A finalised 核查 record (issue #4 item 7): immutable once written.

    A correction is a new row with ``version`` + 1 and ``supersedes`` naming the
    row it replaces; the old row is never changed. ``content_digest`` is the
    SHA-256 of the canonical JSON of the review's content (see
    creditdesk.services.reviews), ``verification_code`` a short code derived
    from it that the slip carries. The subject is shown by USCC or masked ID
    number only (``subject_code_display``): never a full ID number.
    """
    __table__ = Table(
        "review",
        metadata,
        Column("id", String(36), primary_key=True),
        Column("version", Integer, default=1, nullable=False),
        Column("supersedes", String(36), unique=True, index=True, nullable=True),  # one correction per version
        Column("subject_id", String(80), index=True, nullable=False),
        Column("subject_name", String(200), nullable=True),
        Column("subject_kind", String(24), nullable=True),
        Column("subject_code_display", String(80), nullable=True),
        Column("matter", String(40), nullable=False),
        Column("profile_id", String(40), nullable=False),
        Column("profile_version", Integer, nullable=False),
        Column("computed_outcome", String(16), nullable=False),
        Column("final_outcome", String(16), nullable=False),
        Column("departure_reason", Text, nullable=True),
        Column("measures", JSON, nullable=False),
        Column("requirements", JSON, nullable=False),
        Column("findings", JSON, nullable=False),
        Column("report", JSON, nullable=True),
        Column("data_seq", BigInteger, nullable=False),
        Column("data_epoch", String(80), nullable=True),
        Column("data_as_of", String(40), nullable=True),
        Column("offline", Boolean, default=False, nullable=False),
        Column("stale", Boolean, default=False, nullable=False),
        Column("officer", String(100), nullable=False),
        Column("unit", String(200), nullable=False),
        Column("window", String(100), nullable=True),
        Column("started_at", String(40), nullable=True),  # ISO 8601 with offset
        Column("finalised_at", String(40), nullable=False),  # ISO 8601 with offset
        Column("verification_code", String(16), unique=True, index=True, nullable=False),
        Column("content_digest", String(64), nullable=False),
        # Adverse records in force that no rule covered, acknowledged by the officer: {"records": [...], "by",
        # "by_display", "at"} (issue 11 item 2); NULL when there was nothing to acknowledge.
        Column("acknowledgement", JSON, nullable=True),
        # The 信用审查 on file for the subject when the review was saved: {"request_id", "status", ...}; NULL: none.
        Column("credit_review", JSON, nullable=True),
    )


class Commitment:
    """A credit commitment (信用承诺) signed at a review; ``number`` is per unit per day."""
    __table__ = Table(
        "commitment",
        metadata,
        Column("id", String(36), primary_key=True),
        Column("review_id", String(36), index=True, nullable=False),
        Column("unit", String(200), nullable=False),
        Column("number", String(40), nullable=False),  # CN-YYYYMMDD-NNNN
        Column("template_text", Text, nullable=False),
        Column("signer_name", String(100), nullable=False),
        Column("signer_role", String(24), nullable=False),  # legal_representative | agent
        Column("signature_png", LargeBinary, nullable=True),
        Column("signed_on_paper", Boolean, default=False, nullable=False),
        Column("signed_at", String(40), nullable=False),  # ISO 8601 with offset
        Column("status", String(16), default="in_force", nullable=False),  # in_force | fulfilled | breached
        Column("due_items", JSON, nullable=True),
        # Signed by an agent (委托代理人): in whose name (法定代表人) and on what authority (授权委托书).
        Column("principal", String(100), nullable=True),
        Column("authority", Text, nullable=True),
        UniqueConstraint("unit", "number"),
    )


class ReviewOverride:
    """A conclusion milder than the computed one (issue 11 item 5): its reason and the supervisor's
    decision. ``status`` pending (待复核) until a supervisor approves or rejects it; until approved the
    review's effective conclusion is the computed one."""
    __table__ = Table(
        "review_override",
        metadata,
        Column("review_id", String(36), primary_key=True),
        Column("computed_outcome", String(16), nullable=False),
        Column("requested_outcome", String(16), nullable=False),
        Column("category", String(40), nullable=False),
        Column("reason", Text, nullable=False),
        Column("status", String(16), index=True, nullable=False),  # pending | approved | rejected
        Column("requested_by", String(100), nullable=False),
        Column("requested_at", String(40), nullable=False),
        Column("decided_by", String(100), nullable=True),
        Column("decided_by_display", String(100), nullable=True),
        Column("decided_at", String(40), nullable=True),
        Column("decision_note", Text, nullable=True),
    )


# -- supervisors and accountability (issue #5) --------------------------------------------


class Account:
    """A local account: officer, supervisor or admin. The password is kept as a scrypt hash only."""
    __table__ = Table(
        "account",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(64), unique=True, nullable=False),  # login name, e.g. "zhangsan"
        Column("display_name", String(100), nullable=False),  # shown on slips and ledgers
        Column("role", String(16), nullable=False),  # officer | supervisor | admin
        Column("unit", String(200), nullable=True),
        Column("password_hash", String(300), nullable=False),
        Column("disabled", Boolean, default=False, nullable=False),
        Column("failed_logins", Integer, default=0, nullable=False),
        Column("locked_until", DateTime(timezone=True), nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("created_by", String(64), nullable=True),
        Column("last_login_at", DateTime(timezone=True), nullable=True),
    )


class AuditEntry:
    """One entry of the append-only, hash-chained audit trail (查询留痕).

    ``hash`` = SHA-256 over ``prev_hash`` and the entry's fields (see
    creditdesk.services.audit); ``detail`` holds canonical JSON text so the
    hashed bytes are exactly what is stored. ``actor`` is the account name, or
    NULL for an unattributed act (a home with no account yet).
    """
    __table__ = Table(
        "audit_entry",
        metadata,
        Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
        Column("at", String(40), nullable=False),  # ISO 8601 with offset
        Column("actor", String(64), index=True, nullable=True),
        Column("action", String(40), index=True, nullable=False),
        Column("target", String(200), nullable=True),
        Column("detail", Text, nullable=False),  # canonical JSON
        Column("prev_hash", String(64), nullable=False),
        Column("hash", String(64), nullable=False),
    )


class AuditHead:
    """The last entry of the audit chain (one row), updated with every append: removing
    entries from the end of the trail no longer goes unnoticed."""
    __table__ = Table(
        "audit_head",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("seq", BigInteger, nullable=False),
        Column("hash", String(64), nullable=False),
    )


class AuditAnchor:
    """The chain head as last seen by one window, with an HMAC under a key that is not in the
    database (the credential store, services/keystore.py): rewriting the whole chain and its
    head is detected because the anchored entry's hash changes, and forging the anchor needs
    the key. One row per key (each window sharing a PostgreSQL database has its own).
    ``submitted_*``: the head last queued for the platform (outbox kind ``audit_head``)."""
    __table__ = Table(
        "audit_anchor",
        metadata,
        Column("key_id", String(40), primary_key=True),
        Column("seq", BigInteger, nullable=False),
        Column("hash", String(64), nullable=False),
        Column("mac", String(64), nullable=False),
        Column("at", String(40), nullable=False),
        Column("submitted_at", String(40), nullable=True),
        Column("submitted_seq", BigInteger, nullable=True),
        Column("submitted_hash", String(64), nullable=True),
    )


class CommitmentEvent:
    """A change of a commitment's status (fulfilled / breached), with who and why; queued as commitment_status."""
    __table__ = Table(
        "commitment_event",
        metadata,
        Column("id", String(36), primary_key=True),  # also the outbox uid
        Column("commitment_id", String(36), index=True, nullable=False),
        Column("status", String(16), nullable=False),  # fulfilled | breached | in_force
        Column("note", Text, nullable=True),
        Column("at", String(40), nullable=False),
        Column("actor", String(64), nullable=True),
    )


class Objection:
    """An applicant's objection (异议) to a record, queued for the platform and followed up."""
    __table__ = Table(
        "objection",
        metadata,
        Column("id", String(36), primary_key=True),  # also the outbox uid
        Column("record_id", String(80), index=True, nullable=False),
        Column("record_title", Text, nullable=True),
        Column("subject_id", String(80), index=True, nullable=False),
        Column("subject_name", String(200), nullable=True),
        Column("grounds", Text, nullable=False),
        Column("contact_name", String(100), nullable=False),
        Column("contact_phone", String(40), nullable=True),
        Column("filed_at", String(40), nullable=False),
        Column("officer", String(100), nullable=False),
        Column("unit", String(200), nullable=False),
        Column("review_id", String(36), nullable=True),
        Column("status", String(16), default="queued", nullable=False),  # queued | submitted | accepted | rejected | upheld | dismissed
        Column("status_note", Text, nullable=True),
        Column("status_at", String(40), nullable=True),
    )


class Recheck:
    """A finalised review evaluated again on newer data (the review itself is never changed)."""
    __table__ = Table(
        "recheck",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("review_id", String(36), index=True, nullable=False),
        Column("checked_at", String(40), nullable=False),
        Column("data_seq", BigInteger, nullable=False),
        Column("data_as_of", String(40), nullable=True),
        Column("old_outcome", String(16), nullable=False),
        Column("new_outcome", String(16), nullable=False),
        Column("new_findings", JSON, nullable=False),
        Column("new_measures", JSON, nullable=False),
        Column("differs", Boolean, index=True, nullable=False),
        Column("acknowledged_at", String(40), nullable=True),
        Column("acknowledged_by", String(64), nullable=True),
        UniqueConstraint("review_id", "data_seq"),
    )


class SupervisorAlert:
    """Something a supervisor must look at, e.g. a new adverse record for a subject with a commitment in force."""
    __table__ = Table(
        "supervisor_alert",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
        Column("kind", String(40), nullable=False),  # adverse_record_on_commitment | recheck_differs | commitment_overdue
        Column("ref", String(36), nullable=False),  # commitment or review id
        Column("record_id", String(80), default="", nullable=False),
        Column("subject_id", String(80), nullable=True),
        Column("message", Text, nullable=False),
        Column("detail", JSON, nullable=True),
        Column("created_at", String(40), nullable=False),
        Column("acknowledged_at", String(40), nullable=True),
        Column("acknowledged_by", String(64), nullable=True),
        UniqueConstraint("kind", "ref", "record_id"),
    )


# The ledger and usage report read reviews by day and by officer.
Index("ix_review_finalised_at", Review.__table__.c.finalised_at)
Index("ix_review_officer_finalised_at", Review.__table__.c.officer, Review.__table__.c.finalised_at)
Index("ix_commitment_status", Commitment.__table__.c.status)


class CreditReviewRequest:
    """A 信用审查 requested from the city's public credit information centre (昆山 第十、十一、十四条),
    queued for the platform as ``credit_review_request``; its result is recorded here when it comes back."""
    __table__ = Table(
        "credit_review_request",
        metadata,
        Column("id", String(36), primary_key=True),  # also the outbox uid
        Column("review_id", String(36), index=True, nullable=True),  # the review it was requested for
        Column("subject_id", String(80), index=True, nullable=False),
        Column("subject_name", String(300), nullable=True),
        Column("matter", String(40), nullable=False),
        Column("profile_id", String(40), nullable=False),
        Column("profile_version", Integer, nullable=False),
        Column("unit", String(200), nullable=False),
        Column("officer", String(64), nullable=False),
        Column("requested_at", String(40), nullable=False),
        Column("due_on", Date, nullable=False),  # 第十一条: 5 working days after the request
        Column("due_estimated", Boolean, default=False, nullable=False),  # a year the holiday calendar lacks
        Column("status", String(16), nullable=False),  # requested | received
        Column("result_received_on", Date, nullable=True),
        Column("result_report_no", String(80), nullable=True),
        Column("result_adverse", Boolean, nullable=True),  # the 审查报告 names adverse information
        Column("result_summary", Text, nullable=True),
        Column("valid_until", Date, nullable=True),  # 第十四条: one year from the result
        Column("recorded_by", String(64), nullable=True),
    )


