"""Printing the 信用核查单 to a real CUPS queue (cups-pdf): the job arrives and comes out as a page."""

from __future__ import annotations

import subprocess

from support.counter_window import close_window, counter_window
from support.cups import cups_pdf_output, job_ids, print_queue, wait_for_new_job


def test_a_saved_review_slip_prints_to_the_cups_queue(qtbot, tmp_path):
    queue = print_queue()
    w = counter_window(qtbot, tmp_path / "home")
    try:
        panel = w.counter.review
        with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
            w.counter.query_edit.setText(w.codes["clean"])
        panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("approval"))
        qtbot.waitUntil(panel.adopt_button.isEnabled, timeout=5000)
        panel.adopt_button.click()
        qtbot.waitUntil(panel.can_finalise, timeout=5000)
        with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
            panel.finalise()
        code = saved.args[0].verification_code
        with qtbot.waitSignal(panel.slip_bar.rendered, timeout=30000) as rendered:
            panel.slip_bar.render("review")
        kind, pdf = rendered.args
        assert kind == "review" and pdf.startswith(b"%PDF")

        from creditdesk.ui.slip_view import print_to

        before = job_ids(queue)
        assert print_to(queue, pdf, f"信用核查单-{code}") == queue
        job = wait_for_new_job(queue, before)
        out = cups_pdf_output(job)
        assert out is not None, f"cups-pdf wrote no file for job {job}"
        assert code.split("-")[0] in out.name  # the job is named after the slip (cups-pdf shortens the title)
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, timeout=30).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        expected_pages = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, timeout=30).stdout.decode()
        assert pages == int(next(line.split()[-1] for line in expected_pages.splitlines() if line.startswith("Pages:")))
    finally:
        close_window(w)


def test_an_unknown_printer_is_refused_in_chinese(qtbot):
    import pytest

    from creditdesk.ui.slip_view import print_to

    with pytest.raises(OSError, match="没有名为 不存在的打印机 的打印机"):
        print_to("不存在的打印机", b"%PDF-1.4")
