"""Settings kept in the home's ``config.toml``.

Secrets never live here: the platform token is in the OS credential store.
Unknown keys in the file are kept on save so newer versions' settings survive.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import tomli_w

from creditdesk.atomic import atomic_path

DATABASE_URL_ENV = "CREDITDESK_DATABASE_URL"


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    unit_name: str = "福州市行政服务中心"
    window_name: str = "1号窗口"
    profile_id: str = "fuzhou"
    stale_after_hours: int = 24
    search_limit: int = 20
    demo: bool = False
    database_url: str = ""
    platform_url: str = ""
    platform_client_id: str = ""
    sync_interval_minutes: int = 15
    sync_page_size: int = 1000  # ~0.6 MB a page: parsing one must not stall the window (orjson holds the GIL)
    retention_days: int = 0  # keep reviews this many days (0 = keep all); `status` says what is older, `purge` removes it
    idle_lock_minutes: int = 5  # the window locks after this long without input (0 = never)
    language: str = "auto"  # the window's language: auto (system locale) | zh_CN | en (next start)
    slip_folder: str = ""  # where 另存为 PDF proposes slips (empty: the user's documents folder)
    # The unit is one of the pilot units that must request 信用审查 where the profile says only pilots must
    # (昆山 第十三条: 首批28个部门和单位试行); false: the credit_review step is not required of this unit.
    credit_review_pilot: bool = True
    extra: dict = field(default_factory=dict, repr=False)

    def effective_database_url(self, default_sqlite_file: Path) -> str:
        return (
            os.environ.get(DATABASE_URL_ENV)
            or self.database_url
            or f"sqlite:///{default_sqlite_file}"
        )


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件 {path} 无法读取：{exc}") from exc
    known = {f.name: f for f in fields(Settings) if f.name != "extra"}
    values: dict = {}
    extra: dict = {}
    for key, value in raw.items():
        if key not in known:
            extra[key] = value
            continue
        expected = type(getattr(Settings(), key))
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"配置文件 {path} 中的 {key} 应为 {expected.__name__} 类型，实际为 {value!r}"
            )
        values[key] = value
    return Settings(**values, extra=extra)


def save_settings(path: Path, settings: Settings) -> None:
    data = {k: v for k, v in asdict(settings).items() if k != "extra"}
    data.update(settings.extra)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
