"""A second generator of labelled people, written apart from the matching engine: its own name pools (British,
Irish, Polish, South Asian, and names transliterated from Arabic, Cyrillic, Greek and Chinese, with the spellings
transliteration gives), households that share a surname and an address (parents, children, twins), and its own
error model (people who moved, nicknames, keyboard typos, other transliterations, day and month swapped, missing
fields, women's changed surnames, initials).

    python bench/people_gen2.py OUT.csv TRUTH.csv --people 100000 [--seed 1] [--profile mixed|families|movers|sparse]

OUT.csv: id,first_name,last_name,dob (dd/mm/yyyy),gender,address_line,city,postcode,phone,email.
TRUTH.csv: id,person: records of one person share `person`.
"""
import argparse, csv, random

BRITISH_M = ("oliver george harry jack jacob noah charlie thomas oscar william james henry leo alfie joshua freddie archie "
             "ethan isaac alexander joseph edward samuel max daniel arthur lucas mohammed logan theo harrison benjamin "
             "mason sebastian finley adam dylan zachary riley teddy theodore david elijah toby louis reuben jude carter "
             "matthew ryan luke callum lewis kyle connor jamie scott liam andrew stephen peter paul mark richard robert "
             "michael christopher anthony kenneth ronald graham keith colin brian trevor nigel derek barry gary").split()
BRITISH_F = ("olivia amelia isla ava emily isabella mia poppy ella lily sophia grace evie scarlett ruby chloe sophie "
             "freya daisy phoebe florence alice jessica matilda charlotte harper evelyn rosie elsie sienna millie "
             "eva lucy layla hannah holly imogen katie lauren megan rebecca rachel sarah laura emma claire karen "
             "susan julie nicola joanne helen deborah tracey angela margaret patricia elizabeth jennifer victoria").split()
IRISH_M = "sean ciaran padraig cormac eoin darragh oisin cillian niall declan fionn ronan tadhg".split()
IRISH_F = "aoife niamh siobhan roisin saoirse ciara orla grainne caoimhe sinead clodagh".split()
POLISH_M = "piotr krzysztof andrzej tomasz pawel marcin michal grzegorz jakub mateusz wojciech kamil".split()
POLISH_F = "anna katarzyna malgorzata agnieszka barbara ewa magdalena joanna zofia dorota aleksandra".split()
SOUTH_ASIAN_M = "arjun rahul vikram sanjay amit rajesh imran kamran bilal asif tariq harpreet gurpreet jaswinder".split()
SOUTH_ASIAN_F = "priya anjali sunita kavita deepa pooja nazia shabana rubina ayesha mandeep simran".split()
# Transliterated names: each spelling is a way the same name is written in Latin letters.
TRANSLIT_M = [["mohammed", "muhammad", "mohamed", "mohammad", "muhammed"], ["yousef", "yusuf", "youssef", "yousuf"],
              ["abdul", "abdoul", "abdel"], ["hussein", "hussain", "husain", "hossein"], ["omar", "umar"],
              ["aleksandr", "alexander", "oleksandr", "aleksander"], ["sergei", "sergey", "serhiy"], ["dmitri", "dmitry", "dmytro"],
              ["yuri", "yury", "iurii"], ["andrei", "andrey", "andriy"], ["nikolai", "nikolay", "mykola"],
              ["konstantinos", "constantinos", "kostas"], ["georgios", "giorgos", "yiorgos"], ["dimitrios", "dimitris"],
              ["zhang wei", "chang wei"], ["jun", "chun"], ["xiaoming", "hsiao-ming"]]
TRANSLIT_F = [["fatima", "fatimah", "fatma"], ["aisha", "ayesha", "aicha"], ["mariam", "maryam", "meriem"],
              ["khadija", "khadijah", "khadidja"], ["yulia", "julia", "iuliia", "yuliya"], ["natalia", "natalya", "nataliya"],
              ["tatiana", "tatyana", "tetiana"], ["olga", "olha"], ["ekaterina", "yekaterina", "kateryna"],
              ["eleni", "helen", "elena"], ["xiu", "hsiu"], ["mei", "may"]]
