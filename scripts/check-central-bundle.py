#!/usr/bin/env python3
"""Checks a deployment bundle (a Maven repository layout on disk) against Maven Central's publishing requirements.

Central validates uploads on its own servers only; no maintained tool checks a bundle offline, so this script
does, before anything is uploaded. Rules (central.sonatype.org, "Requirements"):
  - every artifact has its POM; a jar artifact has its -sources.jar and -javadoc.jar;
  - every file has .md5 and .sha1 checksums that match, and an .asc signature that gpg verifies;
  - every POM, after inheritance from parents in the bundle, has name, description, url, a license (name + url),
    a developer (name), and scm (connection, developerConnection, url);
  - groupId, artifactId and version are set, and (with --release) the version is not a SNAPSHOT.
Prints one line per problem; exits 1 if any, 0 otherwise.

Usage: check-central-bundle.py BUNDLE_DIR [--release] [--no-signatures]
"""
import hashlib
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
REQUIRED = ["name", "description", "url", "licenses/m:license/m:name", "licenses/m:license/m:url",
            "developers/m:developer/m:name", "scm/m:connection", "scm/m:developerConnection", "scm/m:url"]
INHERITED = {"url", "licenses/m:license/m:name", "licenses/m:license/m:url", "developers/m:developer/m:name",
             "scm/m:connection", "scm/m:developerConnection", "scm/m:url"}


def text(pom, path):
    node = pom.find("m:" + path, NS)
    return node.text.strip() if node is not None and node.text and node.text.strip() else None


def coordinates(pom):
    parent = pom.find("m:parent", NS)
    group = text(pom, "groupId") or (parent is not None and text(parent, "groupId"))
    version = text(pom, "version") or (parent is not None and text(parent, "version"))
    return group, text(pom, "artifactId"), version


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    bundle = pathlib.Path(argv[0])
    release = "--release" in argv
    signatures = "--no-signatures" not in argv
    problems = []
    poms = {}
    for pom_file in sorted(bundle.rglob("*.pom")):
        pom = ET.parse(pom_file).getroot()
        poms[coordinates(pom)[:2]] = (pom_file, pom)
    if not poms:
        print(f"no POMs under {bundle}")
        return 1

    def lookup(pom, path):
        value = text(pom, path)
        parent = pom.find("m:parent", NS)
        if value is None and path in INHERITED and parent is not None:
            key = (text(parent, "groupId"), text(parent, "artifactId"))
            if key in poms:
                return lookup(poms[key][1], path)
        return value

    for (group, artifact), (pom_file, pom) in sorted(poms.items()):
        version = coordinates(pom)[2]
        where = f"{group}:{artifact}:{version}"
        if not (group and artifact and version):
            problems.append(f"{where}: groupId, artifactId and version must be set")
        if release and version and version.endswith("-SNAPSHOT"):
            problems.append(f"{where}: Central does not take SNAPSHOT versions")
        for path in REQUIRED:
            if lookup(pom, path) is None:
                problems.append(f"{where}: POM lacks <{path.replace('m:', '')}>")
        packaging = text(pom, "packaging") or "jar"
        stem = pom_file.name[: -len(".pom")]
        files = [pom_file]
        if packaging in ("jar", "maven-plugin"):
            for suffix in (".jar", "-sources.jar", "-javadoc.jar"):
                f = pom_file.with_name(stem + suffix)
                if f.exists():
                    files.append(f)
                else:
                    problems.append(f"{where}: missing {f.name}")
        for f in files:
            data = f.read_bytes()
            for algorithm in ("md5", "sha1"):
                checksum = f.with_name(f.name + "." + algorithm)
                if not checksum.exists():
                    problems.append(f"{where}: missing {checksum.name}")
                elif checksum.read_text().split()[0] != hashlib.new(algorithm, data).hexdigest():
                    problems.append(f"{where}: {checksum.name} does not match")
            if signatures:
                asc = f.with_name(f.name + ".asc")
                if not asc.exists():
                    problems.append(f"{where}: missing {asc.name}")
                elif subprocess.run(["gpg", "--batch", "--verify", str(asc), str(f)],
                                    capture_output=True).returncode != 0:
                    problems.append(f"{where}: {asc.name} does not verify")
        print(f"checked {where} ({packaging}, {len(files)} files)")

    for p in problems:
        print("PROBLEM " + p)
    print(f"{len(poms)} artifacts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
