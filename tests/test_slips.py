"""Printed slips (信用核查单, 信用承诺书) checked with the real poppler tools and zbarimg."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from creditdesk.slips import ReviewSlip, render_commitment, render_review_slip
from creditdesk.slips import fonts
from creditdesk.slips.samples import (
    SAMPLE_ID_NUMBER,
    SAMPLE_MASKED_ID,
    sample_commitment,
    sample_review_slip,
)

POPPLER = ("pdffonts", "pdftotext", "pdftoppm", "pdfinfo", "pdfimages")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in POPPLER), reason="poppler-utils (pdffonts, pdftotext, ...) not installed"
)


def _write(tmp_path: Path, data: bytes, name: str = "slip.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _run(*args) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _text(pdf: Path) -> str:
    """The PDF's text with all whitespace removed (CJK spacing and line breaks vary)."""
    return re.sub(r"\s+", "", _run("pdftotext", "-enc", "UTF-8", pdf, "-"))


def _info(pdf: Path) -> dict[str, str]:
    out = {}
    for line in _run("pdfinfo", pdf).splitlines():
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


def _fonts(pdf: Path) -> list[dict[str, str]]:
    lines = _run("pdffonts", pdf).splitlines()[2:]
    rows = []
    for line in lines:
        # name type... encoding emb sub uni objectID gen: read from the right
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


# --- fonts ---------------------------------------------------------------------------------------


def test_cjk_font_embedded_as_subset_and_no_unembedded_font(tmp_path):
    pdf = _write(tmp_path, render_review_slip(sample_review_slip()))
    rows = _fonts(pdf)
    assert rows, "pdffonts lists no font"
    cjk = [r for r in rows if "+" in r["name"]]
    assert cjk, rows
    for r in rows:  # every font, CJK or not, is an embedded subset with a ToUnicode map
        assert (r["emb"], r["sub"], r["uni"]) == ("yes", "yes", "yes"), r


def test_commitment_font_embedded_subset(tmp_path):
    pdf = _write(tmp_path, render_commitment(sample_commitment(), "A5"))
    rows = _fonts(pdf)
    assert rows and all((r["emb"], r["sub"]) == ("yes", "yes") for r in rows), rows


def test_no_font_found_names_what_was_searched(monkeypatch, tmp_path):
    fake_cff = tmp_path / "cff.otf"
    fake_cff.write_bytes(b"OTTO" + b"\0" * 60)
    monkeypatch.setenv(fonts.ENV_VAR, str(fake_cff))
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", (("/nonexistent/wqy-microhei.ttc", 0),))
    with pytest.raises(fonts.CJKFontNotFound) as err:
        fonts.find_cjk_font()
    message = str(err.value)
    assert "未找到可嵌入 PDF 的中文 TrueType 字体" in message
    assert str(fake_cff) in message and "CFF" in message
    assert "/nonexistent/wqy-microhei.ttc（不存在）" in message
    assert fonts.ENV_VAR in message


def test_env_font_comes_first(monkeypatch):
    found = fonts.find_cjk_font()
    monkeypatch.setenv(fonts.ENV_VAR, f"{found.path}#{found.subfont_index}")
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", ())
    assert fonts.find_cjk_font() == found


def test_collection_index_out_of_range_is_skipped(monkeypatch):
    found = fonts.find_cjk_font()
    if not found.path.endswith(".ttc"):
        pytest.skip("the system CJK font is not a collection")
    monkeypatch.setenv(fonts.ENV_VAR, f"{found.path}#99")
    monkeypatch.setattr(fonts, "SYSTEM_CANDIDATES", ())
    with pytest.raises(fonts.CJKFontNotFound, match="#99"):
        fonts.find_cjk_font()


# --- content -------------------------------------------------------------------------------------