SURNAMES_COMMON = ("smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright "
                   "walker white edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill "
                   "ward morris moore clark lee king baker harrison morgan allen james scott phillips watson davis parker "
                   "price bennett young griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy "
                   "miller cox richards khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman "
                   "powell webb rogers gray mason ali hunt hussain campbell matthews owen palmer holmes mills barnes knight "
                   "lloyd butler russell barker fisher stevens jenkins murray dixon harvey").split()
SURNAMES_POLISH = "nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak dabrowski".split()
SURNAMES_IRISH = "obrien oconnor ryan byrne mccarthy doyle gallagher kavanagh fitzgerald brennan quinn".split()
TRANSLIT_SURNAMES = [["ivanov", "ivanoff"], ["petrenko", "petrenco"], ["kovalenko", "kowalenko"], ["shevchenko", "sevcenko"],
                     ["papadopoulos", "papadopulos"], ["georgiou", "yiorgiou"], ["al-rashid", "alrashid", "rashid"],
                     ["abdullah", "abdalla", "abdallah"], ["haddad", "hadad"], ["el-amin", "elamin", "amin"],
                     ["zhang", "chang"], ["wang", "wong"], ["chen", "chan"], ["liu", "lau"], ["huang", "wong"]]
NICKNAMES = {"william": ["bill", "will", "billy"], "robert": ["bob", "rob", "bobby"], "richard": ["rick", "dick", "rich"],
             "james": ["jim", "jimmy", "jamie"], "michael": ["mike", "mick"], "elizabeth": ["liz", "beth", "lizzie"],
             "margaret": ["maggie", "peggy", "meg"], "thomas": ["tom", "tommy"], "anthony": ["tony"], "joseph": ["joe"],
             "edward": ["ed", "ted", "eddie"], "christopher": ["chris"], "daniel": ["dan", "danny"], "samuel": ["sam"],
             "alexander": ["alex", "sasha"], "aleksandr": ["sasha", "alex"], "katarzyna": ["kasia"], "aleksandra": ["ola"],
             "rebecca": ["becky"], "victoria": ["vicky"], "jennifer": ["jenny", "jen"], "patricia": ["pat", "trish"],
             "benjamin": ["ben"], "matthew": ["matt"], "nicola": ["nicky"], "deborah": ["debbie"], "andrew": ["andy", "drew"],
             "stephen": ["steve"], "kenneth": ["ken"], "frederick": ["fred"], "harry": ["henry"], "peter": ["pete"]}
STREETS = ("high church station mill park victoria queen king albert manor school green north south new london west "
           "bridge chapel grove orchard elm oak ash willow beech cedar meadow spring hill castle market").split()
STREET_KINDS = ["street", "road", "lane", "avenue", "close", "drive", "way", "crescent", "gardens", "terrace"]
TOWNS = [("manchester", "M"), ("birmingham", "B"), ("leeds", "LS"), ("liverpool", "L"), ("sheffield", "S"), ("bristol", "BS"),
         ("newcastle", "NE"), ("nottingham", "NG"), ("leicester", "LE"), ("coventry", "CV"), ("bradford", "BD"),
         ("cardiff", "CF"), ("glasgow", "G"), ("edinburgh", "EH"), ("belfast", "BT"), ("croydon", "CR"), ("reading", "RG"),
         ("luton", "LU"), ("preston", "PR"), ("bolton", "BL"), ("oldham", "OL"), ("wigan", "WN"), ("derby", "DE"),
         ("stoke", "ST"), ("swansea", "SA"), ("southampton", "SO"), ("portsmouth", "PO"), ("plymouth", "PL"),
         ("norwich", "NR"), ("ipswich", "IP"), ("peterborough", "PE"), ("slough", "SL"), ("london", "E"), ("london", "N"),
         ("london", "SE"), ("london", "SW"), ("london", "W"), ("london", "NW"), ("london", "EC"), ("hull", "HU")]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm", ["wa", "qes", "wrd", "etf", "rty", "tuh", "yij", "uok", "ipl", "ol",
                                                                  "qsz", "awdx", "sefc", "drgv", "fthb", "gyjn", "hukm", "jil", "kop",
                                                                  "asx", "zsdc", "xdfv", "cfgb", "vghn", "bhjm", "njk"])}


