"""Loading and validating policy profiles, and choosing the version in force on a day.

Bundled profiles ship in ``creditdesk/resources/policies/*.json``; the platform
publishes newer versions as ``policy`` entities (protocol 4.5). Every load error
names the file (or platform entity), the JSON path inside it and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from creditdesk.policy.model import (
    AGENCY_LEVELS,
    FORMAT,
    LAYERS,
    NATIONAL_LAYER_ID,
    FORMAT_VERSION,
    MATTER_CODES,
    NATURES,
    REPORTING_PERIODS,
    REPORTING_RHYTHMS,
    RULE_OUTCOMES,
    STEPS,
    SUBJECT_KINDS,
    TEMPLATE_FIELDS,
    AgencyRule,
    AllCond,
    AnyCond,
    Citation,
    CommitmentCond,
    CommitmentTemplate,
    CreditReviewPolicy,
    DocumentInfo,
    Matter,
    NoRecordsCond,
    Note,
    NotCond,
    Profile,
    RecordFilter,
    RecordsCond,
    ReportCond,
    ReportGradeCond,
    ReportingDeadline,
    ReportingPolicy,
    ReportPolicy,
    Rule,
    SubjectCond,
)

log = logging.getLogger(__name__)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class PolicyError(ValueError):
    """A profile that cannot be used: where (file, JSON path) and what."""

    def __init__(self, source: str, path: str, message: str) -> None:
        super().__init__(f"{source}: {path}: {message}")
        self.source, self.path, self.message = source, path, message


class UnknownProfile(LookupError):
    def __init__(self, profile_id: str, known: Iterable[str], day: dt.date | None = None) -> None:
        self.profile_id, self.known = profile_id, tuple(sorted(known))
        what = f"策略档案 {profile_id!r} 在 {day} 没有生效的版本" if day else f"未知的策略档案 {profile_id!r}"
        super().__init__(f"{what}；可用的档案：{', '.join(self.known)}")


class UnknownMatter(LookupError):
    def __init__(self, matter: str, profile: Profile) -> None:
        self.matter = matter
        self.known = profile.matter_codes
        super().__init__(
            f"档案 {profile.id} v{profile.version} 没有事项 {matter!r}；可用的事项："
            + ", ".join(f"{m.code}（{m.label}）" for m in profile.matters)
        )


# -- the validator ---------------------------------------------------------------


class _Reader:
    """Walks one document, keeping the JSON path for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str):  # noqa: ANN201
        raise PolicyError(self.source, path, message)

    def obj(self, value: Any, path: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object, got {_kind(value)}")
        required, allowed = set(required), set(required) | set(optional)
        for key in sorted(required - value.keys()):
            self.fail(f"{path}.{key}", "missing required field")
        for key in sorted(value.keys() - allowed):
            self.fail(f"{path}.{key}", f"unknown field (allowed: {', '.join(sorted(allowed))})")
        return value

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"expected a non-empty string, got {_kind(value)}")
        return value

    def integer(self, value: Any, path: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected an integer, got {_kind(value)}")
        if value < minimum:
            self.fail(path, f"must be at least {minimum}, got {value}")
        return value

    def boolean(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            self.fail(path, f"expected true or false, got {_kind(value)}")
        return value

    def date(self, value: Any, path: str) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(self.text(value, path))
        except ValueError:
            self.fail(path, f"expected a date YYYY-MM-DD, got {value!r}")

    def choice(self, value: Any, path: str, allowed: Iterable[str]) -> str:
        allowed = tuple(allowed)
        if value not in allowed:
            self.fail(path, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def items(self, value: Any, path: str, nonempty: bool = True) -> list:
        if not isinstance(value, list):
            self.fail(path, f"expected a list, got {_kind(value)}")
        if nonempty and not value:
            self.fail(path, "must not be empty")
        return value

    def strings(self, value: Any, path: str, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
        out = []
        for i, v in enumerate(self.items(value, path)):
            out.append(self.choice(v, f"{path}[{i}]", allowed) if allowed is not None else self.text(v, f"{path}[{i}]"))
        return tuple(out)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def parse_profile(doc: Any, source: str) -> Profile:
    """Validate a profile document and build the Profile. Raises PolicyError."""
    r = _Reader(source)
    top = r.obj(
        doc, "$",
        required=("format", "format_version", "profile_id", "version", "effective_from", "name", "document", "matters"),
        optional=("report", "rules", "notes", "commitment_templates", "description", "reporting", "layer",
                  "credit_review"),
    )  # fmt: skip
    if top["format"] != FORMAT:
        r.fail("$.format", f"expected {FORMAT!r}, got {top['format']!r}")
    if top["format_version"] != FORMAT_VERSION:
        r.fail("$.format_version", f"this program reads format version {FORMAT_VERSION}, got {top['format_version']!r}")
    profile_id = r.text(top["profile_id"], "$.profile_id")
    if not _ID.match(profile_id):
        r.fail("$.profile_id", f"{profile_id!r} must be lowercase letters, digits and _ (2–40), starting with a letter")
    version = r.integer(top["version"], "$.version", 1)
    effective_from = r.date(top["effective_from"], "$.effective_from")
    layer = r.choice(top["layer"], "$.layer", LAYERS) if "layer" in top else None
    if layer is not None and profile_id != layer:
        r.fail("$.profile_id", f"the {layer} layer must have profile_id {layer!r}, got {profile_id!r}")
    if layer is None and profile_id in LAYERS:
        r.fail("$.layer", f"profile_id {profile_id!r} is reserved for the {profile_id} layer: add \"layer\": {profile_id!r}")

    d = r.obj(top["document"], "$.document", ("number", "title", "issuer", "issued_on"))
    document = DocumentInfo(
        r.text(d["number"], "$.document.number"), r.text(d["title"], "$.document.title"),
        r.text(d["issuer"], "$.document.issuer"), r.date(d["issued_on"], "$.document.issued_on"),
    )  # fmt: skip

    def citation(value: Any, path: str) -> Citation:
        c = r.obj(value, path, ("clause", "quote"), ("document",))
        doc_no = r.text(c["document"], f"{path}.document") if "document" in c else document.number
        return Citation(doc_no, r.text(c["clause"], f"{path}.clause"), r.text(c["quote"], f"{path}.quote"))

    matters: list[Matter] = []
    seen: set[str] = set()
    for i, m in enumerate(r.items(top["matters"], "$.matters")):
        p = f"$.matters[{i}]"
        r.obj(m, p, ("code", "label", "maps_to", "steps"), ("citation", "either", "listed"))
        code = r.text(m["code"], f"{p}.code")
        if not _ID.match(code):
            r.fail(f"{p}.code", f"{code!r} must be lowercase letters, digits and _")
        if code in seen:
            r.fail(f"{p}.code", f"duplicate matter {code!r}")
        seen.add(code)
        maps_to = r.choice(m["maps_to"], f"{p}.maps_to", MATTER_CODES)
        if code in MATTER_CODES and code != maps_to:
            r.fail(f"{p}.maps_to", f"the standard matter {code!r} cannot map onto {maps_to!r}")
        steps = r.strings(m["steps"], f"{p}.steps", STEPS)
        if layer is not None and code not in MATTER_CODES:
            r.fail(f"{p}.code", f"the {layer} layer has only the standard matters, not {code!r}")
        cit = citation(m["citation"], f"{p}.citation") if "citation" in m else None
        either = []
        for j, group in enumerate(r.items(m.get("either", []), f"{p}.either", nonempty=False)):
            g = r.strings(group, f"{p}.either[{j}]", steps)
            if len(g) < 2:
                r.fail(f"{p}.either[{j}]", "a group of alternatives needs at least two of the matter's steps")
            either.append(g)
        listed = r.boolean(m.get("listed", True), f"{p}.listed")
        if not listed and cit is None:
            r.fail(f"{p}.citation", "a matter the text does not list needs the city's general clause as its citation")
        matters.append(Matter(code, r.text(m["label"], f"{p}.label"), maps_to, steps, cit, tuple(either), listed))

    def matter_list(value: Any, path: str) -> tuple[str, ...] | None:
        if value == "*":
            return None
        return r.strings(value, path, tuple(seen))

    report = ReportPolicy()
    if "report" in top:
        p = "$.report"
        rp = r.obj(top["report"], p, (), ("max_age_years", "min_agency_level", "require_publicized", "citations", "agencies"))
        report = ReportPolicy(
            max_age_years=None if rp.get("max_age_years") is None else r.integer(rp["max_age_years"], f"{p}.max_age_years", 1),
            min_agency_level=None if rp.get("min_agency_level") is None
            else r.choice(rp["min_agency_level"], f"{p}.min_agency_level", AGENCY_LEVELS),
            require_publicized=r.boolean(rp.get("require_publicized", False), f"{p}.require_publicized"),
            citations=tuple(citation(c, f"{p}.citations[{i}]") for i, c in enumerate(r.items(rp.get("citations", []), f"{p}.citations", False))),
            agencies=_agencies(r, rp["agencies"], f"{p}.agencies") if "agencies" in rp else None,
        )  # fmt: skip

    credit_review = None
    if "credit_review" in top:
        p = "$.credit_review"
        cr = r.obj(top["credit_review"], p, ("by", "deadline_working_days", "valid_years", "pilot_only", "citations"))
        credit_review = CreditReviewPolicy(
            by=r.text(cr["by"], f"{p}.by"),
            deadline_working_days=r.integer(cr["deadline_working_days"], f"{p}.deadline_working_days", 1),
            valid_years=r.integer(cr["valid_years"], f"{p}.valid_years", 1),
            pilot_only=r.boolean(cr["pilot_only"], f"{p}.pilot_only"),
            citations=tuple(citation(c, f"{p}.citations[{i}]") for i, c in enumerate(r.items(cr["citations"], f"{p}.citations"))),
        )  # fmt: skip

    rules: list[Rule] = []
    rule_ids: set[str] = set()
    for i, x in enumerate(r.items(top.get("rules", []), "$.rules", nonempty=False)):
        p = f"$.rules[{i}]"
        r.obj(x, p, ("id", "matters", "when", "outcome", "measures", "citation"), ("note",))
        rid = r.text(x["id"], f"{p}.id")
        if rid in rule_ids:
            r.fail(f"{p}.id", f"duplicate rule id {rid!r}")
        rule_ids.add(rid)
        rules.append(
            Rule(
                id=rid, matters=matter_list(x["matters"], f"{p}.matters"), when=_condition(r, x["when"], f"{p}.when"),
                outcome=r.choice(x["outcome"], f"{p}.outcome", RULE_OUTCOMES),
                measures=r.strings(x["measures"], f"{p}.measures"), citation=citation(x["citation"], f"{p}.citation"),
                note=r.text(x["note"], f"{p}.note") if "note" in x else None,
            )
        )  # fmt: skip

    notes = []
    for i, n in enumerate(r.items(top.get("notes", []), "$.notes", nonempty=False)):
        p = f"$.notes[{i}]"
        r.obj(n, p, ("text",), ("citation", "matters"))
        notes.append(
            Note(
                r.text(n["text"], f"{p}.text"), citation(n["citation"], f"{p}.citation") if "citation" in n else None,
                matter_list(n.get("matters", "*"), f"{p}.matters"),
            )
        )  # fmt: skip

    templates = []
    for i, t in enumerate(r.items(top.get("commitment_templates", []), "$.commitment_templates", nonempty=False)):
        p = f"$.commitment_templates[{i}]"
        r.obj(t, p, ("matters", "text"), ("citation",))
        text = r.text(t["text"], f"{p}.text")
        for name in _PLACEHOLDER.findall(text):
            if name not in TEMPLATE_FIELDS:
                r.fail(f"{p}.text", f"unknown placeholder {{{name}}} (allowed: {', '.join(TEMPLATE_FIELDS)})")
        templates.append(
            CommitmentTemplate(matter_list(t["matters"], f"{p}.matters"), text,
                               citation(t["citation"], f"{p}.citation") if "citation" in t else None)
        )  # fmt: skip

    reporting = _reporting(r, top["reporting"], "$.reporting", citation) if "reporting" in top else None

    return Profile(
        id=profile_id, version=version, effective_from=effective_from, name=r.text(top["name"], "$.name"),
        document=document, report=report, matters=tuple(matters), rules=tuple(rules), notes=tuple(notes),
        commitment_templates=tuple(templates), reporting=reporting, layer=layer, credit_review=credit_review,
        source=source, raw=doc,
    )  # fmt: skip


def _agencies(r: _Reader, value: Any, path: str) -> tuple[AgencyRule, ...]:
    """Which issuing agencies are acceptable: each entry names filing authorities (by part of their name, at
    a minimum level) or agencies by part of their own name; any one entry suffices."""
    out = []
    for i, a in enumerate(r.items(value, path)):
        p = f"{path}[{i}]"
        r.obj(a, p, (), ("authorities", "names", "min_level"))
        if "authorities" not in a and "names" not in a:
            r.fail(p, "name the filing authorities (authorities) or the agencies (names) that are accepted")
        if "min_level" in a and "authorities" not in a:
            r.fail(f"{p}.min_level", "a minimum level applies to a filing authority: give authorities too")
        out.append(AgencyRule(
            authorities=r.strings(a["authorities"], f"{p}.authorities") if "authorities" in a else (),
            names=r.strings(a["names"], f"{p}.names") if "names" in a else (),
            min_level=r.choice(a["min_level"], f"{p}.min_level", AGENCY_LEVELS) if "min_level" in a else None,
        ))  # fmt: skip
    return tuple(out)


# Which fields each rhythm takes besides what, to, covers and citation.
_RHYTHM_FIELDS = {"monthly": ("day",), "quarterly": (), "yearly": ("month", "day")}


def _reporting(r: _Reader, value: Any, path: str, citation) -> ReportingPolicy:  # noqa: ANN001
    """The usage-reporting schedule: a note, and the deadlines (none when the policy fixes no date)."""
    top = r.obj(value, path, ("note",), ("deadlines",))
    deadlines = []
    for i, d in enumerate(r.items(top.get("deadlines", []), f"{path}.deadlines", nonempty=False)):
        p = f"{path}.deadlines[{i}]"
        if not isinstance(d, dict):
            r.fail(p, f"expected an object, got {_kind(d)}")
        if "rhythm" not in d:
            r.fail(f"{p}.rhythm", f"missing required field (one of {', '.join(REPORTING_RHYTHMS)})")
        rhythm = r.choice(d["rhythm"], f"{p}.rhythm", REPORTING_RHYTHMS)
        fields = _RHYTHM_FIELDS[rhythm]
        for key in ("month", "day"):
            if key in d and key not in fields:
                r.fail(f"{p}.{key}", f"a {rhythm} deadline takes {' and '.join(fields) or 'no month or day'}")
        r.obj(d, p, ("rhythm", "what", "to", "citation") + fields, ("covers",))
        month = r.integer(d["month"], f"{p}.month", 1) if "month" in fields else None
        day = r.integer(d["day"], f"{p}.day", 1) if "day" in fields else None
        if month is not None and month > 12:
            r.fail(f"{p}.month", f"must be 1 to 12, got {month}")
        if day is not None and day > 31:
            r.fail(f"{p}.day", f"must be 1 to 31, got {day}")
        if month is not None:
            try:
                dt.date(2001, month, day)  # a common year: 29 February would not come every year
            except ValueError:
                r.fail(f"{p}.day", f"{month}月{day}日 does not come every year")
        deadlines.append(
            ReportingDeadline(
                rhythm=rhythm, what=r.text(d["what"], f"{p}.what"), to=r.text(d["to"], f"{p}.to"),
                citation=citation(d["citation"], f"{p}.citation"), month=month, day=day,
                covers=r.choice(d["covers"], f"{p}.covers", REPORTING_PERIODS) if "covers" in d else None,
            )
        )  # fmt: skip
    return ReportingPolicy(r.text(top["note"], f"{path}.note"), tuple(deadlines))


_FILTER_KEYS = ("categories", "nature", "severe", "grades", "min_age_days", "max_age_days", "min_age_years", "max_age_years",
                "history")  # fmt: skip


def _filter(r: _Reader, value: Any, path: str, extra: tuple[str, ...] = ()) -> RecordFilter:
    f = r.obj(value, path, (), _FILTER_KEYS + extra)
    ints = {k: r.integer(f[k], f"{path}.{k}") for k in _FILTER_KEYS if k.startswith(("min_", "max_")) and k in f}
    return RecordFilter(
        categories=frozenset(r.strings(f["categories"], f"{path}.categories")) if "categories" in f else None,
        nature=r.choice(f["nature"], f"{path}.nature", NATURES) if "nature" in f else None,
        severe=r.boolean(f["severe"], f"{path}.severe") if "severe" in f else None,
        grades=frozenset(g.upper() for g in r.strings(f["grades"], f"{path}.grades")) if "grades" in f else None,
        history=r.boolean(f["history"], f"{path}.history") if "history" in f else False,
        **ints,
    )


def _condition(r: _Reader, value: Any, path: str):  # noqa: ANN202
    if not isinstance(value, dict) or len(value) != 1:
        r.fail(path, "a condition is an object with exactly one key: records, no_records, subject, report, "
                     "report_grade, commitment, all, any or not")  # fmt: skip
    ((key, body),) = value.items()
    p = f"{path}.{key}"
    if key == "records":
        at_least = r.integer(body.get("at_least", 1), f"{p}.at_least", 1) if isinstance(body, dict) else 1
        return RecordsCond(_filter(r, body, p, ("at_least",)), at_least)
    if key == "no_records":
        return NoRecordsCond(_filter(r, body, p))
    if key == "subject":
        s = r.obj(body, p, (), ("known", "kinds", "min_years_registered", "max_years_registered"))
        return SubjectCond(
            known=r.boolean(s["known"], f"{p}.known") if "known" in s else None,
            kinds=frozenset(r.strings(s["kinds"], f"{p}.kinds", SUBJECT_KINDS)) if "kinds" in s else None,
            min_years_registered=r.integer(s["min_years_registered"], f"{p}.min_years_registered") if "min_years_registered" in s else None,
            max_years_registered=r.integer(s["max_years_registered"], f"{p}.max_years_registered") if "max_years_registered" in s else None,
        )  # fmt: skip
    if key == "report":
        return ReportCond(r.choice(body, p, ("missing", "not_acceptable", "missing_or_not_acceptable", "acceptable")))
    if key == "report_grade":
        return ReportGradeCond(frozenset(g.upper() for g in r.strings(body, p)))
    if key == "commitment":
        return CommitmentCond(r.choice(body, p, ("missing", "signed")))
    if key in ("all", "any"):
        parts = tuple(_condition(r, c, f"{p}[{i}]") for i, c in enumerate(r.items(body, p)))
        return AllCond(parts) if key == "all" else AnyCond(parts)
    if key == "not":
        return NotCond(_condition(r, body, p))
    r.fail(p, "unknown condition (expected records, no_records, subject, report, report_grade, commitment, all, any or not)")


# -- files and the store --------------------------------------------------------


def load_profile_file(path: str | Path) -> Profile:
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise PolicyError(str(path), f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(str(path), "$", f"cannot read: {exc}") from exc
    return parse_profile(doc, str(path))


def bundled_profiles() -> list[Profile]:
    """The profiles shipped with the program. A broken bundled file is a bug: it raises."""
    folder = resources.files("creditdesk") / "resources" / "policies"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            with resources.as_file(entry) as path:
                out.append(load_profile_file(path))
    return out


def platform_profile(entity_id: str, profile_id: str, version: int, effective_from: Any, document: Any) -> Profile:
    """A ``policy`` entity (protocol 4.5): the row's profile_id, version and date govern."""
    source = f"platform policy {entity_id}"
    if isinstance(document, (str, bytes)):
        document = json.loads(document)
    if isinstance(document, dict):
        for key, value in (("profile_id", profile_id), ("version", version)):
            if key in document and document[key] != value:
                raise PolicyError(source, f"$.{key}", f"{document[key]!r} differs from the entity's {key} {value!r}")
        document = {**document, "profile_id": profile_id, "version": version,
                    "effective_from": effective_from.isoformat() if isinstance(effective_from, dt.date) else effective_from}  # fmt: skip
    return parse_profile(document, source)


class ProfileStore:
    """Every known version of every profile; ``resolve`` picks the one in force on a day."""

    def __init__(self, profiles: Iterable[Profile] = ()) -> None:
        self._versions: dict[str, dict[int, Profile]] = {}
        self.errors: list[PolicyError] = []  # platform versions that could not be used
        for p in profiles:
            self.add(p)

    def add(self, profile: Profile) -> None:
        # A platform version replaces a bundled one with the same number.
        self._versions.setdefault(profile.id, {})[profile.version] = profile

    @classmethod
    def bundled(cls) -> ProfileStore:
        return cls(bundled_profiles())

    def add_platform_rows(self, rows: Iterable[Any]) -> None:
        """Rows of the ``policy`` table (id, profile_id, version, effective_from, document).

        A version that does not validate is skipped and kept in ``errors``: the
        counter goes on with the versions it can read.
        """
        for row in rows:
            try:
                self.add(platform_profile(row.id, row.profile_id, row.version, row.effective_from, row.document))
            except PolicyError as exc:
                log.warning("policy version not used: %s", exc)
                self.errors.append(exc)
            except ValueError as exc:
                err = PolicyError(f"platform policy {row.id}", "$", f"not valid JSON: {exc}")
                log.warning("policy version not used: %s", err)
                self.errors.append(err)

    @classmethod
    def from_engine(cls, engine: Any) -> ProfileStore:
        from sqlalchemy import select

        from creditdesk.db import models

        t = models.PolicyVersion.__table__
        store = cls.bundled()
        with engine.connect() as conn:
            store.add_platform_rows(conn.execute(select(t.c.id, t.c.profile_id, t.c.version, t.c.effective_from, t.c.document)))
        return store

    @property
    def profile_ids(self) -> tuple[str, ...]:
        """The city profiles (the national layer is not one: it lies under all of them)."""
        return tuple(sorted(pid for pid in self._versions if pid not in LAYERS))

    def versions(self, profile_id: str) -> list[Profile]:
        return sorted(self._versions.get(profile_id, {}).values(), key=lambda p: p.version)

    def layer(self, day: dt.date, layer: str = NATIONAL_LAYER_ID) -> Profile | None:
        """The version of a layer in force on ``day`` (bundled or published by the platform); None: none."""
        versions = self._versions.get(layer)
        in_force = [p for p in (versions or {}).values() if p.effective_from <= day]
        if not in_force and versions:
            in_force = [min(versions.values(), key=lambda p: p.effective_from)]  # before the first: the first
        return max(in_force, key=lambda p: p.version) if in_force else None

    def with_base(self, profile: Profile, day: dt.date) -> Profile:
        """The profile with the national layer in force on ``day`` under it (a layer has none)."""
        if profile.layer is not None:
            return profile
        return replace(profile, base=self.layer(day))

    def resolve(self, profile_id: str, day: dt.date) -> Profile:
        """The highest version whose effective_from is not after ``day``, built on the national layer of that day."""
        versions = self._versions.get(profile_id)
        if not versions or profile_id in LAYERS:
            raise UnknownProfile(profile_id, self.profile_ids)
        in_force = [p for p in versions.values() if p.effective_from <= day]
        if not in_force:
            raise UnknownProfile(profile_id, self.profile_ids, day)
        return self.with_base(max(in_force, key=lambda p: p.version), day)
