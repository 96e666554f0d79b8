"""In-force logic (protocol 4.2), grouping and counts of a credit profile."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from creditdesk.credit import (
    ADVERSE_CATEGORIES,
    CATEGORIES,
    SEVERE_CATEGORIES,
    Nature,
    NotInForce,
    RecordInfo,
    SubjectInfo,
    build_profile,
    count_in_force,
)
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.profile import ProfileService
from support.city import EPOCH, Feed, uscc

DAY = dt.date(2026, 11, 21)
ONE = dt.timedelta(days=1)
SUBJECT = SubjectInfo(
    id="S", kind="legal_person", name="福州某某有限公司", uscc=None, former_names=(), legal_representative=None,
    region_code="350100", registered_on=None, status="active", id_masked=None,
)  # fmt: skip

_counter = iter(range(1, 10**9))


def rec(
    category: str = "admin_penalty",
    publish_from: dt.date = dt.date(2026, 1, 1),
    publish_until: dt.date | None = None,
    status: str = "active",
    grade: str | None = None,
    decided_on: dt.date | None = None,
    rid: str | None = None,
) -> RecordInfo:
    return RecordInfo(
        id=rid or f"R{next(_counter)}", subject_id="S", category=category, title="t", doc_no=None, authority="a",
        decided_on=decided_on or publish_from, publish_from=publish_from, publish_until=publish_until,
        status=status, grade=grade,
    )  # fmt: skip


# ---------------------------------------------------------------------------
# In force on a day: edge dates
# ---------------------------------------------------------------------------


def test_publish_from_is_the_first_day_in_force():
    r = rec(publish_from=DAY)
    assert r.in_force(DAY)
    assert not r.in_force(DAY - ONE)
    assert r.not_in_force_reason(DAY - ONE) is NotInForce.NOT_YET_PUBLISHED


def test_publish_until_is_the_last_day_in_force():
    r = rec(publish_from=DAY - 30 * ONE, publish_until=DAY)
    assert r.in_force(DAY)
    assert not r.in_force(DAY + ONE)
    assert r.not_in_force_reason(DAY + ONE) is NotInForce.EXPIRED


def test_a_one_day_publication():
    r = rec(publish_from=DAY, publish_until=DAY)
    assert [r.in_force(d) for d in (DAY - ONE, DAY, DAY + ONE)] == [False, True, False]


def test_no_publish_until_means_no_end():
    r = rec(publish_from=dt.date(2001, 1, 1), publish_until=None)
    assert r.in_force(DAY) and r.in_force(dt.date(2099, 12, 31))
    assert not r.in_force(dt.date(2000, 12, 31))


@pytest.mark.parametrize(("status", "reason"), [("repaired", NotInForce.REPAIRED), ("revoked", NotInForce.REVOKED)])
def test_repaired_and_revoked_records_never_count(status, reason):
    r = rec("serious_dishonesty", publish_from=DAY - ONE, publish_until=None, status=status)
    for day in (DAY - ONE, DAY, DAY + 365 * ONE):
        assert not r.in_force(day)
        assert r.not_in_force_reason(day) is reason
    profile = build_profile(SUBJECT, "S", [r], DAY)
    assert profile.adverse_in_force == 0 and not profile.blacklisted


def test_an_unknown_status_never_counts_against_anyone():
    r = rec("serious_dishonesty", publish_from=DAY - ONE, status="under_review")
    assert not r.in_force(DAY)
    assert build_profile(SUBJECT, "S", [r], DAY).adverse_in_force == 0


def test_reasons_have_chinese_labels():
    assert {r.label for r in NotInForce} == {"已撤销", "已信用修复", "尚未到公示起始日", "已过公示期"}


# ---------------------------------------------------------------------------
# Nature of a record
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "nature"),
    [
        ("A", Nature.POSITIVE), ("a", Nature.POSITIVE), ("AAA", Nature.POSITIVE),
        ("D", Nature.ADVERSE), ("C", Nature.ADVERSE),
        ("B", Nature.NEUTRAL), ("M", Nature.NEUTRAL), (None, Nature.NEUTRAL),
    ],
)  # fmt: skip
def test_credit_rating_nature_follows_the_grade(grade, nature):
    r = rec("credit_rating", grade=grade, publish_from=DAY)
    assert r.nature is nature
    adverse, positive = count_in_force([r], DAY)
    assert (adverse, positive) == (int(nature is Nature.ADVERSE), int(nature is Nature.POSITIVE))


def test_category_natures_match_the_protocol_table():
    nature = {r.category: r.nature for r in (rec(c) for c in (c.code for c in CATEGORIES))}
    assert {c for c, n in nature.items() if n is Nature.ADVERSE} == {
        "admin_penalty", "dishonest_judgment_debtor", "major_tax_violation", "procurement_violation",
        "serious_dishonesty", "commitment_breach",
    }  # fmt: skip
    assert {c for c, n in nature.items() if n is Nature.POSITIVE} == {"honor"}
    assert SEVERE_CATEGORIES == {
        "dishonest_judgment_debtor", "major_tax_violation", "procurement_violation", "serious_dishonesty",
    }  # fmt: skip
    assert rec("some_future_category").nature is Nature.NEUTRAL


# ---------------------------------------------------------------------------
# Grouping and counts
# ---------------------------------------------------------------------------


def test_black_list_categories_come_first_then_other_adverse_and_unknown_last():
    records = [
        rec("admin_license"), rec("honor"), rec("other"), rec("some_future_category"),
        rec("admin_penalty"), rec("commitment_breach"), rec("credit_rating", grade="D"),
        rec("dishonest_judgment_debtor"), rec("procurement_violation"), rec("serious_dishonesty"),
        rec("major_tax_violation"),
    ]  # fmt: skip
    profile = build_profile(SUBJECT, "S", records, DAY)
    order = [g.category.code for g in profile.groups]
    assert sorted(order) == sorted(r.category for r in records)  # one group per category
    severe = [i for i, c in enumerate(order) if c in SEVERE_CATEGORIES]
    assert severe == list(range(4)), order
    assert order[0] == "serious_dishonesty"
    others = [i for i, c in enumerate(order) if c in ADVERSE_CATEGORIES - SEVERE_CATEGORIES]
    assert min(others) > max(severe)
    assert order.index("admin_penalty") < order.index("honor") < order.index("admin_license")
    assert order[-1] == "some_future_category"
    assert all(profile.groups[i].category.severe for i in severe)


def test_counts_and_black_list_flags():
    records = [
        rec("serious_dishonesty", publish_from=DAY - ONE),  # in force
        rec("dishonest_judgment_debtor", status="repaired"),  # not
        rec("major_tax_violation", publish_from=DAY + ONE),  # not yet
        rec("admin_penalty", publish_until=DAY),  # in force, last day
        rec("admin_penalty", publish_until=DAY - ONE),  # expired
        rec("honor", publish_until=DAY + ONE),  # in force
        rec("credit_rating", grade="A"),  # in force, positive
        rec("credit_rating", grade="D", status="revoked"),  # not
        rec("admin_license"),  # in force, neutral
    ]
    profile = build_profile(SUBJECT, "S", records, DAY)
    assert (profile.adverse_in_force, profile.positive_in_force) == (2, 2)
    assert profile.severe_in_force == ("serious_dishonesty",)
    assert profile.blacklisted and profile.known
    groups = {g.category.code: g for g in profile.groups}
    assert groups["admin_penalty"].in_force_count == 1 and len(groups["admin_penalty"].findings) == 2
    assert groups["dishonest_judgment_debtor"].in_force_count == 0
    reasons = {f.record.category + str(f.record.publish_until): f.reason for g in profile.groups for f in g.findings}
    assert reasons["admin_penalty" + str(DAY - ONE)] is NotInForce.EXPIRED
    assert reasons["major_tax_violationNone"] is NotInForce.NOT_YET_PUBLISHED


def test_within_a_group_in_force_first_then_newest_first():
    old_in_force = rec("admin_penalty", publish_from=dt.date(2025, 1, 1), rid="A-OLD")
    new_in_force = rec("admin_penalty", publish_from=dt.date(2026, 5, 1), rid="A-NEW")
    newest_expired = rec("admin_penalty", publish_from=dt.date(2026, 6, 1), publish_until=dt.date(2026, 7, 1), rid="A-EXP")
    [group] = build_profile(SUBJECT, "S", [old_in_force, newest_expired, new_in_force], DAY).groups
    assert [f.record.id for f in group.findings] == ["A-NEW", "A-OLD", "A-EXP"]
    assert [f.in_force for f in group.findings] == [True, True, False]


def test_an_unknown_subject_has_a_profile_that_says_so():
    profile = build_profile(None, "S", [rec("serious_dishonesty")], DAY)
    assert not profile.known and profile.blacklisted and profile.adverse_in_force == 1


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
CATEGORY_CODES = st.sampled_from([c.code for c in CATEGORIES] + ["some_future_category"])


@st.composite
def records(draw):
    start = draw(DATES)
    until = draw(st.one_of(st.none(), DATES.filter(lambda d: d >= start)))
    return rec(
        category=draw(CATEGORY_CODES),
        publish_from=start,
        publish_until=until,
        status=draw(st.sampled_from(["active", "active", "repaired", "revoked"])),
        grade=draw(st.sampled_from([None, "A", "B", "C", "D", "M"])),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(records(), max_size=25), DATES, st.sampled_from(sorted(ADVERSE_CATEGORIES)), st.data())
def test_adding_an_in_force_adverse_record_never_decreases_the_adverse_count(existing, day, category, data):
    start = data.draw(st.dates(min_value=dt.date(2010, 1, 1), max_value=day))
    until = data.draw(st.one_of(st.none(), st.dates(min_value=day, max_value=dt.date(2035, 12, 31))))
    added = rec(category, publish_from=start, publish_until=until)
    assert added.in_force(day)

    before = build_profile(SUBJECT, "S", existing, day)
    after = build_profile(SUBJECT, "S", [*existing, added], day)
    assert after.adverse_in_force == before.adverse_in_force + 1
    assert after.positive_in_force == before.positive_in_force
    assert set(before.severe_in_force) <= set(after.severe_in_force)
    if category in SEVERE_CATEGORIES:
        assert after.blacklisted


@settings(max_examples=200, deadline=None)
@given(st.lists(records(), max_size=25), DATES)
def test_counts_agree_with_the_findings(existing, day):
    profile = build_profile(SUBJECT, "S", existing, day)
    findings = [f for g in profile.groups for f in g.findings]
    assert len(findings) == len(existing)
    assert profile.adverse_in_force == sum(f.in_force and f.nature is Nature.ADVERSE for f in findings)
    assert profile.positive_in_force == sum(f.in_force and f.nature is Nature.POSITIVE for f in findings)
    assert all((f.reason is None) == f.in_force == f.record.in_force(day) for f in findings)


# ---------------------------------------------------------------------------
# Through the database
# ---------------------------------------------------------------------------


def test_profile_service_reads_records_and_reports(engine):
    feed = Feed()
    company = feed.company("福州档案测试有限公司", uscc(1))
    sid = company["id"]
    good, suspended = uscc(901), uscc(902)
    changes = [
        company,
        feed.agency(good, "福建甲级信用评估有限公司"),
        feed.agency(suspended, "福建暂停信用评估有限公司", status="suspended"),
        feed.record("R-BL", sid, "serious_dishonesty", publish_from="2026-11-21"),
        feed.record("R-PEN", sid, "admin_penalty", publish_from="2026-01-01", publish_until="2026-11-20"),
        feed.record("R-OTHER", uscc(2), "serious_dishonesty"),  # someone else's
        feed.report("BG-1", sid, good, issued_on="2026-03-01", valid_until="2027-02-28"),
        feed.report("BG-2", sid, suspended, issued_on="2025-01-01", valid_until="2025-12-31"),
        feed.report("BG-3", sid, uscc(903), issued_on="2026-06-01", valid_until="2027-05-31", status="withdrawn"),
    ]
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH))
    view = ProfileService(engine).profile(sid, day=DAY)

    p = view.profile
    assert p.subject.name == "福州档案测试有限公司"
    assert [g.category.code for g in p.groups] == ["serious_dishonesty", "admin_penalty"]
    assert (p.adverse_in_force, p.severe_in_force) == (1, ("serious_dishonesty",))
    assert not ProfileService(engine).profile(sid, day=DAY - ONE).profile.blacklisted
    assert ProfileService(engine).profile(sid, day=DAY - ONE).profile.adverse_in_force == 1

    reports = {r.report_no: r for r in view.reports}
    assert [r.report_no for r in view.reports] == ["BG-3", "BG-1", "BG-2"]  # newest first
    assert reports["BG-1"].agency_name == "福建甲级信用评估有限公司" and reports["BG-1"].valid_on(DAY)
    assert reports["BG-2"].agency_status == "suspended" and not reports["BG-2"].valid_on(DAY)
    assert reports["BG-3"].agency_name is None and not reports["BG-3"].valid_on(DAY)
    assert view.data.seq == feed.seq
