#!/usr/bin/env bash
# Regenerates src/Itk3.Fhir/Schema/stu3.schema from the official STU3 definitions (profiles-types.json,
# profiles-resources.json, valuesets.json, fhir-single.xsd, fhir-xhtml.xsd); the output is committed and a second run
# gives byte-identical output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package="$("$root/tools/fetch-fhir-definitions.sh")"
dotnet run --project "$root/tools/Itk3.SchemaGen" -c Release -- "$package" "$root/src/Itk3.Fhir/Schema/stu3.schema"
