"""The CUPS queue the printing tests print to (.ci/start-cups sets it up: cups-pdf, a PDF per job)."""

from __future__ import annotations

import os
import pwd
import subprocess
import time
from pathlib import Path

PRINTER_ENV = "CREDITDESK_TEST_PRINTER"
START_CUPS = Path(__file__).resolve().parents[2] / ".ci" / "start-cups"


def print_queue() -> str:
    """The queue's name: $CREDITDESK_TEST_PRINTER, else what .ci/start-cups sets up (and prints)."""
    name = os.environ.get(PRINTER_ENV)
    if name:
        return name
    done = subprocess.run(["bash", str(START_CUPS)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f".ci/start-cups failed: {done.stderr.strip()}"
    name = done.stdout.strip().splitlines()[-1]
    os.environ[PRINTER_ENV] = name
    return name


def job_ids(queue: str, which: str = "completed") -> set[int]:
    out = subprocess.run(["lpstat", "-W", which, "-o", queue], capture_output=True, text=True, timeout=30).stdout
    ids = set()
    for line in out.splitlines():
        first = line.split()[0] if line.split() else ""
        if first.startswith(queue + "-"):
            ids.add(int(first.rsplit("-", 1)[1]))
    return ids


def wait_for_new_job(queue: str, before: set[int], timeout: float = 120.0) -> int:
    """The id of a job that completed on ``queue`` and was not among ``before``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = job_ids(queue) - before
        if new:
            return max(new)
        time.sleep(0.5)
    pending = job_ids(queue, "not-completed")
    raise AssertionError(f"no job completed on {queue} within {timeout:.0f} s (still queued: {sorted(pending)})")


def cups_pdf_output(job: int, timeout: float = 30.0) -> Path | None:
    """The PDF cups-pdf wrote for ``job`` (Out ${HOME}/PDF of the job's owner), if it can be found."""
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in (home / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS")):
            found = sorted(folder.glob(f"*job_{job}.pdf")) if folder.is_dir() else []
            if found and found[0].stat().st_size > 0:
                return found[0]
        time.sleep(0.5)
    return None
