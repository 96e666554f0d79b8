"""creditdesk backup / restore: the home's data and settings in one file, and back.

    creditdesk [--user ADMIN] backup --out FILE.cdbak [--json]
    creditdesk --home NEW_DIR restore FILE.cdbak [--json]

``backup`` copies the SQLite database with SQLite's online backup API (the window may keep
running), the settings and a manifest — never the platform token. It is an administrator's act
once the home has accounts, and is audited (``backup``). On PostgreSQL it says to use pg_dump.
``restore`` writes only into a new or empty home and refuses a backup from a newer schema;
the restored home is then opened once, which migrates an older schema (after a copy).
Exit 0 ok, 1 refused or failed, with the reason in Chinese on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="back up the home's database and settings into one file (no secrets)")
    b.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (.cdbak), or a folder")
    b.add_argument("--json", action="store_true")
    b.set_defaults(handler=cmd_backup)
    r = sub.add_parser("restore", help="restore a backup into a new or empty home (--home DIR)")
    r.add_argument("file", metavar="FILE")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from creditdesk.cli import need, open_context
    from creditdesk.services.backup import BackupError, backup_home

    ctx = open_context(args)
    try:
        need(ctx, "change_settings", "backup")
        try:
            info = backup_home(ctx.paths, ctx.settings, ctx.engine, args.out)
        except BackupError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAIL
        ctx.audit.append("backup", actor=ctx.user, target=info.file.name,
                         detail={"schema": info.schema, "bytes": info.bytes, "counts": info.counts})  # fmt: skip
        if args.json:
            print(json.dumps(info.to_json(), ensure_ascii=False))
        else:
            counts = "，".join(f"{k} {v:,}" for k, v in info.counts.items())
            print(f"已备份到 {info.file}（{info.bytes:,} 字节，数据库版本 {info.schema}）：{counts}")
            print("备份不含平台访问令牌（仍在系统凭据库中）；恢复：creditdesk --home 新文件夹 restore 备份文件")
        return EXIT_OK
    finally:
        ctx.close()


def cmd_restore(args: argparse.Namespace) -> int:
    from creditdesk.cli import _home
    from creditdesk.paths import resolve_paths
    from creditdesk.services.backup import BackupError, restore_home

    paths = resolve_paths(_home(args))
    try:
        manifest = restore_home(args.file, paths)
    except BackupError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAIL
    # Open it once: an older schema is migrated now (after the pre-migration copy), not at the counter.
    from creditdesk.app import open_app

    ctx = open_app(paths.home if paths.self_contained else None)
    try:
        migrated = ctx.db.migration
        result = {"home": str(paths.home), "database": ctx.db.display_url, "backup": manifest,
                  "schema_before": migrated.before, "schema_now": migrated.after,
                  "pre_migration_copy": str(migrated.backup) if migrated.backup else None}  # fmt: skip
    finally:
        ctx.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"已恢复到 {paths.home}：备份于 {manifest.get('created')}，程序版本 {manifest.get('program_version')}")
        if migrated.before != migrated.after:
            print(f"数据库已从版本 {migrated.before} 升级到 {migrated.after}（升级前的副本：{migrated.backup}）")
        print("平台访问令牌不在备份中：如需同步，请用 creditdesk platform login 重新保存")
    return EXIT_OK
