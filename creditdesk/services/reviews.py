"""核查记录: the finalised review (issue #4 item 7) and checking a slip's code (item 8).

A check (creditdesk.services.check) becomes a :class:`ReviewDraft`
(:func:`draft_from_check`); the officer may depart from the computed outcome
(with a reason) and attach the applicant's signed credit commitment.
:meth:`ReviewService.finalise` validates the draft and, in ONE transaction,
writes the review, its commitment and their outbox items (protocol 5; the
data format is in docs/submissions.md). On SQLite that commit runs with
``PRAGMA synchronous=FULL`` so a power cut right after "saved" cannot lose it.

A finalised review is never changed: a correction is a new review with
``version`` + 1 and ``supersedes`` naming the old one (:meth:`ReviewService.correct`).

``content_digest`` is the SHA-256 of the canonical JSON (sorted keys, no
spaces, UTF-8) of :func:`review_content`: every column of the review except
the digest and code, plus the commitment as signed (its later status is not
content). The ``verification_code`` is 50 bits of that digest in Crockford
base32, ``XXXX-XXXX-XX``; on a clash with another review's code the next
candidate is taken from ``sha256(digest + ":n")``. :meth:`ReviewService.verify`
recomputes the digest from the stored rows, so a row changed behind the
application's back no longer matches.

No full ID number is ever stored: subjects are shown by USCC or masked ID
number, and a draft whose text holds a valid ID number is refused.

Pure Python and SQLAlchemy: no Qt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select

from creditdesk.db import models
from creditdesk.db.engine import is_sqlite
from creditdesk.identifiers import CodeError, mask_id_number, parse_code, parse_id_number, parse_uscc
from creditdesk.outcomes import OUTCOMES
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services.outbox import enqueue
from creditdesk.services.review_workflow import MIN_REASON_CHARS, OVERRIDE_CATEGORIES, is_milder

_review = models.Review.__table__
_commitment = models.Commitment.__table__
_override = models.ReviewOverride.__table__
OVERRIDE_STATUSES = ("pending", "approved", "rejected")
OVERRIDE_STATUS_LABELS = {"pending": "待复核", "approved": "已批准", "rejected": "已驳回"}

SIGNER_ROLES = ("legal_representative", "agent")
COMMITMENT_STATUSES = ("in_force", "fulfilled", "breached")
SUBMISSION_FORMAT = 1  # "format" in the outbox data; docs/submissions.md

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_MAX_CODE_TRIES = 16
_CODE_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class ReviewRefused(ValueError):
    """The draft cannot be finalised as it stands; the message says why (for the officer)."""


# -- boundary dataclasses ---------------------------------------------------------------


@dataclass(frozen=True)
class CommitmentDraft:
    template_text: str  # the text as signed
    signer_name: str
    signer_role: str  # legal_representative | agent
    signature_png: bytes | None = None  # drawn on the pad
    signed_on_paper: bool = False
    signed_at: str | None = None  # ISO 8601 with offset; default: the moment of finalising
    due_items: list[dict[str, Any]] | None = None  # promised items with deadlines, e.g. {"item": …, "due": "2026-12-31"}
    principal: str | None = None  # an agent signs in this person's name (the legal representative)
    authority: str | None = None  # and on this authority (授权委托书: number, date)


@dataclass(frozen=True)
class ReviewDraft:
    subject_id: str
    subject_name: str | None
    subject_kind: str | None
    subject_code_display: str | None  # USCC or masked ID number, never a full ID number
    matter: str
    profile_id: str
    profile_version: int
    computed_outcome: str
    final_outcome: str
    officer: str
    unit: str
    window: str | None = None
    departure_reason: str | None = None  # required when final_outcome != computed_outcome
    measures: list[dict[str, Any]] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    report: dict[str, Any] | None = None
    data_seq: int = 0
    data_epoch: str | None = None
    data_as_of: str | None = None
    offline: bool = False
    stale: bool = False
    started_at: str | None = None
    commitment: CommitmentDraft | None = None
    departure_category: str | None = None  # one of OVERRIDE_CATEGORIES; required for a milder conclusion
    approval: OverrideApproval | None = None  # a supervisor approved the milder conclusion on the spot
    # Adverse records in force no rule covers (CheckResult.unruled_adverse, as record dicts): the review is
    # saved only with the officer's acknowledgement of them (issue 11 item 2: no silent 正常办理).
    unruled: list[dict[str, Any]] = field(default_factory=list)
    acknowledgement: Acknowledgement | None = None


@dataclass(frozen=True)
class Acknowledgement:
    """The officer read the records no rule covers (本市档案未规定措施) and acknowledged them."""

    by: str  # account (or recorded) name
    by_display: str | None = None
    at: str | None = None  # ISO 8601; default: the moment of finalising


@dataclass(frozen=True)
class OverrideApproval:
    """A supervisor's approval given on the spot (signed in on the officer's window)."""

    supervisor: Actor
    at: str | None = None  # ISO 8601; default: the moment of finalising
    note: str | None = None


@dataclass(frozen=True)
class SavedOverride:
    review_id: str
    computed_outcome: str
    requested_outcome: str
    category: str
    reason: str
    status: str  # pending | approved | rejected
    requested_by: str
    requested_at: str
    decided_by: str | None
    decided_by_display: str | None
    decided_at: str | None
    decision_note: str | None

    @property
    def category_label(self) -> str:
        return OVERRIDE_CATEGORIES.get(self.category, self.category)

    @property
    def status_label(self) -> str:
        return OVERRIDE_STATUS_LABELS.get(self.status, self.status)

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in (
            "computed_outcome", "requested_outcome", "category", "reason", "status", "requested_by",
            "requested_at", "decided_by", "decided_by_display", "decided_at", "decision_note")}  # fmt: skip


@dataclass(frozen=True)
class SavedCommitment:
    id: str
    review_id: str
    unit: str
    number: str
    template_text: str
    signer_name: str
    signer_role: str
    signature_png: bytes | None
    signed_on_paper: bool
    signed_at: str
    status: str
    due_items: list[dict[str, Any]] | None
    principal: str | None = None
    authority: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id, "number": self.number, "signer_name": self.signer_name, "signer_role": self.signer_role,
            "signed_on_paper": self.signed_on_paper, "signature_drawn": self.signature_png is not None,
            "signed_at": self.signed_at, "status": self.status, "due_items": self.due_items,
            "template_text": self.template_text, "principal": self.principal, "authority": self.authority,
        }  # fmt: skip


@dataclass(frozen=True)
class SavedReview:
    id: str
    version: int
    supersedes: str | None
    subject_id: str
    subject_name: str | None
    subject_kind: str | None
    subject_code_display: str | None
    matter: str
    profile_id: str
    profile_version: int
    computed_outcome: str
    final_outcome: str
    departure_reason: str | None
    measures: list[dict[str, Any]]
    requirements: list[str]
    findings: list[dict[str, Any]]
    report: dict[str, Any] | None
    data_seq: int
    data_epoch: str | None
    data_as_of: str | None
    offline: bool
    stale: bool
    officer: str
    unit: str
    window: str | None
    started_at: str | None
    finalised_at: str
    verification_code: str
    content_digest: str
    commitment: SavedCommitment | None = None
    override: SavedOverride | None = None
    acknowledgement: dict[str, Any] | None = None  # {"records": [...], "by", "by_display", "at"}
    credit_review: dict[str, Any] | None = None  # the 信用审查 on file when saved (credit_review_link)

    @property
    def departed(self) -> bool:
        return self.final_outcome != self.computed_outcome

    @property
    def effective_outcome(self) -> str:
        """The conclusion in force: a milder one only once a supervisor approved it (else the computed one)."""
        if self.override is not None and self.override.status != "approved":
            return self.computed_outcome
        return self.final_outcome

    @property
    def override_status(self) -> str | None:
        return self.override.status if self.override is not None else None

    def to_json(self) -> dict:
        return {
            "id": self.id, "version": self.version, "supersedes": self.supersedes,
            "subject": {"id": self.subject_id, "name": self.subject_name, "kind": self.subject_kind,
                        "code": self.subject_code_display},
            "matter": self.matter, "profile": {"id": self.profile_id, "version": self.profile_version},
            "computed_outcome": self.computed_outcome, "outcome": self.final_outcome,
            "departure_reason": self.departure_reason, "measures": self.measures, "requirements": self.requirements,
            "findings": self.findings, "report": self.report,
            "data": {"seq": self.data_seq, "epoch": self.data_epoch, "as_of": self.data_as_of, "stale": self.stale},
            "offline": self.offline, "officer": self.officer, "unit": self.unit, "window": self.window,
            "started_at": self.started_at, "finalised_at": self.finalised_at,
            "verification_code": self.verification_code, "content_digest": self.content_digest,
            "commitment": self.commitment.to_json() if self.commitment else None,
            "override": self.override.to_json() if self.override else None,
            "effective_outcome": self.effective_outcome,
            "acknowledgement": self.acknowledgement, "credit_review": self.credit_review,
        }  # fmt: skip


@dataclass(frozen=True)
class VerifyResult:
    """``found``: a review has this code. ``intact``: its stored content still matches the digest
    (False: the row was changed outside the application). ``superseded_by``: the correction that
    replaced it, if any."""

    found: bool
    review: SavedReview | None = None
    superseded_by: SavedReview | None = None
    intact: bool = False

    @property
    def valid(self) -> bool:
        return self.found and self.intact

    def to_json(self) -> dict:
        return {
            "found": self.found, "intact": self.intact, "valid": self.valid,
            "superseded_by": ({"id": self.superseded_by.id, "version": self.superseded_by.version,
                               "verification_code": self.superseded_by.verification_code}
                              if self.superseded_by else None),
            "review": self.review.to_json() if self.review else None,
        }  # fmt: skip


# -- from a check -----------------------------------------------------------------------


def _display_for(query: str | None, subject_id: str) -> str | None:
    """USCC, or the masked ID number for a person the platform does not know."""
    if query:
        try:
            parsed = parse_code(query)
        except CodeError:
            parsed = None
        if parsed is not None:
            return mask_id_number(parsed.value) if parsed.kind == "id_number" else parsed.value
    return None if subject_id.startswith("P-") else subject_id


def draft_from_check(
    check: Any,
    officer: str,
    unit: str,
    window: str | None = None,
    offline: bool = False,
    *,
    final_outcome: str | None = None,
    departure_reason: str | None = None,
    commitment: CommitmentDraft | None = None,
    started_at: str | None = None,
    departure_category: str | None = None,
    approval: OverrideApproval | None = None,
    acknowledgement: Acknowledgement | None = None,
) -> ReviewDraft:
    """A draft from a ``CheckOutput`` (full evidence) or its ``to_json()`` dict.

    From the dict, findings carry only what the JSON holds (record id, category,
    in force, reason); pass the ``CheckOutput`` to record titles, document numbers
    and record versions. The raw query is never kept (it may be a full ID number).
    """
    if isinstance(check, dict):
        draft = _draft_from_json(check, officer, unit, window, offline, final_outcome, departure_reason, commitment,
                                 started_at)  # fmt: skip
        return dataclasses.replace(draft, departure_category=departure_category, approval=approval,
                                   unruled=[{k: u.get(k) for k in _UNRULED_KEYS} for u in check.get("unruled_adverse", [])],
                                   acknowledgement=acknowledgement)  # fmt: skip
    r, s = check.result, check.subject
    findings = [
        {
            "record_id": f.record.id, "updated_at": f.record.updated_at, "title": f.record.title,
            "doc_no": f.record.doc_no, "category": f.record.category, "in_force": f.in_force, "reason": f.reason,
        }
        for f in r.findings
    ]  # fmt: skip
    measures = [{**m.to_json(), "rule_id": m.rule_id, "outcome": m.outcome} for m in r.measures]
    report = None
    if r.report is not None:
        report = {**r.report.to_json(), "grade": r.report.grade}
    return ReviewDraft(
        subject_id=check.subject_id, subject_name=s.name if s else None, subject_kind=s.kind if s else None,
        subject_code_display=(s.code_display if s else _display_for(check.query, check.subject_id)),
        matter=r.matter, profile_id=r.profile.id, profile_version=r.profile.version,
        computed_outcome=r.outcome, final_outcome=final_outcome or r.outcome, departure_reason=departure_reason,
        measures=measures, requirements=list(r.requirements), findings=findings, report=report,
        data_seq=check.data.seq, data_epoch=check.data.epoch, data_as_of=check.data.as_of, offline=offline,
        stale=bool(check.stale), officer=officer, unit=unit, window=window, started_at=started_at,
        commitment=commitment, departure_category=departure_category, approval=approval,
        unruled=[unruled_record(x) for x in getattr(r, "unruled_adverse", ())], acknowledgement=acknowledgement,
    )  # fmt: skip


_UNRULED_KEYS = ("record_id", "category", "title", "doc_no", "authority", "decided_on")


def unruled_record(record: Any) -> dict[str, Any]:
    """A record no rule covers, as the review stores it (never a full ID number: titles are masked upstream)."""
    decided = getattr(record, "decided_on", None)
    return {"record_id": record.id, "category": record.category, "title": record.title, "doc_no": record.doc_no,
            "authority": getattr(record, "authority", None),
            "decided_on": decided.isoformat() if decided is not None else None}  # fmt: skip


def _draft_from_json(p, officer, unit, window, offline, final_outcome, departure_reason, commitment, started_at):  # noqa: ANN001, ANN202
    s, data = p["subject"], p.get("data") or {}
    subject_id = s["id"]
    code = s.get("code_display") or s.get("code") or _display_for(None, subject_id)
    keys = ("record_id", "updated_at", "title", "doc_no", "category", "in_force", "reason")
    findings = [{k: f.get(k) for k in keys} for f in p.get("findings", [])]
    return ReviewDraft(
        subject_id=subject_id, subject_name=s.get("name"), subject_kind=s.get("kind"), subject_code_display=code,
        matter=p["matter"], profile_id=p["profile"]["id"], profile_version=int(p["profile"]["version"]),
        computed_outcome=p["outcome"], final_outcome=final_outcome or p["outcome"], departure_reason=departure_reason,
        measures=list(p.get("measures", [])), requirements=list(p.get("requirements", [])), findings=findings,
        report=p.get("report"), data_seq=int(data.get("seq") or 0), data_epoch=data.get("epoch"),
        data_as_of=data.get("as_of"), offline=offline, stale=bool(data.get("stale", False)), officer=officer,
        unit=unit, window=window, started_at=started_at, commitment=commitment,
    )  # fmt: skip


# -- digest and code ---------------------------------------------------------------------

# Columns added later are content only when set: a review saved before them keeps its digest.
_REVIEW_OPTIONAL = ("acknowledgement", "credit_review")
_REVIEW_CONTENT = tuple(c.name for c in _review.columns
                        if c.name not in ("verification_code", "content_digest", *_REVIEW_OPTIONAL))  # fmt: skip
_COMMITMENT_CONTENT = ("id", "review_id", "unit", "number", "template_text", "signer_name", "signer_role",
                       "signed_on_paper", "signed_at", "due_items")  # status changes later: not content  # fmt: skip


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def review_content(review: dict[str, Any], commitment: dict[str, Any] | None) -> dict[str, Any]:
    """What the digest covers, from row values (column name -> value)."""
    content: dict[str, Any] = {k: review.get(k) for k in _REVIEW_CONTENT}
    content.update({k: review[k] for k in _REVIEW_OPTIONAL if review.get(k) is not None})
    content["offline"] = bool(content["offline"])
    content["stale"] = bool(content["stale"])
    if commitment is not None:
        c = {k: commitment.get(k) for k in _COMMITMENT_CONTENT}
        c["signed_on_paper"] = bool(c["signed_on_paper"])
        for extra in ("principal", "authority"):  # only when given: older commitments keep their digest
            if commitment.get(extra):
                c[extra] = commitment[extra]
        png = commitment.get("signature_png")
        c["signature_sha256"] = hashlib.sha256(bytes(png)).hexdigest() if png is not None else None
        content["commitment"] = c
    else:
        content["commitment"] = None
    # Through JSON once: tuples become lists, as they come back from a JSON column.
    return json.loads(canonical_json(content))


def content_digest(review: dict[str, Any], commitment: dict[str, Any] | None) -> str:
    return hashlib.sha256(canonical_json(review_content(review, commitment))).hexdigest()


def _base32(data: bytes, length: int) -> str:
    n = int.from_bytes(data, "big") >> (len(data) * 8 - 5 * length)
    return "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in reversed(range(length)))


def code_candidate(digest: str, n: int = 0) -> str:
    """The n-th verification code candidate for a digest, bare (10 characters)."""
    raw = bytes.fromhex(digest) if n == 0 else hashlib.sha256(f"{digest}:{n}".encode("ascii")).digest()
    return _base32(raw[:8], CODE_LENGTH)


def format_code(bare: str) -> str:
    return f"{bare[:4]}-{bare[4:8]}-{bare[8:]}"


def normalize_code(text: str) -> str | None:
    """``XXXX-XXXX-XX`` from what a person typed (any case, spaces, hyphens, O/I/L); None if not a code."""
    bare = re.sub(r"[\s\-‐-―－_]+", "", text or "").upper().translate(_CODE_ALIASES)
    if len(bare) != CODE_LENGTH or any(ch not in CROCKFORD for ch in bare):
        return None
    return format_code(bare)


# -- full ID numbers never stored ----------------------------------------------------------

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")


def _holds_id_number(text: str) -> bool:
    for m in _ID_LIKE.finditer(text):
        candidate = m.group(0)
        try:
            parse_id_number(candidate)
        except CodeError:
            continue
        try:  # an all-digit USCC that also passes the ID check is a USCC
            parse_uscc(candidate)
            continue
        except CodeError:
            return True
    return False


# -- the service --------------------------------------------------------------------------


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class ReviewService:
    def __init__(self, engine: Engine, now: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self._now = now or _local_now

    # reading

    def get(self, review_id: str) -> SavedReview | None:
        with self.engine.connect() as conn:
            return self._load(conn, _review.c.id == review_id)

    def find_by_code(self, code: str) -> SavedReview | None:
        norm = normalize_code(code)
        if norm is None:
            return None
        with self.engine.connect() as conn:
            return self._load(conn, _review.c.verification_code == norm)

    def verify(self, code: str) -> VerifyResult:
        norm = normalize_code(code)
        if norm is None:
            return VerifyResult(False)
        with self.engine.connect() as conn:
            row = conn.execute(select(_review).where(_review.c.verification_code == norm)).mappings().first()
            if row is None:
                return VerifyResult(False)
            crow = conn.execute(select(_commitment).where(_commitment.c.review_id == row["id"])).mappings().first()
            digest = content_digest(dict(row), dict(crow) if crow else None)
            intact = digest == row["content_digest"] and any(
                format_code(code_candidate(digest, n)) == norm for n in range(_MAX_CODE_TRIES)
            )
            review = _saved(row, crow, _override_row(conn, row["id"]))
            successor = self._load(conn, _review.c.supersedes == row["id"])
        return VerifyResult(True, review, successor, intact)

    def _load(self, conn: Connection, where) -> SavedReview | None:  # noqa: ANN001
        row = conn.execute(select(_review).where(where)).mappings().first()
        if row is None:
            return None
        crow = conn.execute(select(_commitment).where(_commitment.c.review_id == row["id"])).mappings().first()
        return _saved(row, crow, _override_row(conn, row["id"]))

    # writing

    def finalise(
        self, draft: ReviewDraft, corrects: str | None = None, *, audit: Any = None, actor: Actor | None = None,
        conn: Connection | None = None,
    ) -> SavedReview:
        """Validate and save the review (+ commitment, + a milder conclusion's override with its
        approval), queue their outbox items and append their audit entries, all in ONE durable
        transaction: whatever moment the process dies, there is no saved review without its audit
        entry. Raises ReviewRefused.

        ``audit``: the AuditTrail (default: one on this engine); ``False`` leaves auditing to the
        caller (the demo history generator writes a day's entries in one batch). ``actor``: the
        signed-in account (None: unattributed, the officer named in the draft). ``conn``: write inside
        the caller's write transaction instead of one of its own (the demo history saves a day's
        reviews with their audit entries in one); the saved review is then built from what was
        inserted rather than read back."""
        self._validate(draft)
        if audit is None:
            from creditdesk.services.audit import AuditTrail

            audit = AuditTrail(self.engine, now=self._now)
        now = self._now()
        if now.tzinfo is None:
            now = now.astimezone()
        finalised_at = now.isoformat(timespec="seconds")
        review_id = str(uuid.uuid4())
        in_caller_transaction = conn is not None
        with self._durable_transaction(conn) as conn:
            version, supersedes = 1, None
            if corrects is not None:
                old = conn.execute(
                    select(_review.c.id, _review.c.version).where(_review.c.id == corrects)
                ).first()  # fmt: skip
                if old is None:
                    raise ReviewRefused(f"要更正的核查记录不存在：{corrects}")
                if conn.execute(select(_review.c.id).where(_review.c.supersedes == corrects)).first() is not None:
                    raise ReviewRefused("该核查记录已被更正，请更正其最新版本")
                version, supersedes = old.version + 1, old.id
            values = {
                "id": review_id, "version": version, "supersedes": supersedes,
                "subject_id": draft.subject_id, "subject_name": draft.subject_name,
                "subject_kind": draft.subject_kind, "subject_code_display": draft.subject_code_display,
                "matter": draft.matter, "profile_id": draft.profile_id, "profile_version": int(draft.profile_version),
                "computed_outcome": draft.computed_outcome, "final_outcome": draft.final_outcome,
                "departure_reason": (draft.departure_reason or "").strip() or None,
                "measures": list(draft.measures), "requirements": list(draft.requirements),
                "findings": list(draft.findings), "report": draft.report,
                "data_seq": int(draft.data_seq), "data_epoch": draft.data_epoch, "data_as_of": draft.data_as_of,
                "offline": bool(draft.offline), "stale": bool(draft.stale),
                "officer": draft.officer.strip(), "unit": draft.unit.strip(), "window": draft.window,
                "started_at": draft.started_at, "finalised_at": finalised_at,
            }  # fmt: skip
            values["acknowledgement"] = _acknowledgement(draft, finalised_at)
            values["credit_review"] = credit_review_link(conn, draft.subject_id, draft.matter, now.date())
            values = {**values, **_json_roundtrip({k: values[k] for k in ("measures", "requirements", "findings", "report",
                                                                          "acknowledgement", "credit_review")})}
            cvalues = None
            if draft.commitment is not None:
                c = draft.commitment
                cvalues = {
                    "id": str(uuid.uuid4()), "review_id": review_id, "unit": values["unit"],
                    "number": self._next_commitment_number(conn, values["unit"], now.date()),
                    "template_text": c.template_text, "signer_name": c.signer_name.strip(),
                    "signer_role": c.signer_role, "signature_png": c.signature_png,
                    "signed_on_paper": bool(c.signed_on_paper), "signed_at": c.signed_at or finalised_at,
                    "status": "in_force", "due_items": _json_roundtrip(c.due_items) if c.due_items else None,
                    "principal": (c.principal or "").strip() or None if c.signer_role == "agent" else None,
                    "authority": (c.authority or "").strip() or None if c.signer_role == "agent" else None,
                }  # fmt: skip
            digest = content_digest(values, cvalues)
            values["content_digest"] = digest
            values["verification_code"] = self._free_code(conn, digest)
            # Parameters apart from the statement: one cached INSERT per table, not one built per review.
            conn.execute(insert(_review), values)
            if cvalues is not None:
                conn.execute(insert(_commitment), cvalues)
            ovalues = None
            if is_milder(draft.computed_outcome, draft.final_outcome):
                ovalues = self._override_values(draft, values, finalised_at)
                conn.execute(insert(_override), ovalues)
            enqueue(conn, "review", review_submission(values, cvalues), uid=review_id, created_at=finalised_at)
            if cvalues is not None:
                enqueue(conn, "commitment", commitment_submission(values, cvalues), uid=cvalues["id"],
                        created_at=finalised_at)  # fmt: skip
            if ovalues is not None:
                enqueue(conn, "review_override", override_submission(values, ovalues), created_at=finalised_at)
            if audit is not False:
                who = actor if actor is not None else values["officer"]
                audit.append("review", actor=who, target=review_id, conn=conn, at=now, detail={
                    "matter": values["matter"], "outcome": values["final_outcome"],
                    "computed_outcome": values["computed_outcome"], "verification_code": values["verification_code"],
                    **({"override": ovalues["status"], "category": ovalues["category"]} if ovalues else {}),
                    **({"acknowledged": [u["record_id"] for u in values["acknowledgement"]["records"]],
                        "acknowledged_by": values["acknowledgement"]["by"]} if values["acknowledgement"] else {}),
                    **({"credit_review": values["credit_review"]["request_id"]} if values["credit_review"] else {}),
                })  # fmt: skip
                if ovalues is not None and ovalues["status"] == "approved":
                    audit.append("override_approve", actor=draft.approval.supervisor, target=review_id, conn=conn,
                                 at=now, detail=_override_detail(ovalues, on_the_spot=True))  # fmt: skip
            if in_caller_transaction:
                return _saved(values, cvalues, ovalues)
        saved = self.get(review_id)
        assert saved is not None
        return saved

    @staticmethod
    def _override_values(draft: ReviewDraft, values: dict[str, Any], finalised_at: str) -> dict[str, Any]:
        a = draft.approval
        o = {
            "review_id": values["id"], "computed_outcome": draft.computed_outcome,
            "requested_outcome": draft.final_outcome, "category": draft.departure_category,
            "reason": values["departure_reason"], "status": "pending", "requested_by": values["officer"],
            "requested_at": finalised_at, "decided_by": None, "decided_by_display": None, "decided_at": None,
            "decision_note": None,
        }  # fmt: skip
        if a is not None:
            o.update(status="approved", decided_by=a.supervisor.name, decided_by_display=a.supervisor.display_name,
                     decided_at=a.at or finalised_at, decision_note=(a.note or "").strip() or None)  # fmt: skip
        return o

    # overrides: the supervisor's decision (跟进)

    def pending_overrides(self, unit: str | None = None) -> list[SavedReview]:
        """Reviews saved as 待复核 (a milder conclusion awaiting a supervisor), oldest first."""
        with self.engine.connect() as conn:
            q = select(_override.c.review_id).where(_override.c.status == "pending").order_by(_override.c.requested_at)
            ids = list(conn.execute(q).scalars())
            out = [r for rid in ids if (r := self._load(conn, _review.c.id == rid)) is not None]
        return [r for r in out if unit is None or r.unit == unit]

    def decide_override(
        self, review_id: str, approve: bool, by: Actor, note: str | None = None, *, audit: Any = None
    ) -> SavedReview:
        """A supervisor approves or rejects a pending milder conclusion; the decision, its audit entry and
        its outbox item commit together. Rejected: the computed conclusion stands."""
        from creditdesk.services.audit import AuditTrail, require_audited

        audit = audit or AuditTrail(self.engine, now=self._now)
        require_audited(audit, by, "follow_up", f"override {review_id}", engine=self.engine)
        if by is None:
            raise NotPermitted("需要科室负责人登录后才能审批结论调整")
        note = (note or "").strip() or None
        if not approve and (note is None or len(note) < 4):
            raise ReviewRefused("驳回须写明理由（至少 4 个字）")
        now = self._now()
        if now.tzinfo is None:
            now = now.astimezone()
        at = now.isoformat(timespec="seconds")
        with self._durable_transaction() as conn:
            orow = _override_row(conn, review_id)
            if orow is None:
                raise ReviewRefused("该核查记录没有待审批的结论调整")
            if orow["status"] != "pending":
                raise ReviewRefused(f"该结论调整已{OVERRIDE_STATUS_LABELS.get(orow['status'], orow['status'])}")
            review = conn.execute(select(_review).where(_review.c.id == review_id)).mappings().first()
            if by.name == orow["requested_by"] or by.name == review["officer"]:
                raise ReviewRefused("结论调整须由另一人审批：经办人不能审批自己的调整")
            status = "approved" if approve else "rejected"
            changes = {"status": status, "decided_by": by.name, "decided_by_display": by.display_name,
                       "decided_at": at, "decision_note": note}  # fmt: skip
            from sqlalchemy import update

            conn.execute(update(_override).where(_override.c.review_id == review_id, _override.c.status == "pending")
                         .values(**changes))  # fmt: skip
            ovalues = {**dict(orow), **changes}
            enqueue(conn, "review_override", override_submission(dict(review), ovalues), created_at=at)
            audit.append("override_approve" if approve else "override_reject", actor=by, target=review_id, conn=conn,
                         at=now, detail=_override_detail(ovalues, on_the_spot=False))  # fmt: skip
        saved = self.get(review_id)
        assert saved is not None
        return saved

    def correct(self, old_id: str, draft: ReviewDraft) -> SavedReview:
        """A new version of review ``old_id``; the old one stays as it was."""
        return self.finalise(draft, corrects=old_id)

    @staticmethod
    def _validate(d: ReviewDraft) -> None:
        for name in ("subject_id", "matter", "profile_id", "officer", "unit"):
            if not (getattr(d, name) or "").strip():
                raise ReviewRefused(f"核查记录缺少 {name}")
        for name in ("computed_outcome", "final_outcome"):
            if getattr(d, name) not in OUTCOMES:
                raise ReviewRefused(f"{name} 应为 {'/'.join(OUTCOMES)} 之一，实际为 {getattr(d, name)!r}")
        if d.final_outcome != d.computed_outcome and not (d.departure_reason or "").strip():
            raise ReviewRefused("最终结论与系统结论不一致时，必须填写理由")
        if is_milder(d.computed_outcome, d.final_outcome):
            if d.departure_category not in OVERRIDE_CATEGORIES:
                raise ReviewRefused("结论比系统计算结果宽松：须选择调整理由类别（" + "、".join(OVERRIDE_CATEGORIES.values()) + "）")
            if len((d.departure_reason or "").strip()) < MIN_REASON_CHARS:
                raise ReviewRefused(f"结论比系统计算结果宽松：理由至少 {MIN_REASON_CHARS} 个字")
            a = d.approval
            if a is not None:
                if not a.supervisor.can("follow_up"):
                    raise ReviewRefused("结论调整须由科室负责人审批")
                if a.supervisor.name == d.officer.strip():
                    raise ReviewRefused("结论调整须由另一人审批：经办人不能审批自己的调整")
        elif d.approval is not None:
            raise ReviewRefused("只有比系统计算结果宽松的结论需要审批")
        c = d.commitment
        needs_commitment = "commitment" in d.requirements and d.final_outcome != "prohibit"
        if needs_commitment and c is None:
            raise ReviewRefused("本事项须签署信用承诺书：请记录承诺（手写签名或纸质签署）")
        if c is not None:
            if not c.signed_on_paper and not c.signature_png:
                raise ReviewRefused("信用承诺须有手写签名，或注明已在纸质承诺书上签署")
            if c.signer_role not in SIGNER_ROLES:
                raise ReviewRefused(f"签署人身份应为 {'/'.join(SIGNER_ROLES)} 之一，实际为 {c.signer_role!r}")
            if not (c.signer_name or "").strip() or not (c.template_text or "").strip():
                raise ReviewRefused("信用承诺须有签署人姓名和承诺书文本")
            if c.signer_role == "agent" and not ((c.principal or "").strip() and (c.authority or "").strip()):
                raise ReviewRefused("委托代理人签署：须写明委托人（法定代表人）和授权委托书")
        text = canonical_json(
            {k: v for k, v in d.__dict__.items() if k not in ("commitment", "approval", "acknowledgement")}
            | ({"c": [c.template_text, c.signer_name, c.due_items, c.principal, c.authority]} if c else {})
        ).decode("utf-8")  # fmt: skip
        if _holds_id_number(text):
            raise ReviewRefused("核查记录中不得出现完整身份证号（请使用脱敏号码）")
        if d.unruled and (d.acknowledgement is None or not (d.acknowledgement.by or "").strip()):
            raise ReviewRefused(f"有 {len(d.unruled)} 条有效不良记录本市档案未规定措施：须经办人确认已阅后才能保存")

    @staticmethod
    def _next_commitment_number(conn: Connection, unit: str, day: dt.date) -> str:
        prefix = f"CN-{day:%Y%m%d}-"
        numbers = conn.execute(_NUMBERS_OF_DAY, {"unit": unit, "pattern": prefix + "%"}).scalars()
        last = max((int(n[len(prefix):]) for n in numbers if n[len(prefix):].isdigit()), default=0)
        return f"{prefix}{last + 1:04d}"

    @staticmethod
    def _free_code(conn: Connection, digest: str) -> str:
        for n in range(_MAX_CODE_TRIES):
            code = format_code(code_candidate(digest, n))
            if conn.execute(_REVIEW_BY_CODE, {"code": code}).first() is None:
                return code
        raise RuntimeError("无法生成不重复的核查码")  # pragma: no cover — 2^-50 per try

    @contextlib.contextmanager
    def _durable_transaction(self, outer: Connection | None = None) -> Iterator[Connection]:
        """A write transaction whose commit survives a power cut (``outer``: the caller's, used as it is).

        WAL with synchronous=NORMAL (the engine's default) may lose the last commits
        on power loss; for a review we pay for a full sync. On PostgreSQL the commit
        waits for the WAL flush (synchronous_commit on for this transaction).
        """
        if outer is not None:
            if not outer.in_transaction():
                raise RuntimeError("finalise(conn=…) needs a connection inside a write transaction")
            yield outer
            return
        with self.engine.connect() as conn:
            sqlite = is_sqlite(self.engine)
            raw = None
            if sqlite:
                raw = conn.connection.driver_connection  # outside any transaction: pragma takes effect
                raw.execute("PRAGMA synchronous=FULL")
                conn.execution_options(sqlite_immediate=True)
            try:
                with conn.begin():
                    if not sqlite:
                        conn.exec_driver_sql("SET LOCAL synchronous_commit = on")
                    yield conn
            finally:
                if raw is not None:
                    raw.execute("PRAGMA synchronous=NORMAL")


# Built once: a statement built per call costs more than running it (saving a thousand demo reviews).
_NUMBERS_OF_DAY = select(_commitment.c.number).where(
    _commitment.c.unit == bindparam("unit"), _commitment.c.number.like(bindparam("pattern")))
_REVIEW_BY_CODE = select(_review.c.id).where(_review.c.verification_code == bindparam("code"))


def _json_roundtrip(value: Any) -> Any:
    return json.loads(canonical_json(value))


# -- outbox data (docs/submissions.md) ------------------------------------------------------


def review_submission(r: dict[str, Any], c: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "format": SUBMISSION_FORMAT, "review_id": r["id"], "version": r["version"], "supersedes": r["supersedes"],
        "unit": r["unit"], "officer": r["officer"], "window": r["window"],
        "subject_id": r["subject_id"], "subject_name": r["subject_name"], "subject_kind": r["subject_kind"],
        "subject_code": r["subject_code_display"], "matter": r["matter"],
        "outcome": r["final_outcome"], "computed_outcome": r["computed_outcome"],
        "departure_reason": r["departure_reason"],
        "profile": {"id": r["profile_id"], "version": r["profile_version"]},
        "data": {"seq": r["data_seq"], "epoch": r["data_epoch"], "as_of": r["data_as_of"], "stale": r["stale"]},
        "offline": r["offline"], "measures": r["measures"], "requirements": r["requirements"],
        "findings": r["findings"], "report": r["report"], "commitment_number": c["number"] if c else None,
        "started_at": r["started_at"], "finalised_at": r["finalised_at"],
        "verification_code": r["verification_code"], "content_digest": r["content_digest"],
        "acknowledgement": r.get("acknowledgement"), "credit_review": r.get("credit_review"),
    }  # fmt: skip


def _acknowledgement(d: ReviewDraft, finalised_at: str) -> dict[str, Any] | None:
    if not d.unruled:
        return None
    a = d.acknowledgement
    assert a is not None  # _validate
    return {"records": [dict(u) for u in d.unruled], "by": a.by.strip(),
            "by_display": (a.by_display or "").strip() or None, "at": a.at or finalised_at}  # fmt: skip


def credit_review_link(conn: Connection, subject_id: str, matter: str, day: dt.date) -> dict[str, Any] | None:
    """The 信用审查 on file for the subject on ``day``: a 审查报告 still valid (any matter: it reviews the
    subject), else a request for this matter still waiting for the centre; None when there is neither."""
    t = models.CreditReviewRequest.__table__
    row = conn.execute(
        select(t).where(t.c.subject_id == subject_id, t.c.status == "received", t.c.result_received_on <= day,
                        t.c.valid_until >= day).order_by(t.c.result_received_on.desc())
    ).mappings().first()  # fmt: skip
    if row is None:
        row = conn.execute(
            select(t).where(t.c.subject_id == subject_id, t.c.matter == matter, t.c.status == "requested")
            .order_by(t.c.requested_at.desc())
        ).mappings().first()  # fmt: skip
    if row is None:
        return None

    def iso(v):  # noqa: ANN001, ANN202
        return v.isoformat() if v is not None else None

    return {"request_id": row["id"], "status": row["status"], "matter": row["matter"],
            "requested_at": row["requested_at"], "due_on": iso(row["due_on"]),
            "received_on": iso(row["result_received_on"]), "report_no": row["result_report_no"],
            "adverse": row["result_adverse"], "valid_until": iso(row["valid_until"])}  # fmt: skip


def _local_minute(value: str | None) -> str:
    if not value:
        return ""
    try:
        return dt.datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value)


def acknowledgement_text(ack: dict[str, Any] | None) -> str | None:
    """One line for the ledger's detail and the slip: which records, by whom, when (None: nothing to acknowledge)."""
    if not ack:
        return None
    titles = "、".join(f"“{r.get('title') or r.get('record_id')}”" for r in ack.get("records") or [])
    who = ack.get("by_display") or ack.get("by") or ""
    return f"{who} 于 {_local_minute(ack.get('at'))} 确认阅知 {len(ack.get('records') or [])} 条本市档案未规定措施的有效不良记录：{titles}"


def credit_review_text(link: dict[str, Any] | None) -> str | None:
    """The 信用审查 the review relied on or was waiting for, in one line (None: none on file)."""
    if not link:
        return None
    if link.get("status") == "received":
        verdict = {True: "，载有不良信息", False: "，未发现不良信息"}.get(link.get("adverse"), "")
        return (f"审查报告 {link.get('report_no') or '（无编号）'}，{link.get('received_on')} 收到{verdict}，"
                f"有效期至 {link.get('valid_until')}（申请编号 {link.get('request_id')}）")  # fmt: skip
    return (f"已于 {(link.get('requested_at') or '')[:10]} 申请，信用中心应于 {link.get('due_on')} 前反馈，"
            f"尚未收到审查报告（申请编号 {link.get('request_id')}）")  # fmt: skip


def commitment_submission(r: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    png = c["signature_png"]
    return {
        "format": SUBMISSION_FORMAT, "commitment_id": c["id"], "number": c["number"], "review_id": r["id"],
        "unit": r["unit"], "officer": r["officer"], "subject_id": r["subject_id"], "matter": r["matter"],
        "outcome": r["final_outcome"], "profile": {"id": r["profile_id"], "version": r["profile_version"]},
        "data": {"seq": r["data_seq"], "as_of": r["data_as_of"]}, "offline": r["offline"],
        "template_text": c["template_text"], "signer_name": c["signer_name"], "signer_role": c["signer_role"],
        "signed_on_paper": c["signed_on_paper"], "signature_sha256": hashlib.sha256(png).hexdigest() if png else None,
        "signed_at": c["signed_at"], "status": c["status"], "due_items": c["due_items"],
        "principal": c.get("principal"), "authority": c.get("authority"),
    }  # fmt: skip


def override_submission(r: dict[str, Any], o: dict[str, Any]) -> dict[str, Any]:
    """A milder conclusion and its supervisor's decision (docs/submissions.md, ``review_override``)."""
    return {
        "format": SUBMISSION_FORMAT, "review_id": r["id"], "verification_code": r["verification_code"],
        "unit": r["unit"], "officer": r["officer"], "subject_id": r["subject_id"], "matter": r["matter"],
        "computed_outcome": o["computed_outcome"], "requested_outcome": o["requested_outcome"],
        "category": o["category"], "reason": o["reason"], "status": o["status"],
        "requested_by": o["requested_by"], "requested_at": o["requested_at"], "decided_by": o["decided_by"],
        "decided_at": o["decided_at"], "decision_note": o["decision_note"],
    }  # fmt: skip


def _override_detail(o: dict[str, Any], *, on_the_spot: bool) -> dict[str, Any]:
    return {"computed_outcome": o["computed_outcome"], "requested_outcome": o["requested_outcome"],
            "category": o["category"], "status": o["status"], "on_the_spot": on_the_spot,
            "requested_by": o["requested_by"], **({"note": o["decision_note"]} if o["decision_note"] else {})}  # fmt: skip


def _override_row(conn: Connection, review_id: str):  # noqa: ANN202
    return conn.execute(select(_override).where(_override.c.review_id == review_id)).mappings().first()


def _saved_override(orow) -> SavedOverride | None:  # noqa: ANN001
    if orow is None:
        return None
    return SavedOverride(**{k: orow[k] for k in _override.columns.keys()})


def _saved(row, crow, orow=None) -> SavedReview:  # noqa: ANN001
    commitment = None
    if crow is not None:
        png = crow["signature_png"]
        commitment = SavedCommitment(
            id=crow["id"], review_id=crow["review_id"], unit=crow["unit"], number=crow["number"],
            template_text=crow["template_text"], signer_name=crow["signer_name"], signer_role=crow["signer_role"],
            signature_png=bytes(png) if png is not None else None, signed_on_paper=bool(crow["signed_on_paper"]),
            signed_at=crow["signed_at"], status=crow["status"], due_items=crow["due_items"],
            principal=crow.get("principal"), authority=crow.get("authority"),
        )  # fmt: skip
    fields = {k: row[k] for k in _review.columns.keys()}
    fields["offline"], fields["stale"] = bool(fields["offline"]), bool(fields["stale"])
    return SavedReview(**fields, commitment=commitment, override=_saved_override(orow))


__all__ = [
    "Acknowledgement", "CommitmentDraft", "OverrideApproval", "ReviewDraft", "ReviewRefused", "ReviewService", "SavedCommitment",
    "SavedOverride", "SavedReview",
    "VerifyResult", "content_digest", "draft_from_check", "normalize_code",
]  # fmt: skip
