"""Writes a seed corpus for the query fuzzer: every string literal in the query tests and every
statement line in the docs that looks like tcbq input (one file each)."""
import hashlib, pathlib, re, sys

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
seeds = set()
root = pathlib.Path(__file__).resolve().parent.parent
starts = ("select", "shares", "share", "unshare", "show", "describe", "explain", "refresh", ".")
for path in list(root.glob("Tests/TCBQQueryTests/**/*.swift")) + list(root.glob("Tests/IntegrationTests/*.swift")):
    for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', path.read_text(errors="replace")):
        if literal.lower().startswith(starts) and len(literal) < 2000:
            seeds.add(literal.replace("\\n", "\n").replace("\\'", "'"))
for path in root.glob("docs/*.md"):
    for line in path.read_text(errors="replace").splitlines():
        line = line.removeprefix("tcbq(sandbox)> ").strip()
        if line.lower().startswith(starts):
            seeds.add(line)
for seed in seeds:
    name = hashlib.sha1(seed.encode()).hexdigest()[:16]
    (out / name).write_text(seed)
print(f"{len(seeds)} seeds in {out}")
