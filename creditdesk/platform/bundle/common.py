"""What the three parts of bundle import share: the refusal, its checks, the size limits."""

from __future__ import annotations

import os
from dataclasses import dataclass

FORMAT = "creditdesk-bundle/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
SIGNATURE_SIZE = 64

KiB, MiB, GiB = 1 << 10, 1 << 20, 1 << 30
BATCH = 5000

CHECKS: dict[str, str] = {
    "archive": "压缩包完整性",
    "manifest": "清单 manifest.json",
    "signature": "签名",
    "unknown_key": "签名密钥",
    "unknown_platform": "平台",
    "part_hash": "数据分卷校验和",
    "part_count": "数据分卷条数",
    "missing_part": "数据分卷齐全",
    "unexpected_part": "多余或不安全的文件",
    "gap": "序号衔接",
    "epoch": "数据版本（epoch）",
    "too_large": "大小限制",
    "cancelled": "取消",
    "part_content": "变更内容",
    "older": "数据新旧（防止回滚）",
}


class BundleRefused(Exception):
    """The bundle was not applied (nothing was); ``check`` names the check that failed."""

    def __init__(self, check: str, message: str) -> None:
        assert check in CHECKS, check
        super().__init__(message)
        self.check = check
        self.message = message

    def __reduce__(self) -> tuple:
        # Raised in the planning process and raised again here (planner.py): pickled by its arguments.
        return (type(self), (self.check, self.message))

    @property
    def label(self) -> str:
        return CHECKS[self.check]

    def __str__(self) -> str:
        return f"离线数据包未导入（{self.label}检查未通过，{self.check}）：{self.message}"


@dataclass(frozen=True)
class BundleLimits:
    """Caps that keep a hostile archive from exhausting disk, memory or time."""

    max_total_bytes: int = 8 * GiB  # all parts, uncompressed
    max_part_bytes: int = 2 * GiB  # one part, uncompressed
    max_manifest_bytes: int = 4 * MiB
    max_entries: int = 10_000
    max_directory_bytes: int = 16 * MiB  # the ZIP's central directory (names), read whole by zipfile
    max_ratio: float = 100.0  # uncompressed / compressed (NDJSON deflates ~7:1)
    ratio_floor: int = 1 * MiB  # entries smaller than this are not ratio-checked
    max_line_bytes: int = 16 * MiB
    # Parts hashed in parallel: ISA-L (or zlib) and hashlib release the GIL; counting newlines
    # holds it (2 threads: ~1.6x on 2 cores, see benchmarks/bundle_verify.py).
    threads: int = min(4, os.cpu_count() or 1)



def size_text(n: int) -> str:
    for unit, factor in (("GiB", GiB), ("MiB", MiB), ("KiB", KiB)):
        if n >= factor:
            return f"{n / factor:.1f} {unit}"
    return f"{n} 字节"

