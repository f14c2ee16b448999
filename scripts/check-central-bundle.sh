#!/usr/bin/env bash
# Builds the deployment bundle exactly as a release would (signed with -Prelease, deployed by maven-deploy-plugin),
# but into a folder under target/ instead of a remote repository, and checks it against Maven Central's rules
# (scripts/check-central-bundle.py). Nothing leaves the machine. A throwaway GPG key signs it; a real release
# signs with the maintainer's key (RELEASING.md).
#
#   scripts/check-central-bundle.sh [--release]     # --release: also fail on a SNAPSHOT version
set -euo pipefail
cd "$(dirname "$0")/.."

bundle="$PWD/target/central-bundle"
rm -rf "$bundle"
mkdir -p "$bundle"

export GNUPGHOME
GNUPGHOME=$(mktemp -d)
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT
chmod 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'Bundle check (throwaway) <bundle-check@modelapi.invalid>' \
    ed25519 sign 1d
key=$(gpg --batch --list-secret-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')

mvn -B -q ${MVN_FLAGS:-} -Prelease deploy -DskipTests \
    -Dgpg.keyname="$key" -Dgpg.passphrase= \
    -DaltDeploymentRepository="bundle::file://$bundle"

python3 scripts/check-central-bundle.py "$bundle" "$@"
