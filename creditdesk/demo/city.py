"""A deterministic synthetic city: 信用福州（演示）, as a protocol change feed.

``DemoCity(subjects, seed, as_of).changes()`` yields the change objects of
platform protocol section 3 (``{"seq", "op": "upsert", "type", "id", "data"}``,
``seq`` = 1, 2, 3 …) that a platform would send a new client from ``after=0``.
The same ``(subjects, seed, as_of)`` gives the same feed byte for byte; subject
``i`` is the same in a city of any size ≥ ``i + 1`` (only the agency a report
names depends on how many agencies the city has). Everything is streamed: a
city of a million subjects is generated in constant memory, at roughly 100,000
change objects per second on one core (``benchmarks/demo_generate.py``).

Randomness: one ``random.Random`` stream per chunk of 256 subjects, seeded from
(seed, chunk), drawn only through ``random()`` (stable across Python versions).
What must be known of one subject without generating the others is not drawn
from it: the kind of subject ``i`` is a hash of (seed, ``i``), and ID numbers
and organisation codes are keyed bijections of ``i`` — so
:meth:`DemoCity.person_id_number` is O(1) and no two subjects share a code.
``as_of`` must lie in 2000 … 2055 and ``subjects`` below ``MAX_SUBJECTS``
(about 1.07 billion).

Order of the feed
-----------------
1. Agencies (备案信用服务机构): ``max(12, subjects // 2000)`` of them.
2. Subjects, index 0, 1, 2 …, each followed by its records and then its
   reports. About 2 % of subjects (those drawn for it among the ones that have
   records) have one of their records emitted *before* their subject: ahead of
   the previous subject's block (protocol 3.1 allows a record to arrive first).
3. No ``policy`` changes: the feed is policy-free; the policy profile is
   published separately.

Subjects (信用主体)
-------------------
- ~70 % ``legal_person``: companies (有限公司 82 %, 有限责任公司 9 %, 股份有限公司
  4 %, 集团有限公司 1 % of companies), and ~8 % of legal persons that are
  not companies: 事业单位 (USCC ``12…``), 社会团体 / 民办非企业单位 (``51…``,
  ``52…``), 农民专业合作社 (``93…``) — legal persons under the Civil Code.
- ~5 % ``unincorporated`` (非法人组织): 分公司 40 %, 合伙企业 30 % (mostly
  有限合伙, 执行事务合伙人 often a company), 个人独资企业 25 %, 律师事务所
  (``31…``) / 会计师事务所 5 %.
- ~15 % ``individual_business``: 个体工商户 named like ``鼓楼区张记小吃店`` (a
  district + 字号 such as 张记 / 老林 / 鑫源 + a shop type), ~6 % unnamed ones as
  ``个体户张三``; USCC ``92…``; ``legal_representative`` is the 经营者.
- ~10 % ``natural_person``: name, ``id_masked``, ``id_digest`` (HMAC-SHA256 with
  :attr:`DemoCity.person_key`), entity id ``P-<digest>``, ``uscc`` null,
  ``region_code`` = the ID number's region (≈ half Fuzhou, the rest Fujian),
  birth dates 1950-01-01 … 2004-12-31. ID numbers are a bijection of the index
  (no two persons share one); ``person_id_number(i)`` rebuilds one alone.
- Company names: 区划 (福州 / 福州市 / 福建 / 福建省 / 福州市鼓楼区 / 闽侯县 …, or
  ``字号（福州）``) + 字号 (2–4 characters out of ~290) + 行业 (63 industries) +
  组织形式; a million organisations' names are almost all distinct. ~10 % of
  companies registered over a year before ``as_of`` (~7 % of organisations)
  and ~3 % of 个体工商户 have 曾用名 (another 字号, industry, prefix or form).
- USCCs are valid (check character by :func:`make_uscc`) and unique:
  registration department + type (91 / 92 / 93 / 12 / 51 / 52 / 31), the
  registering authority's region (the district, or 350100 for ~35 % of
  companies), and an organisation code that is a bijection of the index —
  ``MA2…`` / ``MA3…`` (``MB`` 事业单位, ``MJ`` 社会组织, ``MD`` 律师事务所) for
  those registered since 2015-10, before that an old organisation code
  (8 digits, or ``4…`` / ``5…`` + 7 digits, and its GB 11714 check character).
  Authorities carry stable ``11…`` codes derived from their names.
- ``registered_on`` 1995 … ``as_of``, skewed to recent years; status ~88 %
  active, ~9 % deregistered, ~3 % revoked; natural persons are active.

Records (信用记录), ~3 per subject on average, skewed
--------------------------------------------------
Organisations average ~3.6, 个体工商户 ~1.6, natural persons ~0.06; ~22 % of
all subjects have none (most natural persons, ~12 % of organisations), many
have only licences and tax ratings, and ~1.2 % of organisations are "troubled"
with 8–30 records. Per category:

- ``admin_license``: by industry (食品经营许可证 JY…, 建筑业企业资质证书,
  排污许可证, 道路运输经营许可证, 医疗器械…, 劳务派遣经营许可证 …), authority
  at city or district level; ``publish_until`` = end of validity or null; ~1 %
  revoked.
- ``admin_penalty``: by industry (食品安全法, 广告法, 大气污染防治法, 消防法,
  税收征收管理法 …), 决定书 文号 like ``榕市监罚〔2025〕56号`` / ``鼓市监罚…``,
  fines log-uniform within the article's range (or null for a 警告);
  publicised 1 year (3 years for serious ones), so many are past their period;
  ~10 % repaired, ~1.5 % revoked.
- ``dishonest_judgment_debtor``: 福州市中级人民法院 or a district court, 案号
  ``（2025）闽0102执1234号``, unperformed amount; no end (clause 一) or 2–3 years;
  some removed after performance, a few revoked.
- ``major_tax_violation`` (税务局稽查局, 3 years), ``procurement_violation``
  (财政局, 1–3 year ban), ``serious_dishonesty`` (严重违法失信名单, 拖欠农民工工资,
  安全生产, 统计), ``commitment_breach``, ``honor`` (守合同重信用企业, 红名单,
  诚信经营示范店, 诚信之星), ``credit_rating`` (纳税信用等级 A/B/M/C/D each
  evaluation year, valid one year from publication in April; 海关企业信用等级,
  建筑施工企业信用综合评价, 劳动保障守法诚信等级, 公共信用综合评价) and ``other``
  (双随机抽查结果, 高新技术企业认定 …).
- ``decided_on <= publish_from <= as_of``; ``updated_at`` ISO timestamps with
  ``+08:00`` no later than ``as_of``. Ids ``FZ-<code>-<year>-<serial>`` with
  codes XK CF SX SS CG YZ WY RY PJ QT per category.

Agencies and reports
--------------------
Agencies 0–6 are fixed: 0 provincial (中国人民银行福州中心支行) active, 1 city
(福州市信用办) active, 2 national active, 3 county active, 4 city suspended, 5
provincial revoked, 6 county with an expired filing; the rest ~85 % active.
~3 % of organisations (active ones) have a report ``FZXY-<year>-<serial>``,
``valid_until`` = ``issued_on`` + 1 year (many expired), grades AAA … C, ~5 %
withdrawn.

Showcase
--------
:data:`SHOWCASE_INDICES`: fixed subjects below index 50 that demos, tests and
screenshot tours rely on (present in any city with ``subjects >= 50``):

- ``blacklisted`` 福州顺心贸易有限公司 (曾用名 福州顺心商贸有限公司, pinyin
  ``fzsx``): in-force ``serious_dishonesty`` and ``dishonest_judgment_debtor``
  (plus an in-force penalty and a D tax rating).
- ``clean_trustworthy`` 福州榕信智能科技有限公司: registered 2016, in-force
  honor and 纳税信用 A, nothing adverse, an active AAA report from agency 1
  (city level, active) issued 90 days before ``as_of``.
- ``repaired`` 福州市仓山区鸿福餐饮管理有限公司: one penalty repaired, one past
  its publication period; nothing adverse in force.
- ``penalized`` 福建聚丰建设工程有限公司: exactly one record, an in-force penalty.
- ``person_debtor``: a natural person who is an in-force dishonest judgment
  debtor (:meth:`DemoCity.showcase_id_number` gives the ID number).
- ``person_clean``: a natural person with no record.
- ``individual_business`` 鼓楼区张记小吃店: 个体工商户 with an in-force 食品经营许可证.
- ``expired_report`` 福州永达物流有限公司: its only report expired (status active).
- ``record_before_subject`` 福州海峡电子商务有限公司: its single record (a licence)
  is emitted before the subject.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import random
import string
from datetime import date
from typing import Any, Callable, Iterator

from creditdesk.demo import vocab as V
from creditdesk.identifiers import id_digest, make_id_number, make_uscc, person_subject_id

__all__ = ["DemoCity", "SHOWCASE_INDICES", "CATEGORY_CODES"]

SHOWCASE_INDICES: dict[str, int] = {
    "blacklisted": 3,
    "clean_trustworthy": 7,
    "repaired": 12,
    "penalized": 16,
    "person_debtor": 21,
    "person_clean": 25,
    "individual_business": 30,
    "expired_report": 36,
    "record_before_subject": 42,
}
_SHOWCASE_BY_INDEX = {i: role for role, i in SHOWCASE_INDICES.items()}
_SHOWCASE_NAMES = {
    "blacklisted": "福州顺心贸易有限公司",
    "clean_trustworthy": "福州榕信智能科技有限公司",
    "repaired": "福州市仓山区鸿福餐饮管理有限公司",
    "penalized": "福建聚丰建设工程有限公司",
    "individual_business": "鼓楼区张记小吃店",
    "expired_report": "福州永达物流有限公司",
    "record_before_subject": "福州海峡电子商务有限公司",
}
_RESERVED_NAMES = frozenset(_SHOWCASE_NAMES.values())

CATEGORY_CODES: dict[str, str] = {
    "admin_license": "XK",
    "admin_penalty": "CF",
    "dishonest_judgment_debtor": "SX",
    "major_tax_violation": "SS",
    "procurement_violation": "CG",
    "serious_dishonesty": "YZ",
    "commitment_breach": "WY",
    "honor": "RY",
    "credit_rating": "PJ",
    "other": "QT",
}

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CHUNK = 256  # subjects per random stream
_ORG_BITS = 30  # new-style organisation codes: a bijection of range(2**30)
_OLD_BITS = 26  # old-style (8-digit) organisation codes: of range(2**26)
_OLD7_BITS = 22  # old-style codes of 事业单位 / 社会组织 (4… / 5… + 7 digits)
MAX_SUBJECTS = 2**_ORG_BITS - 2**20  # agencies take the organisation codes above
_MASK64 = 2**64 - 1
_BIRTH_FIRST = date(1950, 1, 1).toordinal()
_BIRTH_DAYS = date(2004, 12, 31).toordinal() - _BIRTH_FIRST + 1
_USCC_SINCE = date(2015, 10, 1).toordinal()
_REG_FIRST = date(1995, 1, 1).toordinal()
# When kinds of record began (no record of a kind is dated before it)
_SINCE_2013_10 = date(2013, 10, 1).toordinal()  # 失信被执行人名单
_SINCE_2015 = date(2015, 1, 1).toordinal()
_SINCE_2016 = date(2016, 1, 1).toordinal()
_SINCE_2019 = date(2019, 1, 1).toordinal()

# --- small helpers ---------------------------------------------------------------


class _Weighted:
    """Weighted choice driven by one ``random()`` draw (stable across Pythons)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        acc = 0.0
        self.cum = []
        for p in pairs:
            acc += p[-1]
            self.cum.append(acc)
        self.total = acc

    def __call__(self, r: Callable[[], float]):
        return self.items[bisect.bisect_right(self.cum, r() * self.total)]

    def at(self, u: float):
        """The item at quantile ``u`` (0 <= u < 1)."""
        return self.items[bisect.bisect_right(self.cum, u * self.total)]


