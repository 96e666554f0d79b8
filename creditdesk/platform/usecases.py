"""The two platform-data use cases, orchestrated once for every front end.

- :func:`sync_now` — pull the change feed (under the sync lock), push the
  outbox, then the follow-ups that new data calls for (supervisor alerts,
  rechecks of offline reviews);
- :func:`import_bundle_now` — verify and apply an offline bundle (under the
  sync lock), then the same follow-ups.

Each takes a ``progress(done, total)`` callback, a ``say(message)`` callback
for what it is doing or waiting for, and the project's cancel token
(:class:`creditdesk.cancel.CancelToken`), and returns a plain result. The CLI
(``creditdesk sync`` / ``bundle import``) and the GUI's 同步 page only present
these results; neither orchestrates anything of its own.

Failures are raised as they are: :class:`~creditdesk.db.sync_lock.SyncBusy`
(another window is syncing; nothing changed), :class:`PlatformError`
(including :class:`~creditdesk.platform.sync.OlderData`),
:class:`~creditdesk.credentials` errors, :class:`BundleRefused`.

Forcing older data (``allow_older``) is for administrators (the caller checks
the permission); when it actually moves the data back, a
``data_rollback_forced`` audit entry says so — in the import's own transaction
for a bundle, before the first page for a sync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from creditdesk.cancel import NEVER, CancelToken
from creditdesk.config import Settings
from creditdesk.platform.bundle import ImportResult, import_bundle
from creditdesk.platform.client import PlatformClient, PlatformError
from creditdesk.platform.credentials import CredentialError
from creditdesk.platform.outbox import OutboxPusher, PushResult
from creditdesk.platform.sync import SyncResult, SyncService
from creditdesk.services.audit import AuditTrail
from creditdesk.services.audit_spool import drain
from creditdesk.services.followup import UpdateFindings, after_data_update, current_seq

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Say = Callable[[str], None]

FORCED_ACTION = "data_rollback_forced"


@dataclass(frozen=True)
class SyncNowResult:
    sync: SyncResult
    outbox: PushResult
    followup: UpdateFindings

    def to_json(self) -> dict[str, Any]:
        payload = self.sync.to_json()
        payload["outbox"] = {"delivered": self.outbox.delivered, "rejected": self.outbox.rejected,
                             "pending": self.outbox.still_pending, "error": self.outbox.error}  # fmt: skip
        payload["followup"] = self.followup.to_json()
        return payload

    def lines(self) -> list[str]:
        r, pushed = self.sync, self.outbox
        kind = "完整同步" if r.full else "增量同步"
        out = [
            f"{kind}完成：应用 {r.applied:,} 条变更，拒收 {r.rejected:,} 条，清除 {r.swept:,} 条，"
            f"位置 seq {r.seq}（{r.epoch}），用时 {r.seconds:.1f} 秒",
            f"上报：送达 {pushed.delivered}，被拒 {pushed.rejected}，待送 {pushed.still_pending}"
            + (f"（{pushed.error}）" if pushed.error else ""),
        ]
        if r.forced_older:
            out.append(f"已按管理员要求同步较旧的数据：{r.forced_older}")
        return out


@dataclass(frozen=True)
class ImportNowResult:
    result: ImportResult
    followup: UpdateFindings

    def to_json(self) -> dict[str, Any]:
        payload = self.result.to_json()
        payload["followup"] = self.followup.to_json()
        return payload

    def lines(self) -> list[str]:
        out = [self.result.summary()]
        if self.result.forced_older:
            out.append(f"已按管理员要求导入较旧的数据：{self.result.forced_older}")
        return out


def _forced_auditor(audit: AuditTrail | None, actor: Any, what: str, target: str | None):  # noqa: ANN202
    def record(conn, reason: str) -> None:  # noqa: ANN001
        if audit is not None:
            audit.append(FORCED_ACTION, actor=actor, target=target, detail={"what": what, "reason": reason}, conn=conn)

    return record


def _drain_spool(audit: AuditTrail | None) -> None:
    """The lookups answered while the import held the write lock: their entries join the chain now."""
    if audit is None:
        return
    try:
        drained = drain(audit)
    except Exception:  # noqa: BLE001 - the data is committed; the spool stays for the next writer
        log.exception("audit spool not drained")
        return
    if drained:
        log.info("%d spooled audit entries appended", drained)


def sync_now(
    engine,  # noqa: ANN001 - sqlalchemy Engine
    settings: Settings,
    audit: AuditTrail | None,
    *,
    actor: Any = None,
    full: bool = False,
    allow_older: bool = False,
    progress: Progress | None = None,
    say: Say | None = None,
    cancel: CancelToken | None = None,
    wait: float = 0.0,
    client_factory: Callable[..., PlatformClient] | None = None,
) -> SyncNowResult:
    """``sync now``: the feed (full on request, after a 410 or another epoch), the outbox, the follow-ups."""
    from creditdesk.platform.session import make_client

    token = cancel or NEVER
    say = say or (lambda message: None)
    factory = client_factory or make_client
    since = current_seq(engine)
    say("正在连接平台……")
    try:
        result, pushed = _sync_pass(engine, settings, audit, actor, full, allow_older, progress, say, token, wait,
                                    factory)  # fmt: skip
    except (PlatformError, CredentialError) as exc:  # a failed sync is an act too (issue 10 item 4)
        _audit_act(audit, "sync", actor, settings.platform_url, full=full, ok=False, error=str(exc)[:300])
        raise
    _audit_act(audit, "sync", actor, settings.platform_url, full=result.full, applied=result.applied,
               rejected=result.rejected, swept=result.swept, seq=result.seq, epoch=result.epoch,
               delivered=pushed.delivered)
    say("正在检查新数据带来的提醒和复核……")
    found = after_data_update(engine, audit, settings, since)
    _drain_spool(audit)
    return SyncNowResult(result, pushed, found)


def _audit_act(audit: AuditTrail | None, action: str, actor: Any, target: str | None, **detail: Any) -> None:
    """The act's audit entry; never stops the act (the trail appends past damage, services/audit.py)."""
    if audit is None:
        return
    try:
        audit.append(action, actor=actor, target=target, detail=detail)
    except Exception:  # noqa: BLE001
        log.exception("could not audit %s", action)


