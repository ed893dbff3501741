#!/usr/bin/env bash
# Builds the benchmark in Release and runs its compare mode: header-only parse of the corpus by this toolkit,
# dcmdump and pydicom in one run, with per-file means, ratios and the goals of issue 2.
# Arguments go to the compare mode (e.g. --rounds 3 --large-mb 1024); see tools/bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tools/bench/ImageQuality.Bench -c Release -nologo -v quiet
exec dotnet tools/bench/ImageQuality.Bench/bin/Release/net10.0/ImageQuality.Bench.dll compare "$@"
