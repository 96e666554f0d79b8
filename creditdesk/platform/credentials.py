"""The platform token: only in the OS credential store (keyring), or in the environment.

``CREDITDESK_PLATFORM_TOKEN`` overrides the stored token for unattended runs.
Whatever the source, the token is registered with the log redactor the
moment it is read, and it is never written to a file.
"""

from __future__ import annotations

import os

import keyring.errors

from creditdesk.logsetup import register_secret
from creditdesk.services.keystore import credential_store

TOKEN_ENV = "CREDITDESK_PLATFORM_TOKEN"
SERVICE = "CreditDesk platform token"


class CredentialError(Exception):
    pass


def _account(platform_url: str, client_id: str) -> str:
    return f"{client_id}@{platform_url.rstrip('/')}"


def get_token(platform_url: str, client_id: str) -> str | None:
    token = os.environ.get(TOKEN_ENV)
    if not token:
        try:
            token = credential_store().get_password(SERVICE, _account(platform_url, client_id))
        except keyring.errors.KeyringError as exc:
            raise CredentialError(
                f"系统凭据库不可用（{type(exc).__name__}）；无人值守运行时可设置环境变量 {TOKEN_ENV}"
            ) from None
    if token:
        register_secret(token)
    return token or None


def credential_store_usable() -> bool:
    """Whether this machine has an OS credential store to keep the token in (a headless Linux
    without Secret Service has only keyring's "fail" backend)."""
    try:
        backend = credential_store().get_keyring()
        return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__
    except Exception:  # noqa: BLE001 - a broken backend is no store either
        return False


NO_STORE_MESSAGE = (f"本机没有可用的系统凭据库，平台令牌无处安全保存；未作任何更改。"
                    f"无人值守或无凭据库的电脑请设置环境变量 {TOKEN_ENV}=令牌 后再运行。")  # fmt: skip


def store_token(platform_url: str, client_id: str, token: str) -> None:
    token = token.strip()
    if not token:
        raise CredentialError("令牌为空")
    register_secret(token)
    try:
        credential_store().set_password(SERVICE, _account(platform_url, client_id), token)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(
            f"无法写入系统凭据库（{type(exc).__name__}）；可改用环境变量 {TOKEN_ENV}"
        ) from None


def forget_token(platform_url: str, client_id: str) -> None:
    try:
        credential_store().delete_password(SERVICE, _account(platform_url, client_id))
    except keyring.errors.PasswordDeleteError:
        pass