def _pick(seq, r):
    return seq[int(r() * len(seq))]


def _between(lo: int, hi: int, r) -> int:
    """Uniform integer in [lo, hi]."""
    return lo + int(r() * (hi - lo + 1)) if hi > lo else lo


def _gb11714(digits8: str) -> str:
    """Organisation code (GB 11714) check character of 8 digits."""
    total = sum(int(c) * w for c, w in zip(digits8, (3, 7, 9, 10, 5, 8, 4, 2)))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


_PAIRS31 = tuple(a + b for a in _USCC_ALPHABET for b in _USCC_ALPHABET)


def _base31_7(x: int) -> str:
    """7 USCC characters for 0 <= x < 31**7."""
    q, c1 = divmod(x, 961)
    q, c2 = divmod(q, 961)
    q, c3 = divmod(q, 961)
    return _USCC_ALPHABET[q] + _PAIRS31[c3] + _PAIRS31[c2] + _PAIRS31[c1]


class _Feistel:
    """A keyed bijection of ``range(2**bits)`` (``bits`` even): 4 Feistel rounds."""

    __slots__ = ("half", "mask", "keys")

    def __init__(self, bits: int, key: bytes):
        self.half = bits // 2
        self.mask = (1 << self.half) - 1
        self.keys = tuple(int.from_bytes(hashlib.sha256(key + bytes([i])).digest()[:8], "big") for i in range(4))

    def __call__(self, x: int) -> int:
        h, m = self.half, self.mask
        k0, k1, k2, k3 = self.keys
        left, right = x >> h, x & m
        left ^= (((right + k0) * 0x9E3779B97F4A7C15) >> 29) & m
        right ^= (((left + k1) * 0x9E3779B97F4A7C15) >> 29) & m
        left ^= (((right + k2) * 0x9E3779B97F4A7C15) >> 29) & m
        right ^= (((left + k3) * 0x9E3779B97F4A7C15) >> 29) & m
        return (left << h) | right


class _Perm:
    """A keyed bijection of ``range(n)``: a 4-round Feistel network on the
    smallest even number of bits that holds ``n``, with cycle walking."""

    __slots__ = ("n", "half", "mask", "keys")

    def __init__(self, n: int, key: bytes):
        bits = max(2, (n - 1).bit_length())
        bits += bits % 2
        self.n = n
        self.half = bits // 2
        self.mask = (1 << self.half) - 1
        self.keys = tuple(int.from_bytes(hashlib.sha256(key + bytes([i])).digest()[:8], "big") for i in range(4))

    def __call__(self, x: int) -> int:
        if not 0 <= x < self.n:
            raise ValueError(f"{x} is outside 0..{self.n - 1}")
        h, m = self.half, self.mask
        while True:
            left, right = x >> h, x & m
            for k in self.keys:
                left, right = right, left ^ ((((right + k) * 0x9E3779B97F4A7C15) >> 29) & m)
            x = (left << h) | right
            if x < self.n:
                return x


# Calendar tables for the days generation touches (outside: computed on the fly).
_CAL_FIRST_YEAR, _CAL_LAST_YEAR = 1980, 2070
_CAL0 = date(_CAL_FIRST_YEAR, 1, 1).toordinal()
_CAL_ISO: list[str] = []
_CAL_YEAR: list[int] = []
_YEAR_START = {y: date(y, 1, 1).toordinal() for y in range(1800, 2300)}


def _calendar() -> None:
    if not _CAL_ISO:
        for o in range(_CAL0, date(_CAL_LAST_YEAR, 12, 31).toordinal() + 1):
            d = date.fromordinal(o)
            _CAL_ISO.append(d.isoformat())
            _CAL_YEAR.append(d.year)


def _iso(ordinal: int) -> str:
    i = ordinal - _CAL0
    if 0 <= i < len(_CAL_ISO):
        return _CAL_ISO[i]
    return date.fromordinal(ordinal).isoformat()


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _add_years(ordinal: int, years: int) -> int:
    """The same month and day ``years`` later (29 February -> 28 February)."""
    i = ordinal - _CAL0
    y = _CAL_YEAR[i] if 0 <= i < len(_CAL_YEAR) else date.fromordinal(ordinal).year
    doy = ordinal - _YEAR_START[y]  # 0-based; 59 is 29 February in a leap year
    y2 = y + years
    if doy >= 59:
        leap1, leap2 = _leap(y), _leap(y2)
        if leap1 and not leap2:
            if doy > 59:
                doy -= 1
            else:
                doy = 58
        elif leap2 and not leap1:
            doy += 1
    return _YEAR_START[y2] + doy


def _round_amount(x: float) -> int:
    step = 50 if x < 1000 else 100 if x < 10000 else 1000 if x < 1_000_000 else 10000
    return max(step, int(round(x / step)) * step)


def _log_uniform(lo: float, hi: float, r) -> float:
    return math.exp(math.log(lo) + r() * (math.log(hi) - math.log(lo)))


_FORMATTER = string.Formatter()


def _compile(template: str) -> list[tuple[str, str | None]]:
    return [(lit, field) for lit, field, _spec, _conv in _FORMATTER.parse(template)]


# --- the city ----------------------------------------------------------------------

