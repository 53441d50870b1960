"""Accuracy and calibration of `liaison resolve dedupe` on a labelled file: precision, recall and F1 over pairs at
the default threshold, and, in bins of predicted probability, the share of pairs that are truly one person.

    python bench/resolve_eval.py DATA.csv TRUTH.csv [--liaison .build/release/liaison] [--name NAME]
    python bench/resolve_eval.py DATA.csv TRUTH.csv --witness phone,email

TRUTH.csv: id,person (records of one person share `person`). DATA.csv: the columns bench/people_gen2.py writes.

--witness: a check of calibration that needs no labels. The file is scored again without the witness columns; in
each bin of that score, among pairs where both records hold a witness, the share agreeing on one is
    share = p * m + (1 - p) * u
with u the share among random pairs and m the share among pairs scored 0.99 or more (taken as all one person), so
the bin's true-match share p = (share - u) / (m - u) is estimated without the truth file, beside the truth's answer.
It holds when whether a witness agrees is independent of the other fields given one person or two.
"""
import argparse, collections, csv, os, random, subprocess, sys, tempfile, time

MAP = ["given_name=first_name", "surname=last_name", "date_of_birth=dob", "sex=gender", "address=address_line",
       "town=city", "postcode=postcode", "phone=phone", "email=email"]


def truth_pairs(path):
    people = collections.defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            people[row["person"]].append(row["id"])
    return {tuple(sorted((a, b))) for ids in people.values() for i, a in enumerate(ids) for b in ids[i + 1:]}


def scored(liaison, data, threshold, extra=(), mapping=MAP):
    out = tempfile.mktemp(suffix=".csv")
    cmd = [liaison, "resolve", "dedupe", data, "--id", "id", "--date-format", "dd/MM/yyyy", "--output", out,
           "--threshold", str(threshold), *extra]
    for m in mapping: cmd += ["--map", m]
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


def witness_check(liaison, data, truth, witness, edges=(0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 1.0001)):
    """Per bin of the score without the witness columns: pairs, mean score, the truth's share, and the share
    estimated from witness agreement alone (see the module's description)."""
    pairs, _ = scored(liaison, data, edges[0], mapping=[m for m in MAP if m.split("=")[1] not in witness])
    with open(data) as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}

    def agrees(a, b):
        """None when no witness is held by both; else whether any held by both agrees."""
        held = [(norm(a[w]), norm(b[w])) for w in witness if norm(a[w]) and norm(b[w])]
        return any(x == y for x, y in held) if held else None

    def norm(value): return "".join(ch for ch in value.lower() if ch.isalnum())

    rng, ids, seen, agree = random.Random(1), list(rows), 0, 0
    for _ in range(2_000_000):
        found = agrees(rows[rng.choice(ids)], rows[rng.choice(ids)])
        if found is None: continue
        seen, agree = seen + 1, agree + found
        if seen == 100_000: break
    u = agree / max(seen, 1)
    bins = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [(p, s) for p, s in pairs.items() if lo <= s < hi]
        held = [a for a in (agrees(rows[p[0]], rows[p[1]]) for p, _ in inside) if a is not None]
        if inside: bins.append((lo, min(hi, 1.0), inside, held))
    top = bins[-1][3]
    m = sum(top) / max(len(top), 1)
    print(f"  label-free check, scored without {', '.join(witness)}: witness agreement u {u:.5f} (random pairs), "
          f"m {m:.3f} (pairs scored 0.99 or more)")
    for lo, hi, inside, held in bins:
        mean = sum(s for _, s in inside) / len(inside)
        share = sum(1 for p, _ in inside if p in truth) / len(inside)
        estimate = (sum(held) / len(held) - u) / (m - u) if held and m > u else float("nan")
        print(f"  predicted {lo:.2f}–{hi:.2f}: {len(inside):>7} pairs, mean {mean:.3f}, truly matches {share:.3f}, "
              f"estimated from {len(held):>6} witnessed pairs {estimate:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("truth")
    ap.add_argument("--liaison", default=".build/release/liaison")
    ap.add_argument("--name", default="")
    ap.add_argument("--witness", default="", help="comma-separated columns for the label-free calibration check")
    a = ap.parse_args()
    truth = truth_pairs(a.truth)
    pairs, wall = scored(a.liaison, a.data, 0.1)
    p, r, f1, n = report(a.name, pairs, truth)
    print(f"{a.name or a.data}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} ({n} pairs, {len(truth)} true; {wall:.2f} s)")
    for lo, hi, count, mean, share in calibration(pairs, truth):
        flag = "" if count < 100 or abs(mean - share) <= 0.05 else "  ← off by more than 0.05"
        print(f"  predicted {lo:.2f}–{hi:.2f}: {count:>7} pairs, mean {mean:.3f}, truly matches {share:.3f}{flag}")
    if a.witness:
        witness_check(a.liaison, a.data, truth, a.witness.split(","))


if __name__ == "__main__":
    main()
