"""HTTP client for the platform's exchange API (protocol sections 1, 2, 3 and 5).

A careful client: HTTPS except to loopback; every request authenticated; the
error table of section 1 mapped to exceptions. Only transient trouble is
retried, with bounded exponential back-off and full jitter: busy answers
(429, 503 — waiting for ``Retry-After``), gateway timeouts (504), timeouts,
and connections cut after they were made (resets, truncated or malformed
responses). A platform that cannot be reached at all — connection refused,
host name not resolvable, network unreachable — fails at once
(:class:`Unreachable`, "无法连接平台（连接被拒绝）" and what to check); so do
other 5xx answers (the platform's own error, which a retry would only repeat).
Retry waits end at once on cancel and are announced through ``on_wait`` (the
CLI prints what it is waiting for). The token is registered with the log
redactor and never put in a message.

Bounded against a hostile or broken platform (issue 10 item 5):

- each request has a total deadline (``deadline``, default 40 s) from connect
  to the last byte, not a per-read timeout: a server dribbling a byte every few
  seconds is cut off at the deadline (see platform/deadline.py); a request that
  ran out of its deadline is not retried — the sync stops with the reason and
  resumes from its last committed page next time;
- a response body is streamed and counted: at most ``max_compressed`` bytes on
  the wire and ``max_body`` bytes once decompressed (gzip is inflated here, in
  bounded steps, so a gzip bomb stops after ``max_body`` bytes, not at its end);
- a change page that does not move the position forward while saying
  ``has_more`` is tolerated ``MAX_STALLED_PAGES`` times in a row, then the sync
  stops (``Stalled``);
- a redirect is never followed and is reported as such (``Redirected``).
"""

from __future__ import annotations

import email.utils
import functools
import ipaddress
import logging
import random
import ssl
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import orjson

from creditdesk import __version__
from creditdesk.cancel import NEVER, CancelToken
from creditdesk.cancel import Cancelled as _Cancelled
from creditdesk.logsetup import register_secret
from creditdesk.platform.deadline import Deadline, DeadlineTransport

log = logging.getLogger(__name__)

MAX_PAGE = 5000
MAX_SUBMISSION_ITEMS = 500

DEADLINE = 40.0  # seconds for one request, connect to last byte
MAX_BODY = 64 * 1024 * 1024  # decompressed bytes of one response (a page of 5,000 changes is ~5 MB)
MAX_COMPRESSED = 64 * 1024 * 1024  # bytes on the wire for one response
MAX_ERROR_BODY = 64 * 1024  # an error body is read only for its message
MAX_STALLED_PAGES = 5  # pages in a row that say has_more but do not move the position
_CHUNK = 64 * 1024
_INFLATE_STEP = 1024 * 1024  # inflated bytes per step: a bomb never expands further than this at once


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


class Redirected(PlatformError):
    """The platform answered with a redirect: never followed (the token would go with it)."""

    code = "redirected"


class TooSlow(PlatformError):
    """One request outlasted its total deadline; not retried within this sync."""

    code = "too_slow"
    transient = True


class ResponseTooLarge(PlatformError):
    """A response bigger than the client accepts (on the wire or decompressed)."""

    code = "response_too_large"
    transient = True


class Stalled(PlatformError):
    """Pages that keep saying has_more without moving the position forward."""

    code = "stalled"
    transient = True


class Unreachable(PlatformError):
    """The platform could not be reached at all (refused, unresolvable, unreachable): not retried."""

    code = "unreachable"
    transient = True  # later may work (a scheduled sync tries again), but not within this request


# Answers worth asking again: busy (429, 503) and timeouts (408, and 504 from a gateway).
TRANSIENT_STATUS = frozenset({408, 429, 503, 504})


def _unreachable(exc: httpx.TransportError, url: str) -> Unreachable:
    """Why a connection could not be made, in words an administrator can act on."""
    host = urlsplit(url).hostname or url
    text = str(exc).lower()
    cause = exc.__cause__ or exc.__context__
    errno = getattr(cause, "errno", None)
    if errno in (111, 10061) or "refused" in text:
        what = "连接被拒绝"
        check = f"平台服务是否在运行、地址和端口是否正确（{url}）、防火墙是否放行"
    elif "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "temporary failure in name resolution" in text or errno in (-2, -3, -5, 11001, 11004):
        what = f"无法解析主机名 {host}"
        check = "平台地址是否拼写正确、本机的 DNS 设置与网络连接"
    elif errno in (101, 113, 10051, 10065) or "unreachable" in text:
        what = "网络不可达"
        check = "本机网络连接、网关和代理设置"
    else:
        what = f"连接失败：{type(exc).__name__}"
        check = f"平台地址（{url}）、网络连接与防火墙"
    return Unreachable(f"无法连接平台（{what}）。请检查：{check}。本机数据照常可用")


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


