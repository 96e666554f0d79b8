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
}
PERMISSION_LABELS = dict(_WHAT)  # permission -> what it allows, in words (for the audit trail)


def require(actor: Actor | None, permission: str, *, accounts_exist: bool = True) -> None:
    """Raise NotPermitted unless ``actor`` may do ``permission``.

    With no account in the home yet (``accounts_exist`` False) everything runs
    unattributed, as the issue asks; once accounts exist an actor is required.
    """
    if actor is None:
        if not accounts_exist:
            return
        raise NotPermitted(f"需要登录后才能{_WHAT.get(permission, permission)}（使用 --user 或在窗口登录）")
    if not actor.can(permission):
        raise NotPermitted(
            f"{actor.label}无权{_WHAT.get(permission, permission)}，需要 "
            + "、".join(ROLE_LABELS[r] for r in ROLES if r in _PERMISSIONS[permission])
        )
