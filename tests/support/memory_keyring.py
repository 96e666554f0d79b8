"""A keyring backend that keeps passwords in a dict: tests never touch the OS store.

With ``CREDITDESK_TEST_KEYRING_FILE`` set, the dict lives in that JSON file instead, so a
``creditdesk`` subprocess started by a test (which loads this backend through
``PYTHON_KEYRING_BACKEND``, see tests/conftest.py) shares the tests' credential store, as two
processes on one desktop share the OS store (one file per test session).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "CREDITDESK_TEST_KEYRING_FILE"


class MemoryKeyring(KeyringBackend):
    """Per instance (one per test) a dict; with ``CREDITDESK_TEST_KEYRING_FILE`` every write also goes
    to that file (one per test session) and a read the dict cannot answer is asked of the file."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    @staticmethod
    def _file() -> dict[tuple[str, str], str]:
        path = os.environ.get(FILE_ENV)
        if not path or not Path(path).is_file():
            return {}
        return {tuple(k.split("\x00", 1)): v for k, v in json.loads(Path(path).read_text("utf-8")).items()}  # type: ignore[misc]

    @staticmethod
    def _save(passwords: dict[tuple[str, str], str]) -> None:
        path = os.environ.get(FILE_ENV)
        if path:
            tmp = Path(f"{path}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({f"{s}\x00{u}": v for (s, u), v in passwords.items()}), "utf-8")
            os.replace(tmp, path)

    def get_password(self, service: str, username: str) -> str | None:
        value = self.passwords.get((service, username))
        return value if value is not None else self._file().get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password
        if os.environ.get(FILE_ENV):
            self._save({**self._file(), (service, username): password})

    def delete_password(self, service: str, username: str) -> None:
        stored = self._file()
        if (service, username) not in self.passwords and (service, username) not in stored:
            raise PasswordDeleteError(f"no password for {service!r}/{username!r}")
        self.passwords.pop((service, username), None)
        if stored.pop((service, username), None) is not None:
            self._save(stored)
