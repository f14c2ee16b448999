#!/usr/bin/env bash
# Two clean builds of the same sources must give byte-identical jars (project.build.outputTimestamp in the root
# pom fixes every archive entry's time; nothing else in the build may depend on the clock, the machine or chance).
#
#   scripts/check-reproducible.sh            # two builds: clean package, checksums, clean package, compare
#   scripts/check-reproducible.sh --reuse    # the jars already in target/ are the first build (CI after verify)
#
# Prints one line per jar and exits 1 when any differs. Extra Maven flags: MVN_FLAGS="-o" etc.
set -euo pipefail
cd "$(dirname "$0")/.."

build() { mvn -B -q ${MVN_FLAGS:-} clean package -DskipTests; }
checksums() {
  find . -path ./examples -prune -o -path '*/node_modules' -prune -o -path '*/target/*.jar' -print \
    | grep -v '/target/.*/' | LC_ALL=C sort | xargs sha256sum
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ "${1:-}" != "--reuse" ]]; then
  echo "== build 1"
  build
fi
checksums > "$work/first"
# keep the first build's jars to say what differs
while read -r _ jar; do mkdir -p "$work/jars/$(dirname "$jar")"; cp "$jar" "$work/jars/$jar"; done < "$work/first"

echo "== build 2"
build
checksums > "$work/second"

status=0
while read -r sum jar; do
  second=$(awk -v j="$jar" '$2 == j {print $1}' "$work/second")
  if [[ "$sum" == "$second" ]]; then
    echo "identical  $jar"
  else
    echo "DIFFERENT  $jar"
    status=1
    if [[ -n "$second" ]] && command -v unzip >/dev/null; then
      diff <(unzip -v "$work/jars/$jar" | awk '{print $7, $8}' | sort) \
           <(unzip -v "$jar" | awk '{print $7, $8}' | sort) | head -5 || true
    fi
  fi
done < "$work/first"
count=$(wc -l < "$work/first")
if [[ $status -eq 0 ]]; then
  echo "reproducible: $count jars byte-identical across two clean builds"
else
  echo "NOT reproducible: see DIFFERENT above" >&2
fi
exit $status
