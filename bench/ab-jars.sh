#!/usr/bin/env bash
# A/B of two iso-samp builds on the same local archive, alternating run by run so that the machine's state
# falls on both alike: the 40k-row query saved as VOTable and as CSV, and the 1 GiB product download (with
# curl beside them as the peer). Used to check that a change left bench/ "unchanged or better".
#   bench/ab-jars.sh OLD.jar NEW.jar      (ROUNDS, default 6; PORT, default 18766)
# Prints one line per run and the medians; OLD.jar is run without --overwrite (builds before issue 10 had none),
# so each run writes a fresh file name.
set -euo pipefail
old=$1 new=$2
cd "$(dirname "$0")/.."
PORT=${PORT:-18766}
W=$(mktemp -d)
java -Xmx8g -jar "$new" serve-local --port "$PORT" --synthetic 40000 --large-product 80000203=1073741824 \
     > "$W/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$W"' EXIT
for i in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/tap/availability" >/dev/null && break; sleep 1; done
BASE="http://127.0.0.1:$PORT/nida-sl-tap/"
Q="SELECT * FROM ida.observations"
URL="http://127.0.0.1:$PORT/nida-sl-tap/data?retrieval_type=OBSERVATION&tdt=80000203&product_level=DEFAULT_DATA_SET"
run() {   # label, command...: one line "label wall-seconds"
  local label=$1; shift
  /usr/bin/time -f "%e" -o "$W/t" "$@" >/dev/null 2>"$W/err" || { echo "$label failed:"; cat "$W/err"; exit 1; }
  echo "$label $(cat "$W/t")"
}
: > "$W/runs"
for r in $(seq 0 "${ROUNDS:-6}"); do
  for fmt in votable csv; do
    for who in old new; do
      jar=$old; [ "$who" = new ] && jar=$new
      line=$(run "$who-$fmt" java -jar "$jar" query --quiet --archive "$BASE" --maxrec 100000 "$Q" \
             --output-format "$fmt" --output-file "$W/$who-$r.$fmt")
      [ "$r" -gt 0 ] && echo "$line" | tee -a "$W/runs"
    done
  done
  for who in curl old new; do
    rm -f "$W"/*.tar; sync
    case $who in
      curl) line=$(run curl-download curl -s -o "$W/c.tar" "$URL") ;;
      *) jar=$old; [ "$who" = new ] && jar=$new
         line=$(run "$who-download" java -jar "$jar" download --quiet --no-cache --archive "$BASE" --dir "$W" 80000203) ;;
    esac
    [ "$r" -gt 0 ] && echo "$line" | tee -a "$W/runs"
  done
  rm -f "$W"/*.votable "$W"/*.csv
done
echo "medians (wall s):"
for k in old-votable new-votable old-csv new-csv curl-download old-download new-download; do
  awk -v k="$k" '$1 == k {print $2}' "$W/runs" | sort -g \
    | awk -v k="$k" '{v[NR] = $1} END {printf "  %-14s %6.3f  (%d runs)\n", k, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, NR}'
done
