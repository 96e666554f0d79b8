"""The usage-reporting schedule comes from the policy profiles' ``reporting`` section.

``tests/support/reporting_schedules.json`` was recorded from ``next_deadlines`` while the
schedules were still written in code (before they moved into the profiles): the same dates,
labels, periods, basis strings, order and notes must come out of the profiles.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert

from creditdesk.db import models
from creditdesk.policy import PolicyError, ProfileStore, parse_profile
from creditdesk.policy.model import ReportingDeadline, ReportingPolicy
from creditdesk.services.usage import (
    NO_SCHEDULE_NOTE,
    Period,
    export_usage,
    next_deadlines,
    profile_store,
)

GOLDEN = json.loads((Path(__file__).parent / "support" / "reporting_schedules.json").read_text(encoding="utf-8"))
BUNDLED = ProfileStore.bundled()


def _as_recorded(s) -> dict:  # noqa: ANN001
    return {
        "profile_id": s.profile_id, "document": s.document, "note": s.note, "summary": s.summary(),
        "deadlines": [[d.due.isoformat() if d.due else None, d.what, d.to, d.period.code if d.period else None, d.basis]
                      for d in s.deadlines],
    }  # fmt: skip


def test_the_recording_covers_every_profile_and_the_asked_dates():
    keys = {tuple(k.split("|")) for k in GOLDEN}
    assert {pid for pid, _ in keys} >= {"cangzhou", "erenhot", "fuzhou", "kunshan", "wuchang", "nowhere", " FuZhou "}
    assert {day for _, day in keys} >= {"2026-01-03", "2026-06-30", "2026-07-06", "2026-11-22", "2026-12-20", "2026-12-21"}


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_same_schedule_as_recorded_before_the_move(key):
    pid, day = key.split("|")
    assert _as_recorded(next_deadlines(pid, dt.date.fromisoformat(day))) == GOLDEN[key]


def test_recorded_values_are_the_policy_dates():
    """A few of the recorded values spelt out, so the recording itself is checked."""
    fz = GOLDEN["fuzhou|2026-12-20"]["deadlines"]
    assert [d[:2] for d in fz] == [["2026-12-20", "月度工作进展"], ["2026-12-20", "下半年（全年）工作总结"],
                                   ["2027-07-10", "上半年工作总结"]]  # fmt: skip
    assert GOLDEN["erenhot|2026-01-03"]["deadlines"][0][:4] == ["2026-01-05", "下半年进展情况",
                                                                "市社会信用体系建设领导小组办公室", "2025-H2"]  # fmt: skip
    assert GOLDEN["wuchang|2026-06-30"]["deadlines"][0][3] == "2026-Q2"
    assert GOLDEN["kunshan|2026-06-30"]["deadlines"] == [] and GOLDEN["nowhere|2026-06-30"]["document"] == ""


def test_bundled_profiles_carry_the_section():
    for pid in ("cangzhou", "erenhot", "fuzhou", "kunshan", "wuchang"):
        rep = BUNDLED.resolve(pid, dt.date(2026, 11, 22)).reporting
        assert isinstance(rep, ReportingPolicy) and rep.note
    fz = BUNDLED.resolve("fuzhou", dt.date(2026, 11, 22)).reporting.deadlines
    assert fz[0] == ReportingDeadline("monthly", "月度工作进展", "市信用办", fz[0].citation, None, 20, "previous_month")
    assert fz[0].basis == "榕发改信用〔2016〕19号 六（一）：每月20号前向市信用办报送工作进展"
    assert BUNDLED.resolve("kunshan", dt.date(2026, 11, 22)).reporting.deadlines == ()


# -- a profile's section drives the result ------------------------------------------------------


def _doc(pid: str = "fuzhou") -> dict:
    return copy.deepcopy(BUNDLED.resolve(pid, dt.date(2026, 11, 22)).raw)


def _new_city(reporting: dict | None, version: int = 1, effective_from: str = "2020-01-01") -> dict:
    doc = _doc()
    doc.update(profile_id="newcity", name="新城市", version=version, effective_from=effective_from)
    doc["document"] = {**doc["document"], "number": "新信用〔2020〕1号"}
    if reporting is None:
        doc.pop("reporting")
    else:
        doc["reporting"] = reporting
    return doc


NEW_REPORTING = {
    "note": "新城市：每月5日前报送上月情况；每季度报送一次；每年1月31日前报送上一年下半年总结。",
    "deadlines": [
        {"rhythm": "yearly", "month": 1, "day": 31, "what": "下半年总结", "to": "市发改委", "covers": "second_half",
         "citation": {"clause": "第九条", "quote": "每年1月31日前报送"}},
        {"rhythm": "monthly", "day": 5, "what": "上月情况", "to": "市信用办", "covers": "previous_month",
         "citation": {"clause": "第八条", "quote": "每月5日前报送", "document": "新信用〔2019〕7号"}},
        {"rhythm": "quarterly", "what": "季度情况", "to": "市信用办", "covers": "previous_quarter",
         "citation": {"clause": "第十条", "quote": "每季度报送"}},
    ],
}  # fmt: skip


def test_a_new_city_needs_only_its_profile():
    store = ProfileStore([parse_profile(_new_city(NEW_REPORTING), "newcity.json")])
    s = next_deadlines(" NewCity ", dt.date(2027, 1, 6), store=store)
    assert s.profile_id == "newcity" and s.document == "新信用〔2020〕1号" and s.note == NEW_REPORTING["note"]
    assert [(d.due, d.what, d.to, d.period) for d in s.deadlines] == [
        (dt.date(2027, 1, 31), "下半年总结", "市发改委", Period.parse("2026-H2")),
        (dt.date(2027, 2, 5), "上月情况", "市信用办", Period.parse("2027-01")),
        (None, "季度情况", "市信用办", Period.parse("2026-Q4")),  # no day: from the day asked
    ]
    assert s.deadlines[0].basis == "新信用〔2020〕1号 第九条：每年1月31日前报送"
    assert s.deadlines[1].basis == "新信用〔2019〕7号 第八条：每月5日前报送"  # a citation may name another document
    assert s.summary() == f"下次报送：2027年1月31日前，下半年总结（2026年下半年）报市发改委。{NEW_REPORTING['note']}"
    # on the due day it is still ahead; the day after, next year's
    assert next_deadlines("newcity", dt.date(2027, 1, 31), store=store).deadlines[0].due == dt.date(2027, 1, 31)
    assert next_deadlines("newcity", dt.date(2027, 2, 1), store=store).deadlines[0].due == dt.date(2027, 2, 5)
    # the bundled default does not know the new city
    assert next_deadlines("newcity", dt.date(2027, 1, 6)).note == NO_SCHEDULE_NOTE


def test_a_changed_bundled_profile_changes_the_schedule():
    doc = _doc("fuzhou")
    doc["reporting"]["deadlines"][0]["day"] = 25
    doc["reporting"]["deadlines"][0]["to"] = "市发改委"
    doc["reporting"]["note"] = "改过的说明。"
    store = ProfileStore([parse_profile(doc, "fuzhou-copy.json")])
    s = next_deadlines("fuzhou", dt.date(2026, 11, 22), store=store)
    assert (s.deadlines[0].due, s.deadlines[0].to, s.note) == (dt.date(2026, 11, 25), "市发改委", "改过的说明。")
    assert s.deadlines[0].period == Period.parse("2026-10")
    # the bundled schedule is untouched
    assert next_deadlines("fuzhou", dt.date(2026, 11, 22)).deadlines[0].due == dt.date(2026, 12, 20)


def test_the_version_in_force_governs_and_a_section_may_be_absent():
    v1 = parse_profile(_new_city(NEW_REPORTING), "v1")
    v2 = parse_profile(_new_city({"note": "第二版：未规定定期报送期限。"}, 2, "2027-03-01"), "v2")
    v3 = parse_profile(_new_city(None, 3, "2028-01-01"), "v3")
    store = ProfileStore([v1, v2, v3])
    assert len(next_deadlines("newcity", dt.date(2027, 2, 28), store=store).deadlines) == 3
    s2 = next_deadlines("newcity", dt.date(2027, 3, 1), store=store)
    assert s2.deadlines == () and s2.summary() == "第二版：未规定定期报送期限。"
    s3 = next_deadlines("newcity", dt.date(2028, 1, 1), store=store)
    assert (s3.deadlines, s3.note, s3.document) == ((), NO_SCHEDULE_NOTE, "新信用〔2020〕1号")
    # before the first version took effect: the first version's schedule
    assert len(next_deadlines("newcity", dt.date(2019, 5, 1), store=store).deadlines) == 3


def test_a_monthly_day_past_the_month_end_falls_on_its_last_day():
    section = {"note": "月底前报送。", "deadlines": [
        {"rhythm": "monthly", "day": 31, "what": "月报", "to": "市信用办", "citation": {"clause": "一", "quote": "月底前"}}]}  # fmt: skip
    store = ProfileStore([parse_profile(_new_city(section), "x")])
    s = next_deadlines("newcity", dt.date(2027, 2, 3), store=store)
    assert s.deadlines[0].due == dt.date(2027, 2, 28) and s.deadlines[0].period is None  # no covers: no period
    assert next_deadlines("newcity", dt.date(2028, 2, 29), store=store).deadlines[0].due == dt.date(2028, 2, 29)
    assert next_deadlines("newcity", dt.date(2027, 3, 1), store=store).deadlines[0].due == dt.date(2027, 3, 31)


def test_export_reads_the_platform_version_of_the_profile(engine, tmp_path):
    doc = _doc("fuzhou")
    doc["version"] = 2
    doc["reporting"] = {"note": "平台发布的新规定。", "deadlines": [
        {"rhythm": "yearly", "month": 3, "day": 1, "what": "年度总结", "to": "市信用办", "covers": "second_half",
         "citation": {"clause": "七", "quote": "每年3月1日前报送"}}]}  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(models.PolicyVersion.__table__).values(
            id="pol-fz-2", profile_id="fuzhou", version=2, effective_from=dt.date(2026, 1, 1), document=doc))  # fmt: skip
    s = next_deadlines("fuzhou", dt.date(2026, 11, 22), store=profile_store(engine))
    assert [(d.due, d.what, d.period) for d in s.deadlines] == [(dt.date(2027, 3, 1), "年度总结", Period.parse("2026-H2"))]
    assert profile_store(None) is profile_store()  # no engine: the bundled profiles, read once
    out = tmp_path / "usage.xlsx"
    export_usage(engine, None, Period.parse("2026-11"), None, out, by=None, profile_id="fuzhou",
                 now=lambda: dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))  # fmt: skip
    cells = [c for row in openpyxl.load_workbook(out)["概览"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("平台发布的新规定。" in c for c in cells)
    assert any("2027年3月1日前：年度总结（2026年下半年），报市信用办" in c for c in cells)
    assert not any("月度工作进展" in c for c in cells)


# -- malformed sections are refused -------------------------------------------------------------


def _fz_deadline(i: int = 0, **changes) -> dict:  # noqa: ANN003
    doc = _doc("fuzhou")
    d = doc["reporting"]["deadlines"][i]
    for k, v in changes.items():
        if v is None:
            d.pop(k)
        else:
            d[k] = v
    return doc


def _with_reporting(value) -> dict:  # noqa: ANN001
    doc = _doc("fuzhou")
    doc["reporting"] = value
    return doc


BAD = [
    (_with_reporting("每月20日"), "$.reporting", "expected an object, got a string"),
    (_with_reporting({"deadlines": []}), "$.reporting.note", "missing required field"),
    (_with_reporting({"note": "  "}), "$.reporting.note", "expected a non-empty string"),
    (_with_reporting({"note": "x", "document": "榕发改信用〔2016〕19号"}), "$.reporting.document", "unknown field (allowed: deadlines, note)"),
    (_with_reporting({"note": "x", "deadlines": {"rhythm": "monthly"}}), "$.reporting.deadlines", "expected a list, got an object"),
    (_with_reporting({"note": "x", "deadlines": ["monthly"]}), "$.reporting.deadlines[0]", "expected an object, got a string"),
    (_fz_deadline(0, rhythm="weekly"), "$.reporting.deadlines[0].rhythm", "'weekly' is not one of monthly, quarterly, yearly"),
    (_fz_deadline(0, rhythm=None), "$.reporting.deadlines[0].rhythm", "missing required field (one of monthly, quarterly, yearly)"),
    (_fz_deadline(0, day=None), "$.reporting.deadlines[0].day", "missing required field"),
    (_fz_deadline(0, day=32), "$.reporting.deadlines[0].day", "must be 1 to 31, got 32"),
    (_fz_deadline(0, day=0), "$.reporting.deadlines[0].day", "must be at least 1, got 0"),
    (_fz_deadline(0, day="20"), "$.reporting.deadlines[0].day", "expected an integer, got a string"),
    (_fz_deadline(0, month=7), "$.reporting.deadlines[0].month", "a monthly deadline takes day"),
    (_fz_deadline(1, month=None), "$.reporting.deadlines[1].month", "missing required field"),
    (_fz_deadline(1, month=13), "$.reporting.deadlines[1].month", "must be 1 to 12, got 13"),
    (_fz_deadline(1, month=2, day=30), "$.reporting.deadlines[1].day", "2月30日 does not come every year"),
    (_fz_deadline(1, month=2, day=29), "$.reporting.deadlines[1].day", "2月29日 does not come every year"),
    (_fz_deadline(1, covers="last_month"), "$.reporting.deadlines[1].covers", "'last_month' is not one of previous_month"),
    (_fz_deadline(1, what=""), "$.reporting.deadlines[1].what", "expected a non-empty string"),
    (_fz_deadline(1, to=None), "$.reporting.deadlines[1].to", "missing required field"),
    (_fz_deadline(1, citation=None), "$.reporting.deadlines[1].citation", "missing required field"),
    (_fz_deadline(1, citation={"clause": "六、(四)"}), "$.reporting.deadlines[1].citation.quote", "missing required field"),
    (_fz_deadline(2, basis="x"), "$.reporting.deadlines[2].basis", "unknown field"),
    (_doc("wuchang") | {"reporting": {"note": "x", "deadlines": [
        {"rhythm": "quarterly", "day": 10, "what": "季度", "to": "区信用办", "citation": {"clause": "三", "quote": "q"}}]}},
     "$.reporting.deadlines[0].day", "a quarterly deadline takes no month or day"),
]  # fmt: skip


@pytest.mark.parametrize(("doc", "path", "message"), BAD, ids=[f"{i}:{b[1]}" for i, b in enumerate(BAD)])
def test_a_malformed_section_is_refused_with_where_and_what(doc, path, message):
    with pytest.raises(PolicyError) as err:
        parse_profile(doc, "broken.json")
    assert err.value.source == "broken.json" and err.value.path == path
    assert message in err.value.message
    assert str(err.value).startswith(f"broken.json: {path}: ")


def test_a_malformed_platform_version_is_skipped_and_the_bundled_schedule_stays():
    class Row:
        id, profile_id, version, effective_from = "pol-bad", "fuzhou", 2, dt.date(2026, 1, 1)
        document = {**_fz_deadline(0, rhythm="weekly"), "version": 2}

    store = ProfileStore.bundled()
    store.add_platform_rows([Row()])
    assert [e.path for e in store.errors] == ["$.reporting.deadlines[0].rhythm"]
    assert "platform policy pol-bad" in str(store.errors[0])
    assert next_deadlines("fuzhou", dt.date(2026, 11, 22), store=store).deadlines[0].what == "月度工作进展"
