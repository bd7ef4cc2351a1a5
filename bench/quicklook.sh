#!/usr/bin/env bash
# Times `iso-samp quicklook` (issue 12) against astropy + matplotlib drawing the same quick look from the same
# downloaded FITS file (bench/quicklook_astropy.py), for the LWS spectrum 58002102 (11 segments, ~10 600 rows)
# and the ISOCAM image 80001538, both 900 x 600 PNGs, on a local archive (serve-local).
# Whole processes, wall seconds. Round-robin: every command once per round, each round starting one further on
# (ROUNDS rounds, default 5, after one warm-up round that is not counted: it fills iso-samp's product cache and
# makes the launcher's class-data-sharing archive); medians per command, then the ratios iso-samp / astropy.
# iso-samp's time includes asking the archive for the product (served from its product cache after the warm-up);
# astropy's starts from the file already on disk.
# Needs GNU time and Debian's python3-astropy and python3-matplotlib (apt-get install time python3-astropy
# python3-matplotlib): /usr/bin/python3, not a virtualenv's.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 -c 'import matplotlib, astropy' 2>/dev/null \
  || { echo "bench/quicklook.sh: /usr/bin/python3 lacks matplotlib or astropy: apt-get install python3-matplotlib python3-astropy" >&2; exit 1; }
[ -n "${NO_BUILD:-}" ] || mvn -B -q package -DskipTests
mkdir -p bench/out
PORT=${PORT:-18766}
W=$(mktemp -d)
java -jar target/iso-samp.jar serve-local --port "$PORT" > bench/out/quicklook-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$W"' EXIT
for i in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/tap/availability" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT/nida-sl-tap/"
export XDG_CACHE_HOME="$W/cache"     # a private product cache and CDS folder: the bench starts with none
for t in 58002102 80001538; do
  java -jar target/iso-samp.jar download --quiet --archive "$BASE" --retrieval-type STANDALONE --dir "$W" "$t" >/dev/null
done
declare -a QN QC
qcmd() { QN+=("$1"); QC+=("$2"); }
for t in 58002102 80001538; do
  qcmd "iso-jar-$t"      "java -jar target/iso-samp.jar quicklook --quiet --archive $BASE $t --overwrite --output $W/j-$t.png"
  qcmd "iso-launcher-$t" "target/iso-samp quicklook --quiet --archive $BASE $t --overwrite --output $W/l-$t.png"
  qcmd "astropy-$t"      "/usr/bin/python3 bench/quicklook_astropy.py $W/$t.fits $W/a-$t.png"
done
RUNS=bench/out/quicklook-runs.txt
: > "$RUNS"
for r in $(seq 0 "${ROUNDS:-5}"); do
  for k in "${!QN[@]}"; do
    j=$(( (k + r) % ${#QN[@]} ))
    /usr/bin/time -f "%e %U %S" -o "$W/time" bash -c "${QC[$j]}" >/dev/null 2>"$W/err" \
      || { echo "${QN[$j]} failed:"; cat "$W/err"; exit 1; }
    if [ "$r" -gt 0 ]; then echo "$r ${QN[$j]} $(cat "$W/time")" >> "$RUNS"; fi
  done
done
for n in "${QN[@]}"; do
  awk -v n="$n" '$2 == n {print $3, $4 + $5}' "$RUNS" | sort -g | awk -v n="$n" '
    {w[NR] = $1; c += $2}
    END {printf "%-22s wall median %6.3f s  min %6.3f s  max %6.3f s   CPU mean %6.3f s  (%d runs)\n",
         n, NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2, w[1], w[NR], c / NR, NR}'
done | tee bench/out/quicklook.txt
awk '{print $2, $3}' "$RUNS" | sort -k1,1 -k2g | awk '
  {v[$1, ++n[$1]] = $2}
  END {for (k in n) m[k] = n[k] % 2 ? v[k, (n[k] + 1) / 2] : (v[k, n[k] / 2] + v[k, n[k] / 2 + 1]) / 2
       for (t = 1; t <= 2; t++) { id = t == 1 ? "58002102" : "80001538"
         printf "%s: iso-samp / astropy+matplotlib (medians): java -jar %.2f, launcher %.2f (goal <= 0.5)\n", id,
           m["iso-jar-" id] / m["astropy-" id], m["iso-launcher-" id] / m["astropy-" id] } }' | tee -a bench/out/quicklook.txt
echo "$(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)" \
  | tee -a bench/out/quicklook.txt
