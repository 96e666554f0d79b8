"""统一社会信用代码 (USCC, GB 32100-2015) and 居民身份证号码 (GB 11643-1999).

Parsing and validation of the two codes an officer types (or a scanner emits) at
the window, with error messages in Chinese that are shown verbatim.  The check
characters are computed by python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``);
this module adds the normalisation of real-world input, the structural rules of
the two standards and specific messages.

Also here: the natural-person digest and mask of platform protocol section 4.1,
and fast generators of valid codes for the demo data and the tests.

Positions in messages and in :attr:`CodeError.position` are 1-based and count
characters of the *normalised* code (spaces and hyphens removed).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, NamedTuple


__all__ = [
    "CodeError",
    "IdNumber",
    "ParsedCode",
    "id_digest",
    "looks_like_code",
    "make_id_number",
    "make_uscc",
    "mask_id_number",
    "mask_ids_in_text",
    "remask_id",
    "normalize_code",
    "parse_code",
    "parse_id_number",
    "parse_uscc",
    "person_subject_id",
]

# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

# Separators removed besides whitespace, Unicode dashes (category Pd) and
# invisible format characters (category Cf: zero-width space, BOM, soft hyphen).
# Applied after NFKC, so the full-width forms (－ ＿ ．) are already ASCII here.
_SEPARATORS = frozenset("-_.·・•‧∙−")


def _is_separator(ch: str) -> bool:
    return (
        ch.isspace()
        or ch in _SEPARATORS
        or unicodedata.category(ch) in ("Pd", "Cf")
    )


def normalize_code(text: str) -> str:
    """Return ``text`` as a bare code: NFKC (full-width → half-width), without
    whitespace (incl. U+3000), dashes/hyphens of any kind, ``_ · .`` and
    invisible format characters, in upper case.

    >>> normalize_code("９１３５ ０１００－ma2y0xxxx0")
    '91350100MA2Y0XXXX0'
    """
    if text.isascii() and text.isalnum():  # what a scanner or a careful typist sends
        return text.upper()
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not _is_separator(ch)).upper()


def looks_like_code(text: str) -> bool:
    """True when a lookup query should be treated as a code, not a name:
    after normalising, 15 or 18 ASCII letters/digits, at least six of them digits.
    """
    code = normalize_code(text)
    return (
        len(code) in (15, 18)
        and code.isascii()
        and code.isalnum()
        and sum(ch.isdigit() for ch in code) >= 6
    )


# ---------------------------------------------------------------------------
# Errors and results
# ---------------------------------------------------------------------------

Reason = Literal[
    "length", "illegal_char", "check", "region", "birth_date", "first_generation", "empty"
]


class CodeError(ValueError):
    """A code that cannot be accepted.

    ``reason`` is a machine-readable kind (see :data:`Reason`), ``message`` the
    Chinese text shown to officers (also ``str(err)``), ``position`` the 1-based
    position of the offending character or ``None``, ``expected``/``given`` the
    check characters for ``reason == "check"`` (else ``None``).
    """

    def __init__(
        self,
        reason: Reason,
        message: str,
        position: int | None = None,
        expected: str | None = None,
        given: str | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.position = position
        self.expected = expected
        self.given = given

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keep all attributes when pickled
        return (type(self), (self.reason, self.message, self.position, self.expected, self.given))


@dataclass(frozen=True)
class IdNumber:
    """A valid 18-digit 居民身份证号码 and what it says about its holder."""

    number: str  # 18 characters, final check character upper case
    region_code: str  # 6-digit address code (positions 1-6)
    birth_date: datetime.date
    sex: str  # "男" (odd order code) or "女" (even)


class ParsedCode(NamedTuple):
    """Result of :func:`parse_code`: which kind of code, and the normalised code."""

    kind: Literal["uscc", "id_number"]
    value: str
    id_number: IdNumber | None = None


def _shown(ch: str) -> str:
    """A character as named in a message (invisible ones by code point)."""
    return ch if ch.isprintable() else f"U+{ord(ch):04X}"


def _illegal(position: int, ch: str, why: str) -> CodeError:
    return CodeError("illegal_char", f"第{position}位字符“{_shown(ch)}”不合法：{why}", position)


def _check_error(expected: str, given: str) -> CodeError:
    return CodeError(
        "check", f"校验码错误：第18位应为“{expected}”，输入为“{given}”", 18, expected, given
    )


def _first_non_alnum(code: str) -> int | None:
    """Index of the first character that is not an ASCII letter or digit."""
    for i, ch in enumerate(code):
        if not (ch.isascii() and ch.isalnum()):
            return i
    return None


# ---------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100-2015)
# ---------------------------------------------------------------------------

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_USCC_CHARS = frozenset(_USCC_ALPHABET)

# 登记管理部门码 → (部门, allowed 机构类别码).  GB 32100-2015 table 1 lists 1, 5, 9
# and Y; the other departments were assigned codes later and are in real use
# (律师事务所 31…, 基层工会 81…, 农村集体经济组织 N…), so they are accepted too.
_USCC_AUTHORITIES: dict[str, tuple[str, str]] = {
    "1": ("机构编制", "1239"),
    "2": ("外交", "19"),
    "3": ("司法行政", "123459"),
    "4": ("文化", "19"),
    "5": ("民政", "1239"),
    "6": ("旅游", "129"),
    "7": ("宗教", "129"),
    "8": ("工会", "19"),
    "9": ("工商", "123"),
    "A": ("中央军委改革和编制办公室", "19"),
    "N": ("农业", "1239"),
    "Y": ("其他", "1"),
}


def _list_cn(chars: str) -> str:
    return "、".join(chars)


def parse_uscc(text: str) -> str:
    """Return the normalised 18-character USCC or raise :class:`CodeError`.

    Checks, in this order: the characters (digits and upper-case letters except
    I, O, Z, S, V), the length, then position by position the 登记管理部门码
    (1), the 机构类别码 (2, per department), the region code (3-8, digits), and
    last the check character (18).
    """
    code = normalize_code(text)
    if not code:
        raise CodeError("empty", "请输入统一社会信用代码")
    i = _first_non_alnum(code)
    if i is not None:
        raise _illegal(i + 1, code[i], "统一社会信用代码只能由数字和大写英文字母组成")
    if len(code) != 18:
        for i, ch in enumerate(code):
            if ch not in _USCC_CHARS:
                raise _illegal(i + 1, ch, _NOT_IOZSV)
        raise CodeError("length", f"统一社会信用代码应为18位，实际为{len(code)}位")
    for i in range(18):
        error = _uscc_char_error(code, i)
        if error is not None:
            raise error
    from stdnum.cn import uscc as _stdnum_uscc  # here, not at import: `creditdesk --version` stays fast

    expected = _stdnum_uscc.calc_check_digit(code[:17])
    if code[17] != expected:
        raise _check_error(expected, code[17])
    return code


_NOT_IOZSV = "统一社会信用代码不使用 I、O、Z、S、V"


def _uscc_char_error(code: str, i: int) -> CodeError | None:
    """The error at 0-based index ``i`` of an 18-character code, if any."""
    ch = code[i]
    if 2 <= i <= 7:
        if not ch.isdigit():
            return _illegal(i + 1, ch, "第3～8位为登记管理机关行政区划码，应为数字")
    elif ch not in _USCC_CHARS:
        return _illegal(i + 1, ch, _NOT_IOZSV)
    elif i == 0 and ch not in _USCC_AUTHORITIES:
        return _illegal(1, ch, f"登记管理部门码应为{_list_cn(''.join(_USCC_AUTHORITIES))}之一")
    elif i == 1 and ch not in _USCC_AUTHORITIES[code[0]][1]:
        department, categories = _USCC_AUTHORITIES[code[0]]
        return _illegal(
            2, ch, f"登记管理部门码“{code[0]}”（{department}）的机构类别码应为{_list_cn(categories)}之一"
        )
    return None


# ---------------------------------------------------------------------------
# 居民身份证号码 (GB 11643-1999)
# ---------------------------------------------------------------------------

# Province-level codes of GB/T 2260 (71 台湾, 81 香港, 82 澳门), plus 83, used by
# the 台湾居民居住证 whose numbers follow GB 11643 (香港/澳门居民居住证: 81/82).
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
_MIN_BIRTH = datetime.date(1900, 1, 1)

_FIRST_GENERATION = "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码"


def _id_char_error(i: int, ch: str) -> CodeError:
    if i == 17:
        return _illegal(18, ch, "居民身份证号码第18位应为数字或X")
    if i < 17:
        return _illegal(i + 1, ch, "居民身份证号码前17位应为数字")
    return _illegal(i + 1, ch, "居民身份证号码只能由数字和末位的X组成")


def parse_id_number(text: str, today: datetime.date | None = None) -> IdNumber:
    """Parse an 18-digit 居民身份证号码 or raise :class:`CodeError`.

    Checks, in this order: characters, length (15 digits: a first-generation
    number, no longer valid), digits in positions 1-17 and digit or X in 18, the
    province-level region code (positions 1-2), the birth date (positions 7-14:
    a real date from 1900-01-01 to ``today``, default: the current date) and the
    check character.
    """
    code = normalize_code(text)
    if not code:
        raise CodeError("empty", "请输入居民身份证号码")
    i = _first_non_alnum(code)
    if i is not None:
        raise _id_char_error(i, code[i])
    if len(code) == 15 and code.isdigit():
        raise CodeError("first_generation", _FIRST_GENERATION)
    if len(code) != 18:
        raise CodeError("length", f"居民身份证号码应为18位，实际为{len(code)}位")
    for i, ch in enumerate(code):
        if not (ch.isdigit() or (i == 17 and ch == "X")):
            raise _id_char_error(i, ch)
    if code[:2] not in _PROVINCES:
        raise CodeError(
            "region", f"地址码前两位“{code[:2]}”不是有效的省级行政区划代码", 1
        )
    birth_date = _birth_date(code, today or datetime.date.today())
    from stdnum.cn import ric as _stdnum_ric

    expected = _stdnum_ric.calc_check_digit(code)
    if code[17] != expected:
        raise _check_error(expected, code[17])
    return IdNumber(
        number=code,
        region_code=code[:6],
        birth_date=birth_date,
        sex="男" if int(code[16]) % 2 else "女",
    )


def _birth_date(code: str, today: datetime.date) -> datetime.date:
    digits = code[6:14]
    try:
        birth = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise CodeError("birth_date", f"出生日期“{digits}”不是有效日期", 7) from None
    if birth < _MIN_BIRTH:
        raise CodeError("birth_date", f"出生日期“{digits}”早于1900年1月1日", 7)
    if birth > today:
        raise CodeError("birth_date", f"出生日期“{digits}”晚于今天", 7)
    return birth


# ---------------------------------------------------------------------------
# Either kind
# ---------------------------------------------------------------------------


def parse_code(text: str, today: datetime.date | None = None) -> ParsedCode:
    """Parse a USCC or an ID number, deciding which it is, or raise :class:`CodeError`.

    18 characters are parsed as both kinds and the one that is valid wins (an
    ID number first).  If neither is, the error of the more plausible reading
    is raised: see :func:`_prefer_id_error`.  15 digits are a first-generation
    ID number (or an old 注册号); other lengths are a length error.
    """
    code = normalize_code(text)
    if not code:
        raise CodeError("empty", "请输入统一社会信用代码或居民身份证号码")
    if len(code) == 18:
        try:
            person = parse_id_number(code, today)
            return ParsedCode("id_number", person.number, person)
        except CodeError as err:
            id_error = err
        try:
            return ParsedCode("uscc", parse_uscc(code))
        except CodeError as err:
            uscc_error = err
        today = today or datetime.date.today()
        raise id_error if _prefer_id_error(code, uscc_error, today) else uscc_error
    i = _first_non_alnum(code)
    if i is not None:
        raise _illegal(i + 1, code[i], "号码只能由数字和大写英文字母组成")
    if len(code) == 15 and code.isdigit():
        raise CodeError(
            "first_generation",
            _FIRST_GENERATION + "；如为旧营业执照注册号，请改用18位统一社会信用代码",
        )
    raise CodeError(
        "length", f"应输入18位统一社会信用代码或18位居民身份证号码，实际为{len(code)}位"
    )


def _prefer_id_error(code: str, uscc_error: CodeError, today: datetime.date) -> bool:
    """For an 18-character code valid as neither kind: is it more likely a
    mistyped ID number than a mistyped USCC?

    A USCC can look like an ID number (华为: 914403001922038216), so the shape
    alone does not decide.  An ID number is plausible when at most one of the
    first 17 characters is not a digit, the first two digits are a province
    code and positions 7-10 a year from 1900 to ``today``.  A well-formed USCC
    with a wrong check character wins over an implausible ID number.
    """
    head = code[:17]
    year = code[6:10]
    plausible_id = (
        sum(not ch.isdigit() for ch in head) <= 1
        and code[:2] in _PROVINCES
        and year.isdigit()
        and 1900 <= int(year) <= today.year
    )
    if plausible_id:
        return True
    id_shaped = head.isdigit() and (code[17].isdigit() or code[17] == "X")
    return id_shaped and uscc_error.reason != "check"


# ---------------------------------------------------------------------------
# Natural persons (platform protocol 4.1)
# ---------------------------------------------------------------------------

_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")


def _id_shape(id_number: str) -> str:
    number = normalize_code(id_number)
    if not _ID_SHAPE.fullmatch(number):
        raise ValueError("居民身份证号码应为17位数字加1位数字或X")
    return number


def id_digest(id_number: str, person_key: bytes) -> str:
    """Lowercase hex HMAC-SHA256 of the 18-character ID number (ASCII, final
    check character upper case) with the platform's ``person_key``."""
    number = _id_shape(id_number)
    return hmac.new(person_key, number.encode("ascii"), hashlib.sha256).hexdigest()


