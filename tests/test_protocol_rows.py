"""protocol.row_builder (the apply path's specialised converters) agrees with protocol.convert.

``convert`` is the plain reference form of the entity rules; ``row_builder``
is generated from the same FIELDS for speed. For any input both must either
give the same column values or refuse with the same reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from creditdesk.demo.city import DemoCity
from creditdesk.protocol import COLUMNS, FIELDS, JSON_COLUMNS, InvalidChange, convert, row_builder
from support.city import id_number

MARK = 7


def reference(etype: str, eid: Any, data: Any) -> tuple[str, Any]:
    try:
        row = convert(etype, eid, data)
    except InvalidChange as exc:
        return "refused", str(exc)
    row["sync_pass"] = MARK
    values = tuple(
        (None if row[c] is None else orjson.loads(orjson.dumps(row[c]))) if c in JSON_COLUMNS else row[c]
        for c in COLUMNS[etype]
    )
    return "row", values


def fast(etype: str, eid: Any, data: Any) -> tuple[str, Any]:
    try:
        row = row_builder(etype)(eid, data, MARK)
    except InvalidChange as exc:
        return "refused", str(exc)
    assert len(row) == len(COLUMNS[etype])
    values = tuple(
        (None if v is None else orjson.loads(v)) if c in JSON_COLUMNS else v for c, v in zip(COLUMNS[etype], row)
    )
    for c, v in zip(COLUMNS[etype], row):
        if c in JSON_COLUMNS:
            assert v is None or isinstance(v, str)
    return "row", values


def test_columns_are_the_tables_columns():
    from creditdesk.services.apply import TABLES

    for etype, table in TABLES.items():
        assert set(COLUMNS[etype]) == {c.name for c in table.columns}, etype


def test_the_demo_citys_changes_convert_alike():
    for change in DemoCity(subjects=300, seed=7, as_of=dt.date(2026, 11, 21)).changes():
        if change.get("op") == "upsert":
            args = (change["type"], change["id"], change["data"])
            assert fast(*args) == reference(*args)


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.just(10**17 + 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "", " ", "a", "福州", "2026-01-31", "2026-02-30", "20260131", "2026-W01-1", "active", "legal_person",
            "natural_person", "repaired", "national", "withdrawn", "91350100MA2Y0XXXX0", id_number(3),
            "联系人" + id_number(4), "P-" + "ab" * 32, "ab" * 32, "R-1",
        ]
    ),
    st.lists(st.sampled_from(["福州甲有限公司", "", "x"]), max_size=3),
    st.lists(st.integers(0, 2), min_size=1, max_size=2),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(0, 2), max_size=2),
)


_BASE: dict[str, tuple[str, dict[str, Any]]] = {
    "subject": ("91350100MA2Y0XXXX0", {
        "kind": "legal_person", "name": "福州甲有限公司", "uscc": "91350100MA2Y0XXXX0", "former_names": ["福州乙商行"],
        "legal_representative": "张三", "region_code": "350102", "registered_on": "2020-01-02", "status": "active",
        "id_masked": None, "id_digest": None, "updated_at": "2026-01-01T00:00:00+08:00"}),
    "record": ("R-1", {
        "subject_id": "S", "category": "admin_penalty", "title": "罚款", "doc_no": None, "authority": "市监局",
        "authority_code": None, "decided_on": "2026-01-01", "publish_from": "2026-01-02", "publish_until": None,
        "status": "active", "basis": None, "content": "c", "amount": 5000.0, "grade": None, "rating_scheme": None,
        "updated_at": None}),
    "agency": ("A-1", {
        "name": "福州信评", "uscc": "91350100MA2Y0XXXX0", "filing_no": "G1", "filing_authority": "人行",
        "filing_level": "city", "filed_on": "2017-06-12", "valid_until": None, "status": "active"}),
    "report": ("R-1", {
        "report_no": "R-1", "subject_id": "S", "agency_id": "A", "issued_on": "2026-08-22",
        "valid_until": "2027-08-22", "grade": "AAA", "publicized_on": "2026-08-30", "status": "withdrawn"}),
    "policy": ("pol-1", {"profile_id": "fz", "version": 1, "effective_from": "2026-01-01", "document": {"m": []}}),
}  # fmt: skip


@st.composite
def changes(draw):
    """A valid change of some type with a few fields replaced, removed or added."""
    etype = draw(st.sampled_from(sorted(_BASE)))
    eid, base = _BASE[etype]
    data: dict[str, Any] = dict(base)
    for field in [f[0] for f in FIELDS[etype]] + ["report_no", "future_field", "note"]:
        roll = draw(st.integers(0, 11))
        if roll == 0:
            data.pop(field, None)
        elif roll == 1:
            data[field] = draw(_values)
    if draw(st.integers(0, 9)) == 0:
        eid = draw(st.sampled_from(["P-" + "ab" * 32, "", "x" * 81, None, 5]))
    if draw(st.integers(0, 19)) == 0:
        data = draw(st.one_of(st.none(), st.just([1])))
    return etype, eid, data


@settings(max_examples=800, deadline=None)
@given(changes())
def test_any_input_converts_alike(case):
    assert fast(*case) == reference(*case)


@pytest.mark.parametrize(
    "etype, data",
    [
        ("subject", {"kind": "natural_person", "name": "王二", "status": "active", "id_digest": "ab" * 32,
                     "id_masked": id_number(9)}),
        ("subject", {"kind": "legal_person", "name": "福州甲有限公司", "status": "active",
                     "uscc": "91350100MA2Y0XXXX0", "id_digest": "cd" * 32, "id_masked": "x"}),
        ("record", {"subject_id": "S", "category": "other", "title": "t", "authority": "a",
                    "decided_on": "20260101", "publish_from": "2026-01-01", "status": "active", "amount": 5}),
        ("report", {"subject_id": "S", "agency_id": "A", "issued_on": "2026-01-01", "valid_until": "2027-01-01",
                    "grade": "A", "publicized_on": "2026-01-02", "status": "active", "report_no": "R-2"}),
        ("policy", {"profile_id": "fz", "version": 2, "effective_from": "2026-01-01", "document": {"a": [1]}}),
    ],
)  # fmt: skip
def test_special_rules_convert_alike(etype, data):
    for eid in ("P-" + "ab" * 32, "91350100MA2Y0XXXX0", "R-1", "R-2"):
        assert fast(etype, eid, data) == reference(etype, eid, data)