_KIND = _Weighted([("legal_person", 70), ("unincorporated", 5), ("individual_business", 15), ("natural_person", 10)])
_LEGAL_SUB = _Weighted([("company", 92), ("public", 2), ("social", 3), ("coop", 3)])
_UNINC_SUB = _Weighted([("branch", 40), ("partnership", 30), ("sole", 25), ("firm", 5)])
_STATUS = _Weighted([("active", 88), ("deregistered", 9), ("revoked", 3)])
_DISTRICT = _Weighted([(d, d.weight) for d in V.DISTRICTS])
_DISTRICT_BY_CODE = {d.code: d for d in V.DISTRICTS}
_SURNAME = _Weighted(V.SURNAMES)
_INDUSTRY = _Weighted([((name, group), w) for name, group, w in V.INDUSTRIES])
_PREFIX = _Weighted(V.COMPANY_PREFIXES)
_FORM = _Weighted(V.COMPANY_FORMS)
_SHOP = _Weighted([((name, group), w) for name, group, w in V.SHOP_TYPES])
_REPORT_GRADE = _Weighted(V.REPORT_GRADES)
_TAX_GRADE = _Weighted(V.RATING_TAX[2])
_OTHER_RATINGS = [(scheme, auth, _Weighted(grades), group) for scheme, auth, grades, group in V.RATING_OTHERS]
_LICENSE_COUNT = _Weighted([(1, 27), (2, 26), (3, 19), (4, 11), (5, 7), (6, 4), (7, 2), (8, 2), (10, 2)])
_LICENSE_P0 = {"tech": 0.5, "service": 0.55, "media": 0.45, "trade": 0.3, "social": 0.6, "public": 0.4,
               "retail": 0.6, "repair": 1.0, "autorepair": 0.2}
_PENALTY_RATE = {"construction": 0.2, "food": 0.2, "env": 0.22, "logistics": 0.18, "manufacturing": 0.16,
                 "medical": 0.16, "hotel": 0.16, "eatery": 0.09, "grocery": 0.07, "public": 0.03, "social": 0.03}
_PROCUREMENT_GROUPS = frozenset({"construction", "tech", "service", "trade", "labor", "medical", "realestate"})
_COMPILED: dict[str, list] = {}
_PENALTY_TEXTS: dict[str, tuple[str, bool]] = {}


def _penalty_texts(key: str) -> tuple[str, bool]:
    """(content template with {amount} / {gain}, whether it has {gain}) of a penalty."""
    hit = _PENALTY_TEXTS.get(key)
    if hit is None:
        p = V.PENALTIES[key]
        text = f"当事人{p.behaviour}。依据{p.basis}，决定{p.measure}。"
        hit = _PENALTY_TEXTS[key] = (text, "{gain}" in text)
    return hit
_TAX_TEXTS: dict[tuple[int, str], tuple[str, str]] = {}


def _place(s, _y, r):
    d = s.district or V.DISTRICTS[0]
    return d.full + _pick(d.places, r)


def _project(s, _y, r):
    d = s.district or V.DISTRICTS[0]
    return f"{_pick(d.places, r)}{_zihao(r, 2)}{_pick(V.PROJECT_KINDS, r)}"


def _digits(width: int):
    scale = 10**width
    return lambda _s, _y, r: f"{int(r() * scale):0{width}d}"


# Template fields of licence numbers and contents: (subject, year, random) -> text
_TEMPLATE_FIELDS: dict[str, Callable[[Any, int, Any], str]] = {
    **{f"n{w}": _digits(w) for w in range(1, 10)},
    "n": lambda _s, _y, r: str(_between(1, 9999, r)),
    "r": lambda s, _y, _r: s.district.code if s.district is not None else V.CITY_CODE,
    "y": lambda _s, y, _r: str(y),
    "y2": lambda _s, y, _r: str(y)[2:],
    "u": lambda s, _y, _r: s.uscc or "",
    "pv": lambda _s, _y, r: _pick("PUV", r),
    "pv2": lambda _s, _y, r: _pick(("11", "12", "17", "52"), r),
    "d": lambda s, _y, _r: s.district.abbr if s.district is not None else "榕",
    "place": _place,
    "food": lambda _s, _y, r: _pick(V.FOOD_CATEGORIES, r),
    "qual": lambda _s, _y, r: _pick(V.CONSTRUCTION_QUALS, r),
    "project": _project,
    "area": lambda _s, _y, r: str(_between(800, 90000, r)),
    "qty": lambda _s, _y, r: str(_between(200, 60000, r)),
    "acre": lambda _s, _y, r: str(_between(5, 300, r)),
    "industry": lambda s, _y, _r: s.industry or "其他",
    "item": lambda _s, _y, r: _pick(V.PUBLIC_HEALTH_ITEMS, r),
    "product": lambda _s, _y, r: _pick(V.INDUSTRIAL_PRODUCTS, r),
}


def _tpl(template: str):
    """[(literal, field function or None)], or None for a template without fields."""
    try:
        return _COMPILED[template]
    except KeyError:
        pass
    parts = [(lit, None if field is None else _TEMPLATE_FIELDS[field]) for lit, field in _compile(template)]
    c = _COMPILED[template] = None if all(fn is None for _lit, fn in parts) else parts
    return c


class _Subject:
    """One generated subject, and what its records need to know of it."""

    __slots__ = ("index", "role", "kind", "sub", "eid", "name", "uscc", "district", "group", "industry",
                 "reg", "end", "status", "data", "rng", "r", "troubled", "surname")


class _Feed:
    """State of one pass over the feed: serial-number counters."""

    __slots__ = ("counters", "report_counters")

    def __init__(self):
        self.counters: dict[tuple[str, int], int] = {}
        self.report_counters: dict[int, int] = {}

    def record_id(self, category: str, year: int) -> str:
        code = CATEGORY_CODES[category]
        key = (code, year)
        n = self.counters.get(key, 0) + 1
        self.counters[key] = n
        return f"FZ-{code}-{year}-{n:06d}"

    def report_no(self, year: int) -> str:
        n = self.report_counters.get(year, 0) + 1
        self.report_counters[year] = n
        return f"FZXY-{year}-{n:06d}"


