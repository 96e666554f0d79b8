"""Tests of creditdesk.identifiers: USCC (GB 32100) and ID numbers (GB 11643)."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import pickle

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from creditdesk.identifiers import (
    CodeError,
    IdNumber,
    ParsedCode,
    id_digest,
    looks_like_code,
    make_id_number,
    make_uscc,
    mask_id_number,
    normalize_code,
    parse_code,
    parse_id_number,
    parse_uscc,
    person_subject_id,
)

TODAY = datetime.date(2026, 11, 21)

# Independent statements of the tables (not imported from the module under test).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_CATEGORIES = {
    "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129",
    "7": "129", "8": "19", "9": "123", "A": "19", "N": "1239", "Y": "1",
}
PROVINCES = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
    "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
    "61", "62", "63", "64", "65", "71", "81", "82", "83",
]
# County codes that stdnum's GB/T 2260 data knows without any year range, so
# stdnum.cn.ric.is_valid accepts them for every birth year.
STDNUM_TIMELESS_REGIONS = ["110101", "110102", "110105", "120101", "310101", "310104"]

# Real-looking valid codes (check characters verified against stdnum below).
USCC_VALID = "91110000600037341L"  # python-stdnum doctest
USCC_ALL_DIGITS = "914403001922038216"  # a USCC that is shaped like an ID number
ID_VALID = "360426199101010071"  # python-stdnum doctest
ID_VALID_X = "11010519491231002X"


# ---------------------------------------------------------------------------
# python-stdnum's own examples
# ---------------------------------------------------------------------------


def test_stdnum_uscc_doctest_examples():
    assert parse_uscc("91110000600037341L") == "91110000600037341L"
    assert parse_uscc("9 1 110000 600037341L") == "91110000600037341L"
    with pytest.raises(CodeError) as err:
        parse_uscc("12345")
    assert err.value.reason == "length"
    # stdnum rejects a letter in position 1; A is a valid department (军队) for
    # GB 32100, but the check character then no longer fits.
    with pytest.raises(CodeError) as err:
        parse_uscc("A1110000600037341L")
    assert err.value.reason == "check"
    assert uscc.is_valid("91110000600037341L")


def test_stdnum_ric_doctest_example():
    person = parse_id_number("360426199101010071", today=TODAY)
    assert person == IdNumber(
        number="360426199101010071",
        region_code="360426",
        birth_date=datetime.date(1991, 1, 1),
        sex="男",
    )
    assert ric.is_valid("360426199101010071")


@pytest.mark.parametrize("code", [USCC_VALID, USCC_ALL_DIGITS])
def test_sample_usccs_are_valid_for_stdnum(code):
    assert uscc.is_valid(code)
    assert parse_uscc(code) == code


def test_id_with_x_check_character():
    person = parse_id_number("11010519491231002x", today=TODAY)
    assert person.number == ID_VALID_X
    assert person.sex == "女"
    assert person.birth_date == datetime.date(1949, 12, 31)
    assert ric.is_valid(ID_VALID_X)


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("９１１１００００６０００３７３４１Ｌ", USCC_VALID),  # full-width
        ("91110000　600037341L", USCC_VALID),  # ideographic space
        (" 9111 0000\t6000 3734 1L\n", USCC_VALID),
        ("911100-00600‐037‑341–L", USCC_VALID),  # ASCII hyphen and Unicode dashes
        ("9111—0000－6000_3734·1.L", USCC_VALID),  # em dash, full-width hyphen, _ · .
        ("91110000600037341l", USCC_VALID),  # lower case
        ("\ufeff9111\u200b0000600037341L", USCC_VALID),  # BOM, zero-width space
        ("３６０４２６ １９９１０１０１ ００７１", ID_VALID),
        ("110105-19491231-002x", ID_VALID_X),
        ("", ""),
    ],
)
def test_normalize_code(raw, expected):
    assert normalize_code(raw) == expected


def test_parsers_normalise_input():
    assert parse_uscc("９１１１ ００００－６０００３７３４１ｌ") == USCC_VALID
    assert parse_id_number("110105 19491231 002ｘ", today=TODAY).number == ID_VALID_X
    assert parse_code("　360426-19910101-0071　", today=TODAY).value == ID_VALID


@pytest.mark.parametrize(
    "text, expected",
    [
        (USCC_VALID, True),
        ("91110000600037341l", True),
        (ID_VALID, True),
        ("360426910101007", True),  # 15 digits
        ("ABCDEFGHJKLMNPQ", False),  # 15 letters, no digits
        ("ABCDEFGHJKLM12345P", False),  # only five digits
        ("ABCDEFGHJKL123456P", True),  # six digits
        ("9111000060003734", False),  # 16 characters
        ("福州市鼓楼区某某有限公司", False),  # a name
        ("91110000#00037341L", False),
        ("", False),
    ],
)
def test_looks_like_code(text, expected):
    assert looks_like_code(text) is expected


# ---------------------------------------------------------------------------
# Error reasons and messages
# ---------------------------------------------------------------------------


def _error(func, text, **kwargs) -> CodeError:
    with pytest.raises(CodeError) as info:
        func(text, **kwargs)
    return info.value


@pytest.mark.parametrize(
    "text, reason, position, message",
    [
        ("", "empty", None, "请输入统一社会信用代码"),
        (" - ", "empty", None, "请输入统一社会信用代码"),
        ("91110000600037341", "length", None, "统一社会信用代码应为18位，实际为17位"),
        ("91110000600037341LL", "length", None, "统一社会信用代码应为18位，实际为19位"),
        ("91110000I00037341L", "illegal_char", 9,
         "第9位字符“I”不合法：统一社会信用代码不使用 I、O、Z、S、V"),
        ("9111000060003734O", "illegal_char", 17,  # also with a wrong length
         "第17位字符“O”不合法：统一社会信用代码不使用 I、O、Z、S、V"),
        ("91110000600037341#", "illegal_char", 18,
         "第18位字符“#”不合法：统一社会信用代码只能由数字和大写英文字母组成"),
        ("9111000060003734福L", "illegal_char", 17,
         "第17位字符“福”不合法：统一社会信用代码只能由数字和大写英文字母组成"),
        ("01110000600037341L", "illegal_char", 1,
         "第1位字符“0”不合法：登记管理部门码应为1、2、3、4、5、6、7、8、9、A、N、Y之一"),
        ("S1110000600037341L", "illegal_char", 1,
         "第1位字符“S”不合法：统一社会信用代码不使用 I、O、Z、S、V"),
        ("94110000600037341L", "illegal_char", 2,
         "第2位字符“4”不合法：登记管理部门码“9”（工商）的机构类别码应为1、2、3之一"),
        ("Y2110000600037341L", "illegal_char", 2,
         "第2位字符“2”不合法：登记管理部门码“Y”（其他）的机构类别码应为1之一"),
        ("9111A000600037341L", "illegal_char", 5,
         "第5位字符“A”不合法：第3～8位为登记管理机关行政区划码，应为数字"),
        ("91110000600037341M", "check", 18, "校验码错误：第18位应为“L”，输入为“M”"),
    ],
)
def test_uscc_errors(text, reason, position, message):
    err = _error(parse_uscc, text)
    assert (err.reason, err.position, err.message) == (reason, position, message)
    assert str(err) == message
    assert isinstance(err, ValueError)
    if reason == "check":
        assert (err.expected, err.given) == ("L", "M")
    else:
        assert err.expected is None and err.given is None


@pytest.mark.parametrize(
    "text, reason, position, message",
    [
        ("", "empty", None, "请输入居民身份证号码"),
        ("360426910101007", "first_generation", None,
         "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码"),
        ("36042619910101007", "length", None, "居民身份证号码应为18位，实际为17位"),
        ("3604261991010100711", "length", None, "居民身份证号码应为18位，实际为19位"),
        ("3604261991O1010071", "illegal_char", 11,
         "第11位字符“O”不合法：居民身份证号码前17位应为数字"),
        ("36042619910101007A", "illegal_char", 18,
         "第18位字符“A”不合法：居民身份证号码第18位应为数字或X"),
        ("36042619910101X071", "illegal_char", 15,
         "第15位字符“X”不合法：居民身份证号码前17位应为数字"),
        ("360426#99101010071", "illegal_char", 7,
         "第7位字符“#”不合法：居民身份证号码前17位应为数字"),
        ("990426199101010071", "region", 1, "地址码前两位“99”不是有效的省级行政区划代码"),
        ("000000199101010071", "region", 1, "地址码前两位“00”不是有效的省级行政区划代码"),
        ("360426199102300071", "birth_date", 7, "出生日期“19910230”不是有效日期"),
        ("360426199113010071", "birth_date", 7, "出生日期“19911301”不是有效日期"),
        ("360426189912310071", "birth_date", 7, "出生日期“18991231”早于1900年1月1日"),
        ("360426202611220071", "birth_date", 7, "出生日期“20261122”晚于今天"),
        ("360426199101010072", "check", 18, "校验码错误：第18位应为“1”，输入为“2”"),
        ("36042619910101007X", "check", 18, "校验码错误：第18位应为“1”，输入为“X”"),
    ],
)
def test_id_number_errors(text, reason, position, message):
    err = _error(parse_id_number, text, today=TODAY)
    assert (err.reason, err.position, err.message) == (reason, position, message)
    assert str(err) == message
    if reason == "check":
        assert err.expected == "1" and err.given == text[-1]
    else:
        assert err.expected is None and err.given is None


def test_birth_date_today_is_accepted_and_default_today_is_the_current_date():
    born_today = make_id_number("350102", TODAY, 1)
    assert parse_id_number(born_today, today=TODAY).birth_date == TODAY
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    err = _error(parse_id_number, make_id_number("350102", tomorrow, 1))
    assert err.reason == "birth_date"
    assert parse_id_number(make_id_number("350102", datetime.date(1900, 1, 1), 2)).sex == "女"


def test_code_error_pickles_with_its_attributes():
    err = _error(parse_uscc, "91110000600037341M")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.reason, copy.message, copy.position, copy.expected, copy.given) == (
        "check", err.message, 18, "L", "M")


# ---------------------------------------------------------------------------
# parse_code: which kind of code
# ---------------------------------------------------------------------------


def test_parse_code_recognises_both_kinds():
    assert parse_code(USCC_VALID) == ParsedCode("uscc", USCC_VALID, None)
    kind, value, person = parse_code("360426199101010071", today=TODAY)
    assert (kind, value, person.birth_date) == ("id_number", ID_VALID, datetime.date(1991, 1, 1))
    assert parse_code("11010519491231002x", today=TODAY).kind == "id_number"
    # 17 digits and a digit, but 91 is no province: a USCC.
    assert parse_code(USCC_ALL_DIGITS, today=TODAY) == ParsedCode("uscc", USCC_ALL_DIGITS, None)


@pytest.mark.parametrize(
    "text, reason, position, message",
    [
        ("", "empty", None, "请输入统一社会信用代码或居民身份证号码"),
        ("360426910101007", "first_generation", None,
         "15位为第一代身份证号码，已停止使用，请输入18位居民身份证号码；"
         "如为旧营业执照注册号，请改用18位统一社会信用代码"),
        ("91350100MA2Y0XX", "length", None,
         "应输入18位统一社会信用代码或18位居民身份证号码，实际为15位"),
        ("9135010", "length", None, "应输入18位统一社会信用代码或18位居民身份证号码，实际为7位"),
        ("91350100#", "illegal_char", 9, "第9位字符“#”不合法：号码只能由数字和大写英文字母组成"),
        # ID-shaped, plausible as an ID: the ID number's errors.
        ("360426199101010072", "check", 18, "校验码错误：第18位应为“1”，输入为“2”"),
        ("350102199102300071", "birth_date", 7, "出生日期“19910230”不是有效日期"),
        # An ID number with a letter typed for a digit is still treated as one.
        ("3604261991O1010071", "illegal_char", 11,
         "第11位字符“O”不合法：居民身份证号码前17位应为数字"),
        # Shaped like an ID number but a well-formed USCC with a typo (华为).
        ("914403001922038217", "check", 18, "校验码错误：第18位应为“6”，输入为“7”"),
        # Not ID-shaped: the USCC's errors.
        ("91110000600037341M", "check", 18, "校验码错误：第18位应为“L”，输入为“M”"),
        ("91110000I00037341L", "illegal_char", 9,
         "第9位字符“I”不合法：统一社会信用代码不使用 I、O、Z、S、V"),
        # ID-shaped, but neither reading is plausible: the ID number's error.
        ("990426199101010071", "region", 1, "地址码前两位“99”不是有效的省级行政区划代码"),
    ],
)
def test_parse_code_errors(text, reason, position, message):
    err = _error(parse_code, text, today=TODAY)
    assert (err.reason, err.position, err.message) == (reason, position, message)


# ---------------------------------------------------------------------------
# Generators and properties
# ---------------------------------------------------------------------------


@st.composite
def uscc_bodies(draw) -> str:
    """17 characters of a structurally valid USCC."""
    authority = draw(st.sampled_from(sorted(USCC_CATEGORIES)))
    category = draw(st.sampled_from(USCC_CATEGORIES[authority]))
    region = draw(st.text("0123456789", min_size=6, max_size=6))
    subject = draw(st.text(USCC_ALPHABET, min_size=9, max_size=9))
    return authority + category + region + subject


usccs = uscc_bodies().map(make_uscc)

birth_dates = st.dates(datetime.date(1900, 1, 1), TODAY)


@st.composite
def id_numbers(draw, regions=None) -> str:
    if regions is None:
        region = draw(st.sampled_from(PROVINCES)) + draw(st.text("0123456789", min_size=4, max_size=4))
    else:
        region = draw(st.sampled_from(regions))
    return make_id_number(region, draw(birth_dates), draw(st.integers(0, 999)))


@given(uscc_bodies())
def test_make_uscc_agrees_with_stdnum(body):
    code = make_uscc(body)
    assert code[:17] == body
    assert code[17] == uscc.calc_check_digit(body)
    assert parse_uscc(code) == code
    if body[:8].isdigit():  # stdnum only knows departments written as digits
        assert uscc.is_valid(code)


@given(id_numbers())
def test_make_id_number_agrees_with_stdnum(number):
    assert number[17] == ric.calc_check_digit(number)
    person = parse_id_number(number, today=TODAY)
    assert person.number == number
    assert person.region_code == number[:6]
    assert person.birth_date.strftime("%Y%m%d") == number[6:14]
    assert person.sex == ("男" if int(number[16]) % 2 else "女")


@given(id_numbers(regions=STDNUM_TIMELESS_REGIONS))
def test_generated_id_numbers_are_valid_for_stdnum(number):
    assert ric.is_valid(number)
    assert parse_id_number(number, today=TODAY).number == number


def test_make_id_number_fields():
    number = make_id_number("350102", datetime.date(1990, 3, 7), 5)
    assert number[:17] == "35010219900307005"
    assert number == "35010219900307005" + ric.calc_check_digit(number)
    assert make_id_number("360426", datetime.date(1991, 1, 1), 7) == ID_VALID
    assert make_id_number("110105", datetime.date(1949, 12, 31), 2) == ID_VALID_X
    assert make_uscc("91110000600037341") == USCC_VALID


@pytest.mark.parametrize(
    "args",
    [("35010", datetime.date(1990, 1, 1), 1), ("35010a", datetime.date(1990, 1, 1), 1),
     ("３５０１０２", datetime.date(1990, 1, 1), 1), ("350102", datetime.date(1990, 1, 1), 1000),
     ("350102", datetime.date(1990, 1, 1), -1)],
)
def test_make_id_number_rejects_bad_input(args):
    with pytest.raises(ValueError):
        make_id_number(*args)


@pytest.mark.parametrize(
    "body", ["9111000060003734", "91110000600037341L", "9111000060003734I", "9111000060003734l",
             "91110000 60003734", "9111000060003734_", "91110000６00037341"],
)
def test_make_uscc_rejects_bad_input(body):
    with pytest.raises(ValueError):
        make_uscc(body)


DETECTED = {"check", "illegal_char", "region", "birth_date"}
# Replacement characters: the USCC alphabet, the letters it excludes, and junk.
REPLACEMENTS = USCC_ALPHABET + "IOZSV#"


@given(usccs, st.integers(0, 17), st.sampled_from(REPLACEMENTS))
def test_uscc_substitution_is_detected(code, position, replacement):
    assume(code[position] != replacement)
    corrupted = code[:position] + replacement + code[position + 1:]
    err = _error(parse_uscc, corrupted)
    assert err.reason in DETECTED
    if err.reason == "illegal_char":
        # the replaced character, or the 机构类别码 that no longer fits a new department
        assert err.position in (position + 1, 2)
    else:
        assert err.reason == "check"
        assert err.expected == uscc.calc_check_digit(corrupted[:17]) != corrupted[17]


@given(id_numbers(), st.integers(0, 17), st.sampled_from("0123456789XA#"))
def test_id_substitution_is_detected(number, position, replacement):
    assume(number[position] != replacement)
    corrupted = number[:position] + replacement + number[position + 1:]
    err = _error(parse_id_number, corrupted, today=TODAY)
    assert err.reason in DETECTED
    if err.reason == "check":
        assert err.expected == ric.calc_check_digit(corrupted)
        assert err.given == corrupted[17]


@given(id_numbers(), st.integers(0, 16))
def test_id_adjacent_transposition_is_detected(number, position):
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2:]
    if "X" not in swapped[:17]:
        # The check character alone catches it, whatever else is wrong.
        assert ric.calc_check_digit(swapped) != swapped[17]
    err = _error(parse_id_number, swapped, today=TODAY)
    assert err.reason in DETECTED


@given(usccs, st.integers(0, 16))
def test_uscc_adjacent_transposition_is_detected(code, position):
    a, b = code[position], code[position + 1]
    assume(a != b)
    swapped = code[:position] + b + a + code[position + 2:]
    assert uscc.calc_check_digit(swapped[:17]) != swapped[17]
    assert _error(parse_uscc, swapped).reason in DETECTED


@given(usccs)
def test_parse_code_accepts_generated_usccs(code):
    parsed = parse_code(code, today=TODAY)
    assert parsed.value == code
    if parsed.kind == "id_number":  # only when the code is also a valid ID number
        assert parse_id_number(code, today=TODAY).number == code
    else:
        assert parsed == ParsedCode("uscc", code, None)


@given(id_numbers())
def test_parse_code_accepts_generated_id_numbers(number):
    parsed = parse_code(number.lower(), today=TODAY)
    assert parsed.kind == "id_number"
    assert parsed.value == number
    assert parsed.id_number == parse_id_number(number, today=TODAY)


@given(st.text(max_size=30))
@settings(max_examples=300)
def test_parsers_raise_only_code_error(text):
    for func in (parse_uscc, parse_id_number, parse_code):
        try:
            result = func(text, today=TODAY) if func is not parse_uscc else func(text)
        except CodeError as err:
            assert err.reason in DETECTED | {"length", "first_generation", "empty"}
            assert err.message and str(err) == err.message
        else:
            assert result is not None


# ---------------------------------------------------------------------------
# Natural persons: digest, mask, subject id (protocol 4.1)
# ---------------------------------------------------------------------------


def _hmac_sha256_by_hand(key: bytes, message: bytes) -> str:
    """RFC 2104 spelled out, independent of the hmac module."""
    block = 64
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key) + message).digest()
    return hashlib.sha256(bytes(k ^ 0x5C for k in key) + inner).hexdigest()


def test_id_digest_matches_hand_computed_hmac():
    key = b"fuzhou-person-key-2026"
    expected = _hmac_sha256_by_hand(key, b"11010519491231002X")
    assert expected == hmac.new(key, b"11010519491231002X", hashlib.sha256).hexdigest()
    assert id_digest("11010519491231002X", key) == expected
    # lower-case x, spaces and full-width input give the same digest
    assert id_digest("110105 19491231 002x", key) == expected
    assert id_digest("１１０１０５１９４９１２３１００２ｘ", key) == expected
    assert id_digest("11010519491231002X", b"another key") != expected
    assert len(expected) == 64 and expected == expected.lower()


def test_id_digest_long_key():
    key = bytes(range(100))  # longer than the SHA-256 block
    assert id_digest(ID_VALID, key) == _hmac_sha256_by_hand(key, ID_VALID.encode())


def test_person_subject_id():
    digest = id_digest(ID_VALID, b"k")
    assert person_subject_id(digest) == "P-" + digest
    with pytest.raises(ValueError):
        person_subject_id(digest.upper())
    with pytest.raises(ValueError):
        person_subject_id(digest[:-1])


def test_mask_id_number():
    # Issue 10 item 7: the province (first 2) and the last 4 kept; county and birth date hidden.
    assert mask_id_number(ID_VALID) == "36************0071"
    assert mask_id_number("11010519491231002x") == "11************002X"
    assert len(mask_id_number(ID_VALID)) == 18


@pytest.mark.parametrize("bad", ["36042619910101007", "3604261991010100711", "36042619910101007A", ""])
def test_digest_and_mask_reject_non_id_numbers(bad):
    with pytest.raises(ValueError):
        id_digest(bad, b"k")
    with pytest.raises(ValueError):
        mask_id_number(bad)


@given(id_numbers())
def test_mask_format_property(number):
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:2] == number[:2] and masked[-4:] == number[-4:]
    assert masked[2:14] == "*" * 12
