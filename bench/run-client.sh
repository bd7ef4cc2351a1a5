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
hyperfine --warmup 1 --runs 5 --export-markdown bench/out/query-40k.md \
  -n iso-samp "java -jar target/iso-samp.jar query --quiet --archive $BASE --maxrec 100000 '$Q' --output-format votable --output-file $W/i.vot" \
  -n stilts   "stilts tapquery tapurl=${BASE}tap sync=true maxrec=100000 adql='$Q' out=$W/s.vot" \
  -n astroquery "/usr/bin/python3 bench/astroquery_query.py $BASE 'SELECT TOP 100000 * FROM ida.observations' $W/a.vot" \
  | tee bench/out/query-40k.txt
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
