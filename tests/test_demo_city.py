"""Tests of creditdesk.demo.city: the synthetic 福州 change feed."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from collections import Counter, defaultdict

import orjson
import pytest

from creditdesk.demo.city import SHOWCASE_INDICES, DemoCity
from creditdesk.identifiers import (
    id_digest,
    parse_id_number,
    parse_uscc,
    person_subject_id,
)
from creditdesk.names import pinyin_initials
from creditdesk.protocol import convert

AS_OF = dt.date(2026, 11, 20)
N = 5000

# Section 4 of the protocol, stated independently of the module under test:
# field -> (allowed Python types, format check or None).
DATE, TS, ENUM = "date", "timestamp", "enum"
STR, OPT_STR = (str,), (str, type(None))
SCHEMA: dict[str, dict[str, tuple]] = {
    "subject": {
        "kind": (STR, {"legal_person", "unincorporated", "individual_business", "natural_person"}),
        "name": (STR, None),
        "uscc": (OPT_STR, None),
        "former_names": ((list,), None),
        "legal_representative": (OPT_STR, None),
        "region_code": (STR, "region"),
        "registered_on": (OPT_STR, DATE),
        "status": (STR, {"active", "deregistered", "revoked"}),
        "id_masked": (OPT_STR, None),
        "id_digest": (OPT_STR, None),
        "updated_at": (STR, TS),
    },
    "record": {
        "subject_id": (STR, None),
        "category": (STR, {
            "admin_license", "admin_penalty", "dishonest_judgment_debtor", "major_tax_violation",
            "procurement_violation", "serious_dishonesty", "commitment_breach", "honor",
            "credit_rating", "other",
        }),
        "title": (STR, None),
        "doc_no": (OPT_STR, None),
        "authority": (STR, None),
        "authority_code": (OPT_STR, None),
        "decided_on": (STR, DATE),
        "publish_from": (STR, DATE),
        "publish_until": (OPT_STR, DATE),
        "status": (STR, {"active", "repaired", "revoked"}),
        "basis": (OPT_STR, None),
        "content": (OPT_STR, None),
        "amount": ((int, float, type(None)), None),
        "grade": (OPT_STR, None),
        "rating_scheme": (OPT_STR, None),
        "updated_at": (STR, TS),
    },
    "agency": {
        "name": (STR, None),
        "uscc": (STR, None),
        "filing_no": (STR, None),
        "filing_authority": (STR, None),
        "filing_level": (STR, {"national", "provincial", "city", "county"}),
        "filed_on": (STR, DATE),
        "valid_until": (OPT_STR, DATE),
        "status": (STR, {"active", "suspended", "revoked"}),
        "updated_at": (STR, TS),
    },
    "report": {
        "report_no": (STR, None),
        "subject_id": (STR, None),
        "agency_id": (STR, None),
        "issued_on": (STR, DATE),
        "valid_until": (STR, DATE),
        "grade": (STR, {"AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C"}),
        "publicized_on": (STR, DATE),
        "status": (STR, {"active", "withdrawn"}),
        "updated_at": (STR, TS),
    },
}
ADVERSE = {
    "admin_penalty", "dishonest_judgment_debtor", "major_tax_violation", "procurement_violation",
    "serious_dishonesty", "commitment_breach",
}


def d(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def in_force(record: dict, day: dt.date = AS_OF) -> bool:
    """Protocol 4.2: active, publish_from <= day, publish_until null or >= day."""
    until = d(record["publish_until"])
    return record["status"] == "active" and d(record["publish_from"]) <= day and (until is None or day <= until)


def add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


class Feed:
    """A generated feed, indexed for the assertions."""

    def __init__(self, city: DemoCity):
        self.city = city
        self.changes = list(city.changes())
        self.by_type: dict[str, list[dict]] = defaultdict(list)
        self.position: dict[tuple[str, str], int] = {}
        self.records_of: dict[str, list[dict]] = defaultdict(list)
        self.reports_of: dict[str, list[dict]] = defaultdict(list)
        for pos, ch in enumerate(self.changes):
            self.by_type[ch["type"]].append(ch)
            self.position[ch["type"], ch["id"]] = pos
            if ch["type"] == "record":
                self.records_of[ch["data"]["subject_id"]].append(ch["data"])
            elif ch["type"] == "report":
                self.reports_of[ch["data"]["subject_id"]].append(ch["data"])
        self.subjects = self.by_type["subject"]  # in index order
        self.subject = {ch["id"]: ch["data"] for ch in self.subjects}
        self.agency = {ch["id"]: ch["data"] for ch in self.by_type["agency"]}


@pytest.fixture(scope="module")
def feed() -> Feed:
    return Feed(DemoCity(subjects=N, seed=2026, as_of=AS_OF))


# --- the feed as a whole ---------------------------------------------------------


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not():
    def dump(city: DemoCity) -> bytes:
        return b"\n".join(orjson.dumps(ch) for ch in city.changes())

    first = dump(DemoCity(subjects=1500, seed=7, as_of=AS_OF))
    again = DemoCity(subjects=1500, seed=7, as_of=AS_OF)
    assert dump(again) == first
    assert dump(again) == first  # a second pass over the same instance too
    assert DemoCity(subjects=1500, seed=7).person_key == again.person_key
    other = DemoCity(subjects=1500, seed=8, as_of=AS_OF)
    assert dump(other) != first
    assert other.person_key != again.person_key and len(other.person_key) == 32
    assert other.epoch == "demo-8"


def test_a_subject_is_the_same_in_a_bigger_city(feed):
    small = Feed(DemoCity(subjects=600, seed=2026, as_of=AS_OF))
    for ch_small, ch_big in zip(small.subjects, feed.subjects):
        assert ch_small["id"] == ch_big["id"] and ch_small["data"] == ch_big["data"]
    big_records = {ch["id"]: ch["data"] for ch in feed.by_type["record"]}
    for ch in small.by_type["record"]:
        assert big_records[ch["id"]] == ch["data"]


def test_seq_is_1_2_3_and_the_platform_attributes(feed):
    assert [ch["seq"] for ch in feed.changes] == list(range(1, len(feed.changes) + 1))
    city = feed.city
    assert (city.platform_id, city.region_code, city.epoch) == ("demo-fuzhou", "350100", "demo-2026")
    assert city.platform_name == "信用福州（演示）公共信用信息平台"


def test_every_change_has_exactly_the_protocol_fields_with_the_right_types(feed):
    for ch in feed.changes:
        assert set(ch) == {"seq", "op", "type", "id", "data"}
        assert ch["op"] == "upsert" and isinstance(ch["id"], str) and ch["id"]
        schema = SCHEMA[ch["type"]]
        data = ch["data"]
        assert set(data) == set(schema), (ch["type"], set(data) ^ set(schema))
        for field, (types, check) in schema.items():
            value = data[field]
            assert isinstance(value, types), (ch["id"], field, value)
            if value is None or check is None:
                continue
            if isinstance(check, set):
                assert value in check, (ch["id"], field, value)
            elif check == DATE:
                assert len(value) == 10 and d(value) <= AS_OF + dt.timedelta(days=3660)
            elif check == TS:
                stamp = dt.datetime.fromisoformat(value)
                assert stamp.utcoffset() == dt.timedelta(hours=8) and value.endswith("+08:00")
                assert stamp.date() <= AS_OF
            elif check == "region":
                assert len(value) == 6 and value.isdigit() and value.startswith("35")
        if ch["type"] == "subject":
            assert all(isinstance(n, str) and n for n in data["former_names"])
        # and the project's own reader accepts it
        convert(ch["type"], ch["id"], data)


def test_no_entity_twice_and_agencies_come_first(feed):
    keys = [(ch["type"], ch["id"]) for ch in feed.changes]
    assert len(keys) == len(set(keys))
    n_agencies = len(feed.by_type["agency"])
    assert n_agencies == max(12, N // 2000) == feed.city.agency_count
    assert all(ch["type"] == "agency" for ch in feed.changes[:n_agencies])
    assert not any(ch["type"] == "policy" for ch in feed.changes)
    assert len(feed.subjects) == N


def test_codes_are_valid_and_ids_consistent(feed):
    for ch in feed.subjects:
        data = ch["data"]
        if data["kind"] == "natural_person":
            assert data["uscc"] is None and data["legal_representative"] is None
            assert ch["id"] == person_subject_id(data["id_digest"])
        else:
            assert parse_uscc(data["uscc"]) == data["uscc"] == ch["id"]
            assert data["id_masked"] is None and data["id_digest"] is None
            assert data["uscc"][2:8].startswith("3501")
            expected_prefix = {"individual_business": ("92",)}.get(data["kind"], ("91", "93", "12", "51", "52", "31"))
            assert data["uscc"][:2] in expected_prefix, data
    for ch in feed.by_type["agency"]:
        assert parse_uscc(ch["id"]) == ch["data"]["uscc"] == ch["id"]
    codes = {ch["data"]["authority_code"] for ch in feed.by_type["record"]}
    assert len(codes) > 30
    for code in codes:
        assert parse_uscc(code).startswith("11")


def test_natural_persons_are_reproducible_from_their_index_alone(feed):
    city = feed.city
    persons = 0
    for index, ch in enumerate(feed.subjects):
        data = ch["data"]
        if data["kind"] != "natural_person":
            with pytest.raises(ValueError):
                city.person_id_number(index)
            continue
        persons += 1
        number = city.person_id_number(index)
        parsed = parse_id_number(number, today=AS_OF)
        assert dt.date(1950, 1, 1) <= parsed.birth_date <= dt.date(2004, 12, 31)
        assert parsed.region_code == data["region_code"]
        assert data["id_digest"] == id_digest(number, city.person_key)
        assert ch["id"] == person_subject_id(id_digest(number, city.person_key))
        assert data["id_masked"] == number[:6] + "*" * 8 + number[-4:]  # as the platform sends it (protocol 4.1)
    assert persons > 300
    # a fresh instance answers without generating anything before
    fresh = DemoCity(subjects=N, seed=2026, as_of=AS_OF)
    last_person = max(i for i, ch in enumerate(feed.subjects) if ch["data"]["kind"] == "natural_person")
    assert id_digest(fresh.person_id_number(last_person), fresh.person_key) == feed.subjects[last_person]["data"]["id_digest"]
    with pytest.raises(IndexError):
        fresh.person_id_number(N)


def test_references_and_dates_are_coherent(feed):
    for ch in feed.by_type["record"]:
        r = ch["data"]
        assert r["subject_id"] in feed.subject
        assert d(r["decided_on"]) <= d(r["publish_from"]) <= AS_OF
        if r["publish_until"] is not None:
            assert d(r["publish_until"]) >= d(r["publish_from"])
        assert ch["id"].startswith("FZ-") and ch["id"].split("-")[2] == r["decided_on"][:4]
        if r["category"] == "credit_rating":
            assert r["grade"] and r["rating_scheme"]
        else:
            assert r["grade"] is None and r["rating_scheme"] is None
        subject = feed.subject[r["subject_id"]]
        if subject["registered_on"] is not None:
            assert d(r["decided_on"]) >= d(subject["registered_on"])
    for ch in feed.by_type["report"]:
        rep = ch["data"]
        assert ch["id"] == rep["report_no"] and rep["report_no"].startswith("FZXY-" + rep["issued_on"][:4] + "-")
        assert rep["subject_id"] in feed.subject and rep["agency_id"] in feed.agency
        assert feed.subject[rep["subject_id"]]["kind"] in ("legal_person", "unincorporated")
        assert d(rep["valid_until"]) == add_year(d(rep["issued_on"]))
        assert d(rep["issued_on"]) <= d(rep["publicized_on"]) <= AS_OF
    for ch in feed.by_type["agency"]:
        a = ch["data"]
        assert d(a["filed_on"]) <= AS_OF
        assert a["valid_until"] is None or d(a["valid_until"]) > d(a["filed_on"])
    for ch in feed.subjects:
        s = ch["data"]
        if s["registered_on"] is not None:
            assert dt.date(1995, 1, 1) <= d(s["registered_on"]) <= AS_OF


def test_every_category_kind_level_and_state_occurs(feed):
    records = [ch["data"] for ch in feed.by_type["record"]]
    assert {r["category"] for r in records} == set(SCHEMA["record"]["category"][1])
    assert {s["data"]["kind"] for s in feed.subjects} == set(SCHEMA["subject"]["kind"][1])
    assert {s["data"]["status"] for s in feed.subjects} == {"active", "deregistered", "revoked"}
    assert {r["status"] for r in records} == {"active", "repaired", "revoked"}
    agencies = [ch["data"] for ch in feed.by_type["agency"]]
    assert {a["filing_level"] for a in agencies} == {"national", "provincial", "city", "county"}
    assert {a["status"] for a in agencies} == {"active", "suspended", "revoked"}
    assert any(a["valid_until"] and d(a["valid_until"]) < AS_OF for a in agencies)
    reports = [ch["data"] for ch in feed.by_type["report"]]
    assert {r["status"] for r in reports} == {"active", "withdrawn"}
    assert any(d(r["valid_until"]) < AS_OF for r in reports)
    assert any(d(r["valid_until"]) >= AS_OF for r in reports)
    # expired publication periods, in-force ones, open-ended ones
    assert any(r["status"] == "active" and r["publish_until"] and d(r["publish_until"]) < AS_OF for r in records)
    assert any(in_force(r) for r in records if r["category"] in ADVERSE)
    assert any(r["publish_until"] is None for r in records)
    grades = {r["grade"] for r in records if r["rating_scheme"] == "纳税信用等级"}
    assert grades == {"A", "B", "M", "C", "D"}
    amounts = [r["amount"] for r in records if r["category"] == "admin_penalty"]
    assert None in amounts and any(a and a >= 100_000 for a in amounts) and any(a and a <= 5000 for a in amounts)


def test_the_distribution_is_as_documented(feed):
    kinds = Counter(s["data"]["kind"] for s in feed.subjects)
    assert abs(kinds["legal_person"] / N - 0.70) < 0.03
    assert abs(kinds["unincorporated"] / N - 0.05) < 0.015
    assert abs(kinds["individual_business"] / N - 0.15) < 0.02
    assert abs(kinds["natural_person"] / N - 0.10) < 0.02
    counts = [len(feed.records_of[s["id"]]) for s in feed.subjects]
    assert 2.6 <= sum(counts) / N <= 3.4
    assert 0.15 <= counts.count(0) / N <= 0.35  # many have nothing
    assert max(counts) >= 15  # a few have many
    orgs = [s for s in feed.subjects if s["data"]["kind"] in ("legal_person", "unincorporated")]
    with_report = sum(1 for s in orgs if feed.reports_of[s["id"]])
    assert 0.015 <= with_report / len(orgs) <= 0.05
    former = sum(1 for s in orgs if s["data"]["former_names"])
    assert 0.04 <= former / len(orgs) <= 0.12
    names = [s["data"]["name"] for s in orgs]
    assert len(set(names)) / len(names) > 0.99
    regions = Counter(s["data"]["region_code"] for s in orgs)
    assert set(regions) <= {"350102", "350103", "350104", "350105", "350111", "350112", "350121", "350122",
                            "350123", "350124", "350125", "350128", "350181"}
    assert len(regions) == 13


def test_some_records_come_before_their_subject(feed):
    pos = feed.position
    early = [
        ch for ch in feed.by_type["record"]
        if pos["record", ch["id"]] < pos["subject", ch["data"]["subject_id"]]
    ]
    early_subjects = {ch["data"]["subject_id"] for ch in early}
    assert len(early_subjects) == len(early)  # one record each
    assert 0.01 <= len(early) / N <= 0.035
    # Every other record, and every report, follows its subject before the next subject.
    starts = sorted(pos["subject", s["id"]] for s in feed.subjects)
    next_start = dict(zip(starts, starts[1:] + [len(feed.changes)]))
    early_ids = {ch["id"] for ch in early}
    for ch in feed.by_type["record"] + feed.by_type["report"]:
        if ch["id"] in early_ids:
            continue
        start = pos["subject", ch["data"]["subject_id"]]
        assert start < pos[ch["type"], ch["id"]] < next_start[start]


# --- the showcase ---------------------------------------------------------------


def test_showcase_roles_exist_in_small_cities_and_keep_their_ids(feed):
    assert set(feed.city.showcase) == set(SHOWCASE_INDICES)
    assert max(SHOWCASE_INDICES.values()) < 50
    small = DemoCity(subjects=50, seed=2026, as_of=AS_OF)
    assert small.showcase == feed.city.showcase
    assert DemoCity(subjects=10, seed=2026, as_of=AS_OF).showcase.keys() < small.showcase.keys()
    for role, index in SHOWCASE_INDICES.items():
        assert feed.subjects[index]["id"] == feed.city.showcase[role]


def test_showcase_blacklisted(feed):
    sid = feed.city.showcase["blacklisted"]
    s = feed.subject[sid]
    assert s["name"] == "福州顺心贸易有限公司" and s["kind"] == "legal_person" and s["status"] == "active"
    assert pinyin_initials(s["name"]).startswith("fzsx")
    assert s["former_names"] == ["福州顺心商贸有限公司"]
    force = {r["category"] for r in feed.records_of[sid] if in_force(r)}
    assert {"serious_dishonesty", "dishonest_judgment_debtor"} <= force
    assert sum(1 for sub in feed.subjects if sub["data"]["name"] == s["name"]) == 1


def test_showcase_clean_trustworthy(feed):
    sid = feed.city.showcase["clean_trustworthy"]
    s = feed.subject[sid]
    assert s["kind"] == "legal_person" and s["status"] == "active"
    assert d(s["registered_on"]) < AS_OF.replace(year=AS_OF.year - 3)
    records = feed.records_of[sid]
    assert not any(in_force(r) for r in records if r["category"] in ADVERSE)
    assert any(in_force(r) and r["category"] == "honor" for r in records)
    assert any(in_force(r) and r["rating_scheme"] == "纳税信用等级" and r["grade"] == "A" for r in records)
    assert not any(r["grade"] in ("C", "D", "M", "B") for r in records if in_force(r))
    (report,) = feed.reports_of[sid]
    assert report["status"] == "active" and d(report["issued_on"]) <= AS_OF <= d(report["valid_until"])
    agency = feed.agency[report["agency_id"]]
    assert agency["status"] == "active" and agency["filing_level"] in ("national", "provincial", "city")
    assert agency["valid_until"] is None or d(agency["valid_until"]) >= AS_OF
    assert d(agency["filed_on"]) <= d(report["issued_on"])


def test_showcase_repaired_and_penalized(feed):
    repaired = feed.records_of[feed.city.showcase["repaired"]]
    penalties = [r for r in repaired if r["category"] == "admin_penalty"]
    assert any(r["status"] == "repaired" for r in penalties)
    assert any(r["status"] == "active" and d(r["publish_until"]) < AS_OF for r in penalties)
    assert not any(in_force(r) for r in repaired if r["category"] in ADVERSE)

    (only,) = feed.records_of[feed.city.showcase["penalized"]]
    assert only["category"] == "admin_penalty" and in_force(only) and only["amount"] > 0


def test_showcase_persons(feed):
    city = feed.city
    for role in ("person_debtor", "person_clean"):
        sid = city.showcase[role]
        assert feed.subject[sid]["kind"] == "natural_person"
        number = city.showcase_id_number(role)
        parse_id_number(number, today=AS_OF)
        assert person_subject_id(id_digest(number, city.person_key)) == sid
    debts = feed.records_of[city.showcase["person_debtor"]]
    assert any(in_force(r) and r["category"] == "dishonest_judgment_debtor" for r in debts)
    assert feed.records_of[city.showcase["person_clean"]] == []
    assert city.showcase_id_number("blacklisted") is None


def test_showcase_individual_business_expired_report_and_early_record(feed):
    city = feed.city
    shop = feed.subject[city.showcase["individual_business"]]
    assert shop["kind"] == "individual_business" and shop["uscc"].startswith("92")
    assert shop["name"] == "鼓楼区张记小吃店" and shop["legal_representative"].startswith("张")
    assert any(in_force(r) and r["category"] == "admin_license" for r in feed.records_of[city.showcase["individual_business"]])

    sid = city.showcase["expired_report"]
    assert feed.subject[sid]["kind"] in ("legal_person", "unincorporated")
    (report,) = feed.reports_of[sid]
    assert report["status"] == "active" and d(report["valid_until"]) < AS_OF

    sid = city.showcase["record_before_subject"]
    (record,) = [ch for ch in feed.by_type["record"] if ch["data"]["subject_id"] == sid]
    assert feed.position["record", record["id"]] < feed.position["subject", sid]


# --- streaming ----------------------------------------------------------------------


def test_generation_streams_in_constant_memory():
    # Warm up module-level tables (calendar, caches) so that only the stream is measured.
    for _ in DemoCity(subjects=300).changes():
        pass
    gc.collect()
    city = DemoCity(subjects=12_000, seed=99)
    tracemalloc.start()
    try:
        count = 0
        for _ch in city.changes():
            count += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # ~48,000 change objects of ~1-2 KB each: holding them would take > 50 MB.
    assert count > 40_000
    assert peak < 5_000_000, peak
