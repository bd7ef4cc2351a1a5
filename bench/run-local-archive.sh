#!/usr/bin/env bash
# Reproduces the local-archive numbers of bench/RESULTS.md: cone-search latency at the samples,
# 40k and 1M observations, and whole-process start-up. Run on an otherwise idle machine;
# needs hyperfine (apt-get install hyperfine) for the start-up line.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mkdir -p bench/out
java -Xmx8g  -cp target/iso-samp.jar bench/ConeBench.java 0       1000 | tee bench/out/cone-samples.txt
java -Xmx8g  -cp target/iso-samp.jar bench/ConeBench.java 40000   1000 | tee bench/out/cone-40k.txt
java -Xmx16g -cp target/iso-samp.jar bench/ConeBench.java 1000000 1000 | tee bench/out/cone-1m.txt
hyperfine --warmup 1 --runs 10 'java -jar target/iso-samp.jar serve-local --exit-when-ready' \
  | tee bench/out/startup.txt
