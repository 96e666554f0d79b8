"""HTTP client for the platform's exchange API (protocol sections 1, 2, 3 and 5).

A careful client: HTTPS except to loopback; every request authenticated; the
error table of section 1 mapped to exceptions; busy answers (429/503) wait
for ``Retry-After``; other 5xx, timeouts, resets and cut or malformed
responses are retried with bounded exponential back-off and full jitter. The
token is registered with the log redactor and never put in a message.
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import logging
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from creditdesk import __version__
from creditdesk.cancel import Cancelled as _Cancelled
from creditdesk.logsetup import register_secret

log = logging.getLogger(__name__)

MAX_PAGE = 5000
MAX_SUBMISSION_ITEMS = 500


class PlatformError(Exception):
    """Base of every platform failure; ``str()`` is a message for officers (Chinese)."""

    code = "error"
    transient = False

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Unauthorized(PlatformError):
    code = "unauthorized"


class Forbidden(PlatformError):
    code = "forbidden"


class NotFound(PlatformError):
    code = "not_found"


class CursorExpired(PlatformError):
    code = "cursor_expired"


class RequestTooLarge(PlatformError):
    code = "too_large"


class InvalidRequest(PlatformError):
    code = "invalid"


class BadResponse(PlatformError):
    """A response that breaks the protocol (malformed JSON, wrong shape, seq out of order)."""

    code = "bad_response"
    transient = True


class Unavailable(PlatformError):
    """Transient failures that outlasted the retry budget: the platform is offline for now."""

    code = "unavailable"
    transient = True


class Cancelled(PlatformError, _Cancelled):
    """The caller's :class:`creditdesk.cancel.CancelToken` was cancelled (the one cancel exception)."""

    code = "cancelled"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # tries in all, per request
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0  # never wait longer than this on the server's word


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA bundle takes ~50 ms and holds
    the interpreter, so it is done once (the GUI does it while building its window)."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"平台地址无效：{url}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ValueError("平台地址必须使用 HTTPS（仅本机回环地址允许 HTTP，用于测试与演示）")
    return url.rstrip("/")


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _error_text(response: httpx.Response) -> tuple[str, str]:
    try:
        body = orjson.loads(response.content)
        return str(body.get("error") or ""), str(body.get("message") or "")
    except (orjson.JSONDecodeError, AttributeError):
        return "", ""


