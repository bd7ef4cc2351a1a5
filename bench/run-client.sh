#!/usr/bin/env bash
# Reproduces the archive-client numbers of bench/RESULTS.md (issue 3), all against one local archive
# with 40 000 synthetic observations and a 1 GiB OBSERVATION tar for TDT 80000203:
#  - a 40k-row query, whole process, saved as VOTable: iso-samp vs STILTS tapquery vs astroquery
#  - a 1 GiB product download: iso-samp vs curl, alternating (ROUNDS, default 6): whole-process time and peak
#    RSS, and the transfer's own MB/s (JVM start-up excluded)
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
hyperfine --warmup 1 --runs 5 --export-markdown bench/out/query-40k.md \
  -n iso-samp "java -jar target/iso-samp.jar query --quiet --archive $BASE --maxrec 100000 '$Q' --output-format votable --output-file $W/i.vot" \
  -n stilts   "stilts tapquery tapurl=${BASE}tap sync=true maxrec=100000 adql='$Q' out=$W/s.vot" \
  -n astroquery "/usr/bin/python3 bench/astroquery_query.py $BASE 'SELECT TOP 100000 * FROM ida.observations' $W/a.vot" \
  | tee bench/out/query-40k.txt
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
for run in $(seq "${ROUNDS:-6}"); do      # alternating, on the same server
  rm -f "$W"/*.tar
  /usr/bin/time -f "%e s  maxRSS %M KiB" -o "$W/time" curl -s -o "$W/c.tar" -w '%{speed_download}' "$URL" >"$W/speed"
  echo "$run curl      $(cat "$W/time")  transfer $(awk '{printf "%.1f", $1 / 1e6}' "$W/speed") MB/s" \
    | tee -a bench/out/download-1g.txt
  rm -f "$W"/*.tar
  /usr/bin/time -f "%e s  maxRSS %M KiB" -o "$W/time" java -Djava.util.logging.config.file="$LOGCONF" \
      -jar target/iso-samp.jar download --quiet --no-cache --archive "$BASE" --dir "$W" 80000203 >/dev/null 2>"$W/log"
  echo "$run iso-samp  $(cat "$W/time")  transfer $(grep -o '[0-9.]* MB/s' "$W/log")" | tee -a bench/out/download-1g.txt
done
ls -l "$W"/*.tar | tee -a bench/out/download-1g.txt
for who in curl iso-samp; do           # medians: elapsed s, max RSS KiB, transfer MB/s
  for col in 3 6 9; do
    awk -v w="$who" -v c="$col" '$2 == w {print $c}' bench/out/download-1g.txt | sort -g \
      | awk '{v[NR] = $1} END {printf "%s ", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
  done | awk -v w="$who" '{printf "median %-9s %s s  maxRSS %s KiB  transfer %s MB/s\n", w, $1, $2, $3}'
done | tee -a bench/out/download-1g.txt
rm -rf "$W"