# What a masked ID number keeps (issue 10 item 7): the province (first 2 characters, GB/T 2260)
# and the last 4 (the 顺序码 and the check character, the "尾号" an officer reads back to the
# applicant to tell two people of the same name apart). Hidden: the county (characters 3-6) and
# the birth date (7-14) — with a name, those two nearly identify a person; GB/T 35273-2020
# (minimum necessary, de-identification before storage, 6.2) asks to keep no more than the task
# needs. The platform's own masked form (protocol 4.1: first 6 and last 4) is cut down to this
# when it is applied; reviews, slips, ledgers, the audit trail and the log show the same form.
MASK_HEAD, MASK_TAIL = 2, 4


def mask_id_number(id_number: str) -> str:
    """The ID number with all but the first 2 and the last 4 characters as ``*``."""
    number = _id_shape(id_number)
    return number[:MASK_HEAD] + "*" * (18 - MASK_HEAD - MASK_TAIL) + number[-MASK_TAIL:]


def remask_id(masked: str | None) -> str | None:
    """A masked (or, by mistake, full) ID number as it may be stored: at most the first 2 and the
    last 4 characters kept, whatever the sender kept. Anything not 18 characters long is kept as
    ``*`` only."""
    if masked is None:
        return None
    text = str(masked).strip()
    if len(text) != 18:
        return "*" * min(len(text), 18) or None
    return text[:MASK_HEAD] + "*" * (18 - MASK_HEAD - MASK_TAIL) + text[-MASK_TAIL:]


