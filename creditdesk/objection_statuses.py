"""An objection's statuses and their labels: light enough for the CLI's parser, which
builds its choices before any database code is imported."""

STATUSES = ("queued", "submitted", "rejected", "record_changed", "upheld", "dismissed")
STATUS_LABELS = {
    "queued": "待上报", "submitted": "已提交平台", "accepted": "平台已受理", "rejected": "平台退回",
    "record_changed": "记录已变更", "upheld": "异议成立", "dismissed": "异议不成立",
}  # fmt: skip
