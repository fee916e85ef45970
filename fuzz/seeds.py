"""Writes a seed corpus (one file each). For the query fuzzer (`seeds.py DIR` or `seeds.py DIR
query`): every string literal in the query tests and every statement line in the docs that looks
like tcbq input. For the answer fuzzer (`seeds.py DIR answer`): every JSON object written as a raw
string in the core's tests."""
import hashlib, pathlib, re, sys

out = pathlib.Path(sys.argv[1])
target = sys.argv[2] if len(sys.argv) > 2 else "query"
out.mkdir(parents=True, exist_ok=True)
seeds = set()
root = pathlib.Path(__file__).resolve().parent.parent
if target == "answer":
    for path in root.glob("Tests/TCBQCoreTests/**/*.swift"):
        text = path.read_text(errors="replace")
        for literal in re.findall(r'#"(\{.*?)"#', text, re.S) + re.findall(r'"""\n(\s*\{.*?)"""', text, re.S):
            seeds.add(literal)
    for seed in seeds:
        (out / hashlib.sha1(seed.encode()).hexdigest()[:16]).write_text(seed)
    print(f"{len(seeds)} seeds in {out}")
    sys.exit(0)
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
