"""Printed slips: 信用核查单 and 信用承诺书 as PDF (reportlab, no Qt)."""

from .model import CommitmentSlip, DueItem, Finding, Measure, OUTCOME_LABELS, ReviewSlip
from .render import render_commitment, render_review_slip

__all__ = [
    "CommitmentSlip",
    "DueItem",
    "Finding",
    "Measure",
    "OUTCOME_LABELS",
    "ReviewSlip",
    "render_commitment",
    "render_review_slip",
]