def test_review_slip_text(tmp_path):
    slip = sample_review_slip()
    text = _text(_write(tmp_path, render_review_slip(slip)))
    for needle in (slip.subject_name, "核查结果：禁止", slip.outcome_label, slip.verification_code, slip.unit_name,
                   slip.window, slip.officer, "数据截至", "序号48213", slip.subject_code_display,
                   "可在CreditDesk中输入核查码或扫码验证", slip.measures[0].clause, slip.findings[1].doc_no,
                   "第1页共", slip.commitment_number, f"核查编号{slip.verification_code}·2025-03-14"):
        assert needle.replace(" ", "") in text, needle
    assert slip.review_id not in text  # the UUID only inside the QR payload
    assert "离线核查" not in text
    assert "理由：" not in text


@pytest.mark.parametrize("outcome,label", [("prohibit", "禁止"), ("strict", "从严"), ("incentive", "激励"), ("normal", "正常")])
def test_each_outcome_label(tmp_path, outcome, label):
    text = _text(_write(tmp_path, render_review_slip(sample_review_slip(outcome=outcome), "A5")))
    assert f"核查结果：{label}" in text


def test_offline_mark_and_departure(tmp_path):
    slip = sample_review_slip(offline=True, departure=True, outcome="normal")
    text = _text(_write(tmp_path, render_review_slip(slip)))
    assert "离线核查" in text
    assert "系统计算结论：禁止→最终结论：正常" in text  # the headline block: computed, final, who, why
    assert "批准：陈建华（科室负责人）2025-03-1410:40" in text
    assert "理由类别：信用已修复或记录已撤销，平台尚未更新" in text
    assert slip.departure_reason.replace(" ", "") in text
    assert "未发现须采取措施" not in text  # measures were computed


def test_masked_id_only(tmp_path):
    commitment = sample_commitment(person=True)
    assert commitment.subject_code_display == SAMPLE_MASKED_ID
    text = _text(_write(tmp_path, render_commitment(commitment)))
    assert SAMPLE_MASKED_ID in text
    assert SAMPLE_ID_NUMBER not in text
    assert SAMPLE_ID_NUMBER[6:14] not in text  # not even the birth date


def test_full_id_number_is_refused():
    slip = sample_review_slip()
    fields = {f: getattr(slip, f) for f in slip.__dataclass_fields__}
    with pytest.raises(ValueError, match="脱敏"):
        ReviewSlip(**{**fields, "subject_code_display": SAMPLE_ID_NUMBER})
    with pytest.raises(ValueError, match="脱敏"):
        ReviewSlip(**{**fields, "subject_code_display": SAMPLE_ID_NUMBER[:6] + " " + SAMPLE_ID_NUMBER[6:]})
    ReviewSlip(**{**fields, "subject_code_display": SAMPLE_MASKED_ID})


def test_long_findings_flow_over_pages_numbered(tmp_path):
    slip = sample_review_slip(findings=80)
    pdf = _write(tmp_path, render_review_slip(slip))
    pages = int(_info(pdf)["Pages"])
    assert pages > 1
    text = _text(pdf)
    for n in range(1, pages + 1):
        assert f"第{n}页共{pages}页" in text
    assert "第80条" in text  # the last finding made it
    page1 = re.sub(r"\s+", "", _run("pdftotext", "-f", 1, "-l", 1, "-enc", "UTF-8", pdf, "-"))
    assert f"第1页共{pages}页" in page1


@pytest.mark.parametrize("size,dims", [("A4", "595.276 x 841.89"), ("A5", "419.528 x 595.276")])
def test_page_size(tmp_path, size, dims):
    for data in (render_review_slip(sample_review_slip(), size), render_commitment(sample_commitment(), size)):
        assert _info(_write(tmp_path, data))["Page size"].startswith(dims)


def test_bad_page_size():
    with pytest.raises(ValueError, match="A4"):
        render_review_slip(sample_review_slip(), "Letter")


