"""Building a platform client from the installation's settings and stored token."""

from __future__ import annotations

from creditdesk.cancel import CancelToken
from creditdesk.config import Settings
from creditdesk.platform.client import PlatformClient, PlatformError
from creditdesk.platform.credentials import get_token


class NotConnected(PlatformError):
    code = "not_connected"


def make_client(settings: Settings, cancel: CancelToken | None = None, **kwargs) -> PlatformClient:  # noqa: ANN003
    if not settings.platform_url or not settings.platform_client_id:
        raise NotConnected("尚未连接平台：请管理员运行 creditdesk platform connect URL --client-id ID")
    token = get_token(settings.platform_url, settings.platform_client_id)
    return PlatformClient(
        settings.platform_url, settings.platform_client_id, token or "", cancel=cancel, **kwargs
    )
