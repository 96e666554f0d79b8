"""Backing a home up and restoring it: one file with the database, the settings and a manifest.

A backup (``creditdesk backup --out FILE``, or 设置 → 备份数据) is a ZIP file holding

- ``creditdesk.sqlite`` — a consistent copy of the SQLite database taken with SQLite's online
  backup API, so the window may keep working (and a sync may keep writing) meanwhile;
- ``config.toml`` — the home's settings, as saved; never a secret: the platform token stays in
  the OS credential store, and a database URL's password is left out;
- ``manifest.json`` — format, program version, schema revision, when, and what it holds.

``restore`` unpacks one into a new or empty home only (it never overwrites a home's data),
refusing a backup whose schema is newer than this program knows; an older one is migrated
when the home is first opened (after the usual pre-migration copy).

A PostgreSQL hall database is backed up with PostgreSQL's own tool, ``pg_dump`` (and restored
with ``pg_restore``): :class:`BackupError` says so instead of pretending.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from creditdesk import __version__
from creditdesk.atomic import atomic_path
from creditdesk.config import Settings, load_settings, save_settings
from creditdesk.db.engine import check_not_newer, is_sqlite
from creditdesk.paths import Paths

FORMAT = "creditdesk-backup"
FORMAT_VERSION = 1
MANIFEST, DATABASE, CONFIG = "manifest.json", "creditdesk.sqlite", "config.toml"
MEMBERS = (MANIFEST, DATABASE, CONFIG)
# Bounds on what is read back from a file that may not be ours.
MAX_MANIFEST_BYTES = 64 * 1024
MAX_CONFIG_BYTES = 1024 * 1024
MAX_DATABASE_BYTES = 256 * 1024**3
SUFFIX = ".cdbak"

PG_DUMP_HINT = (
    "此数据目录使用 PostgreSQL 数据库，请用 PostgreSQL 自带的工具备份："
    "pg_dump --format=custom --file=creditdesk.dump \"$CREDITDESK_DATABASE_URL\"（恢复用 pg_restore）；"
    "设置文件 {config} 请另行复制。"
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message (Chinese) says why and what to do."""


@dataclass(frozen=True)
class BackupInfo:
    file: Path
    bytes: int
    schema: str | None
    created: str
    program_version: str
    counts: dict

    def to_json(self) -> dict:
        return asdict(self) | {"file": str(self.file)}


def default_backup_name(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"creditdesk-backup-{now:%Y%m%d-%H%M%S}{SUFFIX}"


_COUNTED = ("subject", "record", "review", "commitment", "account", "audit_entry")


def _facts(db_file: Path) -> tuple[str | None, dict]:
    """Schema revision and row counts of a SQLite file (read-only)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _COUNTED if t in tables}
        return revision, counts
    finally:
        conn.close()


def _copy_database(db_file: Path, target: Path) -> None:
    """SQLite's online backup API: consistent with WAL, concurrent readers and a writer."""
    src = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=4096)  # in steps, so a writer is not held off for the whole copy
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if ok != "ok":
        raise BackupError(f"备份副本未通过完整性检查（{ok}），未写出备份文件")


def _settings_without_secrets(settings: Settings) -> Settings:
    kept = Settings(**{k: v for k, v in asdict(settings).items() if k != "extra"})
    kept.extra = dict(settings.extra)
    if kept.database_url:
        url = make_url(kept.database_url)
        if url.password is not None:
            kept.database_url = url.set(password=None).render_as_string(hide_password=False)
    return kept


def backup_home(paths: Paths, settings: Settings, engine: Engine, out: str | Path) -> BackupInfo:
    """Write a backup of the home to ``out`` (whole or not at all); safe while the app runs."""
    out = Path(out).expanduser()
    if not is_sqlite(engine):
        raise BackupError(PG_DUMP_HINT.format(config=paths.config_file))
    db_file = Path(engine.url.database or "")
    if not db_file.is_file():
        raise BackupError(f"找不到数据库文件 {db_file}")
    if out.exists() and out.is_dir():
        out = out / default_backup_name()
    if out.resolve() == db_file.resolve():
        raise BackupError("备份文件不能写在数据库文件本身上")
    if not out.parent.is_dir():
        raise BackupError(f"目标文件夹 {out.parent} 不存在")
    with tempfile.TemporaryDirectory(prefix=".creditdesk-backup-", dir=out.parent) as tmp:
        copy = Path(tmp) / DATABASE
        _copy_database(db_file, copy)
        schema, counts = _facts(copy)
        config = Path(tmp) / CONFIG
        save_settings(config, _settings_without_secrets(settings))
        created = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        manifest = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "program_version": __version__,
            "schema": schema, "created": created, "counts": counts,
            "secrets": "none (the platform token stays in the OS credential store)",
        }  # fmt: skip
        with atomic_path(out, durable=True) as part:
            with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                zf.write(config, CONFIG)
                zf.write(copy, DATABASE)
    return BackupInfo(out, out.stat().st_size, schema, created, __version__, counts)


