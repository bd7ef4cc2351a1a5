#!/usr/bin/env bash
# Reproduces the archive-client numbers of bench/RESULTS.md (issue 3), all against one local archive
# with 40 000 synthetic observations and a 1 GiB OBSERVATION tar for TDT 80000203:
#  - a 40k-row query, whole process, saved as VOTable: iso-samp vs STILTS tapquery vs astroquery
#  - a 1 GiB product download: iso-samp vs curl, alternating (ROUNDS, default 6): whole-process time and peak
#    RSS, and the transfer's own MB/s (JVM start-up excluded)
# Needs stilts, curl, GNU time and astroquery (apt-get install stilts curl time python3-astroquery).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mkdir -p bench/out
PORT=${PORT:-18765}
SERVER=
serve() {     # (re)starts the local archive; each part of the bench gets a freshly started one
  if [ -n "$SERVER" ]; then kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; fi
  java -Xmx8g -jar target/iso-samp.jar serve-local --port "$PORT" --synthetic 40000 \
       --large-product 80000203=1073741824 > "bench/out/serve-$1.log" 2>&1 &
  SERVER=$!
  for i in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/tap/availability" >/dev/null && break; sleep 1; done
}
trap 'kill $SERVER 2>/dev/null' EXIT
serve query
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
ISO="java -jar target/iso-samp.jar query --quiet --overwrite --archive $BASE --maxrec 100000 '$Q'"
STILTS="stilts tapquery tapurl=${BASE}tap sync=true maxrec=100000 adql='$Q'"
qcmd iso-votable    "$ISO --output-format votable --output-file $W/i.vot"
# the same through the launcher script (target/iso-samp: java -jar with a class-data-sharing archive, which its
# first run of a command makes: that is the uncounted warm-up round; a private cache folder, so the bench
# starts with none)
qcmd launcher-votable "XDG_CACHE_HOME=$W/cache target/iso-samp query --quiet --overwrite --archive $BASE --maxrec 100000 '$Q' --output-format votable --output-file $W/l.vot"
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
    END {printf "%-16s wall mean %6.3f s  median %6.3f s  min %6.3f s   CPU mean %6.3f s  (%d runs)\n",
         n, s / NR, NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2, w[1], c / NR, NR}'
done | tee bench/out/query-40k.txt
awk '{s[$2] += $3; n[$2]++} END {for (k in s) m[k] = s[k] / n[k]
  printf "iso-samp / STILTS: votable %.2f  csv %.2f  fits %.2f;  iso-samp votable / astroquery %.2f, with the launcher %.2f (means)\n",
    m["iso-votable"] / m["stilts-votable"], m["iso-csv"] / m["stilts-csv"], m["iso-fits"] / m["stilts-fits"],
    m["iso-votable"] / m["astroquery"], m["launcher-votable"] / m["astroquery"]}' bench/out/query-40k-runs.txt | tee -a bench/out/query-40k.txt
# A fresh archive for the download: after the 42 heavy queries above, the same server process has often
# served iso-samp's download at ~0.4 GB/s while curl still got ~1 GB/s. The cause is this VM's free page
# reporting, not the archive nor iso-samp (bench/RESULTS.md, session 4); a fresh archive meets it less often.
serve download
URL="${BASE}data?retrieval_type=OBSERVATION&tdt=80000203&product_level=DEFAULT_DATA_SET"
curl -s -o /dev/null "$URL"            # generate and cache the 1 GiB product on the server first
# The transfer alone (first request to rename, JVM start-up excluded) is DataClient's FINE line
# "wrote ...: <bytes> bytes in <s> s (<MB/s> MB/s)", switched on for that logger only: -v would also turn on the
# JDK's own FINE logging (TLS, the trust store's certificates), about 1 CPU-s and 50 MB more. curl's is
# %{speed_download}. MB = 10^6 bytes for both.
LOGCONF=bench/out/transfer-log.properties
cat > "$LOGCONF" <<'EOF'
handlers=
.level=WARNING
org.isosamp.archive.DataClient.level=FINE
org.isosamp.archive.DataClient.handlers=java.util.logging.ConsoleHandler
org.isosamp.archive.DataClient.useParentHandlers=false
java.util.logging.ConsoleHandler.level=FINE
EOF
: > bench/out/download-1g.txt
# On a VM whose balloon reports free pages to the host (virtio free page reporting), a write into page cache
# the host has just taken back is slow (bench/RESULTS.md, session 4): each round also notes how much memory
# was reported while it ran ("reported", MB; "-" where the kernel has no such counter).
REPORTED=/sys/module/page_reporting/parameters/reported_kib
reported() { if [ -r "$REPORTED" ]; then cat "$REPORTED"; else echo -; fi; }
delta() { if [ "$1" = - ]; then echo -; else echo $(( ($(reported) - $1) / 1024 )); fi; }
for run in $(seq "${ROUNDS:-6}"); do      # alternating, on the same server
  rm -f "$W"/*.tar; sync   # each run starts with no dirty pages or pending discards of the one before
  r0=$(reported)
  /usr/bin/time -f "%e s  maxRSS %M KiB" -o "$W/time" curl -s -o "$W/c.tar" -w '%{speed_download}' "$URL" >"$W/speed"
  echo "$run curl      $(cat "$W/time")  transfer $(awk '{printf "%.1f", $1 / 1e6}' "$W/speed") MB/s  reported $(delta "$r0")" \
    | tee -a bench/out/download-1g.txt
  rm -f "$W"/*.tar; sync   # each run starts with no dirty pages or pending discards of the one before
  r0=$(reported)
  /usr/bin/time -f "%e s  maxRSS %M KiB" -o "$W/time" java -Djava.util.logging.config.file="$LOGCONF" \
      -jar target/iso-samp.jar download --quiet --no-cache --archive "$BASE" --dir "$W" 80000203 >/dev/null 2>"$W/log"
  echo "$run iso-samp  $(cat "$W/time")  transfer $(grep -o '[0-9.]* MB/s' "$W/log")  reported $(delta "$r0")" \
    | tee -a bench/out/download-1g.txt
done
ls -l "$W"/*.tar | tee -a bench/out/download-1g.txt
for who in curl iso-samp; do           # medians: elapsed s, max RSS KiB, transfer MB/s
  for col in 3 6 9; do
    awk -v w="$who" -v c="$col" '$2 == w {print $c}' bench/out/download-1g.txt | sort -g \
      | awk '{v[NR] = $1} END {printf "%s ", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
  done | awk -v w="$who" '{printf "median %-9s %s s  maxRSS %s KiB  transfer %s MB/s\n", w, $1, $2, $3}'
done | tee -a bench/out/download-1g.txt
rm -rf "$W"
