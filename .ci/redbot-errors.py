"""REDbot against one running example service: the error responses of .ci/api-testers.sh.

    python .ci/redbot-errors.py NAME BASE_URL CASES ALLOWED REPORT
    python .ci/redbot-errors.py --self-test

Runs REDbot (the `redbot` package: its `HttpResource`, the same check as its `redbot` command,
active checks included) on every case of CASES against BASE_URL, prints each response's notes,
writes them all to REPORT (JSON), and exits 1 on a finding:

  - a note of level "bad";
  - a note of level "warning", unless ALLOWED lists its note id for that status;
  - a response with another status than the case expects (the case would test something else),
    or no response at all.

The `redbot` command itself only sends a GET without request header fields; the cases that need
another method (405), a request body or an `Authorization` header field (401, 403, 409, 413,
422, 429) set them with `HttpResource.set_request`, as REDbot's own subrequests and web UI do.

CASES: one JSON object a line (blank lines and lines starting with # are skipped):
    {"method": "GET", "path": "/users/999", "status": 404, "what": "unknown user",
     "auth": "token-alice",          # optional: Authorization: Bearer <auth>
     "json": {...},                  # optional: the body, as application/json
     "pad": 16384,                   # optional: with a "padding" member of that many bytes
     "prime": true}                  # optional: send the request once before REDbot does
ALLOWED: one allowed warning a line, `NOTE_ID STATUS why...` (# starts a comment line).

--self-test serves a response broken on purpose (a 503 with a Date in 2001 and `Retry-After:
soon`) on a loopback port and runs the same check on it, with BAD_SYNTAX allowed for another
status only: it passes when REDbot's two notes (a "bad" DATE_INCORRECT, a "warning" BAD_SYNTAX)
both come out as findings, so that a change in REDbot or httplint cannot leave the gate blind.
"""

import http.server
import json
import os
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from configparser import ConfigParser

import thor
from httplint.note import levels

import redbot
from redbot.resource import HttpResource

TIMEOUT = 60  # seconds for all the cases together; each takes well under one


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def request_of(case):
    "(method, headers, body) of a case."
    headers = []
    body = b""
    if "auth" in case:
        headers.append(("Authorization", f"Bearer {case['auth']}"))
    if "json" in case:
        document = dict(case["json"])
        if "pad" in case:
            document["padding"] = "x" * case["pad"]
        body = json.dumps(document).encode()
        headers.append(("Content-Type", "application/json"))
    return case["method"], headers, body


def prime(url, case):
    "Send the case's request once (for a 429: the second request within the cooldown)."
    method, headers, body = request_of(case)
    req = urllib.request.Request(url, data=body or None, method=method, headers=dict(headers))
    try:
        urllib.request.urlopen(req, timeout=10).close()
    except urllib.error.HTTPError as e:
        e.close()


def note_dict(note):
    out = {
        "note_id": note.__class__.__name__,
        "level": note.level.value,
        "category": note.category.name,
        "subject": note.subject,
        "summary": note.summary,
    }
    if note.subnotes:
        out["subnotes"] = [note_dict(s) for s in note.subnotes]
    return out


def flatten(notes):
    for n in notes:
        yield n
        yield from flatten(n.get("subnotes", []))


