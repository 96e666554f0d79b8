"""Importing signed offline bundles (``.cdpkg``, protocol section 6), in three modules of one job each.

- :mod:`.archive` — the safe archive reader: a hostile ZIP read without
  extracting anything, every size, ratio and name capped (:class:`SafeArchive`);
- :mod:`.verify` — the verifier: manifest, signature, position, age, every
  part's hash and count (:func:`verify_bundle`, changes nothing);
- :mod:`.apply` — the applier: verify, then apply all or nothing in one write
  transaction under the sync lock (:func:`import_bundle`).

Either raises :class:`BundleRefused` naming the check that failed (``check`` is
one of :data:`CHECKS`) with a message in Chinese for the officer or
administrator.
"""

from creditdesk.platform.bundle.apply import ImportResult, import_bundle
from creditdesk.platform.bundle.common import CHECKS, FORMAT, BundleLimits, BundleRefused
from creditdesk.platform.bundle.verify import PartInfo, VerifiedBundle, verify_bundle

__all__ = [
    "CHECKS", "FORMAT", "BundleLimits", "BundleRefused", "ImportResult", "PartInfo", "VerifiedBundle",
    "import_bundle", "verify_bundle",
]  # fmt: skip
