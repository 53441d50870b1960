#!/usr/bin/env bash
# `liaison resolve` end to end on small synthetic files: the pairs and clusters it writes, what it says about the
# files it read, and how it refuses what it cannot do. Builds and runs the debug binary, or runs the one LIAISON_BIN
# names; needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LIAISON_BIN:-}" ]; then swift build --product liaison >/dev/null; fi
BIN=${LIAISON_BIN:-.build/debug/liaison}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "resolve check: $1"; [ -f "${2:-}" ] && cat "$2"; exit 1; }
expect_line() { grep -qxF -- "$2" "$1" || fail "no line '$2' in $1" "$1"; }
expect_text() { grep -qF -- "$2" "$1" || fail "no '$2' in $1" "$1"; }

# Two agencies' files, each with its own columns. Theirs was saved by a spreadsheet (a byte-order mark before the
# header), writes dates day first, and has one it does not know. A4 is A1's son, at her address.
cat >"$WORK/ours.csv" <<'CSV'
ref,first,last,born,pc
A1,Amara,Okonkwo,1988-04-12,LS1 4AB
A2,Tomasz,Kowalczyk,1975-11-02,M1 1AE
A3,Priya,Raghunathan,1990-01-30,B1 1AA
A4,Daniel,Okonkwo,2012-04-12,LS1 4AB
CSV
printf '\xef\xbb\xbf' >"$WORK/theirs.csv"
cat >>"$WORK/theirs.csv" <<'CSV'
Case No,Forename,Family Name,DOB,Postcode
X9,Amara,Okonkwo,12/04/1988,LS1 4AB
X8,Tomas,Kowalczyk,02/11/1975,M1 1AE
X7,Grace,Adeyemi,05/06/1982,E1 6AN
X6,Daniel,Okonkwo,not known,LS1 4AB
CSV
$BIN resolve link "$WORK/ours.csv" "$WORK/theirs.csv" --id ref --map given_name=first --map surname=last \
  --map date_of_birth=born --map postcode=pc --right-id "Case No" --right-map given_name=Forename \
  --right-map "surname=Family Name" --right-map date_of_birth=DOB --right-map postcode=Postcode \
  --right-date-format dd/MM/yyyy --output "$WORK/links.csv" 2>"$WORK/link.err" || fail "link failed" "$WORK/link.err"
expect_line "$WORK/link.err" "$WORK/theirs.csv: id ← Case No; given_name ← Forename; surname ← Family Name; date_of_birth ← DOB; postcode ← Postcode"
expect_text "$WORK/link.err" "$WORK/theirs.csv: 1 date of birth was not read and count as missing (the first in row 5: 'not known')"
head -1 "$WORK/links.csv" | grep -qx "left_id,right_id,score" || fail "links.csv has no header" "$WORK/links.csv"
cut -d, -f1,2 "$WORK/links.csv" | tail -n +2 | sort >"$WORK/linked"
printf 'A1,X9\nA2,X8\n' | diff - "$WORK/linked" >/dev/null || fail "linked pairs are not A1–X9 and A2–X8" "$WORK/linked"
awk -F, 'NR > 1 && ($3 < 0.9 || $3 > 1) { exit 1 }' "$WORK/links.csv" || fail "a score outside 0.9–1" "$WORK/links.csv"
# Even among the pairs scored 0.05 or more, the mother and her son are never taken for one person.
$BIN resolve link "$WORK/ours.csv" "$WORK/theirs.csv" --id ref --map given_name=first --map surname=last \
  --map date_of_birth=born --map postcode=pc --right-id "Case No" --right-map given_name=Forename \
  --right-map "surname=Family Name" --right-map date_of_birth=DOB --right-map postcode=Postcode \
  --right-date-format dd/MM/yyyy --threshold 0.05 --explain --output "$WORK/possible.csv" 2>/dev/null
if grep -qE '^(A1,X6|A4,X9),' "$WORK/possible.csv"; then fail "a mother and her son scored 0.05 or more" "$WORK/possible.csv"; fi
# --explain says why, in words, with each part's weight in bits.
expect_line "$WORK/possible.csv" "left_id,right_id,score,explanation"
grep -E '^A1,X9,0\.[0-9]{4},prior \(-[0-9.]+\); same first name \(\+[0-9.]+\); same surname \(\+[0-9.]+\); same date of birth \(\+[0-9.]+\)' \
  "$WORK/possible.csv" >/dev/null || fail "A1–X9 is not explained in words" "$WORK/possible.csv"

