"""The platform protocol's entities (section 4): field rules and conversion to rows.

``convert(entity_type, entity_id, data)`` turns a change's ``data`` into the
column values of its table, or raises ``InvalidChange`` with a reason an
administrator can act on. Unknown fields are kept in ``extra`` (protocol 3.1)
— except that any value shaped like a full ID number is masked, because full
ID numbers are never stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

import orjson

from creditdesk.identifiers import mask_ids_in_text, remask_id

ENTITY_TYPES = ("subject", "record", "agency", "report", "policy")

SUBJECT_KINDS = ("legal_person", "unincorporated", "individual_business", "natural_person")
SUBJECT_STATUSES = ("active", "deregistered", "revoked")
RECORD_STATUSES = ("active", "repaired", "revoked")
AGENCY_STATUSES = ("active", "suspended", "revoked")
FILING_LEVELS = ("national", "provincial", "city", "county")
REPORT_STATUSES = ("active", "withdrawn")

# Bounded like logsetup's pattern: an ID number stands alone or beside non-ASCII
# text (身份证号350102…。), never inside a longer run of letters and digits such
# as a 64-character hex digest, which must stay intact.
_FULL_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


class InvalidChange(ValueError):
    """A change that cannot be applied; the message is the recorded reason."""


def _str(field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidChange(f"字段 {field} 应为非空字符串，实际为 {value!r}")
    return value


def _opt_str(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidChange(f"字段 {field} 应为字符串或 null，实际为 {value!r}")
    return value


def _date(field: str, value: Any) -> str:
    """A valid date, kept as its canonical ``YYYY-MM-DD`` text (the form both databases store)."""
    if not isinstance(value, str):
        raise InvalidChange(f"字段 {field} 应为日期 YYYY-MM-DD，实际为 {value!r}")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidChange(f"字段 {field} 不是有效日期：{value!r}") from None
    return value if len(value) == 10 and value[4] == "-" else parsed.isoformat()


def _opt_date(field: str, value: Any) -> str | None:
    return None if value is None else _date(field, value)


def _opt_num(field: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidChange(f"字段 {field} 应为数字或 null，实际为 {value!r}")
    return float(value)


def _int(field: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidChange(f"字段 {field} 应为整数，实际为 {value!r}")
    return value


def _enum(*allowed: str) -> Callable[[str, Any], str]:
    def check(field: str, value: Any) -> str:
        if value not in allowed:
            raise InvalidChange(f"字段 {field} 的值 {value!r} 不在允许范围 {'/'.join(allowed)} 内")
        return value

    check.allowed = allowed  # type: ignore[attr-defined]
    return check


def _str_list(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidChange(f"字段 {field} 应为字符串列表，实际为 {value!r}")
    return value


def _dict(field: str, value: Any) -> dict:
    if not isinstance(value, dict):
        raise InvalidChange(f"字段 {field} 应为对象，实际为 {value!r}")
    return value


# (field, converter, required). A required field must be present; an optional one
# may be absent (taken as null).
FieldSpec = tuple[str, Callable[[str, Any], Any], bool]

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "subject": (
        ("kind", _enum(*SUBJECT_KINDS), True),
        ("name", _str, True),
        ("uscc", _opt_str, False),
        ("former_names", _str_list, False),
        ("legal_representative", _opt_str, False),
        ("region_code", _opt_str, False),
        ("registered_on", _opt_date, False),
        ("status", _enum(*SUBJECT_STATUSES), True),
        ("id_masked", _opt_str, False),
        ("id_digest", _opt_str, False),
        ("updated_at", _opt_str, False),
    ),
    "record": (
        ("subject_id", _str, True),
        ("category", _str, True),
        ("title", _str, True),
        ("doc_no", _opt_str, False),
        ("authority", _str, True),
        ("authority_code", _opt_str, False),
        ("decided_on", _date, True),
        ("publish_from", _date, True),
        ("publish_until", _opt_date, False),
        ("status", _enum(*RECORD_STATUSES), True),
        ("basis", _opt_str, False),
        ("content", _opt_str, False),
        ("amount", _opt_num, False),
        ("grade", _opt_str, False),
        ("rating_scheme", _opt_str, False),
        ("updated_at", _opt_str, False),
    ),
    "agency": (
        ("name", _str, True),
        ("uscc", _str, True),
        ("filing_no", _str, True),
        ("filing_authority", _str, True),
        ("filing_level", _enum(*FILING_LEVELS), True),
        ("filed_on", _date, True),
        ("valid_until", _opt_date, False),
        ("status", _enum(*AGENCY_STATUSES), True),
        ("updated_at", _opt_str, False),
    ),
    "report": (
        ("subject_id", _str, True),
        ("agency_id", _str, True),
        ("issued_on", _date, True),
        ("valid_until", _date, True),
        ("grade", _str, True),
        ("publicized_on", _date, True),
        ("status", _enum(*REPORT_STATUSES), True),
        ("updated_at", _opt_str, False),
    ),
    "policy": (
        ("profile_id", _str, True),
        ("version", _int, True),
        ("effective_from", _date, True),
        ("document", _dict, True),
        ("updated_at", _opt_str, False),
    ),
}

# Fields the protocol defines but that the row does not hold as a column of its own.
_DEFINED_ELSEWHERE = {"report": {"report_no"}}
_KNOWN = {t: {f[0] for f in specs} | _DEFINED_ELSEWHERE.get(t, set()) for t, specs in FIELDS.items()}


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _FULL_ID.sub(lambda m: remask_id(m.group(0)), value)
    if isinstance(value, int) and not isinstance(value, bool) and 10**17 <= value < 10**18:
        return _scrub(str(value))  # an ID number sent as a JSON number
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    return value


def convert(entity_type: str, entity_id: Any, data: Any) -> dict[str, Any]:
    """Column values for an upsert of ``entity_type``; raises InvalidChange.

    The reference form of the rules: plain, one field at a time. The apply path
    uses :func:`row_builder`, which must agree with it (tests check that).
    """
    if not isinstance(entity_id, str) or not entity_id or len(entity_id) > 80:
        raise InvalidChange(f"实体 id 无效：{entity_id!r}")
    if not isinstance(data, dict):
        raise InvalidChange("upsert 缺少 data 对象")
    row: dict[str, Any] = {"id": entity_id}
    for field, conv, required in FIELDS[entity_type]:
        if field in data:
            row[field] = conv(field, data[field])
        elif required:
            raise InvalidChange(f"缺少必填字段 {field}")
        else:
            row[field] = conv(field, None) if conv is _str_list else None
    unknown = data.keys() - _KNOWN[entity_type]
    row["extra"] = _scrub({k: data[k] for k in unknown}) if unknown else None
    _check_entity(entity_type, entity_id, row, data)
    return row


# Free text from the platform in which a full ID number is masked on apply (issue 10 item 7).
_FREE_TEXT = {
    "subject": ("name", "former_names", "legal_representative"),
    "record": ("title", "doc_no", "authority", "basis", "content"),
}


def _check_entity(entity_type: str, entity_id: str, row: dict[str, Any], data: dict) -> None:
    for field in _FREE_TEXT.get(entity_type, ()):
        value = row.get(field)
        if isinstance(value, str):
            row[field] = mask_ids_in_text(value)
        elif isinstance(value, list):
            row[field] = [mask_ids_in_text(v) if isinstance(v, str) else v for v in value]
    if entity_type == "subject":
        row["uscc"], row["id_masked"], row["id_digest"] = _subject_identity(
            entity_id, row["kind"], row["uscc"], row["id_masked"], row["id_digest"]
        )
        row["region_code"] = _person_region(row["kind"], row["region_code"])
    elif entity_type == "report":
        _check_report_no(entity_id, data)


def _person_region(kind: str, region_code: str | None) -> str | None:
    """A natural person's region code is the first 6 characters of the ID number: kept only to the
    province (``35`` + ``0000``), like the masked number (identifiers.MASK_HEAD)."""
    if kind != "natural_person" or not region_code:
        return region_code
    return region_code[:2] + "0" * max(0, len(region_code) - 2)


def _subject_identity(
    entity_id: str, kind: str, uscc: str | None, id_masked: str | None, id_digest: str | None
) -> tuple[str | None, str | None, str | None]:
    """(uscc, id_masked, id_digest) as stored, or InvalidChange."""
    if kind == "natural_person":
        if not id_digest:
            raise InvalidChange("自然人缺少 id_digest")
        if entity_id != "P-" + id_digest:
            raise InvalidChange("自然人的实体 id 应为 P- 加 id_digest")
        # id_masked is meant to be masked; never keep more of it than the stored form allows
        # (first 2, last 4: identifiers.MASK_HEAD/MASK_TAIL), nor a full number sent by mistake.
        return None, remask_id(id_masked), id_digest
    if not uscc or len(uscc) != 18:
        raise InvalidChange(f"非自然人主体的 uscc 应为18位统一社会信用代码，实际为 {uscc!r}")
    # Never keep a full ID number, even if a platform sent one by mistake.
    return uscc, None, None


def _check_report_no(entity_id: str, data: dict) -> None:
    report_no = data.get("report_no", entity_id)
    if report_no != entity_id:
        raise InvalidChange(f"report_no {report_no!r} 与实体 id {entity_id!r} 不一致")


# -- rows for the apply path ------------------------------------------------
#
# ``convert`` builds a dict that the writer then turns into a tuple; on a
# million-change load that round trip and the per-field calls cost more than
# SQLite's own work. ``row_builder(type)`` returns a function specialised for
# one entity type, generated once from FIELDS: it checks the same rules in the
# same order with the common case inline (exact str/int/float/dict/list types,
# dates through a cache of already validated text), falls back to the
# reference converter for anything else (so messages and edge cases are the
# reference's own), and returns the row as a tuple in COLUMNS order with the
# JSON columns already serialised.

#: Column order of the rows ``row_builder`` returns: the entity id, the fields
#: of FIELDS, unknown fields (``extra``), the full-pass mark (``sync_pass``).
COLUMNS: dict[str, tuple[str, ...]] = {
    t: ("id", *(f[0] for f in specs), "extra", "sync_pass") for t, specs in FIELDS.items()
}
#: Columns that hold JSON text in the rows ``row_builder`` returns.
JSON_COLUMNS = frozenset({"former_names", "extra", "document"})

_MISSING = object()
# Date text already validated -> its canonical form. Dates repeat a lot (a few
# thousand days cover a city); bounded so odd input cannot grow it forever.
_DATES: dict[str, str] = {}
_DATES_MAX = 100_000


def _date_cached(field: str, value: Any) -> str:
    canonical = _date(field, value)
    if len(_DATES) < _DATES_MAX:
        _DATES[value] = canonical
    return canonical


def _extra_json(data: dict, known: frozenset[str]) -> str:
    return _dumps(_scrub({k: v for k, v in data.items() if k not in known}))


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


RowBuilder = Callable[[Any, Any, "int | None"], tuple]
_BUILDERS: dict[str, RowBuilder] = {}


def row_builder(entity_type: str) -> RowBuilder:
    """``build(entity_id, data, sync_pass) -> row tuple`` (COLUMNS order); raises InvalidChange."""
    build = _BUILDERS.get(entity_type)
    if build is None:
        build = _BUILDERS[entity_type] = _generate(entity_type)
    return build


def _field_code(i: int, field: str, conv: Callable, required: bool, present: bool) -> list[str]:
    """Lines that check field ``field``'s value in ``v{i}`` and leave its column value there.

    ``present``: ``v{i}`` already holds ``data[field]`` (no fetching, no missing
    case); otherwise the lines fetch it and a required field may be missing.
    """
    v, f = f"v{i}", repr(field)
    missing = (
        [f"        if {v} is _MISSING: raise InvalidChange({'缺少必填字段 ' + field!r})"] if required and not present else []
    )
    get = [] if present else [f"    {v} = get({f}, _MISSING)" if required else f"    {v} = get({f})"]
    if conv is _str:
        return [*get, f"    if {v}.__class__ is not str or not {v} or {v}.isspace():", *missing,
                f"        {v} = _str({f}, {v})"]  # fmt: skip
    if conv is _opt_str:
        return [*get, f"    if {v} is not None and {v}.__class__ is not str: {v} = _opt_str({f}, {v})"]
    if conv in (_date, _opt_date):
        lines = [*get]
        indent = "    "
        if conv is _opt_date:
            lines.append(f"    if {v} is not None:")
            indent = "        "
        lines += [
            f"{indent}c = _DATES.get({v}) if {v}.__class__ is str else None",
            f"{indent}if c is None:",
            *missing,  # only required dates can be missing, and they sit at this depth
            f"{indent}    c = _date_cached({f}, {v})",
            f"{indent}{v} = c",
        ]
        return lines
    if conv is _opt_num:
        return [*get, f"    if {v} is not None and {v}.__class__ is not float:",
                f"        {v} = float({v}) if {v}.__class__ is int else _opt_num({f}, {v})"]  # fmt: skip
    if conv is _int:
        return [*get, f"    if {v}.__class__ is not int:", *missing, f"        {v} = _int({f}, {v})"]
    if conv is _dict:
        return [*get, f"    if {v}.__class__ is not dict:", *missing, f"        {v} = _dict({f}, {v})",
                f"    {v} = _dumps({v})"]  # fmt: skip
    if conv is _str_list:
        return [*get, f"    if not {v}:",
                f"        {v} = '[]' if {v} is None or {v}.__class__ is list else _dumps(_str_list({f}, {v}))",
                "    else:",
                f"        {v} = _dumps(_str_list({f}, {v}))"]  # fmt: skip
    if getattr(conv, "allowed", None) is not None:  # an _enum
        return [*get, f"    if {v}.__class__ is not str or {v} not in _allowed_{i}:", *missing,
                f"        {v} = _conv_{i}({f}, {v})"]  # fmt: skip
    # Any other converter: called as it is.
    check_missing = [f"    if {v} is _MISSING: raise InvalidChange({'缺少必填字段 ' + field!r})"] if missing else []
    return [*get, *check_missing, f"    {v} = _conv_{i}({f}, {v})"]


def _generate(entity_type: str) -> RowBuilder:
    """Two functions: ``build_any`` fetches field by field (a field may be missing);
    ``build``, the one returned, takes every field at once and hands anything
    unusual (a missing field, data not a plain dict) to ``build_any``."""
    specs = FIELDS[entity_type]
    names = {field: f"v{i}" for i, (field, _, _) in enumerate(specs)}
    namespace: dict[str, Any] = {
        "InvalidChange": InvalidChange, "_MISSING": _MISSING, "_DATES": _DATES, "_date_cached": _date_cached,
        "_str": _str, "_opt_str": _opt_str, "_opt_num": _opt_num, "_int": _int, "_dict": _dict,
        "_str_list": _str_list, "_dumps": _dumps, "_extra_json": _extra_json, "_known": frozenset(_KNOWN[entity_type]),
        "_subject_identity": _subject_identity, "_check_report_no": _check_report_no,
        "_mask_text": mask_ids_in_text, "_person_region": _person_region,
    }  # fmt: skip
    for i, (_, conv, _) in enumerate(specs):
        namespace[f"_conv_{i}"] = conv
        if getattr(conv, "allowed", None) is not None:
            namespace[f"_allowed_{i}"] = frozenset(conv.allowed)
    check_id = [
        "    if eid.__class__ is not str or not eid or len(eid) > 80:",
        "        if not isinstance(eid, str) or not eid or len(eid) > 80:",
        "            raise InvalidChange(f'实体 id 无效：{eid!r}')",
    ]
    tail = [f"    {names[f]} = _mask_text({names[f]})" for f in _FREE_TEXT.get(entity_type, ())]
    if entity_type == "subject":
        u, m, d = names["uscc"], names["id_masked"], names["id_digest"]
        tail.append(f"    {u}, {m}, {d} = _subject_identity(eid, {names['kind']}, {u}, {m}, {d})")
        tail.append(f"    {names['region_code']} = _person_region({names['kind']}, {names['region_code']})")
    elif entity_type == "report":
        tail.append("    if 'report_no' in data: _check_report_no(eid, data)")
    tail.append(f"    return (eid, {', '.join(names.values())}, extra, mark)")

    lines = [
        "def build_any(eid, data, mark):",
        *check_id,
        "    if not isinstance(data, dict): raise InvalidChange('upsert 缺少 data 对象')",
        "    get = data.get",
    ]
    for i, (field, conv, required) in enumerate(specs):
        lines += _field_code(i, field, conv, required, present=False)
    lines += ["    extra = None if data.keys() <= _known else _extra_json(data, _known)", *tail, ""]

    lines += ["def build(eid, data, mark):", *check_id, "    if data.__class__ is not dict: return build_any(eid, data, mark)"]
    lines.append("    try:")
    lines += [f"        v{i} = data[{field!r}]" for i, (field, _, _) in enumerate(specs)]
    lines += ["    except KeyError:", "        return build_any(eid, data, mark)"]
    for i, (field, conv, required) in enumerate(specs):
        lines += _field_code(i, field, conv, required, present=True)
    # Every field is there: the data holds nothing else when it has no more keys than fields.
    lines += [
        f"    extra = None if len(data) == {len(specs)} or data.keys() <= _known else _extra_json(data, _known)",
        *tail,
    ]
    exec(compile("\n".join(lines), f"<row_builder {entity_type}>", "exec"), namespace)  # noqa: S102
    return namespace["build"]


@dataclass(frozen=True)
class Position:
    """Where the applied data stands in the platform's history (protocol 3.2)."""

    seq: int
    epoch: str | None
    as_of: str | None = None
    platform_id: str | None = None
    high_water: int | None = None
    person_key: str | None = None


# Data generated on this machine (the demo city) has a position of its own, in no platform's
# history: its epoch carries this prefix, so a sync never takes its seq as a delta cursor.
LOCAL_EPOCH_PREFIX = "local:"


def local_epoch(epoch: str) -> str:
    return LOCAL_EPOCH_PREFIX + epoch
