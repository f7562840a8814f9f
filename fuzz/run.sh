#!/usr/bin/env bash
# Fuzzes Backstride's activity readers (FIT, GPX, TCX, gzip) with AFL++ for a number of minutes.
# Usage: fuzz/run.sh [minutes, default 10] [findings folder, default a new temporary folder]
# Needs: afl-fuzz (apt-get install afl++) and sharpfuzz (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0).
# Publishes the harness into a temporary folder, instruments that copy of Backstride.Activities.dll, and seeds the corpus
# from ../shared/data/activities (copied into the temporary folder; nothing is written into the repository).
# Exits 1 when AFL++ found crashes or hangs; see fuzz/README.md for turning one into a regression test.
set -euo pipefail

minutes="${1:-10}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
samples="${BACKSTRIDE_ACTIVITY_SAMPLES:-$repo/../shared/data/activities}"
work="$(mktemp -d -t backstride-fuzz.XXXXXX)"
findings="${2:-$work/findings}"

log() { printf 'fuzz/run.sh: %s\n' "$*" >&2; }

case "$minutes" in
  ''|*[!0-9]*) log "minutes must be a whole number, not '$minutes'"; exit 2 ;;
esac
command -v afl-fuzz >/dev/null || { log "afl-fuzz not found: sudo apt-get install afl++"; exit 2; }
command -v sharpfuzz >/dev/null || {
  log "sharpfuzz not found: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 (and put ~/.dotnet/tools on PATH)"
  exit 2
}
[ -f "$samples/MANIFEST.md" ] || { log "no samples in $samples; set BACKSTRIDE_ACTIVITY_SAMPLES"; exit 2; }

log "publishing the harness into $work/out"
dotnet publish "$repo/fuzz/Backstride.Activities.Fuzz/Backstride.Activities.Fuzz.csproj" \
  -c Release -o "$work/out" -nologo -v quiet
# Only the library under test carries AFL's branch counters; the harness and the framework stay as they are.
sharpfuzz "$work/out/Backstride.Activities.dll"

# Small seeds only: AFL++ skips inputs over 1 MB and mutates a 5 KB file far more often than a 500 KB one.
mkdir -p "$work/corpus"
count=0
while IFS= read -r -d '' file; do
  count=$((count + 1))
  cp "$file" "$work/corpus/$(printf '%03d' "$count")-$(basename "$file")"
done < <(find "$samples" -type f \( -iname '*.fit' -o -iname '*.gpx' -o -iname '*.tcx' \) -size -64k -print0 | sort -z)
[ "$count" -gt 0 ] || { log "no sample under 64 KB found in $samples"; exit 2; }
log "$count seed files in $work/corpus"

# dotnet itself carries no AFL instrumentation (SharpFuzz's is inside the process), so the binary check is skipped;
# the other variables keep AFL++ quiet and working on machines whose CPU governor or core pattern it cannot change.
export AFL_SKIP_BIN_CHECK=1
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1

log "fuzzing for $minutes minute(s); findings in $findings"
status=0
afl-fuzz -V "$((minutes * 60))" -i "$work/corpus" -o "$findings" -t 5000 -m 10000 \
  dotnet "$work/out/Backstride.Activities.Fuzz.dll" || status=$?
[ "$status" -eq 0 ] || log "afl-fuzz stopped with status $status"

found=0
for kind in crashes hangs; do
  for dir in "$findings"/*/"$kind"; do
    [ -d "$dir" ] || continue
    n=$(find "$dir" -type f -name 'id:*' | wc -l)
    [ "$n" -eq 0 ] && continue
    found=$((found + n))
    log "$n input(s) in $dir"
  done
done

if [ "$found" -gt 0 ]; then
  log "reproduce one with: dotnet run --project $repo/fuzz/Backstride.Activities.Fuzz -c Release -- < 'FILE'"
  log "then follow fuzz/README.md (\"From a finding to a regression test\")"
  exit 1
fi
log "no crashes or hangs"
[ "$status" -eq 0 ]
