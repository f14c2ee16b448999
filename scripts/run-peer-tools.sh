#!/usr/bin/env bash
# Drives the peer tools API teams already run with spec/ against the kit's mock (spec/README.md, "Peer tools"):
# Specmatic 2.55 contract tests from the Pieces spec's named examples, the Decthings limitations' reproducer,
# Prism 5.16 mocking both specs and its validation proxy in front of the mock. Logs: spec/target/peer-tools/.
# Needs Node.js 18+, Java 17 and the built jars (mvn -B install -DskipTests). The tools' exact versions come from
# spec/peer-tools/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
for jar in mock-server/target/modelapi-mock.jar conformance-tests/target/modelapi-conformance.jar; do
  [[ -f $jar ]] || { echo "run-peer-tools: $jar is missing; build first: mvn -B install -DskipTests" >&2; exit 2; }
done
npm ci --prefix spec/peer-tools --no-audit --no-fund --loglevel=error
node spec/peer-tools/specmatic.mjs
node spec/peer-tools/prism.mjs
