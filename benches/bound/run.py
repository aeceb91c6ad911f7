#!/usr/bin/env python3
"""How far the clean build can come down: errstatus with its macro crate, and its runtime,
replaced by the least that still builds the benchmark's scratch crate.

compile_bench.py's clean build (N=200, `CARGO_INCREMENTAL=0`, interleaved runs) for four
variants of the same scratch crate:

  thiserror   thiserror's derive and a hand-written status match (the benchmark's baseline)
  derive      thiserror + errstatus as committed (HEAD)
  free-macro  as `derive`, with errstatus-macros' lib.rs replaced by stubs/macros.rs: a derive
              that only finds the enum's name and emits the two impls the scratch crate calls
  floor       as `free-macro`, with errstatus-core's and errstatus's lib.rs replaced by
              stubs/core.rs and stubs/facade.rs: a runtime that answers with problem+json and
              nothing else. Every crate and dependency edge stays, so the build graph is the
              same; only the crates' own code shrinks.
  floor-3     as `floor`, without errstatus-registry in the build (the dependency lines of
              errstatus-core and errstatus-macros removed): three crates.

`free-macro` bounds what any work on the macro crate can give; `floor` bounds what the
layout (four crates, a runtime over http and serde_json) costs with no code in it, and
`floor-3` what one crate fewer could give.

    python3 benches/bound/run.py              # from the project root; 8 runs, ~4 min
    python3 benches/bound/run.py --runs 4 --work /tmp/bound

Copies of HEAD (`git archive`) are made under --work; uncommitted changes are not measured.
Needs what ../shared/bench/compile_bench.py needs (crates.io for the first resolve).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STUBS = os.path.join(ROOT, "benches", "bound", "stubs")
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "bench"))
import compile_bench  # noqa: E402
import gen_scratch  # noqa: E402

N = 200
OWN = ("errstatus", "errstatus-core", "errstatus-macros", "errstatus-registry")


def copy_of_head(dest):
    """The committed tree of this repository in `dest`."""
    os.makedirs(dest)
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)


def stub(repo, crate_dir, stub_name):
    shutil.copyfile(os.path.join(STUBS, stub_name), os.path.join(repo, crate_dir, "src", "lib.rs"))


def drop_registry(repo):
    for crate_dir in ("core", "macros"):
        path = os.path.join(repo, crate_dir, "Cargo.toml")
        text = open(path).read()
        line = "errstatus-registry.workspace = true\n"
        if line not in text:
            raise SystemExit(f"{path}: no `{line.strip()}` line to drop")
        open(path, "w").write(text.replace(line, ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=8)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "errstatus-bound"))
    args = ap.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    repos = {}
    all_stubs = [("macros", "macros.rs"), ("core", "core.rs"), ("runtime", "facade.rs")]
    for name, stubs in [
        ("derive", []),
        ("free-macro", all_stubs[:1]),
        ("floor", all_stubs),
        ("floor-3", all_stubs),
    ]:
        repo = os.path.join(args.work, "repo-" + name)
        copy_of_head(repo)
        for crate_dir, stub_name in stubs:
            stub(repo, crate_dir, stub_name)
        if name == "floor-3":
            drop_registry(repo)
        repos[name] = repo

    variants = ["thiserror", "derive", "free-macro", "floor", "floor-3"]
    wss, pkgs = {}, {}
    for v in variants:
        ws = os.path.join(args.work, "ws-" + v)
        kind = "thiserror" if v == "thiserror" else "derive"
        runtime = os.path.join(repos[v], "runtime") if v in repos else None
        gen_scratch.gen_enum_workspace(ws, kind, [N], runtime)
        compile_bench.prepare(ws)
        wss[v], pkgs[v] = ws, f"scratch_{kind}_n{N}"

    walls = {v: [] for v in variants}
    own = {v: [] for v in variants}
    for r in range(args.runs):
        for v in variants:
            target = os.path.join(args.work, "target-" + v)
            env = compile_bench.cargo_env(target, False)
            compile_bench.run(["cargo", "clean"], wss[v], env)
            dt, _ = compile_bench.run(["cargo", "build", "--offline", "--timings", "-p", pkgs[v]], wss[v], env)
            walls[v].append(dt)
            timings = compile_bench.parse_timings(target)
            own[v].append(sum(d for k, d in timings.items() if k.split(" ")[0] in OWN))
            compile_bench.log(f"  run {r} {v}: {dt:.2f}s, errstatus's crates {own[v][-1]:.2f}s")

    base = compile_bench.stats(walls["thiserror"])["median"]
    print(f"clean build, N={N}, {args.runs} interleaved runs, median (min-max):\n")
    print("| variant | clean build (s) | vs thiserror | errstatus's crates in --timings (s) |")
    print("| --- | --- | --- | --- |")
    for v in variants:
        w = compile_bench.stats(walls[v])
        crates = f"{compile_bench.stats(own[v])['median']:.2f}" if v != "thiserror" else ""
        print(f"| {v} | {compile_bench.fmt_s(w)} | {w['median'] / base:.2f}x | {crates} |")


if __name__ == "__main__":
    main()
