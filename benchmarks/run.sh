#!/usr/bin/env bash
# Issue 7 benchmarks: builds the benchmarks module (profile -Pbenchmarks) and writes /work/main/BENCHMARKS.md.
#   bash benchmarks/run.sh            # full run (~8 min)
#   QUICK=1 bash benchmarks/run.sh    # smoke run (short JMH / load windows; figures not meaningful)
# Env: WARMUP / MEASURE (load seconds, default 10 / 30), COLD_RUNS (default 7), CONF_RUNS (default 3),
#      PROXY_RATE (the proxy section's fixed offered rate in requests/s over 16 connections; default: 40% of the
#      lowest throughput the proxy reached in the closed-loop run just before, i.e. well below saturation),
#      SKIP_BUILD=1, SKIP="jmh load coldstart conformance proxy" (any subset).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RES="$ROOT/benchmarks/target/results"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
WARMUP="${WARMUP:-10}"; MEASURE="${MEASURE:-30}"; COLD_RUNS="${COLD_RUNS:-7}"; CONF_RUNS="${CONF_RUNS:-3}"
PROXY_RATE="${PROXY_RATE:-}"
SKIP="${SKIP:-}"
JMH_ARGS=(-prof gc -rf json -rff "$RES/jmh.json")
if [[ -n "${QUICK:-}" ]]; then
  JMH_ARGS+=(-wi 1 -i 1 -w 1 -r 1); WARMUP=2; MEASURE=3; COLD_RUNS=2; CONF_RUNS=1
fi
skip() { [[ " $SKIP " == *" $1 "* ]]; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbenchmarks -pl benchmarks,conformance-tests -am package -DskipTests
fi
mkdir -p "$RES"
for step in jmh load coldstart conformance proxy proxy-rate proxy-1; do skip ${step%%-*} || rm -f "$RES/$step.json"; done
{
  echo "bash benchmarks/run.sh   (QUICK=${QUICK:-} WARMUP=$WARMUP MEASURE=$MEASURE COLD_RUNS=$COLD_RUNS CONF_RUNS=$CONF_RUNS SKIP=$SKIP)"
  echo "  build: mvn -B -q -Pbenchmarks -pl benchmarks,conformance-tests -am package -DskipTests"
  echo "  1: java -jar benchmarks/target/benchmarks.jar ${JMH_ARGS[*]}"
  echo "  2: java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.LoadBench load.json 16 $WARMUP $MEASURE"
  echo "  3: java -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.ProcessTimings coldstart coldstart.json mock-server/target/modelapi-mock.jar $COLD_RUNS"
  echo "  4: java -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.ProcessTimings conformance conformance.json conformance-tests/target/modelapi-conformance.jar $CONF_RUNS"
} > "$RES/command.txt"
machine() {
  echo "date (UTC):   $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "git:          $(git rev-parse --short HEAD 2>/dev/null) $( [[ -n "$(git status --porcelain 2>/dev/null)" ]] && echo '(+ uncommitted changes)')"
  echo "nproc:        $(nproc)"
  echo "CPU:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "free -h:"; free -h | sed 's/^/  /'
  echo "java -version:"; java -version 2>&1 | sed 's/^/  /'
}
echo "== machine"; { machine; echo "load (uptime) at start:"; echo "  $(uptime)"; } > "$RES/machine.txt"; cat "$RES/machine.txt"
loadavg() { echo "  $1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/load-during.txt"; }
: > "$RES/load-during.txt"

if ! skip jmh; then
  loadavg "before JMH"; echo "== 1. JMH tensor codec"
  java -jar "$JAR" "${JMH_ARGS[@]}" 'dev.modelapi.bench.(TensorCodecBench|EvaluateFrameBench)'
fi
if ! skip load; then
  loadavg "before load"; echo "== 2. mock load"
  java -Xms3g -Xmx3g -cp "$JAR" dev.modelapi.bench.LoadBench "$RES/load.json" 16 "$WARMUP" "$MEASURE"
fi
if ! skip coldstart; then
  loadavg "before cold start"; echo "== 3. cold start"
  java -cp "$JAR" dev.modelapi.bench.ProcessTimings coldstart "$RES/coldstart.json" mock-server/target/modelapi-mock.jar "$COLD_RUNS"
fi
if ! skip conformance; then
  loadavg "before conformance"; echo "== 4. conformance suite"
  java -cp "$JAR" dev.modelapi.bench.ProcessTimings conformance "$RES/conformance.json" conformance-tests/target/modelapi-conformance.jar "$CONF_RUNS" || true
fi
if ! skip proxy; then
  loadavg "before proxy"; echo "== 5. validating proxy vs direct (16 connections closed loop, at a fixed rate, then 1)"
  # 6 rounds: slices of MEASURE/6 s, so that the host's drift (2x within a minute) hits the four targets alike;
  # "proxy" is the validating proxy as shipped (verdict memo), "proxy-fresh" judges every exchange
  java -Xms3g -Xmx3g -cp "$JAR" dev.modelapi.bench.LoadBench "$RES/proxy.json" 16 "$WARMUP" "$MEASURE" false "" \
    mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6
  if [[ -z "$PROXY_RATE" ]]; then
    PROXY_RATE=$(jq '[.results[] | select(.target | startswith("proxy")).throughput] | min * 0.4 | floor' "$RES/proxy.json")
  fi
  echo "   offered rate: $PROXY_RATE req/s"
  java -Xms3g -Xmx3g -cp "$JAR" dev.modelapi.bench.LoadBench "$RES/proxy-rate.json" 16 "$WARMUP" "$MEASURE" false "" \
    mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6 "$PROXY_RATE"
  java -Xms3g -Xmx3g -cp "$JAR" dev.modelapi.bench.LoadBench "$RES/proxy-1.json" 1 "$WARMUP" "$MEASURE" false "" \
    mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6
fi
loadavg "at end"
{ echo "load average (1/5/15 min, other processes on the machine included):"; cat "$RES/load-during.txt"; } >> "$RES/machine.txt"
cp -f "$ROOT/benchmarks/NOTES.md" "$RES/notes.md" 2>/dev/null || true
if ! skip jmh || ! skip load || ! skip coldstart || ! skip conformance; then
  java -cp "$JAR" dev.modelapi.bench.Report "$RES" "$ROOT/BENCHMARKS.md"
fi
if [[ -f "$RES/proxy.json" && -f "$RES/proxy-rate.json" && -f "$RES/proxy-1.json" ]]; then
  PROXY_RATE="${PROXY_RATE:-$(jq '.results[0].offeredRate | floor' "$RES/proxy-rate.json")}"
  java -cp "$JAR" dev.modelapi.bench.ProxyReport "$RES/proxy.json,$RES/proxy-rate.json,$RES/proxy-1.json" "$ROOT/BENCHMARKS.md" \
    "java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.LoadBench proxy.json 16 $WARMUP $MEASURE false \"\" mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6
java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.LoadBench proxy-rate.json 16 $WARMUP $MEASURE false \"\" mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6 $PROXY_RATE
java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar dev.modelapi.bench.LoadBench proxy-1.json 1 $WARMUP $MEASURE false \"\" mock-no-journal,wiremock-proxy,proxy,proxy-fresh 6" \
    "$(date -u '+%Y-%m-%d %H:%M') UTC, git $(git rev-parse --short HEAD), $(nproc) vCPUs, load before: $(grep 'before proxy' "$RES/load-during.txt" | cut -d: -f2-)"
fi
