"""The GUI's one way for pages to learn about changes: a :class:`ChangeBus` carrying ``OpChanges``.

The window owns one bus. An operation finished by a page is published once with
what it changed (``creditdesk/changes.py``) and the page it came from; every
page is subscribed (``ChangeAware.on_changes``) and decides by its ``watches``:

- a page shown reloads when the change touches what it watches;
- a page not shown does nothing now: it reloads when it is next shown anyway
  (``on_shown``; another window of the hall may have written meanwhile);
- a change of ``user`` (another account, or none) reloads every page at once,
  shown or not, so nothing the previous account saw stays in a widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from creditdesk.changes import NOTHING, OpChanges

log = logging.getLogger(__name__)


class ChangeBus(QObject):
    changed = Signal(object, object)  # OpChanges, the widget whose operation it was (or None)

    def publish(self, changes: OpChanges, origin: object | None = None) -> None:
        if changes:
            log.debug("changes %s from %s", ",".join(changes.kinds), type(origin).__name__ if origin else "-")
            self.changed.emit(changes, origin)


class ChangeAware:
    """For a page (a QWidget with ``refresh()``): ``watches`` says what it shows.

    Mixed in after the Qt base class (``class LedgerPage(QWidget, ChangeAware)``); no state of its own.
    """

    watches: OpChanges = NOTHING

    def refresh(self) -> None:  # pages that show nothing to reload keep this
        return None

    def on_changes(self, changes: OpChanges, origin: object | None = None) -> None:
        if changes.user:
            self.refresh()
            return
        if origin is self or not changes.touches(self.watches):
            return  # the page that made a change shows its own result
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()