def read_manifest(file: str | Path) -> dict:
    """The manifest of a backup file, checked; BackupError with the reason if it is not one."""
    file = Path(file)
    try:
        with zipfile.ZipFile(file) as zf:
            return _manifest(zf, file)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{file} 不是信用核查窗口助手的备份文件（{exc}）") from None


def _manifest(zf: zipfile.ZipFile, file: Path) -> dict:
    names = set(zf.namelist())
    missing = [m for m in MEMBERS if m not in names]
    if missing:
        raise BackupError(f"{file} 不是完整的备份文件：缺少 {'、'.join(missing)}")
    info = zf.getinfo(MANIFEST)
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BackupError(f"{file} 的 manifest.json 过大")
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupError(f"{file} 的 manifest.json 无法读取：{exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{file} 不是信用核查窗口助手的备份文件")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"备份文件格式版本 {manifest.get('format_version')!r} 不受本程序支持（支持 {FORMAT_VERSION}），请用生成它的版本恢复"
        )
    if zf.getinfo(CONFIG).file_size > MAX_CONFIG_BYTES or zf.getinfo(DATABASE).file_size > MAX_DATABASE_BYTES:
        raise BackupError(f"{file} 中的文件大小超出限制")
    return manifest


def home_is_empty(paths: Paths) -> bool:
    """A home restore may write into: no database file with tables, no settings file."""
    if paths.config_file.exists():
        return False
    db = paths.database_file
    if not db.exists() or db.stat().st_size == 0:
        return True
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchone() is None
    finally:
        conn.close()


def restore_home(file: str | Path, paths: Paths) -> dict:
    """Unpack a backup into a new or empty home; returns the manifest.

    Refused (BackupError, nothing written) when the home already holds data or settings,
    when the file is not a whole backup, or when its schema is newer than this program's."""
    file = Path(file).expanduser()
    if not file.is_file():
        raise BackupError(f"找不到备份文件 {file}")
    if not home_is_empty(paths):
        raise BackupError(
            f"数据目录 {paths.home} 已有数据或设置：恢复只写入新的或空的数据目录，"
            "请用 --home 指定一个新文件夹（现有数据不会被覆盖）"
        )
    try:
        zf = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{file} 不是信用核查窗口助手的备份文件（{exc}）") from None
    with zf:
        manifest = _manifest(zf, file)
        try:
            check_not_newer(manifest.get("schema"))
        except Exception as exc:  # SchemaTooNew: say it as a restore refusal
            raise BackupError(f"无法恢复：{exc}") from None
        paths.ensure()
        with tempfile.TemporaryDirectory(prefix=".creditdesk-restore-", dir=paths.data_dir) as tmp:
            db = Path(tmp) / DATABASE
            with zf.open(DATABASE) as src, db.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
            schema, _counts = _facts(db)  # the file itself, not only what the manifest says
            try:
                check_not_newer(schema)
            except Exception as exc:  # noqa: BLE001
                raise BackupError(f"无法恢复：{exc}") from None
            ok = sqlite3.connect(db).execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise BackupError(f"备份中的数据库未通过完整性检查（{ok}），未恢复")
            config = Path(tmp) / CONFIG
            config.write_bytes(zf.read(CONFIG))
            try:
                load_settings(config)
            except Exception as exc:  # noqa: BLE001 - ConfigError: a clear message already
                raise BackupError(f"备份中的设置文件无法读取：{exc}") from None
            for leftover in (paths.database_file.with_name(paths.database_file.name + s) for s in ("-wal", "-shm")):
                leftover.unlink(missing_ok=True)
            shutil.move(str(db), paths.database_file)
            shutil.move(str(config), paths.config_file)
    return manifest