class DemoCity:
    """A synthetic 福州 of ``subjects`` credit subjects; see the module docstring."""

    platform_id = "demo-fuzhou"
    platform_name = "信用福州（演示）公共信用信息平台"
    region_code = "350100"

    def __init__(self, subjects: int = 5000, seed: int = 2026, as_of: date = date(2026, 11, 20)):
        if not 0 <= subjects <= MAX_SUBJECTS:
            raise ValueError(f"subjects must be within 0..{MAX_SUBJECTS}")
        self.subjects = subjects
        self.seed = seed
        self.as_of = as_of
        self.epoch = f"demo-{seed}"
        if not 2000 <= as_of.year <= _CAL_LAST_YEAR - 15:
            raise ValueError(f"as_of must be within 2000..{_CAL_LAST_YEAR - 15}")
        self._today = as_of.toordinal()
        _calendar()
        h = hashlib.sha256(f"creditdesk-demo-city/{seed}".encode()).digest()
        self.person_key: bytes = hashlib.sha256(b"creditdesk-demo-city/person-key/" + h).digest()
        self._subject_base = int.from_bytes(h[0:8], "big")
        self._agency_base = int.from_bytes(h[8:16], "big")
        self._kind_salt = int.from_bytes(h[16:24], "big")
        self._perm_new = _Feistel(_ORG_BITS, h + b"/org-new")
        self._perm_old = _Feistel(_OLD_BITS, h + b"/org-old")
        self._perm_old7 = _Feistel(_OLD7_BITS, h + b"/org-old-7")
        # Natural persons: index -> (region, birth day, sequence), a bijection.
        max_w = max(w for _c, w in V.ID_REGIONS)
        k = _BIRTH_DAYS * 1000 // max_w
        self._id_starts = []
        self._id_regions = []
        start = 0
        for code, w in V.ID_REGIONS:
            self._id_starts.append(start)
            self._id_regions.append(code)
            start += w * k
        self._perm_person = _Perm(start, h + b"/person")
        self._authority_cache: dict[tuple, tuple[str, str, str]] = {}
        self._agencies = [self._agency(j) for j in range(max(12, subjects // 2000))]
        self._good_agencies = [
            j for j, (_id, data) in enumerate(self._agencies)
            if data["status"] == "active" and (data["valid_until"] is None or data["valid_until"] >= as_of.isoformat())
        ]
        self.showcase: dict[str, str] = {}
        wanted = {i: role for role, i in SHOWCASE_INDICES.items() if i < subjects}
        if wanted:
            for index, (_early, block) in zip(range(max(wanted) + 1), self._blocks(0, _Feed())):
                if index in wanted:
                    self.showcase[wanted[index]] = block[0]["id"]

    # --- public API -------------------------------------------------------------

    def changes(self) -> Iterator[dict]:
        """The full feed from ``after=0``: agencies, then subjects with their records and reports."""
        seq = 0
        for eid, data in self._agencies:
            seq += 1
            yield {"seq": seq, "op": "upsert", "type": "agency", "id": eid, "data": data}
        # Each block is emitted one subject late, so that an early record can go
        # ahead of the previous subject's block.
        pending: list = []
        for early, block in self._blocks(0, _Feed()):
            if early is not None:
                seq += 1
                early["seq"] = seq
                yield early
            for change in pending:
                seq += 1
                change["seq"] = seq
                yield change
            pending = block
        for change in pending:
            seq += 1
            change["seq"] = seq
            yield change

    def person_id_number(self, index: int) -> str:
        """The full ID number of the natural person at subject ``index`` (ValueError if it is not one)."""
        if not 0 <= index < self.subjects:
            raise IndexError(f"no subject {index} in a city of {self.subjects}")
        if self._kind_of(index) != "natural_person":
            raise ValueError(f"subject {index} is not a natural person")
        return self._id_number(index)

    def showcase_id_number(self, role: str) -> str | None:
        """The ID number of a showcase natural person (``person_debtor``, ``person_clean``), else None."""
        index = SHOWCASE_INDICES[role]
        if index >= self.subjects or self._kind_of(index) != "natural_person":
            return None
        return self._id_number(index)

    @property
    def agency_count(self) -> int:
        return len(self._agencies)

    # --- identity ------------------------------------------------------------------

    def _kind_of(self, index: int) -> str:
        """The subject kind at ``index``, from a hash of (seed, index) alone."""
        role = _SHOWCASE_BY_INDEX.get(index)
        if role is not None:
            return _kind_of_role(role)
        x = (index + self._kind_salt) * 0x9E3779B97F4A7C15 & _MASK64
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9 & _MASK64
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB & _MASK64
        u = ((x ^ (x >> 31)) >> 11) / 9007199254740992.0
        return _KIND.at(u)

    def _id_number(self, index: int) -> str:
        x = self._perm_person(index)
        i = bisect.bisect_right(self._id_starts, x) - 1
        offset = x - self._id_starts[i]
        day, sequence = offset % _BIRTH_DAYS, offset // _BIRTH_DAYS
        return make_id_number(self._id_regions[i], date.fromordinal(_BIRTH_FIRST + day), sequence)

    def _org_code(self, index: int, reg: int, prefix_new: str = "MA", old_first: str | None = None) -> str:
        """9 characters, unique per index: new-style (MA2… / MA3…) for those registered
        since 2015-10, else an old 8-digit organisation code with its check character
        (for indices below 2**26, or 2**22 with ``old_first``; new-style above)."""
        if old_first is None:
            if reg < _USCC_SINCE and index < 1 << _OLD_BITS:
                digits = str(10_000_000 + self._perm_old(index))
                return digits + _gb11714(digits)
        elif reg < _USCC_SINCE and index < 1 << _OLD7_BITS:
            digits = old_first + f"{self._perm_old7(index):07d}"
            return digits + _gb11714(digits)
        return prefix_new + _base31_7(2 * 887503681 + self._perm_new(index))

    def _authority(self, key: str, district, level: str, r) -> tuple[str, str, str]:
        """(name, USCC, 文号 prefix) of an authority at city or district level."""
        city_name, district_tpl, abbr = V.AUTHORITIES[key]
        use_district = district is not None and district_tpl is not None and (
            level == "district" or (level == "any" and r() < 0.5))
        ck = (key, district.code if use_district else None)
        hit = self._authority_cache.get(ck)
        if hit is not None:
            return hit
        if use_district:
            name = district_tpl.format(f=district.full, d=district.name)
            region = district.code
            prefix = district.abbr + abbr
        else:
            name = city_name
            region = "350000" if name.startswith(("福建省", "国家税务总局福建省")) else V.CITY_CODE
            prefix = abbr if abbr.startswith("闽") else "榕" + abbr
        hit = (name, _government_uscc(name, region), prefix)
        self._authority_cache[ck] = hit
        return hit

    def _court(self, district, r) -> tuple[str, str, str]:
        u = r()
        if u < 0.15 or district is None:
            name, code = V.CITY_COURT
            region = V.CITY_CODE
        else:
            d = district if u < 0.85 else _DISTRICT(r)
            name, code, region = d.court, d.court_code, d.code
        ck = ("court", name)
        hit = self._authority_cache.get(ck)
        if hit is None:
            hit = self._authority_cache[ck] = (name, _government_uscc(name, region), code)
        return hit

    # --- agencies ------------------------------------------------------------------

    def _agency(self, j: int) -> tuple[str, dict]:
        rng = random.Random(self._agency_base + j)
        r = rng.random
        today = self._today
        forced = (
            ("provincial", 0, "active", date(2017, 6, 12).toordinal(), False),
            ("city", 0, "active", _add_years(today, -1) - 47, False),
            ("national", 0, "active", _add_years(today, -2) + 33, False),
            ("county", 0, "active", today - 200, False),
            ("city", 0, "suspended", _add_years(today, -2) - 15, False),
            ("provincial", 1, "revoked", _add_years(today, -2) - 80, False),
            ("county", 0, "active", _add_years(today, -3) - 40, True),
        )
        district = _DISTRICT(r)
        if j < len(forced):
            level, which, status, filed, _expired = forced[j]
        else:
            level = _pick(("national", "provincial", "provincial", "city", "city", "city", "county"), r)
            which = int(r() * len(V.AGENCY_FILINGS[level]))
            u = r()
            status = "active" if u < 0.85 else "suspended" if u < 0.93 else "revoked"
            filed = _between(date(2016, 3, 1).toordinal(), today - 30, r)
        authority_tpl, no_tpl, years = V.AGENCY_FILINGS[level][which]
        authority = authority_tpl.format(f=district.full)
        filed_year = _CAL_YEAR[filed - _CAL0]
        filing_no = no_tpl.format(y=filed_year, n=_between(1, 60, r), a=district.abbr,
                                  n6=f"{_between(1, 999999, r):06d}", n9=f"{_between(1, 999999999, r):09d}")
        if years is None:
            valid_until = None
        else:
            valid_until = _add_years(filed, years) - 1
            # Filings are renewed by most agencies that are still in business.
            while valid_until < today and status == "active" and j >= len(forced) and r() < 0.7:
                valid_until = _add_years(valid_until + 1, years) - 1
        regions = V.AGENCY_REGIONS[level]
        region = district.code if regions is None else _pick(regions, r)
        zihao = _zihao(r, 2)
        place = {"national": _pick(("北京", "上海", "深圳", "中诚"), r), "provincial": "福建", "city": "福州",
                 "county": district.full}[level]
        name = f"{place}{zihao}{_pick(V.AGENCY_KINDS, r)}"
        reg = min(filed - _between(30, 2000, r), today)
        uscc = make_uscc("91" + region + self._org_code(2**_ORG_BITS - 1 - j, _USCC_SINCE))
        changed = max(filed, today - _between(0, 400, r))
        data = {
            "name": name,
            "uscc": uscc,
            "filing_no": filing_no,
            "filing_authority": authority,
            "filing_level": level,
            "filed_on": _iso(filed),
            "valid_until": None if valid_until is None else _iso(valid_until),
            "status": status,
            "updated_at": _timestamp(changed, r),
        }
        return uscc, data

    # --- subjects ------------------------------------------------------------------

    def _subject(self, index: int, rng: random.Random) -> _Subject:
        r = rng.random
        s = _Subject()
        s.index, s.rng, s.r = index, rng, r
        s.role = _SHOWCASE_BY_INDEX.get(index)
        s.kind = kind = self._kind_of(index)
        s.troubled = False
        s.surname = None
        today = self._today
        if kind == "natural_person":
            self._make_person(s)
            return s
        district = _DISTRICT(r)
        # Registration: skewed towards recent years.
        span = today - 30 - _REG_FIRST
        reg = today - 30 - int(span * (r() ** 1.7))
        status = _STATUS(r)
        s.status = status
        u_end = r()  # where between registration and today a closed subject closed
        s.district = district
        former: list[str] = []
        if kind == "individual_business":
            s.sub = "shop"
            name, rep, group, surname = _shop_name(district, r)
            s.industry, s.group, s.surname = "", group, surname
            if r() < 0.03:
                alt, _rep, _g, _s = _shop_name(district, r)
                former.append(alt)
            type_code = "92"
            region = district.code
            org = self._org_code(index, max(reg, _USCC_SINCE))
        else:
            rep = _person_name(r, r() < 0.75)
            if kind == "legal_person":
                sub = _LEGAL_SUB(r)
            else:
                sub = _UNINC_SUB(r)
            s.sub = sub
            name, type_code, group, industry, rep, reg, org_kind = self._org_name(sub, district, rep, reg, r)
            s.group, s.industry = group, industry
            if sub == "company" and r() < 0.1 and reg < today - 400:
                former.append(self._former_name(name, district, r))
                if r() < 0.12:
                    former.append(self._former_name(name, district, r))
            region = V.CITY_CODE if (sub == "company" and r() < 0.35) else district.code
            if org_kind == "public":
                org = self._org_code(index, reg, "MB", "4")
            elif org_kind == "social":
                org = self._org_code(index, reg, "MJ", "5")
            elif org_kind == "firm":
                org = self._org_code(index, max(reg, _USCC_SINCE), "MD")
            else:
                org = self._org_code(index, reg)
        s.reg = reg
        if status == "active":
            s.end = today
        else:
            first = min(reg + 365, today - 1)
            s.end = first + int(u_end * (today - first))
        if s.role is not None:
            name, former, reg, district, s.group, rep = self._showcase_org(s, name, former, reg, district, rep)
            s.reg, s.district, region = reg, district, district.code
            s.status, s.end = "active", today
            s.sub = "shop" if kind == "individual_business" else "company"
            type_code = "92" if kind == "individual_business" else "91"
            org = self._org_code(index, reg)
        if name in _RESERVED_NAMES and s.role is None:
            name = _avoid(name)
        s.name = name
        uscc = make_uscc(type_code + region + org)
        s.uscc = s.eid = uscc
        s.troubled = r() < 0.012
        updated = max(reg, today - _between(0, 900, r)) if status == "active" else s.end
        s.data = {
            "kind": kind,
            "name": name,
            "uscc": uscc,
            "former_names": former,
            "legal_representative": rep,
            "region_code": district.code,
            "registered_on": _iso(reg),
            "status": status if s.role is None else "active",
            "id_masked": None,
            "id_digest": None,
            "updated_at": _timestamp(updated, r),
        }
        return s

    def _make_person(self, s: _Subject) -> None:
        r = s.r
        number = self._id_number(s.index)
        male = int(number[16]) % 2 == 1
        if s.role == "person_debtor":
            name = "林志强" if male else "林秀英"
        elif s.role == "person_clean":
            name = "黄建明" if male else "黄丽萍"
        else:
            name = _person_name(r, male)
        digest = id_digest(number, self.person_key)
        s.eid = person_subject_id(digest)
        s.name, s.uscc, s.sub, s.group, s.industry = name, None, "person", "person", ""
        s.district = _DISTRICT_BY_CODE.get(number[:6])
        s.reg = None
        s.status = "active"
        s.end = self._today
        s.troubled = r() < 0.004
        s.data = {
            "kind": "natural_person",
            "name": name,
            "uscc": None,
            "former_names": [],
            "legal_representative": None,
            "region_code": number[:6],
            "registered_on": None,
            "status": "active",
            "id_masked": number[:6] + "********" + number[14:],  # = mask_id_number(number)
            "id_digest": digest,
            "updated_at": _timestamp(self._today - _between(0, 700, r), r),
        }

    def _org_name(self, sub: str, district, rep: str, reg: int, r):
        """(name, USCC type code, group, industry, representative, registered, org-code kind)."""
        if sub == "company":
            industry, group = _INDUSTRY(r)
            form = _FORM(r)
            return _company_name(district, _zihao_len(r), industry, form, r), "91", group, industry, rep, reg, "co"
        if sub == "public":
            reg = min(reg, _between(_REG_FIRST, date(2012, 12, 31).toordinal(), r)) if r() < 0.8 else reg
            tpl = _pick(V.PUBLIC_INSTITUTIONS, r)
            name = tpl.format(f=district.full, p=_pick(district.places, r), z=_zihao(r, 2))
            return name, "12", "public", "", rep, reg, "public"
        if sub == "social":
            tpl = _pick(V.SOCIAL_ORGS, r)
            industry, _g = _INDUSTRY(r)
            name = tpl.format(f=district.full, p=_pick(district.places, r), i=industry, z=_zihao(r, 2),
                              q=_pick(V.HOMETOWNS, r))
            type_code = "51" if ("会" in name[-3:]) else "52"
            return name, type_code, "social", industry, rep, reg, "social"
        if sub == "coop":
            product = _pick(V.COOP_PRODUCTS, r)
            name = f"{district.full}{_pick(district.places, r)}{_zihao(r, 2)}{product}专业合作社"
            return name, "93", "coop", product, rep, max(reg, date(2008, 1, 1).toordinal()), "co"
        if sub == "branch":
            industry, group = _INDUSTRY(r)
            parent_prefix = _pick(V.BRANCH_PARENT_PREFIXES, r)
            parent = parent_prefix + _zihao(r, _zihao_len(r)) + industry + (
                "股份有限公司" if r() < 0.15 else "有限公司")
            u = r()
            if parent_prefix.startswith("福"):  # a local parent: the branch is named by district
                u = 0.5 + u / 2
            loc = "福州" if u < 0.4 else district.name[:-1] if u < 0.8 else "福州" + district.name[:-1]
            if loc == "平潭":
                loc = "平潭综合实验区"
            return f"{parent}{loc}分公司", "91", group, industry, rep, reg, "co"
        if sub == "partnership":
            trade = _pick(V.PARTNERSHIP_TRADES, r)
            prefix = _pick(("福州", "福州", "福建", "平潭", district.full), r)
            limited = r() < 0.88
            name = f"{prefix}{_zihao(r, _zihao_len(r))}{trade}合伙企业（{'有限合伙' if limited else '普通合伙'}）"
            if limited and r() < 0.5:
                manager = f"福州{_zihao(r, 2)}投资管理有限公司"
                rep = f"{manager}（委派代表：{_person_name(r, r() < 0.7)}）"
            return name, "91", "service", trade, rep, reg, "co"
        if sub == "sole":
            industry, group = _INDUSTRY(r)
            name = f"{district.full}{_zihao(r, 2)}{industry}{_pick(('商行', '经营部', '工作室', '服务部'), r)}"
            return name, "91", group, industry, rep, reg, "co"
        # firm: 律师事务所 / 会计师事务所
        if r() < 0.6:
            return f"福建{_zihao(r, 2)}律师事务所", "31", "service", "法律服务", rep, reg, "firm"
        name = f"福建{_zihao(r, 2)}会计师事务所（{_pick(('普通合伙', '特殊普通合伙'), r)}）"
        return name, "91", "service", "会计服务", rep, reg, "co"

    def _former_name(self, name: str, district, r) -> str:
        u = r()
        if u < 0.3:
            for a, b in (("有限责任公司", "有限公司"), ("福建", "福州"), ("福州市", "福州"), ("股份有限公司", "有限公司")):
                if a in name:
                    return name.replace(a, b, 1)
            return name.replace("有限公司", "有限责任公司", 1)
        industry, _group = _INDUSTRY(r)
        return _company_name(district, _zihao_len(r), industry, _FORM(r) if u < 0.6 else "有限公司", r)

    def _showcase_org(self, s: _Subject, name, former, reg, district, rep):
        role = s.role
        r = s.r
        by_code = _DISTRICT_BY_CODE
        name = _SHOWCASE_NAMES[role]
        if role == "blacklisted":
            return name, ["福州顺心商贸有限公司"], date(2013, 5, 17).toordinal(), by_code["350104"], "trade", rep
        if role == "clean_trustworthy":
            return name, [], date(2016, 8, 9).toordinal(), by_code["350102"], "tech", rep
        if role == "repaired":
            return name, [], date(2014, 3, 21).toordinal(), by_code["350104"], "food", rep
        if role == "penalized":
            return name, [], date(2018, 11, 2).toordinal(), by_code["350111"], "construction", rep
        if role == "individual_business":
            operator = "张" + _given_name(r, r() < 0.6)
            return name, [], date(2019, 4, 15).toordinal(), by_code["350102"], "eatery", operator
        if role == "expired_report":
            return name, [], date(2012, 9, 28).toordinal(), by_code["350105"], "logistics", rep
        if role == "record_before_subject":
            return name, [], date(2020, 6, 30).toordinal(), by_code["350103"], "tech", rep
        raise AssertionError(role)

    # --- one subject's block -------------------------------------------------------

    def _blocks(self, start: int, feed: _Feed):
        """(early change or None, [changes]) of each subject from ``start`` on.

        One random stream per chunk of 256 subjects (seeded from the seed and
        the chunk number): ``start`` must begin a chunk."""
        assert start % _CHUNK == 0
        rng = None
        for index in range(start, self.subjects):
            if index % _CHUNK == 0:
                rng = random.Random(self._subject_base + index // _CHUNK)
            yield self._block(index, feed, rng)

    def _block(self, index: int, feed: _Feed, rng: random.Random):
        """(early change or None, [changes]) of subject ``index``."""
        s = self._subject(index, rng)
        if s.role is not None:
            records, reports, early = self._showcase_records(s, feed)
        else:
            records = self._records(s, feed)
            reports = self._reports(s, feed) if s.kind in ("legal_person", "unincorporated") else []
            early = None
            if records and s.r() < 0.028:
                early = int(s.r() * len(records))
        block = [{"seq": 0, "op": "upsert", "type": "subject", "id": s.eid, "data": s.data}]
        early_change = None
        if early is not None:
            early_change = records.pop(early)
        block += records
        block += reports
        return early_change, block

    def _records(self, s: _Subject, feed: _Feed) -> list[dict]:
        r = s.r
        out: list[dict] = []
        kind = s.kind
        group = s.group
        if kind == "natural_person":
            u = r()
            if u < 0.025 or s.troubled:
                for _ in range(1 + (int(r() * 3) if r() < 0.3 else 0) + (3 if s.troubled else 0)):
                    out.append(self._debtor(s, feed))
            if r() < 0.006:
                out.append(self._person_penalty(s, feed))
            if r() < 0.003:
                out.append(self._honor(s, feed, "person"))
            if r() < 0.001:
                out.append(self._serious(s, feed, 1))
            return out
        org = kind != "individual_business"
        # licences
        if r() >= _LICENSE_P0.get(group, 0.2):
            choices = V.LICENSES_BY_GROUP.get(group, ())
            if choices:
                n = _LICENSE_COUNT(r) if org else (1 if r() < 0.6 else 2)
                for _ in range(n):
                    out.append(self._license(s, feed, _pick(choices, r)))
        # ratings
        if s.sub in ("company", "branch", "sole", "partnership", "coop") or (not org and r() < 0.25):
            if r() < (0.7 if org else 0.8) and s.end - s.reg > 500:
                out.extend(self._tax_ratings(s, feed))
        if org:
            for scheme in _OTHER_RATINGS:
                g = scheme[3]
                if (g == group and r() < 0.3) or (g == "any" and r() < 0.04):
                    out.append(self._rating(s, feed, scheme))
        # penalties
        rate = _PENALTY_RATE.get(group, 0.11 if org else 0.05)
        if r() < rate:
            n = 1
            while r() < 0.35 and n < 8:
                n += 1
            for _ in range(n):
                out.append(self._penalty(s, feed))
        if org:
            if r() < 0.035:
                out.append(self._honor(s, feed, "org"))
            if r() < 0.007:
                out.append(self._commitment(s, feed))
            if r() < 0.015:
                for _ in range(1 + (1 if r() < 0.3 else 0)):
                    out.append(self._debtor(s, feed))
            if r() < 0.0025:
                out.append(self._tax_violation(s, feed))
            if r() < (0.006 if group in _PROCUREMENT_GROUPS else 0.0015):
                out.append(self._procurement(s, feed))
            if r() < 0.004:
                out.append(self._serious(s, feed, None))
            if r() < 0.08:
                for _ in range(1 + (1 if r() < 0.25 else 0)):
                    out.append(self._other(s, feed))
        else:
            if r() < 0.012:
                out.append(self._honor(s, feed, "shop"))
            if r() < 0.008:
                out.append(self._debtor(s, feed))
            if r() < 0.004:
                out.append(self._commitment(s, feed))
        if s.troubled:
            for _ in range(_between(6, 18, r)):
                out.append(self._penalty(s, feed))
            for _ in range(_between(1, 4, r)):
                out.append(self._debtor(s, feed))
            if r() < 0.5:
                out.append(self._serious(s, feed, None))
            if org and r() < 0.3:
                out.append(self._tax_violation(s, feed))
        return out

    def _reports(self, s: _Subject, feed: _Feed) -> list[dict]:
        r = s.r
        if s.status != "active" or r() >= 0.035:
            return []
        out = [self._report(s, feed, None, None)]
        if r() < 0.1:
            out.append(self._report(s, feed, None, None))
        return out

    # --- dates --------------------------------------------------------------------

    def _decided(self, s: _Subject, r, years_back: int = 10, earliest: int = 0) -> int:
        """A decision date in the last ``years_back`` years of the subject's life
        (not before ``earliest``, when the kind of record began), skewed to recent."""
        hi = s.end
        lo = max(hi - 365 * years_back, earliest)
        if s.reg is not None:
            lo = max(lo, s.reg + 20)
        if hi <= lo:
            return min(lo, self._today)
        return lo + int((hi - lo) * (r() ** 0.7))

    # --- record builders --------------------------------------------------------------

    def _record(self, s: _Subject, feed: _Feed, category: str, title: str, doc_no, authority: tuple,
                decided: int, publish_from: int, publish_until, status: str, basis, content, amount,
                grade=None, scheme=None, changed: int | None = None) -> dict:
        r = s.r
        today = self._today
        if publish_from > today:
            publish_from = today
        if decided > publish_from:
            decided = publish_from
        if changed is None:
            changed = publish_from
        iso = _CAL_ISO  # as_of is checked in __init__: every day here is in the table
        rid = feed.record_id(category, _CAL_YEAR[decided - _CAL0])
        return {"seq": 0, "op": "upsert", "type": "record", "id": rid, "data": {
            "subject_id": s.eid,
            "category": category,
            "title": title,
            "doc_no": doc_no,
            "authority": authority[0],
            "authority_code": authority[1],
            "decided_on": iso[decided - _CAL0],
            "publish_from": iso[publish_from - _CAL0],
            "publish_until": None if publish_until is None else iso[publish_until - _CAL0],
            "status": status,
            "basis": basis,
            "content": content,
            "amount": amount,
            "grade": grade,
            "rating_scheme": scheme,
            "updated_at": (iso[(changed if changed < today else today) - _CAL0]
                           + _HOURS_MINUTES[int(r() * 780)] + _SECONDS[int(r() * 60)]),
        }}

    def _fill(self, template: str, s: _Subject, year: int, r) -> str:
        compiled = _tpl(template)
        if compiled is None:
            return template
        return "".join([lit if fn is None else lit + fn(s, year, r) for lit, fn in compiled])

    def _license(self, s: _Subject, feed: _Feed, key: str, decided: int | None = None, in_force: bool = False):
        r = s.r
        lic = V.LICENSES[key]
        if decided is None:
            decided = self._decided(s, r, 12)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(lic.authority, s.district, lic.level, r)
        if lic.doc == "wh":
            doc_no = f"{auth[2]}许〔{year}〕{_between(1, 3000, r)}号"
        else:
            doc_no = self._fill(lic.doc, s, year, r)
        until = None if lic.years is None else _add_years(decided, lic.years) - 1
        status = "revoked" if (r() < 0.01 and not in_force) else "active"
        publish_from = decided + _between(0, 5, r)
        return self._record(s, feed, "admin_license", lic.title, doc_no, auth, decided, publish_from, until,
                            status, lic.basis, self._fill(lic.content, s, year, r), None,
                            changed=publish_from + (_between(30, 300, r) if status == "revoked" else 0))

    def _penalty(self, s: _Subject, feed: _Feed, key: str | None = None, decided: int | None = None,
                 status: str | None = None):
        r = s.r
        if key is None:
            keys = V.PENALTIES_BY_GROUP.get(s.group) or V.GENERIC_PENALTIES
            key = _pick(keys if r() < 0.75 else V.GENERIC_PENALTIES, r)
        p = V.PENALTIES[key]
        if decided is None:
            decided = self._decided(s, r, 8)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(p.authority, s.district, p.level, r)
        doc_no = f"{auth[2]}罚〔{year}〕{_between(1, 2000 if auth[2][0] == '榕' else 600, r)}号"
        content_tpl, has_gain = _penalty_texts(key)
        if p.lo == 0:
            amount = None
            content = content_tpl
        else:
            amount = _round_amount(_log_uniform(p.lo, p.hi, r))
            if has_gain:
                content = content_tpl.format(amount=amount, gain=_round_amount(_log_uniform(200, max(500, amount), r)))
            else:
                content = content_tpl.format(amount=amount)
        serious = p.serious and (amount or 0) >= 50000
        publish_from = decided + _between(1, 7, r)
        until = _add_years(publish_from, 3 if serious else 1) - 1
        changed = publish_from
        if status is None:
            u = r()
            min_end = publish_from + (365 if serious else 92)
            if u < 0.10 and min_end < self._today:
                status = "repaired"
                changed = _between(min_end, min(until, self._today), r)
            elif u < 0.115:
                status = "revoked"
                changed = _between(publish_from, self._today, r)
            else:
                status = "active"
        elif status == "repaired":
            changed = min(self._today, publish_from + (365 if serious else 92) + _between(0, 60, r))
        return self._record(s, feed, "admin_penalty", p.behaviour, doc_no, auth, decided, publish_from, until,
                            status, p.basis, content, amount, changed=changed)

    def _person_penalty(self, s: _Subject, feed: _Feed):
        r = s.r
        behaviour, key, basis, measure, lo, hi = _pick(V.PERSON_PENALTIES, r)
        decided = self._decided(s, r, 6)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(key, s.district, "district", r)
        amount = _round_amount(_log_uniform(lo, hi, r))
        doc_no = f"{auth[2]}罚〔{year}〕{_between(1, 900, r)}号"
        publish_from = decided + _between(1, 7, r)
        until = _add_years(publish_from, 1) - 1
        content = f"当事人{behaviour}。依据{basis}，决定{measure.format(amount=amount)}。"
        return self._record(s, feed, "admin_penalty", behaviour, doc_no, auth, decided, publish_from, until,
                            "active", basis, content, amount)

    def _debtor(self, s: _Subject, feed: _Feed, decided: int | None = None, clause: int | None = None,
                in_force: bool = False):
        r = s.r
        if decided is None:
            decided = self._decided(s, r, 9, _SINCE_2013_10)
        year = _CAL_YEAR[decided - _CAL0]
        name, code, case_prefix = self._court(s.district, r)
        auth = (name, code)
        if clause is None:
            clause = 0 if r() < 0.7 else 1 + int(r() * 5)
        roman, case = V.DEBTOR_CASES[clause]
        doc_no = f"（{year}）{case_prefix}执{'恢' if r() < 0.08 else ''}{_between(1, 9999 if len(case_prefix) > 3 else 3000, r)}号"
        hi = 5_000_000 if s.kind != "natural_person" else 800_000
        amount = _round_amount(_log_uniform(5000, hi, r))
        creditor = _person_name(r, r() < 0.6) if r() < 0.4 else f"福州{_zihao(r, 2)}{_INDUSTRY(r)[0]}有限公司"
        origin_year = max(2008, year - _between(0, 2, r))
        content = (f"执行依据：{name}（{origin_year}）{case_prefix}民初{_between(1, 12000, r)}号民事判决书；"
                   f"生效法律文书确定的义务：向申请执行人{creditor}支付{_pick(V.DEBT_KINDS, r)}{amount}元及利息；"
                   f"被执行人的履行情况：{'全部未履行' if r() < 0.8 else '部分未履行'}；失信被执行人行为具体情形：{case}")
        basis = f"《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第{roman}项"
        until = None if clause == 0 else _add_years(decided, 2 if r() < 0.8 else 3)
        status = "active"
        changed = decided
        if not in_force:
            u = r()
            if u < 0.25 and decided < self._today - 60:
                # performed: removed from the list
                until = _between(decided + 30, self._today - 1, r)
                changed = until
            elif u < 0.29:
                status = "revoked"
                changed = _between(decided, self._today, r)
        return self._record(s, feed, "dishonest_judgment_debtor", "失信被执行人", doc_no, auth, decided, decided,
                            until, status, basis, content, amount, changed=changed)

    def _tax_violation(self, s: _Subject, feed: _Feed):
        r = s.r
        decided = self._decided(s, r, 6, _SINCE_2016)
        year = _CAL_YEAR[decided - _CAL0]
        key = _pick(("sw_jc", "sw_jc", "sw_jc2", "sw_jc3"), r)
        auth = self._authority(key, None, "city", r)
        problem_i = int(r() * len(V.TAX_VIOLATIONS))
        tax = round(_log_uniform(300_000, 20_000_000, r), 2)
        problem = V.TAX_VIOLATIONS[problem_i].format(n=_between(12, 900, r), x=f"{tax:.2f}")
        y1 = max(2010, year - _between(1, 3, r))
        fine = round(tax * _pick((0.5, 1.0, 1.5, 2.0), r), 2)
        content = (f"经{auth[0]}检查，发现其在{y1}年01月01日至{year - 1}年12月31日期间，主要存在以下问题：{problem}。"
                   f"依照《中华人民共和国税收征收管理法》等相关法律法规的有关规定，对其处以追缴税款{tax:.2f}元的行政处理、"
                   f"处以罚款{fine:.2f}元的行政处罚。")
        clause = ("（五）", "（一）", "（三）", "（五）")[problem_i]
        basis = f"《重大税收违法失信主体信息公布管理办法》第六条第一款第{clause}项"
        publish_from = decided + _between(20, 60, r)
        until = _add_years(publish_from, 3) - 1
        status, changed = "active", publish_from
        if r() < 0.1 and publish_from + 365 < self._today:
            status, changed = "repaired", _between(publish_from + 365, self._today, r)
        doc_no = f"{auth[2]}罚〔{year}〕{_between(1, 300, r)}号"
        return self._record(s, feed, "major_tax_violation", "重大税收违法失信主体", doc_no, auth, decided, publish_from,
                            until, status, basis, content, tax, changed=changed)

    def _procurement(self, s: _Subject, feed: _Feed):
        r = s.r
        decided = self._decided(s, r, 6, _SINCE_2015)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority("cz", s.district, "any", r)
        basis, behaviour = _pick(V.PROCUREMENT_VIOLATIONS, r)
        years = _between(1, 3, r)
        budget = _round_amount(_log_uniform(200_000, 30_000_000, r))
        fine = _round_amount(budget * 0.005)
        region = s.district.code if s.district is not None else V.CITY_CODE
        project = _pick(V.PROCUREMENT_PROJECTS, r)
        content = (f"在{project}项目（项目编号：[{region}]FZCG[GK]{year}{_between(1, 999, r):03d}）中{behaviour}。"
                   f"依据{basis}，处以采购金额千分之五的罚款{fine}元，列入不良行为记录名单，在{years}年内禁止参加政府采购活动。")
        doc_no = f"{auth[2]}采处〔{year}〕{_between(1, 120, r)}号"
        publish_from = decided + _between(1, 10, r)
        return self._record(s, feed, "procurement_violation", "政府采购严重违法失信行为记录", doc_no, auth, decided,
                            publish_from, _add_years(decided, years) - 1, "active", basis, content, fine)

    def _serious(self, s: _Subject, feed: _Feed, which: int | None, decided: int | None = None,
                 in_force: bool = False):
        r = s.r
        if which is None:
            which = _pick((0, 0, 1, 1, 2, 3), r)
        title, key, basis, content_tpl, years = V.SERIOUS_LISTS[which]
        if decided is None:
            decided = self._decided(s, r, 7, _SINCE_2016)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(key, s.district, "city", r)
        content = content_tpl.format(n=_between(1, 3, r) if which == 2 else _between(5, 120, r),
                                     x=_round_amount(_log_uniform(100_000, 8_000_000, r)))
        amount = None
        doc_no = f"{auth[2]}失信〔{year}〕{_between(1, 200, r)}号"
        publish_from = decided + _between(1, 10, r)
        until = None if years is None else _add_years(publish_from, years) - 1
        status, changed = "active", publish_from
        if not in_force and r() < 0.15 and publish_from + 365 < self._today:
            status, changed = "repaired", _between(publish_from + 365, self._today, r)
        return self._record(s, feed, "serious_dishonesty", title, doc_no, auth, decided, publish_from, until,
                            status, basis, content, amount, changed=changed)

    def _commitment(self, s: _Subject, feed: _Feed):
        r = s.r
        key, matter, facts = _pick(V.COMMITMENT_BREACHES, r)
        decided = self._decided(s, r, 5, _SINCE_2019)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(key, s.district, "any", r)
        publish_from = decided + _between(1, 7, r)
        until = _add_years(publish_from, 1) - 1
        status, changed = "active", publish_from
        if r() < 0.2 and publish_from + 92 < self._today:
            status, changed = "repaired", _between(publish_from + 92, min(until, self._today), r)
        content = f"{facts}，依法撤销相关决定并记入信用记录。"
        doc_no = f"{auth[2]}承诺〔{year}〕{_between(1, 400, r)}号"
        return self._record(s, feed, "commitment_breach", f"信用承诺违约：{matter}", doc_no, auth, decided,
                            publish_from, until, status, V.COMMITMENT_BASIS, content, None, changed=changed)

    def _honor(self, s: _Subject, feed: _Feed, who: str, which: int | None = None, decided: int | None = None):
        r = s.r
        options = [h for h in V.HONORS if h[4] == who]
        title_tpl, key, basis, years, _who = options[which if which is not None else int(r() * len(options))]
        if decided is None:
            decided = self._decided(s, r, 6)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(key, s.district, "city", r)
        title = title_tpl.format(y=year - 1)
        doc_no = f"{auth[2]}〔{year}〕{_between(1, 150, r)}号"
        publish_from = decided + _between(0, 5, r)
        until = _add_years(decided, years) - 1
        status = "revoked" if (which is None and r() < 0.03) else "active"
        return self._record(s, feed, "honor", title, doc_no, auth, decided, publish_from, until, status, basis,
                            f"经申报、审核和公示，认定为{title}。", None,
                            changed=publish_from + (_between(30, 200, r) if status == "revoked" else 0))

    def _tax_ratings(self, s: _Subject, feed: _Feed, grades: tuple[str, ...] | None = None):
        r = s.r
        today_d = self.as_of
        latest = today_d.year - 1 if date(today_d.year, 4, 30).toordinal() <= self._today else today_d.year - 2
        first_possible = _CAL_YEAR[s.reg - _CAL0]
        end_year = _CAL_YEAR[s.end - _CAL0]
        years = [y for y in range(latest - 3, latest + 1) if first_possible <= y < end_year]
        if not years:
            return []
        if grades is None:
            n = _between(1, min(3, len(years)), r)
            years = years[-n:]
            base = _TAX_GRADE(r)
            grades = tuple(base if r() < 0.7 else _TAX_GRADE(r) for _ in years)
        else:
            years = years[-len(grades):]
        scheme, key, _w = V.RATING_TAX
        out = []
        auth = self._authority(key, s.district, "district", r)
        for y, g in zip(years, grades):
            texts = _TAX_TEXTS.get((y, g))
            if texts is None:
                texts = _TAX_TEXTS[y, g] = (f"{y}年度纳税信用{g}级", f"评价年度：{y}年；评价结果：{g}级")
            # published in April of the next year, valid one year
            published = _YEAR_START[y + 1] + 90 + _leap(y + 1) + int(r() * 29)
            out.append(self._record(s, feed, "credit_rating", texts[0], None, auth, published, published,
                                    _add_years(published, 1) - 1, "active", "《纳税信用管理办法》", texts[1],
                                    None, grade=g, scheme=scheme))
        return out

    def _rating(self, s: _Subject, feed: _Feed, scheme_t):
        r = s.r
        scheme, key, grades, _group = scheme_t
        grade = grades(r)
        decided = self._decided(s, r, 4, _SINCE_2015)
        auth = self._authority(key, s.district, "city", r)
        until = _add_years(decided, 1) - 1
        suffix = "" if len(grade) > 2 else "级"
        return self._record(s, feed, "credit_rating", f"{scheme}：{grade}{suffix}", None, auth, decided, decided,
                            until, "active", None, f"评价结果：{grade}{suffix}", None, grade=grade, scheme=scheme)

    def _other(self, s: _Subject, feed: _Feed):
        r = s.r
        title, key, basis, content_tpl, years = _pick(V.OTHERS, r)
        decided = self._decided(s, r, 6, _SINCE_2016)
        year = _CAL_YEAR[decided - _CAL0]
        auth = self._authority(key, s.district, "city", r)
        until = None if years is None else _add_years(decided, years) - 1
        content = content_tpl.format(y=year, n5=f"{_between(0, 99999, r):05d}", n7=f"{_between(0, 9999999, r):07d}")
        return self._record(s, feed, "other", title, None, auth, decided, decided, until, "active", basis, content, None)

    def _report(self, s: _Subject, feed: _Feed, agency: int | None, issued: int | None,
                status: str | None = None, grade: str | None = None):
        r = s.r
        today = self._today
        if agency is None:
            pool = self._good_agencies if (r() < 0.85 and self._good_agencies) else range(len(self._agencies))
            agency = pool[int(r() * len(pool))]
        agency_id, agency_data = self._agencies[agency]
        filed = date.fromisoformat(agency_data["filed_on"]).toordinal()
        if issued is None:
            issued = today - int(900 * r())
            issued = min(today, max(issued, filed + 30, s.reg + 180))
        valid_until = _add_years(issued, 1)
        publicized = min(today, issued + _between(1, 14, r))
        if status is None:
            status = "withdrawn" if r() < 0.05 else "active"
        if grade is None:
            grade = _REPORT_GRADE(r)
        no = feed.report_no(_CAL_YEAR[issued - _CAL0])
        changed = publicized if status == "active" else _between(publicized, today, r)
        return {"seq": 0, "op": "upsert", "type": "report", "id": no, "data": {
            "report_no": no,
            "subject_id": s.eid,
            "agency_id": agency_id,
            "issued_on": _iso(issued),
            "valid_until": _iso(valid_until),
            "grade": grade,
            "publicized_on": _iso(publicized),
            "status": status,
            "updated_at": _timestamp(changed, r),
        }}

    # --- showcase records -----------------------------------------------------------

    def _showcase_records(self, s: _Subject, feed: _Feed):
        role = s.role
        today = self._today
        records: list[dict] = []
        reports: list[dict] = []
        early = None
        if role == "blacklisted":
            records.append(self._license(s, feed, "food_biz", decided=today - 1500, in_force=True))
            records.append(self._serious(s, feed, 0, decided=today - 120, in_force=True))
            records.append(self._debtor(s, feed, decided=today - 400, clause=0, in_force=True))
            records.append(self._penalty(s, feed, "ad_superlative", decided=today - 200, status="active"))
            records.extend(self._tax_ratings(s, feed, ("C", "D")))
        elif role == "clean_trustworthy":
            records.append(self._license(s, feed, "icp", decided=today - 700, in_force=True))
            records.append(self._honor(s, feed, "org", which=0, decided=today - 150))
            records.extend(self._tax_ratings(s, feed, ("A", "A", "A")))
            records.append(self._other(s, feed))
            reports.append(self._report(s, feed, 1, today - 90, status="active", grade="AAA"))
        elif role == "repaired":
            records.append(self._license(s, feed, "food_service", decided=today - 800, in_force=True))
            records.append(self._penalty(s, feed, "food_expired", decided=today - 500, status="repaired"))
            records.append(self._penalty(s, feed, "fire_exit", decided=today - 1100, status="active"))
            records.extend(self._tax_ratings(s, feed, ("B",)))
        elif role == "penalized":
            records.append(self._penalty(s, feed, "dust", decided=today - 60, status="active"))
        elif role == "person_debtor":
            records.append(self._debtor(s, feed, decided=today - 300, clause=0, in_force=True))
        elif role == "person_clean":
            pass
        elif role == "individual_business":
            records.append(self._license(s, feed, "food_service", decided=today - 600, in_force=True))
        elif role == "expired_report":
            records.append(self._license(s, feed, "road_transport", decided=today - 900, in_force=True))
            reports.append(self._report(s, feed, 0, today - 500, status="active", grade="A"))
        elif role == "record_before_subject":
            records.append(self._license(s, feed, "icp", decided=today - 400, in_force=True))
            early = 0
        return records, reports, early


# --- names ------------------------------------------------------------------------


def _kind_of_role(role: str) -> str:
    if role.startswith("person_"):
        return "natural_person"
    return "individual_business" if role == "individual_business" else "legal_person"


def _zihao_len(r) -> int:
    u = r()
    return 2 if u < 0.6 else 3 if u < 0.95 else 4


def _zihao(r, n: int) -> str:
    chars = V.ZIHAO_CHARS
    k = len(chars)
    return "".join(chars[int(r() * k)] for _ in range(n))


def _given_name(r, male: bool) -> str:
    pool = V.GIVEN_MALE if male else V.GIVEN_FEMALE
    if r() < 0.22:
        return _pick(pool, r)
    first = _pick(V.GIVEN_NEUTRAL, r) if r() < 0.3 else _pick(pool, r)
    return first + _pick(pool, r)


def _person_name(r, male: bool) -> str:
    return _SURNAME(r) + _given_name(r, male)


def _company_name(district, zlen: int, industry: str, form: str, r) -> str:
    prefix = _PREFIX(r)
    z = _zihao(r, zlen)
    if prefix == "{f}":
        return f"{district.full}{z}{industry}{form}"
    if prefix == "{z}（福州）":
        return f"{z}（福州）{industry}{form}"
    return f"{prefix}{z}{industry}{form}"


def _shop_name(district, r):
    """(name, operator, licence group, operator's surname) of a 个体工商户."""
    male = r() < 0.55
    surname = _SURNAME(r)
    operator = surname + _given_name(r, male)
    shop, group = _SHOP(r)
    if r() < 0.06:
        return f"个体户{operator}", operator, group, surname
    u = r()
    if u < 0.25:
        z = surname[-1] + "记"
    elif u < 0.35:
        z = "老" + surname[-1]
    elif u < 0.40:
        z = "阿" + operator[-1]
    elif u < 0.50:
        z = _pick(district.places, r)
    else:
        z = _zihao(r, 2 if r() < 0.8 else 3)
    if u < 0.40 and r() < 0.6:
        z = _pick(district.places, r) + z  # 仓山区金山林记小吃店
    place = district.name if r() < 0.6 else district.full
    if place == "平潭县":
        place = "平潭综合实验区"
    return f"{place}{z}{shop}", operator, group, surname


def _avoid(name: str) -> str:
    """A random name that happens to equal a showcase name gets a variant."""
    if name.endswith("有限公司"):
        return name[:-4] + "有限责任公司"
    return name[:-1] + "二店"


_HOURS_MINUTES = tuple(f"T{h:02d}:{m:02d}:" for h in range(8, 21) for m in range(60))
_SECONDS = tuple(f"{sec:02d}+08:00" for sec in range(60))


def _timestamp(ordinal: int, r) -> str:
    """A time of that day between 08:00 and 21:00, Beijing time."""
    return _iso(ordinal) + _HOURS_MINUTES[int(r() * 780)] + _SECONDS[int(r() * 60)]


_GOV_CACHE: dict[tuple[str, str], str] = {}


def _government_uscc(name: str, region: str) -> str:
    """A stable USCC (机构编制, 机关 11…) for an authority, derived from its name."""
    key = (name, region)
    code = _GOV_CACHE.get(key)
    if code is None:
        digits = f"{int.from_bytes(hashlib.sha256(name.encode()).digest()[:6], 'big') % 10**7:07d}"
        digits = "0" + digits
        code = _GOV_CACHE[key] = make_uscc("11" + region + digits + _gb11714(digits))
    return code
