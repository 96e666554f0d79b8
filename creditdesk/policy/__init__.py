"""Policy profiles (docs/policy-format.md) and the rules engine. Pure code: no Qt, no database."""

from creditdesk.policy.engine import (
    AgencyFacts,
    CheckResult,
    Finding,
    Measure,
    ReportFacts,
    ReportVerdict,
    evaluate,
)
from creditdesk.policy.model import (
    MATTER_CODES,
    OUTCOMES,
    REPORT_PROBLEMS,
    STEPS,
    Citation,
    Matter,
    Profile,
    Rule,
)
from creditdesk.policy.store import (
    PolicyError,
    ProfileStore,
    UnknownMatter,
    UnknownProfile,
    load_profile_file,
    parse_profile,
)

__all__ = [
    "AgencyFacts", "CheckResult", "Citation", "Finding", "MATTER_CODES", "Matter", "Measure", "OUTCOMES",
    "PolicyError", "Profile", "ProfileStore", "REPORT_PROBLEMS", "ReportFacts", "ReportVerdict", "Rule", "STEPS",
    "UnknownMatter", "UnknownProfile", "evaluate", "load_profile_file", "parse_profile",
]  # fmt: skip