class PlatformClient:
    def __init__(
        self,
        base_url: str,
        client_id: str,
        token: str,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        should_cancel: Callable[[], bool] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        if not token:
            raise Unauthorized("没有平台访问令牌：请管理员运行 creditdesk platform login 录入令牌")
        register_secret(token)
        self.retry = retry
        self._sleep = sleep
        self._should_cancel = should_cancel or (lambda: False)
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={
                "X-Client-Id": client_id,
                "Authorization": f"Bearer {token}",
                "Accept": "application/json",
                "Accept-Encoding": "gzip",
                "User-Agent": f"CreditDesk/{__version__}",
            },
            transport=transport,
            follow_redirects=False,
            verify=default_ssl_context(),
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "PlatformClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the endpoints ---------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        body = self._request("GET", "/api/v1/meta")
        for field in ("platform_id", "epoch", "high_water", "signing_keys"):
            if field not in body:
                raise BadResponse(f"平台 meta 缺少字段 {field}")
        return body

    def changes(self, after: int, limit: int = 1000) -> dict[str, Any]:
        limit = max(1, min(MAX_PAGE, limit))
        body = self._request("GET", "/api/v1/changes", params={"after": after, "limit": limit}, check=_check_page(after))
        return body

    def submit(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if len(items) > MAX_SUBMISSION_ITEMS:
            raise RequestTooLarge(f"一次最多提交 {MAX_SUBMISSION_ITEMS} 项")
        body = self._request("POST", "/api/v1/submissions", json_body={"items": items}, check=_check_results(items))
        return body["results"]

    # -- transport -----------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        json_body: Any = None,
        check: Callable[[Any], None] | None = None,
    ) -> Any:
        content = orjson.dumps(json_body) if json_body is not None else None
        headers = {"Content-Type": "application/json"} if content is not None else None
        last_problem = ""
        for attempt in range(self.retry.attempts):
            if self._should_cancel():
                raise Cancelled("已取消")
            wait: float | None = None
            try:
                response = self._http.request(method, path, params=params, content=content, headers=headers)
            except httpx.TimeoutException:
                last_problem = "平台响应超时"
            except httpx.TransportError as exc:
                last_problem = f"与平台的连接中断（{type(exc).__name__}）"
            else:
                status = response.status_code
                if 200 <= status < 300:
                    try:
                        body = orjson.loads(response.content)
                        if check:
                            check(body)
                        return body
                    except orjson.JSONDecodeError:
                        last_problem = "平台返回的内容不是有效的 JSON（可能传输被截断）"
                    except BadResponse as exc:
                        last_problem = str(exc)
                else:
                    code, message = _error_text(response)
                    self._raise_final(status, code, message)
                    last_problem = f"平台繁忙或出错（HTTP {status}{'：' + message if message else ''}）"
                    if status in (429, 503):
                        wait = _retry_after_seconds(response.headers.get("Retry-After"))
                        if wait is not None:
                            wait = min(wait, self.retry.max_retry_after)
            if attempt + 1 >= self.retry.attempts:
                break
            if wait is None:
                ceiling = min(self.retry.max_delay, self.retry.base_delay * (2**attempt))
                wait = random.uniform(0, ceiling)
            log.info("platform %s %s: %s; retrying in %.2f s", method, path, last_problem, wait)
            self._sleep(wait)
        raise Unavailable(f"平台暂时无法访问：{last_problem}")

    @staticmethod
    def _raise_final(status: int, code: str, message: str) -> None:
        suffix = f"：{message}" if message else ""
        if status == 401:
            raise Unauthorized("平台拒绝了访问令牌（令牌缺失、错误或已吊销），请管理员重新录入令牌" + suffix, status)
        if status == 403:
            raise Forbidden("平台不允许本工作站执行此操作" + suffix, status)
        if status == 404:
            raise NotFound("平台没有这个地址或实体" + suffix, status)
        if status == 410:
            raise CursorExpired("本地同步位置已早于平台保留的范围，需要完整重新同步" + suffix, status)
        if status == 413:
            raise RequestTooLarge("请求过大" + suffix, status)
        if status == 422 or (400 <= status < 500 and status not in (408, 429)):
            raise InvalidRequest(f"平台认为请求无效（HTTP {status}）{suffix}", status)


def _check_page(after: int) -> Callable[[Any], None]:
    def check(body: Any) -> None:
        if not isinstance(body, dict):
            raise BadResponse("变更页不是 JSON 对象")
        changes = body.get("changes")
        if not isinstance(changes, list):
            raise BadResponse("变更页缺少 changes 列表")
        nxt, has_more, epoch = body.get("next"), body.get("has_more"), body.get("epoch")
        if not isinstance(nxt, int) or not isinstance(has_more, bool) or not isinstance(epoch, str):
            raise BadResponse("变更页的 next、has_more 或 epoch 无效")
        previous = None
        for change in changes:
            seq = change.get("seq") if isinstance(change, dict) else None
            if not isinstance(seq, int) or isinstance(seq, bool):
                raise BadResponse(f"变更缺少整数 seq：{str(change)[:80]}")
            if previous is not None and seq <= previous:
                raise BadResponse(f"变更页的 seq 未严格递增（{previous} 之后为 {seq}）")
            previous = seq
        expected_next = previous if previous is not None else after
        if nxt != expected_next:
            raise BadResponse(f"变更页的 next={nxt} 与最后一条变更的 seq={expected_next} 不一致")

    return check


def _check_results(items: list[dict[str, Any]]) -> Callable[[Any], None]:
    def check(body: Any) -> None:
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list) or len(results) != len(items):
            raise BadResponse("提交结果的数量与提交项不一致")
        for item, result in zip(items, results):
            if not isinstance(result, dict) or result.get("uid") != item["uid"]:
                raise BadResponse("提交结果与提交项的 uid 不对应")
            if result.get("status") not in ("accepted", "duplicate", "rejected"):
                raise BadResponse(f"未知的提交结果状态：{result.get('status')!r}")

    return check
