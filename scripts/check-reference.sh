#!/usr/bin/env bash
# Renders the contract as a static HTML reference under spec/target/reference/ (spec/reference/build.mjs: Redocly
# build-docs for both OpenAPI documents, the AsyncAPI React component for the progress socket) and opens every page
# in headless Chromium (spec/reference/check.mjs): no console error, no request leaving the page, every operation,
# union variant and example shown; screenshots in spec/target/reference/screenshots/.
# Needs Node.js 18+ and Chromium (Debian package chromium, or CHROMIUM=/path/to/chrome).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${CHROMIUM:-}" ]] && ! command -v chromium >/dev/null; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "check-reference: installing Chromium from the Debian packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
  else
    echo "check-reference: Chromium not found; install the Debian package chromium or set CHROMIUM" >&2
    exit 2
  fi
fi

# The renderers' exact versions come from spec/reference/package-lock.json.
npm ci --prefix spec/reference --no-audit --no-fund --loglevel=error
node spec/reference/build.mjs
node spec/reference/check.mjs