def check(name, base, cases_file, allowed_file, report_file, label_findings="FINDING"):
    "Run the cases against base; print the notes, write the report, return the findings."
    if {level.value for level in levels} != {"good", "info", "warning", "bad"}:
        sys.exit(f"REDbot's note levels are {[l.value for l in levels]}: update this script")
    cases = [json.loads(line) for line in read_lines(cases_file)]
    allowed = {}
    for line in read_lines(allowed_file):
        words = line.split(None, 2)
        if len(words) < 3 or not words[1].isdigit():
            sys.exit(f"{allowed_file}: `{line}` is not `NOTE_ID STATUS why it does not apply`")
        allowed[(words[0], int(words[1]))] = words[2]
    used = set()

    parser = ConfigParser()
    parser.read_dict({"redbot": {"enable_local_access": "True"}})  # as the redbot command
    config = parser["redbot"]

    resources = []
    timed_out = []

    def run(i):
        if i == len(cases):
            thor.stop()
            return
        case = cases[i]
        url = base + case["path"]
        if case.get("prime"):
            prime(url, case)
        method, headers, body = request_of(case)
        resource = HttpResource(config)
        resource.set_request(url, method=method, headers=headers, content=body)
        resources.append(resource)

        @thor.events.on(resource)
        def check_done():
            thor.schedule(0, run, i + 1)

        resource.check()

    def give_up():
        timed_out.append(True)
        for r in resources:
            r.stop()
        thor.stop()

    thor.schedule(0, run, 0)
    thor.schedule(TIMEOUT, give_up)
    thor.run()

    findings = []
    report = {"redbot": redbot.__version__, "service": name, "base": base, "responses": []}
    for case, resource in zip(cases, resources):
        response = resource.response
        label = f"{case['method']} {case['path']}"
        notes = [note_dict(n) for n in response.notes]
        report["responses"].append(
            {
                "method": case["method"],
                "url": resource.request.uri,
                "what": case.get("what", ""),
                "expected": case["status"],
                "status": response.status_code,
                "headers": response.headers.text,
                "notes": notes,
            }
        )
        status = response.status_code
        if status is None or not response.complete:
            error = resource.fetch_error.desc if resource.fetch_error else "no complete response"
            print(f"  {label}: {error}")
            findings.append(f"{label}: {error}")
            continue
        counts = {level.value: 0 for level in levels}
        lines = []
        for n in flatten(notes):
            counts[n["level"]] += 1
            mark = ""
            if n["level"] == "bad":
                findings.append(f"{label} ({status}): bad {n['note_id']}: {n['summary']}")
                mark = "  <- finding"
            elif n["level"] == "warning":
                why = allowed.get((n["note_id"], status))
                if why is None:
                    findings.append(f"{label} ({status}): warning {n['note_id']}: {n['summary']}")
                    mark = "  <- finding"
                else:
                    used.add((n["note_id"], status))
                    mark = "  (allowed, see .ci/api-testers.sh)"
            if n["level"] != "good":
                lines.append(f"      {n['level']} {n['note_id']}: {n['summary']}{mark}")
        fields = ", ".join(k for k, _ in response.headers.text)
        print(
            f"  {label} -> {status} ({case.get('what', '')}; {fields}): "
            + ", ".join(f"{counts[l]} {l}" for l in ("good", "info", "warning", "bad"))
        )
        for line in lines:
            print(line)
        if status != case["status"]:
            findings.append(f"{label}: status {status}, the case expects {case['status']}")
    if timed_out:
        findings.append(f"REDbot did not finish within {TIMEOUT} s")
    missing = len(cases) - len(resources)
    if missing:
        findings.append(f"{missing} cases not run")

    for note_id, status in sorted(set(allowed) - used):
        print(f"  (the allowed {note_id} on a {status} did not come up)")

    report["findings"] = findings
    if report_file:
        with open(report_file, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    print(f"  {len(resources)} responses, {len(findings)} findings (report: {report_file or '-'})")
    for finding in findings:
        print(f"  {label_findings} {finding}")
    return findings


class Broken(http.server.BaseHTTPRequestHandler):
    "A 503 with an old Date (bad: DATE_INCORRECT) and a Retry-After that is no delay (warning)."

    def do_GET(self):
        body = b'{"type":"about:blank","title":"Service Unavailable","status":503}'
        self.send_response_only(503)
        self.send_header("Date", "Mon, 01 Jan 2001 00:00:00 GMT")
        self.send_header("Retry-After", "soon")
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def self_test():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Broken)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory() as tmp:
        cases, allowed = os.path.join(tmp, "cases"), os.path.join(tmp, "allowed")
        with open(cases, "w", encoding="utf-8") as f:
            f.write('{"method": "GET", "path": "/", "status": 503, "what": "broken on purpose"}\n')
        with open(allowed, "w", encoding="utf-8") as f:
            f.write("BAD_SYNTAX 400 allowed on another status only: still a finding on a 503\n")
        findings = check("self-test", base, cases, allowed, None, "expected finding:")
    server.shutdown()
    wanted = ["bad DATE_INCORRECT", "warning BAD_SYNTAX"]
    missing = [w for w in wanted if not any(w in f for f in findings)]
    if missing or len(findings) != len(wanted):
        print(f"  self-test FAILED: wanted exactly the findings {wanted}, got {findings}")
        return 1
    print("  self-test: REDbot's bad note and its warning on the broken 503 are both findings")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    sys.exit(1 if check(*sys.argv[1:6]) else 0)


if __name__ == "__main__":
    main()
