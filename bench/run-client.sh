#!/usr/bin/env bash
# Reproduces the archive-client numbers of bench/RESULTS.md (issue 3), all against one local archive
# with 40 000 synthetic observations and a 1 GiB OBSERVATION tar for TDT 80000203:
#  - a 40k-row query, whole process, saved as VOTable: iso-samp vs STILTS tapquery vs astroquery
#  - a 1 GiB product download: iso-samp vs curl, time and peak RSS
# Needs hyperfine, stilts, curl, GNU time (apt-get install hyperfine stilts curl time python3-astroquery).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mkdir -p bench/out
PORT=${PORT:-18765}
java -Xmx8g -jar target/iso-samp.jar serve-local --port "$PORT" --synthetic 40000 \
     --large-product 80000203=1073741824 > bench/out/serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for i in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/tap/availability" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT/nida-sl-tap/"
Q="SELECT * FROM ida.observations"
W=$(mktemp -d)
# 40k-row query, whole process: iso-samp against STILTS tapquery writing the same format (votable, csv,
# fits) and astroquery (votable: bench/astroquery_query.py). Round-robin: every command once per round,
# each round starting one further on (QROUNDS rounds, default 5, after one warm-up round that is not
# counted), so that the machine's load falls on all alike. Per run: wall and CPU (user+sys) seconds in
# bench/out/query-40k-runs.txt; per command: mean, median, min wall and mean CPU; then the ratios.
declare -a QN QC
qcmd() { QN+=("$1"); QC+=("$2"); }
ISO="java -jar target/iso-samp.jar query --quiet --archive $BASE --maxrec 100000 '$Q'"
STILTS="stilts tapquery tapurl=${BASE}tap sync=true maxrec=100000 adql='$Q'"
qcmd iso-votable    "$ISO --output-format votable --output-file $W/i.vot"
qcmd stilts-votable "$STILTS out=$W/s.vot"
qcmd astroquery     "/usr/bin/python3 bench/astroquery_query.py $BASE 'SELECT TOP 100000 * FROM ida.observations' $W/a.vot"
qcmd iso-csv        "$ISO --output-format csv --output-file $W/i.csv"
qcmd stilts-csv     "$STILTS ofmt=csv out=$W/s.csv"
qcmd iso-fits       "$ISO --output-format fits --output-file $W/i.fits"
qcmd stilts-fits    "$STILTS ofmt=fits out=$W/s.fits"
: > bench/out/query-40k-runs.txt
for r in $(seq 0 "${QROUNDS:-5}"); do
  for k in "${!QN[@]}"; do
    j=$(( (k + r) % ${#QN[@]} ))
    /usr/bin/time -f "%e %U %S" -o "$W/qtime" bash -c "${QC[$j]}" >/dev/null 2>"$W/qerr" \
      || { echo "${QN[$j]} failed:"; cat "$W/qerr"; exit 1; }
    if [ "$r" -gt 0 ]; then echo "$r ${QN[$j]} $(cat "$W/qtime")" >> bench/out/query-40k-runs.txt; fi
  done
done
for n in "${QN[@]}"; do
  awk -v n="$n" '$2 == n {print $3, $4 + $5}' bench/out/query-40k-runs.txt | sort -g | awk -v n="$n" '
    {w[NR] = $1; s += $1; c += $2}
    END {printf "%-15s wall mean %6.3f s  median %6.3f s  min %6.3f s   CPU mean %6.3f s  (%d runs)\n",
         n, s / NR, NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2, w[1], c / NR, NR}'
done | tee bench/out/query-40k.txt
awk '{s[$2] += $3; n[$2]++} END {for (k in s) m[k] = s[k] / n[k]
  printf "iso-samp / STILTS: votable %.2f  csv %.2f  fits %.2f;  iso-samp votable / astroquery %.2f (means)\n",
    m["iso-votable"] / m["stilts-votable"], m["iso-csv"] / m["stilts-csv"], m["iso-fits"] / m["stilts-fits"],
    m["iso-votable"] / m["astroquery"]}' bench/out/query-40k-runs.txt | tee -a bench/out/query-40k.txt
URL="${BASE}data?retrieval_type=OBSERVATION&tdt=80000203&product_level=DEFAULT_DATA_SET"
curl -s -o /dev/null "$URL"            # generate and cache the 1 GiB product on the server first
for run in 1 2 3; do
  rm -f "$W"/*.tar
  /usr/bin/time -f "curl     %e s  maxRSS %M KiB" curl -s -o "$W/c.tar" "$URL" 2>&1 | tee -a bench/out/download-1g.txt
  rm -f "$W"/*.tar
  /usr/bin/time -f "iso-samp %e s  maxRSS %M KiB" java -jar target/iso-samp.jar download --quiet --no-cache \
      --archive "$BASE" --dir "$W" 80000203 2>&1 | tee -a bench/out/download-1g.txt
done
ls -l "$W"/*.tar | tee -a bench/out/download-1g.txt
rm -rf "$W"
