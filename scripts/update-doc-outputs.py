#!/usr/bin/env python3
"""Re-runs the examples of the docs and rewrites the output shown under each.

In docs/*.md, a fenced block whose info string starts with `tcbq` is a script: it is run with
`tcbq --yes` on the embedded sandbox (standard input). When the next fenced block is a `text`
block, that block shows the script's standard output and this tool rewrites it. An info string
like `tcbq exit=3` says the script is expected to exit 3. The test
Tests/IntegrationTests/DocExamplesTests.swift runs the same blocks and fails when an output
differs, so the docs never go stale.

Usage: swift build && scripts/update-doc-outputs.py docs/tutorial.md docs/cookbook.md README.md
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TCBQ = os.path.join(ROOT, ".build", "debug", "tcbq")
FENCE = re.compile(r"^```(\S*)(.*)$")


def run(script):
    home = tempfile.mkdtemp(prefix="tcbq-doc-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TCBQ_")}
    env.update(HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_STATE_HOME=home + "/state",
               NO_COLOR="1")
    done = subprocess.run([TCBQ, "--yes"], input=script.encode(), capture_output=True, env=env,
                          cwd=home)
    return done.returncode, done.stdout.decode().replace("\r\n", "\n")


def update(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    i = 0
    pending = None
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            if lines[i - 1].strip():
                pending = None  # only blank lines may stand between a script and its output
            continue
        info = m.group(1)
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        body = lines[i + 1:j]
        if info == "tcbq":
            status, stdout = run("\n".join(body) + "\n")
            expected = int((re.search(r"exit=(\d+)", m.group(2)) or [0, 0])[1])
            if status != expected:
                print(f"{path}:{i + 1}: exit {status}, expected {expected}", file=sys.stderr)
            pending = stdout
            out.extend(lines[i:j + 1])
        elif info == "text" and pending is not None:
            out.append(lines[i])
            out.extend(pending.rstrip("\n").split("\n"))
            out.append("```")
            pending = None
        else:
            out.extend(lines[i:j + 1])
            pending = None
        i = j + 1
    open(path, "w", encoding="utf-8").write("\n".join(out))


for p in sys.argv[1:]:
    update(p)
