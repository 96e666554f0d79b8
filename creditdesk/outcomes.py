"""The four outcomes of a credit check: their codes, Chinese labels and colours, in one place.

Core (no Qt): the services, exports, slips, CLI and GUI all take their wording and palettes from here.
"""

from __future__ import annotations

__all__ = ["OUTCOMES", "SHORT_LABELS", "LABELS", "PRINT_FG", "PRINT_BG", "SCREEN_FG", "SCREEN_BG", "SCREEN_BORDER"]

# Severest first: the order of stacks, legends, columns and totals everywhere.
OUTCOMES = ("prohibit", "strict", "normal", "incentive")

# Short labels: the batch XLSX, the printed slip, the usage report's cards and charts, the audit log.
SHORT_LABELS = {"prohibit": "禁止", "strict": "从严", "normal": "正常", "incentive": "激励"}

# The long form said at the counter (review panel banner) and written in the ledger.
LABELS = {"prohibit": "依规限制（不予办理）", "strict": "从严审核", "normal": "正常办理", "incentive": "守信激励"}

# Printed palette (slips, ledger PDF/XLSX, usage report): a strong colour for text and bars, a light tint for fills.
PRINT_FG = {"prohibit": "#B3261E", "strict": "#C75B00", "normal": "#1F5FA8", "incentive": "#2E7D32"}
PRINT_BG = {"prohibit": "#FCEBEA", "strict": "#FFF3E0", "normal": "#EAF1FA", "incentive": "#EAF5EA"}

# Screen palette (review panel banner, ledger table, batch table): text, background and border.
SCREEN_FG = {"prohibit": "#a1241b", "strict": "#7a4f00", "normal": "#1f3a5f", "incentive": "#1e6b30"}
SCREEN_BG = {"prohibit": "#fdecea", "strict": "#fff3cd", "normal": "#e8eef6", "incentive": "#e6f4ea"}
SCREEN_BORDER = {"prohibit": "#e59a93", "strict": "#e0b84f", "normal": "#9db3cf", "incentive": "#8cc79a"}
