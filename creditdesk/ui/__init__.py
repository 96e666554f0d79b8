"""The PySide6 GUI. Importing this package first makes Qt safe to use (see _none_guard)."""

from creditdesk.ui._none_guard import guard_none

guard_none()
