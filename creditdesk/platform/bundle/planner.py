"""A first load's reading and planning in a helper process, on the other core.

A first full load spends about half of its time in Python that holds the
interpreter lock — splitting, parsing and checking the lines, building the typed
rows — and the other half writing them. Threads cannot share that (one lock), so
the reading and planning run in a process of their own (``spawn``: nothing of
this process is copied, no thread of the GUI or the pool is forked), which
reopens the archive by its path, hashes and counts every part against the
signed manifest it is handed (bytes swapped since the verification are refused
there, ``part_hash``), and sends each batch's plan down a pipe. This process
only writes them, in its one transaction: all or nothing as before.

The pipe holds about one plan: the helper waits while the writer is behind,
so memory stays that of two or three batches. A refusal in the helper is
raised here as the same :class:`BundleRefused`; any other failure of the helper,
or its death, as :class:`PlannerFailed`. A cancel, or any failure of the writer,
stops the helper at once (it holds nothing but a read-only file).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection as Pipe
from typing import Any

from creditdesk.platform.bundle.archive import SafeArchive
from creditdesk.platform.bundle.common import BundleLimits, BundleRefused
from creditdesk.platform.bundle.reader import ChangeReader
from creditdesk.platform.bundle.verify import VerifiedBundle
from creditdesk.services.apply import ChangeApplier, fewer_gc_passes

log = logging.getLogger(__name__)

# Below this many changes the helper's start (a new interpreter importing the applier,
# about half a second) costs more than the other core gives back.
MIN_CHANGES = 200_000
# How often a wait for the next plan looks at the cancel token and at the helper's life.
POLL_SECONDS = 0.1


class PlannerFailed(RuntimeError):
    """The planning process failed otherwise than by refusing the bundle, or died."""


def planned_batches(
    path: str | os.PathLike, limits: BundleLimits, bundle: VerifiedBundle, batch_size: int, mark: int | None,
    check_cancel: Callable[[], None],
) -> Iterator[Any]:
    """The plans (services.apply ``_Plan``) of the bundle's changes, batch by batch, made in a helper process.

    ``check_cancel()`` is called while waiting (it raises to stop); leaving the
    iterator early, by a raise or a close, kills the helper and waits for it.
    """
    ctx = multiprocessing.get_context("spawn")
    receiving, sending = ctx.Pipe(duplex=False)
    # What the helper needs of the verified bundle: its parts, range and limits — not the person key.
    parts_only = dataclasses.replace(bundle, person_key="", manifest={})
    helper = ctx.Process(
        target=_plan_in_helper, args=(os.fspath(path), limits, parts_only, batch_size, mark, sending),
        name="creditdesk-bundle-planner", daemon=True,
    )  # fmt: skip
    helper.start()
    sending.close()  # ours is only the receiving end: the helper's exit closes the pipe
    try:
        while True:
            while not receiving.poll(POLL_SECONDS):
                check_cancel()
                if not helper.is_alive() and not receiving.poll(0):
                    raise _died(helper)
            try:
                kind, payload = receiving.recv()
            except EOFError:
                helper.join(5)
                raise _died(helper) from None
            if kind == "plan":
                yield payload
            elif kind == "end":
                return
            elif isinstance(payload, BundleRefused):
                raise payload
            else:
                log.error("bundle planner failed:\n%s", payload[1])
                raise PlannerFailed(f"读取数据包的辅助进程出错（{payload[0]}），导入已撤销")
    finally:
        if helper.is_alive():
            helper.kill()
        helper.join(5)
        receiving.close()


def plans(reader: ChangeReader, applier: ChangeApplier, batch_size: int, mark: int | None) -> Iterator[Any]:
    """The plans of the reader's changes, batch by batch (in the helper, or here for a small bundle)."""
    changes = iter(reader)
    while True:
        plan = applier.plan_batch(itertools.islice(changes, batch_size), mark)
        if not plan.changes:
            return
        yield plan


def _died(helper: multiprocessing.process.BaseProcess) -> PlannerFailed:
    return PlannerFailed(f"读取数据包的辅助进程意外退出（退出码 {helper.exitcode}），导入已撤销")


def _plan_in_helper(
    path: str, limits: BundleLimits, bundle: VerifiedBundle, batch_size: int, mark: int | None, out: Pipe
) -> None:
    """The helper process: read, check and plan every change, sending each batch's plan."""
    try:
        planner = ChangeApplier(None, source="bundle", names=False)  # type: ignore[arg-type]  # plans only
        with fewer_gc_passes(), SafeArchive(path, limits) as archive, ChangeReader(archive, bundle) as reader:
            for plan in plans(reader, planner, batch_size, mark):
                out.send(("plan", plan))
                del plan
        out.send(("end", None))
    except BundleRefused as exc:
        _send(out, ("refused", exc))
    except BaseException as exc:  # noqa: BLE001 - reported to the writer, which raises it
        _send(out, ("failed", (type(exc).__name__, traceback.format_exc())))
    finally:
        out.close()


def _send(out: Pipe, message: tuple) -> None:
    try:
        out.send(message)
    except (OSError, ValueError):  # the writer has gone (cancelled or failed): nobody to tell
        pass
