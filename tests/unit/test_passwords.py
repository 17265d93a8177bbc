"""Passwords hashed with Argon2id: checked, never kept in clear, upgraded when weaker."""

from __future__ import annotations

from revalo.adapters.passwords import Argon2Passwords


def test_a_password_is_hashed_with_argon2id_and_checked() -> None:
    passwords = Argon2Passwords()
    hashed = passwords.hash("correct horse battery")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,")
    assert "correct horse battery" not in hashed
    assert hashed != passwords.hash("correct horse battery"), "each hash has its own salt"
    assert passwords.verify("correct horse battery", hashed) == (True, None)
    assert passwords.verify("Correct horse battery", hashed) == (False, None)


def test_no_stored_hash_or_a_foreign_one_never_matches() -> None:
    passwords = Argon2Passwords(time_cost=1, memory_cost=1024)
    assert passwords.verify("", "") == (False, None)
    assert passwords.verify("anything at all", "") == (False, None)
    assert passwords.verify("secret", "5ebe2294ecd0e0f08eab7690d2a6ee69") == (False, None)


def test_a_hash_made_with_weaker_parameters_is_upgraded_when_it_matches() -> None:
    weak = Argon2Passwords(time_cost=1, memory_cost=1024).hash("correct horse battery")
    strong = Argon2Passwords()
    ok, new_hash = strong.verify("correct horse battery", weak)
    assert ok and new_hash is not None and "m=65536,t=3" in new_hash
    assert strong.verify("correct horse battery", new_hash) == (True, None)
    assert strong.verify("wrong password", weak) == (False, None)