def _error_text(raw: bytes | bytearray) -> tuple[str, str]:
    try:
        body = orjson.loads(raw)
        return str(body.get("error") or "")[:100], _printable(str(body.get("message") or ""))[:500]
    except (orjson.JSONDecodeError, AttributeError):
        return "", ""


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _location(headers: httpx.Headers) -> str:
    """Where the redirect points, shortened and printable, without any query (it may carry anything)."""
    target = headers.get("Location", "")
    if not target:
        return ""
    parts = urlsplit(target)
    try:
        host = f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or "")
    except ValueError:
        host = parts.hostname or ""
    shown = f"{parts.scheme}://{host}{parts.path}" if host else parts.path
    return " → " + _printable(shown)[:120]


class PlatformClient:
    def __init__(
        self,
        base_url: str,
        client_id: str,
        token: str,
        *,
        timeout: float = 30.0,
        deadline: float = DEADLINE,
        max_body: int = MAX_BODY,
        max_compressed: int = MAX_COMPRESSED,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], None] = time.sleep,
        cancel: CancelToken | None = None,
        transport: httpx.BaseTransport | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        if not token:
            raise Unauthorized("没有平台访问令牌：请管理员运行 creditdesk platform login 录入令牌")
        register_secret(token)
        self.retry = retry
        self.deadline = deadline
        self.max_body = max_body
        self.max_compressed = max_compressed
        self._deadline = Deadline()
        self._stalled = 0  # pages in a row that did not move the position
        self._deadline_passed = False
        self._sleep = sleep
        self._cancel = cancel or NEVER
        self._on_wait = on_wait
        self._custom_sleep = sleep is not time.sleep
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(min(timeout, deadline), connect=min(timeout, deadline, 10.0)),
            headers={
                "X-Client-Id": client_id,
                "Authorization": f"Bearer {token}",
                "Accept": "application/json",
                "Accept-Encoding": "gzip",  # inflated by _read_body, bounded
                "User-Agent": f"CreditDesk/{__version__}",
            },
            transport=transport or DeadlineTransport(self._deadline, default_ssl_context()),
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
        self._count_stalls(after, body)
        return body

    def _count_stalls(self, after: int, page: dict[str, Any]) -> None:
        """A page that says has_more but leaves the position where it was, again and again,
        would keep a sync asking forever: after MAX_STALLED_PAGES in a row, stop."""
        if page["has_more"] and page["next"] <= after:
            self._stalled += 1
            if self._stalled >= MAX_STALLED_PAGES:
                self._stalled = 0
                raise Stalled(
                    f"平台连续 {MAX_STALLED_PAGES} 页声称还有更多变更（has_more），同步位置却停在 {after} 未推进："
                    "本次同步已停止，已写入的数据保留；请联系平台管理员"
                )
        else:
            self._stalled = 0

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
            if self._cancel.cancelled:
                raise Cancelled("已取消")
            wait: float | None = None
            try:
                status, response_headers, raw = self._send(method, path, params, content, headers)
            except httpx.TimeoutException:
                if self._deadline_passed:
                    raise TooSlow(
                        f"平台响应过慢：一次请求 {self.deadline:g} 秒内未完成（{method} {path}），本次同步已停止，"
                        "下次从中断处继续"
                    ) from None
                last_problem = "平台响应超时"
            except httpx.ConnectError as exc:  # refused, unresolvable, unreachable: asking again will not help
                raise _unreachable(exc, self.base_url) from None
            except httpx.TransportError as exc:
                last_problem = f"与平台的连接中断（{type(exc).__name__}）"
            except BadResponse as exc:  # a body that cannot be inflated: as a cut response, retried
                last_problem = str(exc)
            else:
                if 200 <= status < 300:
                    try:
                        body = orjson.loads(raw)
                        if check:
                            check(body)
                        return body
                    except orjson.JSONDecodeError:
                        last_problem = "平台返回的内容不是有效的 JSON（可能传输被截断）"
                    except BadResponse as exc:
                        last_problem = str(exc)
                elif 300 <= status < 400:
                    raise Redirected(
                        f"平台地址返回了重定向（HTTP {status}{_location(response_headers)}），客户端不跟随重定向："
                        "请管理员核对平台地址（creditdesk platform connect）",
                        status,
                    )
                else:
                    code, message = _error_text(raw)
                    self._raise_final(status, code, message)
                    if status not in TRANSIENT_STATUS:
                        raise PlatformError(
                            f"平台出错（HTTP {status}{'：' + message if message else ''}），请稍后再试或联系平台管理员",
                            status,
                        )
                    last_problem = (
                        ("平台网关超时" if status == 504 else "平台繁忙")
                        + f"（HTTP {status}{'：' + message if message else ''}）"
                    )
                    if status in (429, 503):
                        wait = _retry_after_seconds(response_headers.get("Retry-After"))
                        if wait is not None:
                            wait = min(wait, self.retry.max_retry_after)
            if attempt + 1 >= self.retry.attempts:
                break
            if wait is None:
                ceiling = min(self.retry.max_delay, self.retry.base_delay * (2**attempt))
                wait = random.uniform(0, ceiling)
            log.info("platform %s %s: %s; retrying in %.2f s", method, path, last_problem, wait)
            if self._on_wait is not None:
                self._on_wait(f"{last_problem}：{wait:.1f} 秒后重试（第 {attempt + 2}/{self.retry.attempts} 次）")
            if self._wait(wait):
                raise Cancelled("已取消")
        raise Unavailable(f"平台暂时无法访问：{last_problem}")

    def _wait(self, seconds: float) -> bool:
        """Wait before a retry; True (at once) if cancelled meanwhile."""
        if self._custom_sleep:
            self._sleep(seconds)
            return self._cancel.cancelled
        return self._cancel.sleep(seconds)  # the token wakes the wait itself when cancelled

    def _send(
        self, method: str, path: str, params: dict | None, content: bytes | None, headers: dict | None
    ) -> tuple[int, httpx.Headers, bytearray]:
        """One attempt within the deadline: (status, headers, body as decompressed bytes)."""
        self._deadline_passed = False
        with self._deadline.running(self.deadline):
            try:
                with self._http.stream(method, path, params=params, content=content, headers=headers) as response:
                    ok = 200 <= response.status_code < 300
                    limit = self.max_body if ok else MAX_ERROR_BODY
                    raw = self._read_body(response, limit, strict=ok)
                    return response.status_code, response.headers, raw
            except httpx.TimeoutException:
                self._deadline_passed = self._deadline.expired()
                raise

    def _read_body(self, response: httpx.Response, limit: int, *, strict: bool) -> bytearray:
        """The body, streamed: at most ``max_compressed`` bytes read and ``limit`` bytes
        once inflated. Over a limit: ResponseTooLarge when ``strict`` (a success body),
        else what fitted (an error body, read only for its message)."""
        length = response.headers.get("Content-Length", "")
        if strict and length.isdigit() and int(length) > self.max_compressed:
            raise self._too_large(f"平台声明的响应长度 {int(length):,} 字节")
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        if encoding in ("", "identity"):
            inflater = None
        elif encoding in ("gzip", "x-gzip"):
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        else:
            raise BadResponse(f"平台使用了未请求的压缩方式：{encoding[:40]!r}")
        out = bytearray()
        wire = 0
        for chunk in response.iter_raw(_CHUNK):
            wire += len(chunk)
            if wire > self.max_compressed:
                if not strict:
                    break
                raise self._too_large(f"已收到 {wire:,} 字节仍未结束")
            if self._deadline.expired():
                raise httpx.ReadTimeout("request deadline passed")
            if inflater is None:
                out += chunk
            else:
                data = chunk
                while data and len(out) <= limit:
                    try:
                        out += inflater.decompress(data, min(_INFLATE_STEP, limit + 1 - len(out)))
                    except zlib.error:
                        raise BadResponse("平台返回的 gzip 数据已损坏") from None
                    data = inflater.unconsumed_tail
            if len(out) > limit:
                if not strict:
                    del out[limit:]
                    return out
                raise self._too_large(f"解压后超过 {limit:,} 字节")
        return out  # orjson reads a bytearray as it is: no copy

    def _too_large(self, what: str) -> ResponseTooLarge:
        return ResponseTooLarge(
            f"平台的响应过大（{what}；上限：传输 {self.max_compressed:,} 字节，解压后 {self.max_body:,} 字节），"
            "本次同步已停止；请联系平台管理员",
        )

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
