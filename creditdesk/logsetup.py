"""A rotating log file that never holds a secret or a full ID number.

Every record passes through a redacting filter: 18-character ID numbers are
masked (first 2 and last 4 kept, as identifiers.mask_id_number) and bearer tokens and registered secrets are
replaced, whatever the code that logged them intended.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{2})(\d{12})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_BEARER = re.compile(r"(?i)(bearer\s+)[^\s'\"]+")
_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Make sure ``value`` is never written to the log, whatever logs it."""
    if value and len(value) >= 4:
        _secrets.add(value)


def redact(text: str) -> str:
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, "[已隐去]")
    text = _BEARER.sub(r"\1[已隐去]", text)
    return _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 12 + m.group(3), text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_creditdesk", False):
            root.removeHandler(handler)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    handler._creditdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
