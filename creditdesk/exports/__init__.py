"""Files for supervisors and the credit office: ledgers, usage reports (CSV, XLSX, PDF). No Qt."""