_FULL_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


def _is_id_number(candidate: str) -> bool:
    try:
        parse_id_number(candidate)
    except CodeError:
        return False
    try:  # an all-digit USCC that also passes the ID check stays: it names an organisation
        parse_uscc(candidate)
        return False
    except CodeError:
        return True


def mask_ids_in_text(text: str | None) -> str | None:
    """Free text (a record's title or content from the platform) with every full ID number in it
    masked (:func:`mask_id_number`). Fast when there is none: one regex scan."""
    if not text or _FULL_ID_IN_TEXT.search(text) is None:
        return text
    return _FULL_ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)) if _is_id_number(m.group(0)) else m.group(0), text)


_DIGEST = re.compile(r"[0-9a-f]{64}")


def person_subject_id(digest: str) -> str:
    """The entity id of a natural person: ``"P-"`` followed by :func:`id_digest`."""
    if not _DIGEST.fullmatch(digest):
        raise ValueError("id_digest 应为64位小写十六进制字符串")
    return "P-" + digest


# ---------------------------------------------------------------------------
# Generators (demo data, tests): called millions of times, so no stdnum here.
# ---------------------------------------------------------------------------

# USCC check: total = Σ value(c_i) · 3^(i-1) mod 31 (GB 32100 weights 1, 3, 9,
# 27, 19, … are the powers of 3 mod 31).  Since 34 ≡ 3 (mod 31), the total is
# int(reversed code, base 34) mod 31 once each character is replaced by the
# base-34 digit of its value; every other ASCII character becomes "!", which
# int() rejects (so do signs, "_" and spaces).
_USCC_TO_BASE34 = str.maketrans(
    {chr(c): "!" for c in range(128)}
    | {ch: "0123456789ABCDEFGHIJKLMNOPQRSTU"[v] for v, ch in enumerate(_USCC_ALPHABET)}
)


def make_uscc(first17: str) -> str:
    """Append the GB 32100 check character to 17 USCC characters."""
    if len(first17) != 17 or not first17.isascii():
        raise ValueError(f"make_uscc needs 17 USCC characters, got {first17!r}")
    try:
        total = int(first17.translate(_USCC_TO_BASE34)[::-1], 34)
    except ValueError:
        raise ValueError(f"make_uscc needs 17 USCC characters, got {first17!r}") from None
    return first17 + _USCC_ALPHABET[-total % 31]


def make_id_number(region_code: str, birth: datetime.date, sequence: int) -> str:
    """An 18-digit ID number: region code, birth date, order code
    ``sequence`` (0-999; odd for men) and the GB 11643 check character."""
    if len(region_code) != 6 or not (region_code.isascii() and region_code.isdigit()):
        raise ValueError(f"region_code must be 6 digits, got {region_code!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence!r}")
    body = f"{region_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    # ISO 7064 MOD 11-2: the weights 2^(18-i) mod 11 are those of base 13 (13 ≡ 2).
    return body + "0123456789X"[(1 - 2 * int(body, 13)) % 11]
