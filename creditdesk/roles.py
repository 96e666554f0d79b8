"""Who is acting: the signed-in account and what its role may do.

Officers see and export only their own reviews and no personal data in bulk;
supervisors see all of their unit and export; administrators also manage
accounts and settings. Pure Python: the CLI and the GUI ask the same question.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("officer", "supervisor", "admin")
ROLE_LABELS = {"officer": "经办人", "supervisor": "科室负责人", "admin": "系统管理员"}

# permission -> roles that hold it
_PERMISSIONS: dict[str, frozenset[str]] = {
    "review": frozenset(ROLES),  # look up, check, finalise reviews
    "view_all_reviews": frozenset({"supervisor", "admin"}),  # others' reviews in the ledger
    "export_personal_data": frozenset({"supervisor", "admin"}),  # ledger / audit / report exports
    "follow_up": frozenset({"supervisor", "admin"}),  # mark commitments, acknowledge alerts and rechecks
    "manage_accounts": frozenset({"admin"}),
    "change_settings": frozenset({"admin"}),
    "purge": frozenset({"admin"}),
    # The data and the platform connection (issue 10 item 4). Bringing the data up to date from the
    # platform, or from a signed bundle, is routine window work: what may enter is decided by the
    # pinned signing keys and the connection, which only an administrator may change.
    "update_data": frozenset(ROLES),  # sync, bundle import
    "connect_platform": frozenset({"admin"}),  # platform connect / login / logout (URL, token)
    "trust_keys": frozenset({"admin"}),  # platform trust (pin a signing key by hand)
    "load_demo_data": frozenset({"admin"}),  # demo-data, on a demo home only
}
PERMISSIONS = tuple(_PERMISSIONS)


class NotPermitted(PermissionError):
    """The account's role does not allow this; the message says what is missing (for the officer)."""


@dataclass(frozen=True)
class Actor:
    """The account on whose behalf something is done. ``None`` where an Actor is expected
    means unattributed: a home that has no account yet."""

    name: str  # login name, unique
    display_name: str
    role: str  # officer | supervisor | admin
    unit: str | None = None

    def can(self, permission: str) -> bool:
        return role_can(self.role, permission)

    @property
    def label(self) -> str:
        return f"{self.display_name}（{ROLE_LABELS.get(self.role, self.role)}）"


def role_can(role: str, permission: str) -> bool:
    try:
        return role in _PERMISSIONS[permission]
    except KeyError:
        raise ValueError(f"unknown permission {permission!r}") from None


_WHAT = {
    "view_all_reviews": "查看其他经办人的核查记录",
    "export_personal_data": "导出含个人信息的数据",
    "follow_up": "处理承诺履约、提醒与复核",
    "manage_accounts": "管理账户",
    "change_settings": "修改设置",
    "purge": "清理历史数据",
    "review": "办理核查",
    "update_data": "同步或导入数据",
    "connect_platform": "连接平台或保存平台令牌",
    "trust_keys": "信任平台签名密钥",
    "load_demo_data": "写入演示数据",
}
PERMISSION_LABELS = dict(_WHAT)  # permission -> what it allows, in words (for the audit trail)


def may(actor: Actor | None, permission: str, *, accounts_exist: bool = True) -> bool:
    """THE rule of "may this account do this", for services, the CLI and the pages alike.

    A signed-in account may do what its role holds. Nobody signed in may do anything only
    while the home has no account yet (``accounts_exist`` False: the first start, before the
    administrator is created — acts then run unattributed and the audit trail says so); once
    an account exists, nothing that needs a permission runs without one.
    """
    if actor is None:
        if permission not in _PERMISSIONS:
            raise ValueError(f"unknown permission {permission!r}")
        return not accounts_exist
    return actor.can(permission)


def roles_for(permission: str) -> tuple[str, ...]:
    """The roles that hold ``permission``, lowest first (for messages and the README table)."""
    return tuple(r for r in ROLES if r in _PERMISSIONS[permission])


def require(actor: Actor | None, permission: str, *, accounts_exist: bool = True) -> None:
    """Raise NotPermitted unless ``actor`` may do ``permission`` (:func:`may`)."""
    if may(actor, permission, accounts_exist=accounts_exist):
        return
    if actor is None:
        raise NotPermitted(f"需要登录后才能{_WHAT.get(permission, permission)}（使用 --user 或在窗口登录）")
    raise NotPermitted(
        f"{actor.label}无权{_WHAT.get(permission, permission)}，需要 "
        + "、".join(ROLE_LABELS[r] for r in roles_for(permission))
    )