# Identifiers are compared kind with kind, the kinds named in each file's mapping: K1's passport and Y1's National
# Insurance number say nothing either way; K3 and Y2, born the same day with the same name, hold another passport
# and another National Insurance number each, so are two people.
cat >"$WORK/ours-ids.csv" <<'CSV'
ref,first,last,born,passport,ni
K1,Arben,Krasniqi,1990-04-12,AB1234567,
K2,Besnik,Hoxha,1985-02-03,,QQ123456C
K3,Lule,Berisha,1979-07-08,CD7654321,QQ654321A
CSV
cat >"$WORK/theirs-ids.csv" <<'CSV'
Case No,Forename,Family Name,DOB,NINO,Passport Number
Y1,Arben,Krasniqi,12/04/1990,QQ999999A,
Y2,Lule,Berisha,08/07/1979,QQ111111B,EF1111111
CSV
$BIN resolve link "$WORK/ours-ids.csv" "$WORK/theirs-ids.csv" --id ref --map given_name=first --map surname=last \
  --map date_of_birth=born --map identifier.passport=passport --map identifier.ni=ni --right-id "Case No" \
  --right-map given_name=Forename --right-map "surname=Family Name" --right-map date_of_birth=DOB \
  --right-map identifier.ni=NINO --right-map "identifier.passport=Passport Number" --right-date-format dd/MM/yyyy \
  --threshold 0.05 --explain --output "$WORK/id-links.csv" 2>"$WORK/id-link.err" || fail "link failed" "$WORK/id-link.err"
expect_text "$WORK/id-link.err" "identifier ← passport (passport), ni (ni)"
expect_text "$WORK/id-link.err" "identifier ← NINO (ni), Passport Number (passport)"
grep -q '^K1,Y1,0\.9' "$WORK/id-links.csv" || fail "K1 and Y1 are not linked from 0.9" "$WORK/id-links.csv"
if grep -q '^K3,Y2,' "$WORK/id-links.csv"; then
  fail "two people with another passport and another NI number each scored 0.05 or more" "$WORK/id-links.csv"
fi
# Columns named differently in each file and no kinds named: the run says the identifiers have no kind in common.
$BIN resolve link "$WORK/ours-ids.csv" "$WORK/theirs-ids.csv" --id ref --map given_name=first --map surname=last \
  --map identifier=passport,ni --right-id "Case No" --right-map given_name=Forename \
  --right-map "surname=Family Name" --right-map "identifier=NINO,Passport Number" --output "$WORK/id-links2.csv" \
  2>"$WORK/id-link2.err" || fail "link failed" "$WORK/id-link2.err"
expect_text "$WORK/id-link2.err" "The files' identifiers have no kind in common (ni, passport against NINO, Passport Number)"

# A previous address is compared as the address is: M1, who lived at Quay Street, is met there in the other file and
# the address counts as the same, which the explanation says; mapped without it, the two addresses differ.
cat >"$WORK/ours-moved.csv" <<'CSV'
ref,first,last,street,town,pc,old_street,old_town,old_pc
M1,Siobhan,Marlowe,Flat 2 7 Hope Road,Leeds,LS6 2AB,3 Quay Street,Bristol,BS1 4DJ
M2,Tomasz,Kowalczyk,12 Mill Lane,Manchester,M14 5QT,,,
CSV
cat >"$WORK/theirs-moved.csv" <<'CSV'
id,given_name,surname,address,town,postcode
T1,Siobhan,Marlowe,3 Quay Street,Bristol,BS1 4DJ
T2,Grace,Adeyemi,5 Elm Grove,Luton,LU2 7FQ
CSV
moved() {
  $BIN resolve link "$WORK/ours-moved.csv" "$WORK/theirs-moved.csv" --id ref --map given_name=first \
    --map surname=last --map address=street --map town=town --map postcode=pc "$@" --right-id id \
    --right-map given_name=given_name --right-map surname=surname --right-map address=address --right-map town=town \
    --right-map postcode=postcode --threshold 0.05 --explain --output "$WORK/moved.csv" 2>"$WORK/moved.err" \
    || fail "link failed" "$WORK/moved.err"
}
moved --map previous_address=old_street --map previous_town=old_town --map previous_postcode=old_pc
expect_text "$WORK/moved.err" "previous_address ← old_street; previous_town ← old_town; previous_postcode ← old_pc"
grep '^M1,T1,' "$WORK/moved.csv" | grep -F 'same address (+' | grep -qF 'the address that agrees is another one on record' \
  || fail "M1 and T1 do not agree at M1's previous address" "$WORK/moved.csv"
moved
grep '^M1,T1,' "$WORK/moved.csv" | grep -qF 'different addresses (-' || fail "M1's address alone is not another" "$WORK/moved.csv"

