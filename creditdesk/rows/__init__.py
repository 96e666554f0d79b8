"""Row types shared by a service and its exporters (ledger, usage report), below both."""
