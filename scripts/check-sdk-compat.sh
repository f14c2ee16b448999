#!/usr/bin/env bash
# Source and binary compatibility of the generated SDK (modelapi-client) with a baseline, checked by japicmp
# (profile sdk-compat in generated-client/pom.xml). The spec gate (spec-compat) judges the contract; this judges
# what the generator made of it: a renamed getter, a changed parameter type, a removed class.
#
#   scripts/check-sdk-compat.sh                  # baseline: the SDK built from the spec gate's base commit
#                                                #   (merge-base with main, else the last tag, else HEAD)
#   scripts/check-sdk-compat.sh --base REF       # baseline: the SDK built from a git ref
#   scripts/check-sdk-compat.sh --version 0.1.0  # baseline: a released dev.modelapi:modelapi-client
#
# Needs spec-compat/target/modelapi-spec-compat.jar (mvn verify builds it). Exit 1 when the SDK breaks source or
# binary compatibility; the report is in generated-client/target/japicmp/. Extra Maven flags: MVN_FLAGS="-o".
set -euo pipefail
cd "$(dirname "$0")/.."

mode=ref
base=""
case "${1:-}" in
  --base) base="$2" ;;
  --version) mode=release; base="$2" ;;
  "") ;;
  *) echo "usage: $0 [--base REF | --version VERSION]" >&2; exit 2 ;;
esac

work=$(mktemp -d)
cleanup() {
  git worktree remove --force "$work/base" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
baseline_dir=generated-client/target/sdk-baseline
mkdir -p "$baseline_dir"
baseline="$PWD/$baseline_dir/modelapi-client-baseline.jar"

if [[ $mode == release ]]; then
  echo "== baseline: dev.modelapi:modelapi-client:$base"
  mvn -B -q ${MVN_FLAGS:-} dependency:copy -Dartifact="dev.modelapi:modelapi-client:$base" \
    -DoutputDirectory="$work/release" -Dmdep.stripVersion=true
  cp "$work/release/modelapi-client.jar" "$baseline"
else
  jar=spec-compat/target/modelapi-spec-compat.jar
  [[ -f $jar ]] || { echo "$jar is missing: run mvn verify first" >&2; exit 2; }
  commit=$(java -jar "$jar" --print-base ${base:+--base "$base"})
  echo "== baseline: the SDK generated at $commit"
  git worktree add --detach -q "$work/base" "$commit"
  mvn -B -q ${MVN_FLAGS:-} -f "$work/base/pom.xml" -pl spec,generated-client package \
    -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
  cp "$work"/base/generated-client/target/modelapi-client-*[0-9T].jar "$baseline" 2>/dev/null \
    || cp "$(ls "$work"/base/generated-client/target/modelapi-client-*.jar | grep -v -e sources -e javadoc | head -1)" "$baseline"
fi

echo "== japicmp: generated-client of this working tree against the baseline"
if mvn -B -q ${MVN_FLAGS:-} -pl spec,generated-client verify -DskipTests -Dmaven.javadoc.skip=true \
    -Dmodelapi.sdk.baseline="$baseline"; then
  echo "sdk-compat: modelapi-client is source and binary compatible with the baseline" \
       "(report: generated-client/target/japicmp/sdk-compat.html)"
else
  echo "sdk-compat: modelapi-client breaks compatibility with the baseline (report: generated-client/target/japicmp/)" >&2
  exit 1
fi
