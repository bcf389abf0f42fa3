"""Receipt numbers of answers: eight characters a person can read out and type without confusing
0 with O or 1 with I (``XXXX-XXXX``)."""

import secrets

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def new_receipt_number() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"
