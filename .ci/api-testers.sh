#!/usr/bin/env bash
# The API tools that teams run in CI, against both example services (`cargo run --example axum`,
# `cargo run --example actix`): each service is started on a free loopback port, and its
# /openapi.json goes through
#
#   - Redocly CLI `lint` with the `recommended` rules (npm @redocly/cli), and
#   - schemathesis with every check (`st run --checks all`: server errors, status codes,
#     content types, response schemas and header fields, required headers, positive and
#     negative data, unsupported methods and `Allow`, auth, ...) in every phase (examples,
#     coverage, fuzzing, stateful);
#
# and the error responses of each service, and its one cacheable success, go through
#
#   - REDbot (PyPI redbot, Mark Nottingham's HTTP linter: the status, header fields and framing
#     of a response, and what caches make of it), on a fresh instance with the simulated outages
#     on (the default of `cargo run --example`): unknown route and unknown user 404, 400, 401
#     without and with a bad bearer token (`WWW-Authenticate`), 403, 409, 422, 413, 429
#     (`Retry-After`), 405 (`Allow`) for a DELETE and a HEAD, the 503 (`Retry-After`) and the
#     500, GET and HEAD; and the 200 of a user (`ETag`, `Cache-Control: no-cache`), GET and
#     HEAD. .ci/redbot-errors.py runs the cases (redbot-cases.jsonl below).
#
# Any finding of any tool fails the script, a tool's warning included (REDbot: a "bad" note, and
# a "warning" note unless redbot-allowed.txt below says why it does not apply, RFC in hand). The
# tools are pinned and installed here, under target/api-testers/ (a Python virtualenv, a
# node_modules), once: a later run reuses them while the pinned versions are the ones installed.
# They come from PyPI and the npm registry; nothing else is fetched, and the services only
# listen on 127.0.0.1.
#
#   .ci/api-testers.sh                     both services
#   MAX_EXAMPLES=500 .ci/api-testers.sh    more schemathesis test cases per operation
#
# Needs python3 (3.11 or newer, for REDbot, with its venv module), node (20 or newer) with npm,
# and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

SCHEMATHESIS_VERSION=4.32.5
REDOCLY_VERSION=2.77.0
# REDbot, and the two packages whose versions decide what it says: httplint (the notes: every
# check of a response is there) and thor (its HTTP client).
REDBOT_VERSION=2.7.1
HTTPLINT_VERSION=2026.10.4
THOR_VERSION=0.17.0
# Test cases per operation and phase (schemathesis's --max-examples). With 5 operations and
# 4 phases, 200 keeps both services' runs together under a minute on 2 cores (about 1,000
# requests each); the seed makes a run repeatable (a failure replays with the same seed), and
# the generation database is off for the same reason.
MAX_EXAMPLES=${MAX_EXAMPLES:-200}
SEED=${SEED:-20260101}