# One file with duplicates: a person twice (a slip in the surname), another three times; a mother and daughter at
# one address with the same surname are two people.
cat >"$WORK/people.csv" <<'CSV'
id,given_name,surname,date_of_birth,postcode
p1,Siobhan,Gallagher,1979-03-14,BT7 1NN
p2,Siobhan,Galagher,1979-03-14,BT7 1NN
p3,Niamh,Gallagher,2005-09-01,BT7 1NN
p4,Rui,Ferreira,1969-12-25,CF10 1EP
p5,Rui,Ferreira,25/12/1969,CF10 1EP
p6,Rui,Ferriera,1969-12-25,
CSV
$BIN resolve dedupe "$WORK/people.csv" --id id --output "$WORK/pairs.csv" --clusters "$WORK/clusters.csv" \
  2>"$WORK/dedupe.err" || fail "dedupe failed" "$WORK/dedupe.err"
expect_text "$WORK/dedupe.err" "6 records,"
# A row short of the header's columns, and one with a column more, are read, and the file says so.
printf 'id,given_name,surname,date_of_birth\nr1,Ana,Silva\nr2,Ana,Silva,1980-02-03,extra\nr3,Ben,Cole,1975-06-07\n' \
  >"$WORK/ragged.csv"
$BIN resolve dedupe "$WORK/ragged.csv" --id id --output "$WORK/ragged-pairs.csv" 2>"$WORK/ragged.err" \
  || fail "a file with ragged rows was refused" "$WORK/ragged.err"
expect_text "$WORK/ragged.err" "$WORK/ragged.csv: 2 rows do not have the header's 4 columns (the first, row 2, has 3)"
expect_text "$WORK/ragged.err" "3 records,"
expect_line "$WORK/clusters.csv" "id,cluster_id"
for row in p1,p1 p2,p1 p3,p3 p4,p4 p5,p4 p6,p4; do expect_line "$WORK/clusters.csv" "$row"; done

# A man arrested 250 times, at 250 addresses, under his PNC ID, among 20,000 others: every key he has is shared by
# more records than a block holds, so only the pairing of copies compares his records. They are one cluster, with
# nobody else in it.
awk 'BEGIN {
  srand(7); print "id,given_name,surname,date_of_birth,postcode,identifier"
  split("amy ben cal dee eli fay gus hal ivy jon kai lea max ned oli pam", given, " ")
  for (i = 0; i < 20000; i++)
    printf "s%d,%s,x%dson,19%02d-%02d-%02d,QQ%d %dAB,\n", i, given[1 + int(rand() * 16)], i, 40 + int(rand() * 60),
      1 + int(rand() * 12), 1 + int(rand() * 28), i % 50, i % 9
  for (i = 0; i < 250; i++) printf "often%d,Kieran,Doyle,1990-04-02,ZZ%d %dAB,14/123456X\n", i, i, i % 9
}' >"$WORK/often.csv"
$BIN resolve dedupe "$WORK/often.csv" --id id --output "$WORK/often-pairs.csv" --clusters "$WORK/often-clusters.csv" \
  2>"$WORK/often.err" || fail "dedupe of a person recorded 250 times failed" "$WORK/often.err"
often=$(grep '^often0,' "$WORK/often-clusters.csv" | cut -d, -f2)
[ "$(grep -c ",$often\$" "$WORK/often-clusters.csv")" -eq 250 ] \
  && [ "$(grep '^often' "$WORK/often-clusters.csv" | cut -d, -f2 | sort -u | wc -l)" -eq 1 ] \
  || fail "the 250 records of one man are not one cluster of their own" "$WORK/often-clusters.csv"

# The subjects already held, as one user sees them: a pair a reviewer decided is two people is found again by the
# engine but left out of the pairs, and the two are never in one cluster.
STORE="$WORK/store"
$BIN demo seed --data-dir "$STORE" >/dev/null
$BIN matches find --data-dir "$STORE" --as nca.analyst >/dev/null
pair=$($BIN matches list --data-dir "$STORE" --as nca.analyst --limit 1 | awk 'NR == 2 { print $1 }')
[ -n "$pair" ] || fail "the demonstration data queued no pair to review"
$BIN matches decide --data-dir "$STORE" --as nca.analyst "$pair" not-same >/dev/null
read -r decided left right < <($BIN audit list --data-dir "$STORE" --action match.decide --limit 1 | cut -f6)
[ "$decided" = "$pair" ] || fail "the decision on $pair is not the last audited"
$BIN resolve subjects --data-dir "$STORE" --as nca.analyst --threshold 0.5 --output "$WORK/subject-pairs.csv" \
  --clusters "$WORK/subject-clusters.csv" 2>"$WORK/subjects.err" || fail "resolve subjects failed" "$WORK/subjects.err"
