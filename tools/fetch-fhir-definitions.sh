#!/usr/bin/env bash
# Fetches the official FHIR STU3 (3.0.1) definitions and XSDs from the npm package fhir@3.3.1 into .cache/.
# Used by the schema generator and the conformance tests; nothing fetched here is committed.
# Prints the folder that holds profiles/ and schemas/ (override the cache with ITK3_CACHE).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${ITK3_CACHE:-$root/.cache}"
target="$cache/fhir-3.3.1"
if [ ! -f "$target/package/profiles/stu3/profiles-resources.json" ]; then
  mkdir -p "$target"
  (cd "$target" && npm pack fhir@3.3.1 --silent >/dev/null && tar xzf fhir-3.3.1.tgz && rm -f fhir-3.3.1.tgz)
fi
echo "$target/package"