# Cargo's target directory: CARGO_TARGET_DIR when set (relative to the workspace, as cargo
# takes it), else target/. The example binaries are built there.
target_dir=${CARGO_TARGET_DIR:-$root/target}
case $target_dir in /*) ;; *) target_dir=$root/$target_dir ;; esac
tools=$target_dir/api-testers
mkdir -p "$tools"
t_start=$SECONDS

step() { echo "-- $*"; }

# ---- the tools ----

venv=$tools/venv
st=$venv/bin/st
if [ "$("$st" --version 2>/dev/null || true)" != "st, version $SCHEMATHESIS_VERSION" ]; then
  step "installing schemathesis $SCHEMATHESIS_VERSION into $venv (PyPI)"
  rm -rf "$venv"
  python3 -m venv "$venv" || {
    echo "api-testers: \`python3 -m venv\` failed (on Debian: apt-get install python3-venv)"
    exit 1
  }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
"$st" --version

redbot_pins="redbot==$REDBOT_VERSION httplint==$HTTPLINT_VERSION thor==$THOR_VERSION"
installed_pins() { # the installed versions of the packages in $redbot_pins, in the same form
  # shellcheck disable=SC2086 # one argument a pin
  "$venv/bin/python" - $redbot_pins <<'EOF'
import sys
from importlib.metadata import PackageNotFoundError, version
pins = []
for pin in sys.argv[1:]:
    name = pin.split("==")[0]
    try:
        pins.append(f"{name}=={version(name)}")
    except PackageNotFoundError:
        pins.append(f"{name} missing")
print(" ".join(pins))
EOF
}
if [ "$(installed_pins)" != "$redbot_pins" ]; then
  step "installing $redbot_pins into $venv (PyPI)"
  # shellcheck disable=SC2086 # one argument a pin
  "$venv/bin/pip" install --quiet --disable-pip-version-check $redbot_pins
fi
echo "redbot: $(installed_pins)"

node_dir=$tools/node
redocly=$node_dir/node_modules/.bin/redocly
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [ "$("$redocly" --version 2>/dev/null | tail -n 1 || true)" != "$REDOCLY_VERSION" ]; then
  step "installing @redocly/cli $REDOCLY_VERSION into $node_dir (npm registry)"
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-save --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION"
fi
echo "redocly $("$redocly" --version 2>/dev/null | tail -n 1)"
echo "   ($((SECONDS - t_start)) s: tools)"

# ---- the services ----

t0=$SECONDS
cargo build --quiet -p errstatus-examples --examples
echo "   ($((SECONDS - t0)) s: cargo build -p errstatus-examples --examples)"

pids=()
stop_services() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_services EXIT

# `start NAME [OUTAGES]`: runs <target dir>/debug/examples/NAME on a free port (PORT=0: the service
# binds 127.0.0.1:0 and prints the address it got), without its simulated outages
# (EXAMPLE_OUTAGES=off) unless OUTAGES is `on`, and sets `url` to http://127.0.0.1:PORT once its
# /openapi.json answers.
start() {
  local name=$1 outages=${2:-off} log=$tools/$1.log line='' i
  [ "$outages" = off ] || log=$tools/$name-outages-$outages.log
  PORT=0 EXAMPLE_OUTAGES=$outages "$target_dir/debug/examples/$name" >"$log" 2>&1 &
  pids+=($!)
  for i in $(seq 100); do
    line=$(grep -m 1 -o 'http://127\.0\.0\.1:[0-9]*' "$log" || true)
    [ -n "$line" ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log"; echo "api-testers: $name exited"; exit 1; }
    sleep 0.1
  done
  [ -n "$line" ] || { cat "$log"; echo "api-testers: $name did not say where it listens"; exit 1; }
  url=$line
  "$venv/bin/python" - "$url/openapi.json" <<'EOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(f"api-testers: {sys.argv[1]} did not answer")
EOF
  echo "$name (outages $outages): $url"
}

# ---- schemathesis's settings ----

# Each entry is a reason, not a way to quiet a finding:
#
# - auth: the token of `POST /users`'s bearer scheme, so that the operation's logic is reached
#   (the `ignored_auth` check still sends it without and with a wrong token);
# - warnings fail the run like failures.
#
# Every check runs on every operation, with no exception: the services run with their simulated
# outages off (EXAMPLE_OUTAGES=off), so any 5xx is a finding; their 500 and 503 are tested in
# Rust (examples/tests/axum.rs, actix.rs, e2e.rs) and go through REDbot below.
cat >"$tools/schemathesis.toml" <<'EOF'
[auth.openapi.bearerAuth]
bearer = "token-alice"

[warnings]
fail-on = true
EOF

# ---- REDbot's cases ----

# The responses REDbot checks (the errors, and the 200 of a user), the same for both services, one JSON object a line (the
# format is in .ci/redbot-errors.py): method, path, the status the case is there for (another
# one is a finding: the case would test something else), what it is, and optionally the bearer
# token, a JSON body (`pad`: a `padding` member of that many bytes) and `prime` (the request is
# sent once before REDbot sends it). Each runs on a fresh instance with the outages on, so that
# no state schemathesis left behind (users it created, reset cool-downs) changes an answer.
# REDbot's active checks send each request again (with `Accept-Encoding: gzip`, and with
# `If-None-Match` or `Range` where the response invites it): none of the requests changes the
# store but the password reset's, whose second one is the 429 wanted.
cat >"$tools/redbot-cases.jsonl" <<'EOF'
{"method": "GET", "path": "/users/1", "status": 200, "what": "a user (a success response: its cacheability)"}
{"method": "HEAD", "path": "/users/1", "status": 200, "what": "a user (a success response: its cacheability)"}
{"method": "GET", "path": "/no-such-route", "status": 404, "what": "unknown route"}
{"method": "HEAD", "path": "/no-such-route", "status": 404, "what": "unknown route"}
{"method": "GET", "path": "/users/999", "status": 404, "what": "unknown user"}
{"method": "HEAD", "path": "/users/999", "status": 404, "what": "unknown user"}
{"method": "GET", "path": "/users/abc", "status": 400, "what": "id not a number"}
{"method": "POST", "path": "/users", "status": 401, "json": {"name": "carol", "email": "carol@example.com"}, "what": "no bearer token"}
{"method": "POST", "path": "/users", "status": 401, "auth": "token-nobody", "json": {"name": "carol", "email": "carol@example.com"}, "what": "unknown bearer token"}
{"method": "POST", "path": "/users", "status": 403, "auth": "token-bob", "json": {"name": "carol", "email": "carol@example.com"}, "what": "not an admin"}
{"method": "POST", "path": "/users", "status": 409, "auth": "token-alice", "json": {"name": "alice", "email": "alice@example.com"}, "what": "email taken"}
{"method": "POST", "path": "/users", "status": 422, "auth": "token-alice", "json": {"name": "", "email": "carol@example.com"}, "what": "empty name"}
{"method": "POST", "path": "/users", "status": 413, "auth": "token-alice", "json": {"name": "carol", "email": "carol@example.com"}, "pad": 16384, "what": "body over 16 KiB"}
{"method": "POST", "path": "/users/2/password-reset", "status": 429, "prime": true, "what": "second reset within a minute"}
{"method": "DELETE", "path": "/users/1", "status": 405, "what": "wrong method"}
{"method": "HEAD", "path": "/users", "status": 405, "what": "wrong method"}
{"method": "GET", "path": "/exports", "status": 503, "what": "outage"}
{"method": "HEAD", "path": "/exports", "status": 503, "what": "outage"}
{"method": "GET", "path": "/users/1/orders", "status": 500, "what": "outage"}
{"method": "HEAD", "path": "/users/1/orders", "status": 500, "what": "outage"}
EOF

# The "warning" notes that are what an error response is, not a flaw of it: note id, the status
# it is allowed on, why. Every other warning, and every "bad" note, is a finding.
cat >"$tools/redbot-allowed.txt" <<'EOF'
STATUS_BAD_REQUEST 400 REDbot warns on every 400 ("The server didn't understand the request.", no other condition): the case sends an id that is not a number on purpose, and a 400 is the answer RFC 9110 §15.5.1 prescribes for a malformed request.
EOF

# ---- the runs ----

failed=()
check() { # check NAME: both tools against the running service at $url
  local name=$1 doc=$tools/$1-openapi.json t0
  "$venv/bin/python" -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1]).read())' \
    "$url/openapi.json" >"$doc"

  lint "$name" "$doc"
  schemathesis "$name"
}

lint() { # lint NAME DOC: Redocly CLI, recommended rules, against one document
  local name=$1 doc=$2 t0
  t0=$SECONDS
  step "$name: redocly lint --extends recommended ($doc)"
  local report=$tools/$name-redocly.json
  # The exit code counts errors only; a warning is a finding here too.
  "$redocly" lint --extends recommended --format json "$doc" >"$report" 2>"$tools/$name-redocly.log" || true
  if ! "$venv/bin/python" - "$report" <<'EOF'; then
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except ValueError:
    sys.exit("redocly wrote no JSON report")
totals = report["totals"]
for p in report.get("problems", []):
    where = ", ".join(l.get("pointer", "") for l in p.get("location", []))
    print(f"  {p['severity']} {p['ruleId']}: {p['message']} ({where})")
print(f"  {totals['errors']} errors, {totals['warnings']} warnings, {totals['ignored']} ignored")
sys.exit(1 if totals["errors"] or totals["warnings"] or totals["ignored"] else 0)
EOF
    cat "$tools/$name-redocly.log"
    failed+=("$name: redocly")
  fi
  echo "   ($((SECONDS - t0)) s: $name: redocly)"
}

schemathesis() { # schemathesis NAME: against the running service at $url
  local name=$1 t0
  t0=$SECONDS
  step "$name: st run --checks all --max-examples $MAX_EXAMPLES --seed $SEED $url/openapi.json"
  if ! (cd "$tools" && "$st" --config-file "$tools/schemathesis.toml" run "$url/openapi.json" --url "$url" \
    --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" --generation-database none --no-color); then
    failed+=("$name: schemathesis")
  fi
  echo "   ($((SECONDS - t0)) s: $name: schemathesis)"
}

redbot_errors() { # redbot_errors NAME: REDbot on the error responses of a fresh instance
  local name=$1 t0 cases
  t0=$SECONDS
  start "$name" on
  cases=$(grep -c . "$tools/redbot-cases.jsonl")
  step "$name: REDbot $REDBOT_VERSION on $cases responses ($url, outages on)"
  if ! "$venv/bin/python" "$root/.ci/redbot-errors.py" "$name" "$url" "$tools/redbot-cases.jsonl" \
    "$tools/redbot-allowed.txt" "$tools/$name-redbot.json"; then
    failed+=("$name: redbot")
  fi
  echo "   ($((SECONDS - t0)) s: $name: redbot)"
}

# REDbot's notes are the gate: before any service, it must find the flaw of a response made
# broken on purpose (a 503 whose Retry-After is "soon"), or a change in REDbot or httplint has
# made the gate blind.
step "REDbot self-test: a broken 503 must be a finding"
if ! "$venv/bin/python" "$root/.ci/redbot-errors.py" --self-test; then
  failed+=("redbot: self-test")
fi

for name in axum actix; do
  start "$name"
  check "$name"
  redbot_errors "$name"
done

# The document aide generates for an axum router (written by `cargo test -p
# errstatus-frameworks --test aide`, which the tests step runs first).
aide_doc=$tools/aide-openapi.json
if [ -f "$aide_doc" ]; then
  lint aide "$aide_doc"
else
  echo "missing $aide_doc: run cargo test -p errstatus-frameworks --test aide first"
  failed+=("aide: no document")
fi

echo "   ($((SECONDS - t_start)) s: api-testers, both services)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "api-testers FAILED: ${failed[*]}"
  exit 1
fi
echo "api-testers: schemathesis $SCHEMATHESIS_VERSION, Redocly CLI $REDOCLY_VERSION and REDbot $REDBOT_VERSION found nothing in either service"