class People:
    def __init__(self, rng, profile):
        self.rng, self.profile = rng, profile
        # A long tail of rarer surnames, made from pieces, beside the common ones: common names are common.
        pieces = "ash bar ber brook by cal car dale den don ell ers ford gar ham har ing ken kin lan ley lin ling mar mer mont nor ock ridge rock ros row sted ton vale ver wick win worth".split()
        self.rare = sorted({rng.choice(pieces) + rng.choice(pieces) for _ in range(6000)})

    def surname(self):
        r, rng = self.rng.random(), self.rng
        if r < 0.45: return [rng.choices(SURNAMES_COMMON, weights=[1 / (i + 3) for i in range(len(SURNAMES_COMMON))])[0]]
        if r < 0.52: return [rng.choice(SURNAMES_POLISH)]
        if r < 0.58: return [rng.choice(SURNAMES_IRISH)]
        if r < 0.70: return rng.choice(TRANSLIT_SURNAMES)
        return [rng.choice(self.rare)]

    def given(self, sex, surname):
        rng = self.rng
        if len(surname) > 1 and rng.random() < 0.7:
            return rng.choice(TRANSLIT_M if sex == "M" else TRANSLIT_F)
        pools = [(BRITISH_M, BRITISH_F, 0.6), (IRISH_M, IRISH_F, 0.1), (POLISH_M, POLISH_F, 0.1), (SOUTH_ASIAN_M, SOUTH_ASIAN_F, 0.2)]
        m, f, _ = rng.choices(pools, weights=[p[2] for p in pools])[0]
        return [rng.choice(m if sex == "M" else f)]

    def address(self):
        rng = self.rng
        town, area = rng.choice(TOWNS)
        postcode = f"{area}{rng.randint(1, 28)} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"
        line = f"{rng.randint(1, 250)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"
        if rng.random() < 0.15: line = f"flat {rng.randint(1, 40)}, " + line
        return line, town, postcode

    def phone(self):
        return "07" + "".join(self.rng.choice("0123456789") for _ in range(9))

    def households(self, n):
        """People in households until n people exist: each person a dict of their true values."""
        rng, people = self.rng, []
        family_bias = {"families": 0.75, "movers": 0.35, "sparse": 0.35, "mixed": 0.45}[self.profile]
        while len(people) < n:
            address = self.address()
            surname = self.surname()
            if rng.random() < family_bias:
                # Two parents and one to four children, some twins (same day, different given names).
                parent_year = rng.randint(1950, 1985)
                members = [("M", (rng.randint(1, 28), rng.randint(1, 12), parent_year + rng.randint(-3, 3))),
                           ("F", (rng.randint(1, 28), rng.randint(1, 12), parent_year + rng.randint(-3, 3)))]
                child = (rng.randint(1, 28), rng.randint(1, 12), min(2008, parent_year + rng.randint(20, 35)))
                for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
                    if k and rng.random() > 0.12:  # else twins: born the same day
                        child = (rng.randint(1, 28), rng.randint(1, 12), min(2008, child[2] + rng.choice((1, 2, 3, 5))))
                    members.append((rng.choice("MF"), child))
            else:
                members = [(rng.choice("MF"), (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2005)))]
            used = set()
            for sex, dob in members:
                given = self.given(sex, surname)
                while given[0] in used: given = self.given(sex, surname)
                used.add(given[0])
                people.append(dict(given=given, surname=surname, sex=sex, dob=dob, address=address,
                                   phone=self.phone() if rng.random() < 0.6 else "",
                                   # An address is one person's: the running number keeps namesakes apart.
                                   email_user=f"{given[0].replace(' ', '')}.{surname[0]}{len(people)}"))
        return people[:n]


def typo(rng, s):
    if len(s) < 3: return s
    i = rng.randrange(len(s))
    op = rng.random()
    if op < 0.4 and s[i] in KEYBOARD: return s[:i] + rng.choice(KEYBOARD[s[i]]) + s[i + 1:]
    if op < 0.6 and i < len(s) - 1: return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op < 0.8: return s[:i] + s[i + 1:]
    return s[:i] + s[i] + s[i:]


