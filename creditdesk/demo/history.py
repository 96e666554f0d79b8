"""A demo home's past: several weeks of counter work on the demo city, made through the real services.

:func:`generate_history` fills a freshly seeded demo home with what the ledger,
statistics, follow-up, objections and audit pages need to show something true:

- reviews on every working day (chinese_calendar: holidays off, make-up days
  on) of the last ``weeks`` weeks, 20–60 a day, by the demo officers
  (``demo-officer``, ``demo-officer2`` and the supervisor ``demo-supervisor``,
  who also serves at the counter). Each is a real check
  (:class:`~creditdesk.services.check.CheckService`, the installation's
  policy profile) finalised by :class:`~creditdesk.services.reviews.ReviewService`
  at its moment, so digests and verification codes verify;
- the data each review was based on is the data of its moment: records the
  platform sent later (``updated_at`` after the review's data position) are
  left out of its evaluation, and its ``data_seq`` / ``data_as_of`` say where
  the window's data stood. Two afternoons and one whole day were offline, one
  morning ran on stale data; one offline review missed a black-list record the
  platform already had, so a recheck on the current data gives another outcome;
- a few departures from the computed outcome, with reasons;
- credit commitments (容缺受理), some with promised items due in working days
  (``{"item", "working_days", "due", "fulfilled_at": null}``): most older ones
  fulfilled, some overdue, some due in the coming days, one breached — each
  status change a ``commitment_event`` with its outbox item and audit entry;
- a few objections (异议) through :class:`~creditdesk.services.objections.ObjectionService`:
  one answered by the supervisor, one open, one whose record the platform has
  since revoked (when the city has such a record);
- the outbox items of this past marked delivered a few minutes after they
  were made (the demo has no platform to deliver them to now);
- audit entries for sign-ins, reviews, commitment marks and objections,
  attributed to the officers and dated at their moments.

It does nothing when the home already has a review (idempotent). Deterministic
for a given ``seed`` and data, apart from UUIDs. Pure Python: no Qt.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import random
import re
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from creditdesk.cancel import NEVER, CancelToken, token_from
from creditdesk.credit import Nature, RecordInfo
from creditdesk.db import models
from creditdesk.db.engine import is_sqlite, write_transaction
from creditdesk.policy.engine import evaluate
from creditdesk.roles import Actor
from creditdesk.services.audit import AuditItem, AuditTrail
from creditdesk.services.check import CheckService
from creditdesk.services.position import DataPosition, read_position
from creditdesk.services.records import load_records, load_subjects
from creditdesk.services.review_workflow import is_milder
from creditdesk.services.reviews import Acknowledgement, CommitmentDraft, OverrideApproval, ReviewService, draft_from_check

CN = dt.timezone(dt.timedelta(hours=8))
_review = models.Review.__table__
_commitment = models.Commitment.__table__
_outbox = models.OutboxItem.__table__
_subject = models.Subject.__table__
_record = models.Record.__table__
_report = models.Report.__table__

OFFICERS = (
    # name, role, display name, window, share of the day's work
    ("demo-officer", "officer", "演示经办人", "1号窗口", 0.45),
    ("demo-officer2", "officer", "演示经办人二", "2号窗口", 0.40),
    ("demo-supervisor", "supervisor", "演示科长", "3号窗口", 0.15),
)
SUPERVISOR = "demo-supervisor"
MATTER_WEIGHTS = {"procurement": 6, "bidding": 5, "approval": 8, "qualification": 4, "fiscal_support": 3,
                  "honors": 2, "land_transfer": 1, "state_asset_transfer": 1, "tax_incentive": 2, "finance": 1,
                  "personnel": 2, "bond_issue": 0.3, "other": 1}  # fmt: skip
PROMISED_ITEMS = ("补交近三年纳税证明", "补交社保缴纳证明", "补交无重大违法记录声明原件", "补交法定代表人身份证明复印件",
                  "补交近一年财务审计报告", "补交安全生产许可证副本", "补交资质证书原件核验")  # fmt: skip
DEPARTURES = {
    ("strict", "normal"): "处罚已履行完毕，申请人现场提交缴款凭证和整改报告，经科室负责人同意按正常程序办理",
    ("normal", "strict"): "申请人提交的材料与平台登记信息不一致，从严审查，待核实后办理",
    ("incentive", "normal"): "本事项不适用容缺受理，按正常程序办理",
}
AGENTS = ("陈晓东", "林丽华", "黄志强", "郑雅琴", "吴建平", "刘芳", "张伟", "王秀英")


@dataclass(frozen=True)
class HistorySummary:
    skipped: bool  # the home had reviews already: nothing was done
    reviews: int = 0
    days: int = 0
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    officers: tuple[str, ...] = ()
    offline: int = 0
    stale: int = 0
    departures: int = 0
    commitments: int = 0
    with_due_items: int = 0
    due_soon: int = 0  # in force, an item due within the next 5 working days
    overdue: int = 0  # in force, an item past due
    fulfilled: int = 0
    breached: int = 0
    objections: int = 0
    missed_records: tuple[str, ...] = ()  # offline reviews that missed a black-list record the platform had
    changed_on_current_data: tuple[str, ...] = ()  # of those, the ones whose outcome differs on today's data
    seconds: float = 0.0

    def to_json(self) -> dict:
        d = dataclasses.asdict(self)
        d["first_day"] = self.first_day.isoformat() if self.first_day else None
        d["last_day"] = self.last_day.isoformat() if self.last_day else None
        return d


# -- calendar ----------------------------------------------------------------------------


# Cached: the calendar is asked about the same few weeks thousands of times (due dates, fulfilments).
@functools.lru_cache(maxsize=None)
def _is_working_day(day: dt.date) -> bool:
    try:
        from creditdesk.workdays import is_working_day

        return is_working_day(day, estimate=True)
    except ImportError:  # pragma: no cover - creditdesk.workdays is part of the project
        import chinese_calendar

        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            return day.weekday() < 5


@functools.lru_cache(maxsize=None)
def _add_working_days(start: dt.date, n: int) -> dt.date:
    try:
        from creditdesk.workdays import add_working_days

        return add_working_days(start, n, estimate=True)
    except ImportError:  # pragma: no cover
        day, left = start, n
        while left:
            day += dt.timedelta(days=1)
            left -= _is_working_day(day)
        return day


def _parse(ts: str | None) -> dt.datetime | None:
    if not ts:
        return None
    try:
        value = dt.datetime.fromisoformat(ts)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=CN)


def _at(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=CN)


# -- a drawn signature, as the pad would save it ----------------------------------------


def _signature_png(rng: random.Random, width: int = 240, height: int = 80) -> bytes:
    """A small greyscale PNG with a pen stroke: stands in for a signature drawn on the pad."""
    px = bytearray(b"\xff" * (width * height))
    x, y = 12.0, height / 2
    dy = 0.0
    # The stroke as ``dy = max(-1.6, min(1.6, dy + rng.uniform(-0.5, 0.5)))`` etc. would draw it, with
    # uniform(a, b) spelled out as a + (b - a) * random() (what it computes): the same numbers, the
    # same pixels, at a third of the cost (a new demo home draws some 300 of these).
    random_ = rng.random
    low, high, right = 8, height - 8, width - 10
    for _ in range(900):
        dy = dy + (-0.5 + (0.5 - -0.5) * random_())
        dy = -1.6 if dy < -1.6 else 1.6 if dy > 1.6 else dy
        y = y + dy
        y = low if y < low else high if y > high else y
        x += 0.1 + (0.45 - 0.1) * random_()
        if x >= right:
            break
        row0, row1 = int(y) * width, int(y + 1) * width
        col0, col1 = int(x), int(x + 1)
        px[row0 + col0] = px[row1 + col0] = px[row0 + col1] = px[row1 + col1] = 0x20
    raw = b"".join(b"\x00" + bytes(px[r * width:(r + 1) * width]) for r in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))  # fmt: skip


def _grounds(record: RecordInfo, how: str) -> str:
    """What an applicant would say about such a record."""
    if record.category == "dishonest_judgment_debtor":
        return "申请人已履行生效法律文书确定的全部义务，执行法院已决定删除失信信息，附结案通知书，请平台更正该记录。"
    if record.category in ("serious_dishonesty", "major_tax_violation", "procurement_violation"):
        return "申请人称已完成信用修复：整改到位并公开作出信用承诺，修复申请已受理，请平台核实后停止公示。"
    if how == "revoked":
        return "该行政处罚决定已被复议机关撤销，申请人已提交行政复议决定书，请平台更正该记录。"
    if how == "open":
        return "申请人称该处罚所涉违法行为系原经营者所为，本企业变更登记后已整改完毕，请求核查更正。"
    return "申请人对该行政处罚记录有异议：罚款已于决定后十日内缴清，依规应已届满公示期，请求平台核实并更正。"


# -- the generator ----------------------------------------------------------------------


@dataclass
class _Event:
    at: dt.datetime
    order: int
    kind: str  # commitment_status | objection_answer
    args: dict[str, Any]


class _History:
    def __init__(self, engine: Engine, settings: Any, today: dt.date, weeks: int, seed: int,
                 until: dt.datetime | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.settings = settings
        self.today = today
        self.until = until  # today's work so far, up to this moment (None: history ends yesterday)
        self.weeks = weeks
        self.rng = random.Random(seed)
        self.audit = AuditTrail(engine)
        self.unit = settings.unit_name
        self.profile_id = settings.profile_id
        self.checks = CheckService(engine, self.profile_id, settings.stale_after_hours)
        self.events: list[_Event] = []
        self.pending_audit: list[AuditItem] = []
        self._batch: tuple[Connection, Any] | None = None  # the open write transaction (see writer)
        self.progress: Callable[[int, int], None] | None = None
        self.cancel: CancelToken = NEVER
        self._order = 0
        self.counts = {"offline": 0, "stale": 0, "departures": 0, "commitments": 0, "with_due": 0,
                       "fulfilled": 0, "breached": 0, "objections": 0}  # fmt: skip
        self.changed: list[str] = []
        self.missed: list[str] = []
        self.officers: list[Actor] = []
        self.reviews = 0
        self.commitments: list[dict] = []  # id, review_id, number, officer, due (max), made

    # -- accounts ----------------------------------------------------------------

    def ensure_officers(self) -> None:
        from creditdesk.services.accounts import AccountService, ensure_demo_accounts

        accounts = AccountService(self.engine, self.audit)
        ensure_demo_accounts(accounts, unit=self.unit)
        admin = accounts.get("demo-admin")
        for name, role, display, _window, _share in OFFICERS:
            actor = accounts.get(name)
            if actor is None:
                actor = accounts.create(name, role, "demo", display_name=display, unit=self.unit, by=admin,
                                        enforce_policy=False)  # fmt: skip
            self.officers.append(actor)

    # -- the city as it stands ----------------------------------------------------

    def load_city(self) -> None:
        with self.engine.connect() as conn:
            self.position = read_position(conn)
            rows = conn.execute(select(_subject.c.id, _subject.c.kind, _subject.c.status)).all()
            stamps = sorted(t for t in (_parse(v) for v in conn.execute(select(_record.c.updated_at)).scalars()) if t)
            reports = {}
            for r in conn.execute(select(_report.c.id, _report.c.subject_id, _report.c.valid_until, _report.c.status)):
                if r.status == "active" and r.valid_until >= self.today:
                    reports.setdefault(r.subject_id, r.id)
            self.reports = reports
            self.stamps = stamps
            active = [r for r in rows if r.status == "active"]
            rng = self.rng
            orgs = [r.id for r in active if r.kind != "natural_person"]
            persons = [r.id for r in active if r.kind == "natural_person"]
            pool = set(rng.sample(orgs, min(len(orgs), 700))) | set(rng.sample(persons, min(len(persons), 60)))
            pool |= set(self._showcase_ids(conn))
            # Everyone with a severe or adverse record in force: they come to the counter too.
            adverse_subjects = conn.execute(
                select(_record.c.subject_id).where(
                    _record.c.status == "active",
                    _record.c.category.in_(("serious_dishonesty", "dishonest_judgment_debtor", "major_tax_violation",
                                            "procurement_violation", "admin_penalty", "commitment_breach")),
                    _record.c.publish_from >= self.today - dt.timedelta(days=5 * 365),
                ).distinct()
            ).scalars().all()  # fmt: skip
            pool |= set(rng.sample(adverse_subjects, min(len(adverse_subjects), 500)))
            ids = sorted(pool)
            self.subjects = {}
            self.records: dict[str, list[RecordInfo]] = {}
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                self.subjects.update(load_subjects(conn, part))
                self.records.update(load_records(conn, part))
        self.ids = [i for i in ids if i in self.subjects]
        today = self.today
        severe, adverse, clean = [], [], []
        for sid in self.ids:
            natures = [(r.nature, r.category) for r in self.records.get(sid, []) if r.in_force(today)]
            if any(c in ("serious_dishonesty", "dishonest_judgment_debtor", "major_tax_violation",
                         "procurement_violation") for _n, c in natures):  # fmt: skip
                severe.append(sid)
            elif any(n is Nature.ADVERSE for n, _c in natures):
                adverse.append(sid)
            else:
                clean.append(sid)
        self.severe, self.adverse, self.clean = severe, adverse, clean

    def _showcase_ids(self, conn) -> list[str]:  # noqa: ANN001
        from creditdesk.demo.city import DemoCity

        try:
            ids = list(DemoCity(subjects=50, as_of=self.today).showcase.values())
        except ValueError:
            return []
        self.showcase = ids
        return ids

    def seq_at(self, at: dt.datetime) -> int:
        """The feed position when the window's data stood at ``at``: records sent since then not yet counted."""
        later = len(self.stamps) - bisect.bisect_right(self.stamps, at)
        return max(1, self.position.seq - later)

    # -- one review ----------------------------------------------------------------

    def pick_subject(self) -> str:
        u = self.rng.random()
        if u < 0.05 and getattr(self, "showcase", None):
            return self.rng.choice(self.showcase)
        if u < 0.11 and self.severe:
            return self.rng.choice(self.severe)
        if u < 0.30 and self.adverse:
            return self.rng.choice(self.adverse)
        return self.rng.choice(self.clean or self.ids)

    def pick_matter(self, profile) -> str:  # noqa: ANN001
        codes = list(profile.matter_codes)
        weights = [MATTER_WEIGHTS.get(c, 1) for c in codes]
        return self.rng.choices(codes, weights)[0]

    def review(self, officer: Actor, window: str, at: dt.datetime, data_at: dt.datetime, *, offline: bool,
               stale: bool, subject_id: str | None = None, matter: str | None = None,
               depart: bool = False) -> Any:  # fmt: skip
        rng = self.rng
        day = at.date()
        sid = subject_id or self.pick_subject()
        profile = self.checks.store.resolve(self.profile_id, day)
        matter = matter or self.pick_matter(profile)
        steps = profile.matter(matter).steps
        report_no = self.reports.get(sid) if "credit_report" in steps and rng.random() < 0.6 else None
        subject = self.subjects.get(sid)
        out = self.checks.check(sid, matter, day=day, report_no=report_no)  # the real check, on today's data
        records = self.records.get(sid, [])
        known = [r for r in records if (_parse(r.updated_at) or data_at) <= data_at]  # what the window had then
        report = None
        if report_no and len(known) != len(records):
            with self.engine.connect() as conn:
                report = CheckService._report(conn, report_no)
        then = out.result
        if len(known) != len(records):
            then = evaluate(profile, matter, day, subject, known, report, False, subject_id=sid)
        required = "commitment" in steps
        voluntary = (not required and subject is not None and subject.kind != "natural_person"
                     and then.outcome in ("normal", "incentive") and rng.random() < 0.16)  # fmt: skip
        signs = (required or voluntary) and then.outcome != "prohibit"
        if signs:
            if report_no and report is None:
                with self.engine.connect() as conn:
                    report = CheckService._report(conn, report_no)
            then = evaluate(profile, matter, day, subject, known, report, True, subject_id=sid)
        if then is not out.result:
            out = dataclasses.replace(out, result=then)
        position = DataPosition(self.seq_at(data_at), self.position.epoch, data_at.isoformat(timespec="seconds"),
                                self.position.platform_id)  # fmt: skip
        out = dataclasses.replace(out, data=position, stale=stale)
        computed = out.result.outcome
        final, reason = computed, None
        if depart:
            for (frm, to), why in DEPARTURES.items():
                if frm == computed:
                    final, reason = to, why
                    break
        commitment = self.commitment(out, profile, matter, at, rng) if signs else None
        started = at - dt.timedelta(minutes=rng.randint(2, 9), seconds=rng.randint(0, 59))
        category = approval = None
        if reason is not None and is_milder(computed, final):
            # A milder conclusion: the supervisor approves it on the spot, unless it is the supervisor's own
            # review — that one waits on 跟进 (待复核) for another supervisor.
            category = "legal_basis" if (computed, final) == ("incentive", "normal") else "repaired"
            if officer.name != SUPERVISOR:
                approval = OverrideApproval(Actor(SUPERVISOR, "演示科长", "supervisor", self.unit),
                                            note="已核对申请人现场提交的材料")  # fmt: skip
        draft = draft_from_check(out, officer.name, self.unit, window, offline=offline, final_outcome=final,
                                 departure_reason=reason, commitment=commitment,
                                 started_at=started.isoformat(timespec="seconds"), departure_category=category,
                                 approval=approval)  # fmt: skip
        if draft.unruled:  # records no rule covers: the demo officer read and acknowledged them, as the counter asks
            draft = dataclasses.replace(draft, acknowledgement=Acknowledgement(
                officer.name, getattr(officer, "display_name", None), started.isoformat(timespec="seconds")))
        # In the open batch: the review, its commitment and outbox items commit with its audit entries.
        saved = ReviewService(self.engine, now=lambda: at).finalise(draft, audit=False, conn=self.writer())
        self.note("review", actor=officer, target=saved.id, at=at, detail={
            "subject": sid, "matter": matter, "outcome": final, "computed_outcome": computed,
            "verification_code": saved.verification_code, "offline": offline, "stale": stale,
            **({"override": saved.override_status, "category": category} if saved.override else {}),
        })  # fmt: skip
        if approval is not None:
            self.note("override_approve", actor=approval.supervisor, target=saved.id, at=at,
                      detail={"computed_outcome": computed, "requested_outcome": final, "category": category,
                              "status": "approved", "on_the_spot": True})  # fmt: skip
        self.reviews += 1
        self.counts["offline"] += offline
        self.counts["stale"] += stale
        self.counts["departures"] += final != computed
        if saved.commitment is not None:
            self.after_commitment(saved, at)
        return saved

    def commitment(self, out, profile, matter: str, at: dt.datetime, rng: random.Random) -> CommitmentDraft:  # noqa: ANN001
        s = out.subject
        template = profile.commitment_template(matter)
        label = profile.matter(matter).label
        doc = profile.document
        values = {"subject_name": s.name if s else out.subject_id, "subject_code": s.code_display if s else "",
                  "matter": label, "unit_name": self.unit, "date": f"{at.year}年{at.month}月{at.day}日",
                  "document": f"《{doc.title}》（{doc.number}）"}  # fmt: skip
        if template is not None:
            text = re.sub(r"\{([^{}]*)\}", lambda m: values.get(m.group(1), m.group(0)), template.text)
        else:
            text = (f"本单位（{values['subject_name']}）郑重承诺：在办理{label}事项中所提交的材料真实、合法、有效；"
                    "如有虚假，愿意承担相应的法律责任，并同意将违约行为记入信用记录。")  # fmt: skip
        if s is not None and s.legal_representative and rng.random() < 0.6:
            signer, role = s.legal_representative, "legal_representative"
        elif s is not None and s.kind == "natural_person":
            signer, role = s.name, "legal_representative"
        else:
            signer, role = rng.choice(AGENTS), "agent"
        principal = authority = None
        if role == "agent":  # in whose name and on what authority the agent signs
            principal = (s.legal_representative if s is not None else None) or "法定代表人（见营业执照）"
            authority = f"授权委托书（{at.year}年{at.month}月{at.day}日出具，原件存档）"
        due_items = None
        if rng.random() < 0.65:
            due_items = []
            for item in rng.sample(PROMISED_ITEMS, rng.choice((1, 1, 2))):
                n = rng.choice((5, 10, 10, 15, 20))
                due_items.append({"item": item, "working_days": n, "due": _add_working_days(at.date(), n).isoformat(),
                                  "fulfilled_at": None})  # fmt: skip
        paper = rng.random() < 0.4
        return CommitmentDraft(template_text=text, signer_name=signer, signer_role=role,
                               signature_png=None if paper else _signature_png(rng), signed_on_paper=paper,
                               signed_at=at.isoformat(timespec="seconds"), due_items=due_items,
                               principal=principal, authority=authority)  # fmt: skip

    def after_commitment(self, saved, at: dt.datetime) -> None:  # noqa: ANN001
        c = saved.commitment
        self.counts["commitments"] += 1
        if not c.due_items:
            return
        self.counts["with_due"] += 1
        due = max(dt.date.fromisoformat(i["due"]) for i in c.due_items)
        entry = {"id": c.id, "review_id": saved.id, "number": c.number, "officer": saved.officer, "due": due,
                 "made": at, "fate": None}  # fmt: skip
        self.commitments.append(entry)
        if due >= self.today:
            return  # still running: due soon or later
        rng = self.rng
        if not self.counts["breached"] and _add_working_days(due, 3) < self.today and rng.random() < 0.5:
            when = _at(_add_working_days(due, 3), 10, rng.randint(0, 59))
            self.counts["breached"] += 1
            entry["fate"] = "breached"
            self.schedule(when, "commitment_status", commitment=entry, status="breached",
                          note="承诺事项逾期未履行，经电话催告仍未补交，认定违约")
        elif rng.random() < 0.88:
            days_before = rng.randint(0, 4)
            day = max(at.date() + dt.timedelta(days=1), due - dt.timedelta(days=days_before))
            while not _is_working_day(day) and day < due:
                day += dt.timedelta(days=1)
            when = _at(day, rng.choice((9, 10, 11, 14, 15, 16)), rng.randint(0, 59))
            entry["fate"] = "fulfilled"
            self.counts["fulfilled"] += 1
            self.schedule(when, "commitment_status", commitment=entry, status="fulfilled",
                          note="申请人已按期补交承诺的全部材料，经核验无误")

    # -- follow-up events ------------------------------------------------------------

    def note(self, action: str, *, actor: Actor, target: str, at: dt.datetime, detail: dict | None = None) -> None:
        """An audit entry, written with the others of the batch in its transaction (in time order)."""
        self.pending_audit.append(AuditItem(action, actor, target, at, detail))

    def writer(self) -> Connection:
        """The open batch's write transaction, begun if none is open. A batch holds what was made until
        the next act of a service that writes on its own (an objection) or the end of the day — reviews,
        commitment marks — and their audit entries: they commit together, in one transaction instead of
        one per review."""
        if self._batch is None:
            conn = self.engine.connect()
            if is_sqlite(self.engine):
                conn.execution_options(sqlite_immediate=True)  # the write lock from the start, as write_transaction
            self._batch = (conn, conn.begin())
        return self._batch[0]

    def append_noted(self) -> None:
        """Append the entries noted so far to the trail in the open batch (one batch along the chain)."""
        if self.pending_audit:
            self.audit.append_many(self.pending_audit, conn=self.writer())
            self.pending_audit = []

    def flush_audit(self) -> None:
        """Append the entries noted since the last flush and commit the batch."""
        self.append_noted()
        if self._batch is not None:
            conn, tx = self._batch
            self._batch = None
            try:
                tx.commit()
            finally:
                conn.close()

    def abandon(self) -> None:
        """Roll back the open batch (an error or a cancel on the way); what was committed before stays."""
        self.pending_audit = []
        if self._batch is not None:
            conn, tx = self._batch
            self._batch = None
            try:
                tx.rollback()
            finally:
                conn.close()

    def schedule(self, at: dt.datetime, kind: str, **args: Any) -> None:
        self._order += 1
        self.events.append(_Event(at, self._order, kind, args))

    def run_events_until(self, moment: dt.datetime) -> None:
        due = sorted((e for e in self.events if e.at <= moment), key=lambda e: (e.at, e.order))
        if not due:
            return
        self.events = [e for e in self.events if e.at > moment]
        for e in due:
            if e.kind == "commitment_status":
                self.append_noted()  # the entries before it first: the trail runs in time order
                self.mark(e.at, **e.args)
            elif e.kind == "objection_answer":
                from creditdesk.services.objections import ObjectionService

                self.flush_audit()  # its service writes in a transaction of its own
                ObjectionService(self.engine, self.audit, now=lambda at=e.at: at).set_status(
                    e.args["objection_id"], e.args["status"], e.args["note"], self.actor(SUPERVISOR))

    def actor(self, name: str) -> Actor:
        return next(a for a in self.officers if a.name == name)

    def mark(self, at: dt.datetime, commitment: dict, status: str, note: str) -> None:
        """A commitment's status change as the follow-up page records it: event, outbox item, audit."""
        from creditdesk.services.followup import FollowUpService

        # The follow-up page's own path, dated at the moment (its audit entry too), in the open batch.
        FollowUpService(self.engine, AuditTrail(self.engine, now=lambda: at), now=lambda: at).mark(
            commitment["id"], status, note, by=self.actor(SUPERVISOR), conn=self.writer())

    # -- objections --------------------------------------------------------------------

    def objection(self, officer: Actor, at: dt.datetime, record: RecordInfo, review_id: str | None,
                  grounds: str) -> str | None:  # fmt: skip
        from creditdesk.services.objections import ObjectionDraft, ObjectionService

        self.flush_audit()
        rng = self.rng
        phone = "13" + str(rng.randint(5, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        draft = ObjectionDraft(record.id, record.subject_id, grounds, rng.choice(AGENTS), phone, review_id)
        saved = ObjectionService(self.engine, self.audit, now=lambda: at).file(draft, officer, self.unit)
        self.counts["objections"] += 1
        return saved.id

    # -- the plan ------------------------------------------------------------------------

    def days(self) -> list[dt.date]:
        first = self.today - dt.timedelta(days=7 * self.weeks)
        out, day = [], first
        while day < self.today:
            if _is_working_day(day):
                out.append(day)
            day += dt.timedelta(days=1)
        return out

    def missed_blacklisting(self, days: list[dt.date]) -> tuple[str, str, dt.date, dt.datetime, bool] | None:
        """(subject, matter, review day, data position, outcome differs) for a review that, made offline, missed
        a black-list record the platform already had. Preferably one whose outcome differs on the current data;
        under a profile without measures for such records (福州 2016 has none) the findings differ only."""
        if not days:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(_record.c.id, _record.c.subject_id, _record.c.publish_from, _record.c.updated_at).where(
                    _record.c.status == "active",
                    _record.c.category.in_(("serious_dishonesty", "dishonest_judgment_debtor")),
                    _record.c.updated_at >= (days[0] + dt.timedelta(days=3)).isoformat(),
                ).order_by(_record.c.updated_at)
            ).all()  # fmt: skip
            extra = [r.subject_id for r in rows if r.subject_id not in self.subjects]
            if extra:
                self.subjects.update(load_subjects(conn, extra))
                self.records.update(load_records(conn, extra))
        fallback = None
        for r in rows:
            stamp = _parse(r.updated_at)
            if stamp is None or r.subject_id not in self.subjects:
                continue
            day = next((d for d in days if d > stamp.date() and d >= r.publish_from), None)
            if day is None or day >= self.today:
                continue
            data_at = stamp - dt.timedelta(hours=2)
            profile = self.checks.store.resolve(self.profile_id, day)
            matter = "procurement" if profile.matter("procurement") is not None else profile.matters[0].code
            recs = self.records.get(r.subject_id, [])
            known = [x for x in recs if (_parse(x.updated_at) or data_at) <= data_at]
            subject = self.subjects[r.subject_id]
            before = evaluate(profile, matter, day, subject, known, None, False, subject_id=r.subject_id)
            after = evaluate(profile, matter, day, subject, recs, None, False, subject_id=r.subject_id)
            if before.outcome != after.outcome:
                return r.subject_id, matter, day, data_at, True
            if fallback is None:  # the record is missed, but this profile's outcome does not depend on it
                fallback = (r.subject_id, matter, day, data_at, False)
        return fallback

    def revoked_later(self, days: list[dt.date]) -> RecordInfo | None:
        """A record the platform revoked within the history: an objection was filed before that."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(_record.c.id, _record.c.subject_id).where(
                    _record.c.status == "revoked", _record.c.category.in_(("admin_penalty", "dishonest_judgment_debtor")),
                    _record.c.updated_at >= (days[len(days) // 2]).isoformat(), _record.c.decided_on < days[-1],
                ).order_by(_record.c.updated_at, _record.c.id).limit(1)
            ).first()  # fmt: skip
            if row is None:
                return None
            recs = load_records(conn, [row.subject_id])[row.subject_id]
        return next((r for r in recs if r.id == row.id), None)

    def run(self) -> None:
        rng = self.rng
        days = self.days()
        self.day_list = days
        if not days:
            return
        # Outages: two afternoons offline, one whole day offline on yesterday's data, one stale morning.
        middle = days[1:-1] or days
        outage_pm = set(rng.sample(middle, min(2, len(middle))))
        outage_day = rng.choice(middle)
        stale_morning = rng.choice([d for d in middle if d.weekday() == 0] or middle)
        missed = self.missed_blacklisting(days)
        revoked = self.revoked_later(days)
        departures = set(rng.sample(range(len(days) * 30), 5))
        objection_days = {days[max(0, len(days) - 16)]: "answered", days[max(0, len(days) - 4)]: "open"}
        if revoked is not None:
            before = [d for d in days if d < (_parse(revoked.updated_at) or _at(days[-1], 0)).date()]
            for d in reversed(before):
                if d not in objection_days:
                    objection_days[d] = "revoked"
                    break
        counter = 0
        # The demo opened during office hours: today's counter work so far is there too, so the
        # supervisor's "today" ledger is not empty. No outages or planned events on it.
        walk = days + [self.today] if self.until is not None and _is_working_day(self.today) else days
        self.day_list = walk
        for done, day in enumerate(walk):
            # A safe point: every earlier day is written whole (its reviews, audit entries, events).
            self.cancel.check(f"演示历史已取消：已生成的 {done} 个工作日保留")
            if self.progress is not None:
                self.progress(done, len(walk))
            on_duty = [o for o in self.officers if o.name != SUPERVISOR or rng.random() < 0.7]
            if len(on_duty) > 2 and rng.random() < 0.1:
                on_duty.remove(rng.choice([o for o in on_duty if o.name != SUPERVISOR]))  # one on leave
            n = rng.randint(20, 50)
            moments = sorted(self._moment(day) for _ in range(n))
            if day == self.today:
                moments = [m for m in moments if m < self.until]
                n = len(moments)
            shares = [next(s for nm, *_r, s in OFFICERS if nm == o.name) for o in on_duty]
            windows = {nm: w for nm, _r, _d, w, _s in OFFICERS}
            signed_in: set[str] = set()
            prev_day = walk[walk.index(day) - 1] if walk.index(day) else day - dt.timedelta(days=1)
            planned_objection = objection_days.get(day)
            specials = []
            if missed is not None and day == missed[2]:
                specials.append((_at(day, 9, 40, 12), "missed"))
            if planned_objection in ("open", "revoked"):
                specials.append((_at(day, 15, 20), planned_objection))
            last = None  # the moment of the last act of the day: the trail runs in time order
            for i, at in enumerate(moments):
                while specials and specials[0][0] <= at:
                    when, what = specials.pop(0)
                    self.run_events_until(when)
                    self._special(day, when, what, missed, revoked, windows)
                    last = when
                officer = rng.choices(on_duty, shares)[0]
                if officer.name not in signed_in:
                    signed_in.add(officer.name)
                    login = at - dt.timedelta(minutes=3)
                    if last is not None:
                        login = max(login, last + (at - last) / 2)
                    self.run_events_until(login)
                    self.note("login", actor=officer, target=officer.name, at=login)
                self.run_events_until(at)
                offline = stale = False
                data_at = at.replace(minute=0, second=0) if at.hour >= 8 else _at(prev_day, 17)
                if day == outage_day:
                    offline, data_at = True, _at(prev_day, 17)
                elif day in outage_pm and at.hour >= 14:
                    offline, data_at = True, _at(day, 12)
                elif day == stale_morning and at.hour < 11:
                    data_at = _at(prev_day, 7)
                stale = (at - data_at) > dt.timedelta(hours=self.settings.stale_after_hours)
                subject = None
                if planned_objection == "answered" and i == n // 3:
                    subject = rng.choice(self.adverse or self.ids)
                saved = self.review(officer, windows[officer.name], at, data_at, offline=offline, stale=stale,
                                    subject_id=subject, depart=counter in departures)  # fmt: skip
                counter += 1
                last = at
                if subject is not None:
                    nxt = moments[i + 1] if i + 1 < n else at + dt.timedelta(minutes=10)
                    last = at + min(dt.timedelta(minutes=4), (nxt - at) / 2)
                    self._object_at_review(officer, last, saved, planned_objection)
            for when, what in specials:
                self.run_events_until(when)
                self._special(day, when, what, missed, revoked, windows)
            self.flush_audit()
        self.run_events_until(_at(self.today, 0))
        self.flush_audit()

    def _special(self, day: dt.date, at: dt.datetime, what: str, missed, revoked, windows) -> None:  # noqa: ANN001
        rng = self.rng
        if what == "missed":
            sid, matter, _d, data_at, differs = missed
            officer = self.actor("demo-officer")
            stale = (at - data_at) > dt.timedelta(hours=self.settings.stale_after_hours)
            saved = self.review(officer, windows[officer.name], at, data_at, offline=True, stale=stale,
                                subject_id=sid, matter=matter)  # fmt: skip
            self.missed.append(saved.id)
            if differs:
                self.changed.append(saved.id)
            return
        if what == "revoked" and revoked is not None:
            rec = revoked
            grounds = _grounds(rec, "revoked")
        else:
            sid = rng.choice(self.adverse or self.severe or self.ids)
            rec = next((r for r in self.records.get(sid, []) if r.nature is Nature.ADVERSE), None)
            grounds = _grounds(rec, "open") if rec is not None else ""
        if rec is not None:
            self.objection(self.actor("demo-officer2"), at, rec, None, grounds)

    def _object_at_review(self, officer: Actor, at: dt.datetime, saved, how: str) -> None:  # noqa: ANN001
        rec = next((self._record(f["record_id"], saved.subject_id) for f in saved.findings
                    if f["in_force"] and f["category"] == "admin_penalty"), None)  # fmt: skip
        if rec is None:
            rec = next((r for r in self.records.get(saved.subject_id, []) if r.nature is Nature.ADVERSE), None)
        if rec is None:
            return
        grounds = _grounds(rec, "answered")
        oid = self.objection(officer, at, rec, saved.id, grounds)
        if oid and how == "answered":
            answer_day = _add_working_days(at.date(), 7)
            if answer_day < self.today:
                self.schedule(_at(answer_day, 10, 15), "objection_answer", objection_id=oid, status="dismissed",
                              note="市信用办答复（榕信异〔2026〕17号）：处罚决定有效，公示期未满，异议不成立")  # fmt: skip

    def _record(self, record_id: str, subject_id: str) -> RecordInfo | None:
        return next((r for r in self.records.get(subject_id, []) if r.id == record_id), None)

    def _moment(self, day: dt.date) -> dt.datetime:
        rng = self.rng
        if rng.random() < 0.55:
            minute = rng.randint(8 * 60 + 35, 11 * 60 + 50)
        else:
            minute = rng.randint(14 * 60 + 5, 17 * 60 + 25)
        return _at(day, minute // 60, minute % 60, rng.randint(0, 59))

    # -- afterwards ------------------------------------------------------------------------

    def deliver_outbox(self) -> None:
        """The past's items reached the platform a few minutes after they were made (offline ones on reconnect)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_outbox.c.uid, _outbox.c.created_at).where(_outbox.c.status == "pending")).all()
        values = []
        for uid, created in rows:
            made = _parse(created)
            if made is None or made.date() >= self.today:
                continue
            values.append({"u": uid, "q": made.astimezone(dt.timezone.utc),
                           "d": (made + dt.timedelta(minutes=3)).astimezone(dt.timezone.utc)})  # fmt: skip
        if not values:
            return
        from sqlalchemy import bindparam

        stmt = (update(_outbox).where(_outbox.c.uid == bindparam("u"))
                .values(status="delivered", attempts=1, queued_at=bindparam("q"), delivered_at=bindparam("d")))  # fmt: skip
        with write_transaction(self.engine) as conn:
            conn.execute(stmt, values)

    def follow_up_counts(self) -> tuple[int, int]:
        soon_limit = _add_working_days(self.today, 5)
        with self.engine.connect() as conn:
            rows = conn.execute(select(_commitment.c.due_items).where(_commitment.c.status == "in_force")).scalars()
            soon = overdue = 0
            for items in rows:
                dues = [dt.date.fromisoformat(i["due"]) for i in items or [] if i.get("due") and not i.get("fulfilled_at")]
                if any(d < self.today for d in dues):
                    overdue += 1
                elif any(d <= soon_limit for d in dues):
                    soon += 1
        return soon, overdue


def generate_history(
    engine: Engine,
    settings: Any,
    today: dt.date,
    *,
    weeks: int = 6,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
    until: dt.datetime | None = None,
    cancel: CancelToken | None = None,
) -> HistorySummary:
    """Several weeks of counter work on the loaded demo city (see the module docstring); idempotent.

    ``settings``: the home's (unit_name, profile_id, stale_after_hours). ``progress(days_done, days)``.
    ``until``: also today's work up to this moment, if today is a working day (the app passes now).
    ``cancel``: asked before each day; a cancel raises :class:`creditdesk.cancel.Cancelled` and keeps
    the days already written (the history is then shorter; it is not generated again)."""
    started = time.perf_counter()
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(_review)).scalar():
            return HistorySummary(skipped=True)
        if read_position(conn).seq == 0:
            return HistorySummary(skipped=True)  # no city loaded: nothing to review
    h = _History(engine, settings, today, weeks, seed, until)
    h.progress = progress
    h.cancel = token_from(cancel)
    h.cancel.check("演示历史已取消，未生成")
    h.ensure_officers()
    h.load_city()
    try:
        h.run()
    except BaseException:
        h.abandon()  # the batch under way goes; the days written before stay (as a cancel promises)
        raise
    h.deliver_outbox()
    from creditdesk.services.objections import ObjectionService

    ObjectionService(engine, h.audit).refresh_statuses()
    # The window has the city's current data now: what a sync would raise — alerts on commitments
    # and rechecks of the offline reviews — is waiting for the supervisor.
    from creditdesk.services.followup import after_data_update

    after_data_update(engine, h.audit, settings, since_seq=0)
    soon, overdue = h.follow_up_counts()
    with engine.connect() as conn:
        officers = tuple(conn.execute(select(_review.c.officer).distinct().order_by(_review.c.officer)).scalars())
    days = h.day_list
    c = h.counts
    return HistorySummary(
        skipped=False, reviews=h.reviews, days=len(days), first_day=days[0] if days else None,
        last_day=days[-1] if days else None, officers=officers, offline=c["offline"], stale=c["stale"],
        departures=c["departures"], commitments=c["commitments"], with_due_items=c["with_due"], due_soon=soon,
        overdue=overdue, fulfilled=c["fulfilled"], breached=c["breached"], objections=c["objections"],
        missed_records=tuple(h.missed), changed_on_current_data=tuple(h.changed), seconds=round(time.perf_counter() - started, 2),
    )  # fmt: skip


__all__ = ["HistorySummary", "generate_history"]
