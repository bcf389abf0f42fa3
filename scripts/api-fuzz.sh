#!/usr/bin/env bash
# schemathesis with every check (--checks all) against a live Pantau with the demo data, once with
# the demo's read-only token and once with a new write token of the same unit head; the endpoint
# that revokes a token is left out (it would end the run). The demo is built in a temporary
# directory: nothing of var/ is touched. PORT (8311), EXAMPLES (15 per operation) and WORKERS (1).
# Fails when either run finds a failure. docs/api.md, "For developers".
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8311}
PY=$PWD/.venv/bin/python
export PANTAU_VAR_DIR PANTAU_DEBUG=1
PANTAU_VAR_DIR=$(mktemp -d)
# The runs send thousands of requests from one address: lift every limit.
for name in API_RATE_TOKEN API_RATE_USER API_RATE_ANONYMOUS API_RATE_TRACK; do
  export "$name=1000000/hour"
done
export COMPLAINT_RATE_COUNT=1000000 TRACK_RATE_COUNT=1000000 SURVEY_RATE_COUNT=1000000 FOLLOW_RATE_COUNT=1000000

setup_log=$PANTAU_VAR_DIR/setup.log
$PY manage.py compile_translations > "$setup_log" 2>&1
$PY manage.py migrate --noinput >> "$setup_log" 2>&1
$PY manage.py load_demo >> "$setup_log" 2>&1
read -r read_token write_token PANTAU_FUZZ_COMPLAINT < <($PY manage.py shell -v 0 -c "
from pantau.accounts.models import User
from pantau.api import services
from pantau.api.demo import DEMO_TOKEN
from pantau.complaints.models import Complaint
head = User.objects.get(username='kepala.dinsos')
_token, secret = services.create_token(actor=head, name='api-fuzz', can_write=True)
number = Complaint.objects.filter(unit__slug='dinsos-mpp-lombok-timur').values_list('tracking_number', flat=True).first()
print(DEMO_TOKEN, secret, number)
" 2>> "$setup_log" | tail -1)
export PANTAU_FUZZ_COMPLAINT

$PY manage.py runserver "127.0.0.1:$PORT" --noreload > "$PANTAU_VAR_DIR/server.log" 2>&1 &
server=$!
trap 'kill $server; rm -rf "$PANTAU_VAR_DIR"' EXIT
sleep 5

status=0
root=$PWD
cd "$PANTAU_VAR_DIR"  # schemathesis keeps its cache (.schemathesis/) in the working directory
for token in "$read_token" "$write_token"; do
  "$root/.venv/bin/st" --config-file "$root/scripts/api-fuzz.toml" run "http://127.0.0.1:$PORT/api/v1/schema/?format=json" \
    --checks all -H "Authorization: Bearer $token" -n "${EXAMPLES:-15}" -w "${WORKERS:-1}" \
    --exclude-path-regex '^/api/v1/tokens/\{id\}/$' || status=1
done
exit $status
