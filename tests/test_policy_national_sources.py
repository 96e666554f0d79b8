"""Issue 11 item 1: a national rule only with a verbatim quote. The texts of 国发〔2016〕33号 （十一）（十二） and
of the 失信被执行人 memorandum (发改财金〔2016〕141号) could not be confirmed verbatim (docs/policy-format.md says
where they were looked for): both stay notes, and no rule cites them."""

from __future__ import annotations

import datetime as dt

from creditdesk.policy.store import ProfileStore



def _national():  # noqa: ANN202
    store = ProfileStore.bundled()
    return store.resolve("fuzhou", dt.date(2026, 11, 20)).base


def test_unconfirmed_national_texts_are_notes_not_rules():
    national = _national()
    assert national is not None and national.layer == "national"
    cited = " ".join(f"{r.citation.document} {r.citation.clause}" for r in national.rules)
    assert "33号" not in cited and "141号" not in cited
    notes = " ".join(n.text for n in national.notes)
    assert "国发〔2016〕33号" in notes and "发改财金〔2016〕141号" in notes
    # every national rule quotes its text verbatim (a quote, not a paraphrase): 财库〔2016〕125号 among them
    assert all(r.citation.quote for r in national.rules)
    assert any("财库〔2016〕125号" in r.citation.document for r in national.rules)
