"""What an operation changed (cf. Anki's ``OpChanges``): one mechanism for pages to learn about changes.

An operation — a sync, a bundle import, a saved review, a marked commitment, a
filed or answered objection, changed accounts or settings, another account at
the window — says what it changed as an :class:`OpChanges`; the GUI publishes it
once (``ui/changes.py``'s ``ChangeBus``) and every page decides from its own
``watches`` whether what it shows is now stale, instead of the window guessing
which pages to refresh. Qt-free, so the named operations below are the same
for every front end.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = [
    "ACCOUNTS_CHANGED", "AUDIT_WRITTEN", "BUNDLE_IMPORTED", "COMMITMENT_MARKED", "CREDIT_REVIEW_REQUESTED",
    "DEMO_SEEDED", "EVERYTHING", "EXPORTED", "NOTHING", "OBJECTION_ANSWERED", "OBJECTION_FILED", "OpChanges",
    "REVIEW_SAVED", "SETTINGS_SAVED", "SYNCED", "USER_CHANGED",
]  # fmt: skip


@dataclass(frozen=True)
class OpChanges:
    data: bool = False  # subjects and their records, the data position (sync, bundle import, demo city)
    reviews: bool = False  # reviews saved or corrected
    commitments: bool = False  # commitments, their status and due items; alerts and rechecks
    objections: bool = False  # objections filed, answered, or their platform status
    outbox: bool = False  # submissions queued or delivered
    audit: bool = False  # entries appended to the audit trail
    accounts: bool = False  # accounts created, changed or disabled
    settings: bool = False  # the home's settings (profile, unit, platform connection)
    user: bool = False  # another account at the window, or none: nothing of the previous one may stay shown

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def touches(self, watched: OpChanges) -> bool:
        """Whether anything changed that ``watched`` (what a page shows) depends on."""
        return any(getattr(self, f.name) and getattr(watched, f.name) for f in fields(self))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    def __bool__(self) -> bool:
        return bool(self.kinds)


NOTHING = OpChanges()
EVERYTHING = OpChanges(**{f.name: True for f in fields(OpChanges)})

# The operations, by what they write (the services' transactions; docs in each service module).
SYNCED = OpChanges(data=True, commitments=True, reviews=True, objections=True, outbox=True, audit=True)
BUNDLE_IMPORTED = OpChanges(data=True, commitments=True, reviews=True, objections=True, audit=True)
DEMO_SEEDED = EVERYTHING
REVIEW_SAVED = OpChanges(reviews=True, commitments=True, outbox=True, audit=True)
COMMITMENT_MARKED = OpChanges(commitments=True, outbox=True, audit=True)
CREDIT_REVIEW_REQUESTED = OpChanges(reviews=True, outbox=True, audit=True)  # a 信用审查 request: 跟进 lists it
OBJECTION_FILED = OpChanges(objections=True, outbox=True, audit=True)
OBJECTION_ANSWERED = OpChanges(objections=True, audit=True)
ACCOUNTS_CHANGED = OpChanges(accounts=True, audit=True)
SETTINGS_SAVED = OpChanges(settings=True, audit=True)
USER_CHANGED = OpChanges(user=True, audit=True)
EXPORTED = OpChanges(audit=True)  # an export or a verify is itself an audit entry
AUDIT_WRITTEN = OpChanges(audit=True)