def test_commitment_text_signer_and_signature(tmp_path):
    c = sample_commitment()
    pdf = _write(tmp_path, render_commitment(c))
    text = _text(pdf)
    for needle in ("信用承诺书", c.subject_name, c.number, c.verification_code, "法定代表人", c.signer_name,
                   "四、若违反上述承诺", "2025-03-1410:38"):
        assert needle in text, needle
    images = _run("pdfimages", "-list", pdf).splitlines()[2:]
    kinds = [line.split()[2] for line in images]
    assert kinds == ["image", "smask"], images  # the signature, with its transparency


def test_commitment_signed_on_paper_has_empty_box(tmp_path):
    c = sample_commitment(signed_on_paper=True, person=True)
    pdf = _write(tmp_path, render_commitment(c, "A5"))
    text = _text(pdf)
    assert "纸质签署" in text and "委托代理人" in text
    assert _run("pdfimages", "-list", pdf).splitlines()[2:] == []


def test_signature_and_paper_exclude_each_other():
    c = sample_commitment()
    with pytest.raises(ValueError):
        type(c)(**{**c.__dict__, "signed_on_paper": True})


# --- QR ------------------------------------------------------------------------------------------


def _decode_qr(tmp_path: Path, pdf_bytes: bytes) -> list[str]:
    pdf = _write(tmp_path, pdf_bytes, "qr.pdf")
    _run("pdftoppm", "-r", 200, "-png", "-f", 1, "-l", 1, "-singlefile", pdf, tmp_path / "page")
    out = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "page.png")], capture_output=True, text=True)
    return out.stdout.split()


@pytest.mark.skipif(shutil.which("zbarimg") is None,
                    reason="zbarimg not installed (apt-get install zbar-tools): QR decoding not checked")
@pytest.mark.parametrize("size", ["A4", "A5"])
def test_qr_decodes_to_verify_payload(tmp_path, size):
    slip = sample_review_slip()
    assert _decode_qr(tmp_path, render_review_slip(slip, size)) == [slip.verify_payload]
    c = sample_commitment()
    assert _decode_qr(tmp_path, render_commitment(c, size)) == [c.verify_payload]


def test_pathologically_long_texts_split_across_pages(tmp_path):
    """A quote, a finding title or a departure reason longer than a page still flows (no LayoutError)."""
    from creditdesk.slips.model import Finding, Measure

    slip = sample_review_slip(departure=True, outcome="strict")
    slip.measures = [Measure("措施" * 20, "文件", "第一条", "引文很长，" * 900)]
    slip.findings = [Finding("行政处罚", "标题很长" * 600 + "结尾标记", "文号", True, "认定")]
    slip.departure_reason = "理由" * 1500
    pdf = _write(tmp_path, render_review_slip(slip, "A5"))
    pages = int(_info(pdf)["Pages"])
    assert pages > 3
    text = _text(pdf)
    assert "结尾标记" in text and f"第{pages}页共{pages}页" in text


def test_unruled_records_and_profile_notes_are_printed(tmp_path):
    """Issue 11 item 2: an adverse record no rule covers is named on the slip, with the profile's notes."""
    slip = sample_review_slip(outcome="normal")
    slip.unruled = ["严重失信主体名单（黑名单）“列入严重失信主体名单”（福州市市场监督管理局，2026-01-01）"]
    slip.notes = ["本通知只要求查询信用记录、要求提供信用报告，未规定依信用记录或信用报告禁止、从严或激励的具体措施。"]
    text = _text(_write(tmp_path, render_review_slip(slip)))
    assert "本市档案未规定措施的不良记录（经办人已确认）" in text
    assert "列入严重失信主体名单" in text and "福州市市场监督管理局" in text
    assert "档案说明" in text and "未规定依信用记录或信用报告禁止、从严或激励的具体措施" in text


def test_no_unruled_section_when_every_record_is_ruled(tmp_path):
    text = _text(_write(tmp_path, render_review_slip(sample_review_slip(outcome="prohibit"))))
    assert "本市档案未规定措施" not in text and "档案说明" not in text