def record(rng, person, profile, variant):
    """One agency's record of a person: the first as recorded well, the others with this generator's errors."""
    given, surname = person["given"][0], person["surname"][0]
    day, month, year = person["dob"]
    line, town, postcode = person["address"]
    phone, sex = person["phone"], person["sex"]
    missing_dob = {"sparse": 0.5, "mixed": 0.15, "families": 0.1, "movers": 0.1}[profile]
    moved = {"movers": 0.6, "mixed": 0.3, "families": 0.15, "sparse": 0.25}[profile]
    if variant:
        if len(person["given"]) > 1 and rng.random() < 0.6: given = rng.choice(person["given"][1:])
        if len(person["surname"]) > 1 and rng.random() < 0.5: surname = rng.choice(person["surname"][1:])
        if rng.random() < moved:
            line, town, postcode = _moved(rng)
            if rng.random() < 0.5: phone = ""
        r = rng.random()
        if r < 0.15 and given in NICKNAMES: given = rng.choice(NICKNAMES[given])
        elif r < 0.3: given = typo(rng, given)
        elif r < 0.4: surname = typo(rng, surname)
        elif r < 0.45: given = given[0]
        elif r < 0.5 and sex == "F" and rng.random() < 0.5: surname = rng.choice(SURNAMES_COMMON)  # married
        elif r < 0.55: given, surname = surname, given
        r = rng.random()
        if r < 0.12 and day <= 12: day, month = month, day
        elif r < 0.18: day = max(1, min(28, day + rng.choice((-1, 1))))
        elif r < 0.22: year += rng.choice((-1, 1))
        if rng.random() < 0.1: line = typo(rng, line)
        if rng.random() < 0.1: postcode = postcode.replace(" ", "") if rng.random() < 0.5 else postcode[:-1] + rng.choice(LETTERS)
        if rng.random() < 0.15: postcode = ""
        if rng.random() < 0.2: line = ""
        if rng.random() < 0.3: phone = ""
        if rng.random() < 0.2: sex = ""
    dob = "" if variant and rng.random() < missing_dob else f"{day:02d}/{month:02d}/{year}"
    case = rng.choice((str.title, str.upper, str.lower)) if variant else str.title
    email = f"{person['email_user']}@example.org" if rng.random() < 0.3 else ""
    return dict(first_name=case(given), last_name=case(surname), dob=dob, gender=sex, address_line=line.title(),
                city=town.title(), postcode=postcode.upper(), phone=phone, email=email)


def _moved(rng):
    town, area = rng.choice(TOWNS)
    return (f"{rng.randint(1, 250)} {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}", town,
            f"{area}{rng.randint(1, 28)} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}")


def generate(n, seed, profile):
    rng = random.Random(f"{seed}:{profile}")
    people = People(rng, profile).households(int(n / 1.35))
    rows = []
    for k, person in enumerate(people):
        copies = 1 + (rng.choice((1, 1, 1, 2, 3)) if rng.random() < 0.3 else 0)
        for c in range(copies):
            rows.append((f"r{len(rows)}", f"p{k}", record(rng, person, profile, variant=c > 0)))
    rng.shuffle(rows)
    return rows[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("truth")
    ap.add_argument("--people", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", default="mixed", choices=["mixed", "families", "movers", "sparse"])
    a = ap.parse_args()
    rows = generate(a.people, a.seed, a.profile)
    with open(a.out, "w", newline="") as f, open(a.truth, "w", newline="") as t:
        w = csv.writer(f)
        w.writerow(["id", "first_name", "last_name", "dob", "gender", "address_line", "city", "postcode", "phone", "email"])
        tw = csv.writer(t)
        tw.writerow(["id", "person"])
        for rid, pid, r in rows:
            w.writerow([rid] + [r[k] for k in ["first_name", "last_name", "dob", "gender", "address_line", "city", "postcode", "phone", "email"]])
            tw.writerow([rid, pid])


if __name__ == "__main__":
    main()
