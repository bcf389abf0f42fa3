"""After bench.complaints_seed: a write token of the BBPOM Yogyakarta unit head for the API
benchmarks. Prints one JSON line.

    python -m bench.api_seed 0
"""

import json

import django


def main() -> None:
    django.setup()
    from pantau.accounts.models import User
    from pantau.api import services

    head = User.objects.get(username="kepala.bbpom")
    _token, secret = services.create_token(actor=head, name="bench", can_write=True)
    print(json.dumps({"token": secret, "unit": "ulpk-bbpom-yogyakarta"}))


if __name__ == "__main__":
    main()
