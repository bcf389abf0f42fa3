"""The token format and its hash. A token reads ``pnt_<prefix>_<secret>``: the prefix (shown in
lists, stored as is) finds nothing on its own; the whole token's SHA-256 is what is stored and
compared. A random 192-bit secret needs no slow password hash: nobody can guess it from its hash."""

import hashlib
import secrets

PREFIX = "pnt_"


def new_token() -> tuple[str, str, str]:
    """(token shown once, prefix, hash to store)."""
    prefix = secrets.token_hex(4)
    token = f"{PREFIX}{prefix}_{secrets.token_urlsafe(24)}"
    return token, prefix, hash_token(token)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()
