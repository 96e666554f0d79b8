"""Time to render a printed slip to PDF bytes.

    python benchmarks/slip.py [--n 200] [--size A4|A5]

Renders N review slips (4 findings, 2 measures, typical) and N commitments with
a signature image, after one warm-up render that registers the CJK font, and
prints p50/p95/p99 of the wall-clock time for each (and of the process CPU
time, which other load on the machine does not inflate). Target on the 2-core reference machine: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from creditdesk.slips import render_commitment, render_review_slip  # noqa: E402
from creditdesk.slips.samples import sample_commitment, sample_review_slip  # noqa: E402


def percentiles(samples: list[float]) -> str:
    s = sorted(samples)
    pick = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000  # noqa: E731
    return f"p50 {pick(0.50):7.2f} ms   p95 {pick(0.95):7.2f} ms   p99 {pick(0.99):7.2f} ms   (n={len(s)})"


def _unique(slip, i: int):
    """A distinct verification code and QR payload per slip, as in real use (no cache hits)."""
    slip.verification_code = f"B{i:04d}-M3XD-9RTA"
    slip.verify_payload = f"CDV1:{slip.verification_code}:BENCH-{i:06d}"
    return slip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--size", default="A4", choices=["A4", "A5"])
    args = ap.parse_args()

    t = time.perf_counter()
    render_review_slip(sample_review_slip(), args.size)
    print(f"first render (font registration included): {(time.perf_counter() - t) * 1000:.1f} ms")

    for name, make, render in (
        ("review slip", lambda i: _unique(sample_review_slip(offline=i % 2 == 1), i), render_review_slip),
        ("commitment ", lambda i: _unique(sample_commitment(), i), render_commitment),
    ):
        samples, cpu = [], []
        size = 0
        for i in range(args.n):
            slip = make(i)
            t, c = time.perf_counter(), time.process_time()
            size = len(render(slip, args.size))
            samples.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        print(f"{name} {args.size}: {percentiles(samples)}   {size / 1024:.0f} KiB")
        print(f"  CPU time only:  {percentiles(cpu)}")


if __name__ == "__main__":
    main()
