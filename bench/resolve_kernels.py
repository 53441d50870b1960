"""String kernel and single-record query benchmarks, beside rapidfuzz.

    python bench/resolve_kernels.py --liaison-bench .build/release/liaison-bench [--sizes 100000,1000000]

Jaro–Winkler: the same name pairs (folded, lowercase ASCII) scored by Liaison's kernel and by rapidfuzz's
(`process.cpdist`, one worker: element-wise in C++, no Python per pair), single thread each.
Queries: Liaison's person index over a synthetic file, p50/p95/p99 per query.
"""
import argparse, os, random, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resolve_bench  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--liaison-bench", required=True)
    ap.add_argument("--sizes", default="100000")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="liaison-kernels-")
    data = os.path.join(work, "people.csv")
    resolve_bench.synthetic(data, 100_000)
    import csv
    names = []
    with open(data) as f:
        for row in csv.DictReader(f):
            names.append(row["surname"])
            names.append(row["given_name"])
    rng = random.Random(5)
    pairs = []
    for _ in range(500_000):
        a = rng.choice(names)
        b = rng.choice(names) if rng.random() < 0.7 else rng.choice([a, a[:-1] + "e", a[1:] + a[0]])
        pairs.append((a, b))
    path = os.path.join(work, "pairs.txt")
    with open(path, "w") as f:
        f.writelines(f"{a},{b}\n" for a, b in pairs)
    out = subprocess.run([args.liaison_bench, "jaro-winkler", "--pairs", path], capture_output=True, text=True, check=True).stdout.strip()
    print(out)
    ours = float(out.split(":")[1].split()[0])
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler
    left, right = [a for a, _ in pairs], [b for _, b in pairs]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        process.cpdist(left, right, scorer=JaroWinkler.normalized_similarity, workers=1)
        best = min(best, time.perf_counter() - start)
    theirs = len(pairs) / best
    print(f"rapidfuzz jaro-winkler (cpdist, 1 worker): {theirs:.0f} pairs/s; liaison/rapidfuzz = {ours / theirs:.2f}")
    for n in [int(s) for s in args.sizes.split(",") if s]:
        people = os.path.join(work, f"people{n}.csv")
        resolve_bench.synthetic(people, n)
        cmd = [args.liaison_bench, "resolve-query", "--input", people, "--id", "id"]
        print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip())


if __name__ == "__main__":
    main()
