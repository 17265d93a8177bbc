"""Password hashing with Argon2id, through pwdlib (argon2-cffi underneath)."""

from __future__ import annotations

from pwdlib import PasswordHash
from pwdlib.exceptions import UnknownHashError
from pwdlib.hashers.argon2 import Argon2Hasher


class Argon2Passwords:
    """The password hasher of the services. The defaults are argon2-cffi's (RFC 9106's
    second recommended option: 64 MiB, 3 passes); a hash made with other parameters is
    upgraded at the next successful login."""

    def __init__(self, *, time_cost: int = 3, memory_cost: int = 65536) -> None:
        self._hasher = PasswordHash((Argon2Hasher(time_cost=time_cost, memory_cost=memory_cost),))
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password: str, hashed: str) -> tuple[bool, str | None]:
        if not hashed:
            # As slow as a real check: an unknown login is not told apart by the time it takes.
            if self._dummy is None:
                self._dummy = self._hasher.hash("no password is set for this user")
            self._hasher.verify(password, self._dummy)
            return False, None
        try:
            return self._hasher.verify_and_update(password, hashed)
        except UnknownHashError:
            return False, None