expect_text "$WORK/subjects.err" "1 pair is two people (1 found again, left out)"
if grep -qE "^($left,$right|$right,$left)," "$WORK/subject-pairs.csv"; then
  fail "a pair decided to be two people is in the pairs" "$WORK/subject-pairs.csv"
fi
[ "$(grep -c "^$left," "$WORK/subject-clusters.csv")" = 1 ] || fail "no cluster for $left" "$WORK/subject-clusters.csv"
[ "$(grep "^$left," "$WORK/subject-clusters.csv" | cut -d, -f2)" != "$(grep "^$right," "$WORK/subject-clusters.csv" | cut -d, -f2)" ] \
  || fail "two people a reviewer told apart share a cluster" "$WORK/subject-clusters.csv"

# Refusals: exit status 1 when the files cannot be read as asked, 64 when the command line is wrong, and an
# "Error:" line naming the file, the column or the option.
expect_refusal() {
  local want=$1 message=$2; shift 2
  set +e; "$@" >"$WORK/refusal" 2>&1; local got=$?; set -e
  [ "$got" = "$want" ] || fail "exit status $got, not $want, from: $*" "$WORK/refusal"
  expect_text "$WORK/refusal" "Error: "
  expect_text "$WORK/refusal" "$message"
}
expect_refusal 1 "column 'dob' is not in the file's header" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --map date_of_birth=dob --output "$WORK/x.csv"
expect_refusal 1 "unknown field 'birthday'" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --map birthday=date_of_birth --output "$WORK/x.csv"
expect_refusal 1 "unknown field 'identifier.'; fields are given_name," \
  $BIN resolve dedupe "$WORK/people.csv" --id id --map identifier.=surname --output "$WORK/x.csv"
printf 'ID;Surname\nq1;Ng\n' >"$WORK/semicolons.csv"
expect_refusal 1 "the header is one column with semicolons in it" \
  $BIN resolve dedupe "$WORK/semicolons.csv" --id ID --output "$WORK/x.csv"
printf 'ID,Surname\nq1,Ng\n' >"$WORK/capitals.csv"
expect_refusal 1 "column 'id' is not in the file's header (ID, Surname); did you mean 'ID'?" \
  $BIN resolve dedupe "$WORK/capitals.csv" --id id --output "$WORK/x.csv"
printf 'id,surname\nq1,Ng\nq1,Lee\n' >"$WORK/repeat.csv"
expect_refusal 1 "row 3: ID 'q1' appears twice" $BIN resolve dedupe "$WORK/repeat.csv" --id id --output "$WORK/x.csv"
# A header that would clear the screen (escape, then [2J) and hold a NUL is quoted with both shown, not acted on.
printf 'id,sur\033[2Jname,d\000ob\nq1,Ng,\n' >"$WORK/controls.csv"
expect_refusal 1 "column 'surname' is not in the file's header (id, sur␛[2Jname, d␀ob)" \
  $BIN resolve dedupe "$WORK/controls.csv" --id id --map surname=surname --output "$WORK/x.csv"
if LC_ALL=C grep -q "$(printf '\033')" "$WORK/refusal"; then fail "an escape reached the terminal" "$WORK/refusal"; fi
expect_refusal 1 "cannot read $WORK/none.csv" $BIN resolve dedupe "$WORK/none.csv" --id id --output "$WORK/x.csv"
expect_refusal 64 "--threshold must be between 0 and 1" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --threshold 2 --output "$WORK/x.csv"
expect_refusal 64 "--output $WORK/missing/x.csv" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --output "$WORK/missing/x.csv"
expect_refusal 64 "--date-format yyyy-qq-dd: 'q' is not a date letter" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --date-format yyyy-qq-dd --output "$WORK/x.csv"
expect_refusal 64 "--variants $WORK/none.txt: cannot read the file" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --variants "$WORK/none.txt" --output "$WORK/x.csv"
expect_refusal 64 "--rules: unknown rule 'names-soundex'; rules are names-sound," \
  $BIN resolve dedupe "$WORK/people.csv" --id id --rules names-soundex --output "$WORK/x.csv"
expect_refusal 64 "--rules: name at least one rule" \
  $BIN resolve dedupe "$WORK/people.csv" --id id --rules , --output "$WORK/x.csv"
[ ! -e "$WORK/x.csv" ] || fail "a refused run wrote its output"
echo "resolve: two files with their own columns linked, identifiers compared kind with kind, a previous address compared, duplicates clustered, a man recorded 250 times one cluster, ragged rows read and counted," \
  "a reviewer's decision kept among the subjects held, fourteen refusals named"
