"""Accuracy and calibration of `liaison resolve dedupe` on a labelled file: precision, recall and F1 over pairs at
the default threshold, and, in bins of predicted probability, the share of pairs that are truly one person.

    python bench/resolve_eval.py DATA.csv TRUTH.csv [--liaison .build/release/liaison] [--profile NAME]

TRUTH.csv: id,person (records of one person share `person`). DATA.csv: the columns bench/people_gen2.py writes.
"""
import argparse, collections, csv, os, subprocess, sys, tempfile, time

MAP = ["given_name=first_name", "surname=last_name", "date_of_birth=dob", "sex=gender", "address=address_line",
       "town=city", "postcode=postcode", "phone=phone", "email=email"]


def truth_pairs(path):
    people = collections.defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            people[row["person"]].append(row["id"])
    return {tuple(sorted((a, b))) for ids in people.values() for i, a in enumerate(ids) for b in ids[i + 1:]}


def scored(liaison, data, threshold, extra=()):
    out = tempfile.mktemp(suffix=".csv")
    cmd = [liaison, "resolve", "dedupe", data, "--id", "id", "--date-format", "dd/MM/yyyy", "--output", out,
           "--threshold", str(threshold), *extra]
    for m in MAP: cmd += ["--map", m]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    with open(out) as f:
        pairs = {tuple(sorted((r["left_id"], r["right_id"]))): float(r["score"]) for r in csv.DictReader(f)}
    os.unlink(out)
    return pairs, wall


def report(name, pairs, truth, threshold=0.9):
    found = {p for p, s in pairs.items() if s >= threshold}
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, len(found)


def calibration(pairs, truth, edges=(0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 1.0001)):
    rows = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [(p, s) for p, s in pairs.items() if lo <= s < hi]
        if not inside: continue
        mean = sum(s for _, s in inside) / len(inside)
        share = sum(1 for p, _ in inside if p in truth) / len(inside)
        rows.append((lo, min(hi, 1.0), len(inside), mean, share))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("truth")
    ap.add_argument("--liaison", default=".build/release/liaison")
    ap.add_argument("--name", default="")
    a = ap.parse_args()
    truth = truth_pairs(a.truth)
    pairs, wall = scored(a.liaison, a.data, 0.1)
    p, r, f1, n = report(a.name, pairs, truth)
    print(f"{a.name or a.data}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} ({n} pairs, {len(truth)} true; {wall:.2f} s)")
    for lo, hi, count, mean, share in calibration(pairs, truth):
        flag = "" if count < 100 or abs(mean - share) <= 0.05 else "  ← off by more than 0.05"
        print(f"  predicted {lo:.2f}–{hi:.2f}: {count:>7} pairs, mean {mean:.3f}, truly matches {share:.3f}{flag}")


if __name__ == "__main__":
    main()
