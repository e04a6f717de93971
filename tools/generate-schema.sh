#!/usr/bin/env bash
# Regenerates src/Itk3.Fhir/Schema/stu3.schema from the official STU3 definitions; the output is committed
# and a second run gives byte-identical output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package="$("$root/tools/fetch-fhir-definitions.sh")"
dotnet run --project "$root/tools/Itk3.SchemaGen" -c Release -- \
  "$package/profiles/stu3/profiles-types.json" \
  "$package/profiles/stu3/profiles-resources.json" \
  "$root/src/Itk3.Fhir/Schema/stu3.schema"