def _sync_pass(engine, settings, audit, actor, full, allow_older, progress, say, token, wait, factory):  # noqa: ANN001, ANN202
    with factory(settings, cancel=token, on_wait=say) as client:
        service = SyncService(engine, client, page_size=settings.sync_page_size)
        result = service.run(
            full=full,
            progress=(lambda p: progress(p.seq, max(p.high_water, p.seq, 1))) if progress else None,
            cancel=token,
            allow_older=allow_older,
            wait=wait,
            on_forced_older=_forced_auditor(audit, actor, "sync", settings.platform_url),
            on_page=lambda p: say(f"正在同步：已到序号 {p.seq:,}（平台最新 {max(p.high_water, p.seq):,}）"),
        )
        say("正在上报待送事项……")
        if audit is not None:
            audit.queue_head()  # the audit chain head, at least daily (docs/submissions.md, audit_head)
        pushed = OutboxPusher(engine, client).push(cancel=token)
    return result, pushed


def import_bundle_now(
    engine,  # noqa: ANN001 - sqlalchemy Engine
    settings: Settings,
    audit: AuditTrail | None,
    path: str,
    *,
    actor: Any = None,
    allow_older: bool = False,
    progress: Progress | None = None,
    say: Say | None = None,
    cancel: CancelToken | None = None,
    wait: float = 0.0,
) -> ImportNowResult:
    """``import bundle``: verify, apply all or nothing, the follow-ups."""
    token = cancel or NEVER
    say = say or (lambda message: None)
    since = current_seq(engine)
    say("正在校验离线数据包……")
    from pathlib import Path

    from creditdesk.platform.bundle import BundleRefused

    try:
        result = import_bundle(
            path, engine, progress=progress, cancel=token, allow_older=allow_older, wait=wait,
            on_forced_older=_forced_auditor(audit, actor, "bundle", str(path)),
        )  # fmt: skip
    except BundleRefused as exc:  # a refused import is an act too (issue 10 item 4)
        _audit_act(audit, "bundle_import", actor, Path(path).name, ok=False, refused=exc.check,
                   message=exc.message[:300])
        raise
    _audit_act(audit, "bundle_import", actor, Path(path).name, result=result.to_json())
    say("正在检查新数据带来的提醒和复核……")
    found = after_data_update(engine, audit, settings, since)
    _drain_spool(audit)
    return ImportNowResult(result, found)


__all__ = ["FORCED_ACTION", "ImportNowResult", "SyncNowResult", "import_bundle_now", "sync_now"]
