"""A small city built by hand: protocol change objects with valid codes."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from creditdesk.identifiers import id_digest, make_id_number, make_uscc, mask_id_number, person_subject_id

PERSON_KEY = bytes(range(32))
PERSON_KEY_B64 = "b64:" + base64.b64encode(PERSON_KEY).decode()
EPOCH = "2026-01-test"


def uscc(n: int, region: str = "350100") -> str:
    """The n-th test USCC: 企业 (9/1), a region, and 'M' so it never looks like an ID number."""
    return make_uscc(f"91{region}{n:08d}M")


def id_number(n: int, birth: dt.date = dt.date(1985, 6, 15), region: str = "350102") -> str:
    return make_id_number(region, birth, n % 1000)


class Feed:
    """Hands out change objects with increasing ``seq``."""

    def __init__(self, start: int = 0) -> None:
        self.seq = start
        self._uscc = 0

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def change(self, etype: str, eid: Any, data: Any, op: str = "upsert") -> dict[str, Any]:
        c: dict[str, Any] = {"seq": self._next(), "op": op, "type": etype, "id": eid}
        if op == "upsert":
            c["data"] = data
        return c

    def delete(self, etype: str, eid: str) -> dict[str, Any]:
        return self.change(etype, eid, None, op="delete")

    def company(
        self,
        name: str,
        code: str | None = None,
        *,
        former_names: list[str] | tuple[str, ...] = (),
        kind: str = "legal_person",
        status: str = "active",
        **fields: Any,
    ) -> dict[str, Any]:
        if code is None:
            self._uscc += 1
            code = uscc(self._uscc)
        data = {
            "kind": kind,
            "name": name,
            "uscc": code,
            "former_names": list(former_names),
            "legal_representative": "王五",
            "region_code": code[2:8],
            "registered_on": "2015-03-01",
            "status": status,
            "updated_at": "2026-11-01T09:00:00+08:00",
            **fields,
        }
        return self.change("subject", code, data)

    def person(self, name: str, number: str, key: bytes = PERSON_KEY, **fields: Any) -> dict[str, Any]:
        digest = id_digest(number, key)
        data = {
            "kind": "natural_person",
            "name": name,
            "uscc": None,
            "former_names": [],
            "region_code": number[:6],
            "status": "active",
            "id_masked": mask_id_number(number),
            "id_digest": digest,
            **fields,
        }
        return self.change("subject", person_subject_id(digest), data)

    def record(
        self,
        rid: str,
        subject_id: str,
        category: str = "admin_penalty",
        *,
        publish_from: str = "2026-01-01",
        publish_until: str | None = None,
        status: str = "active",
        decided_on: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        data = {
            "subject_id": subject_id,
            "category": category,
            "title": f"{category} {rid}",
            "doc_no": f"榕文〔2026〕{rid}号",
            "authority": "福州市市场监督管理局",
            "authority_code": None,
            "decided_on": decided_on or publish_from,
            "publish_from": publish_from,
            "publish_until": publish_until,
            "status": status,
            "basis": None,
            "content": None,
            "amount": None,
            "grade": None,
            "rating_scheme": None,
            "updated_at": "2026-11-01T09:00:00+08:00",
            **fields,
        }
        return self.change("record", rid, data)

    def agency(self, aid: str, name: str = "福建诚信评估有限公司", **fields: Any) -> dict[str, Any]:
        data = {
            "name": name,
            "uscc": aid,
            "filing_no": "闽信备2026001",
            "filing_authority": "市信用办",
            "filing_level": "city",
            "filed_on": "2025-01-01",
            "valid_until": None,
            "status": "active",
            **fields,
        }
        return self.change("agency", aid, data)

    def report(self, report_no: str, subject_id: str, agency_id: str, **fields: Any) -> dict[str, Any]:
        data = {
            "report_no": report_no,
            "subject_id": subject_id,
            "agency_id": agency_id,
            "issued_on": "2026-03-01",
            "valid_until": "2027-02-28",
            "grade": "AA",
            "publicized_on": "2026-03-05",
            "status": "active",
            **fields,
        }
        return self.change("report", report_no, data)

    def policy(self, pid: str, version: int, effective_from: str = "2026-01-01") -> dict[str, Any]:
        data = {"profile_id": "fuzhou", "version": version, "effective_from": effective_from, "document": {"v": version}}
        return self.change("policy", pid, data)
