#!/usr/bin/env bash
# Runs every test suite of Backstride and ends with one line: "N passed, N failed, N skipped".
# On a fresh Debian machine it first installs what the suites need (Chromium for the browser tests,
# PostgreSQL's server binaries, the DejaVu fonts the charts use) and restores the local dotnet tools.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '%s\n' "$*" >&2; }

install_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  # The insights charts are drawn in DejaVu Sans (ScottPlot's default resolves to a serif here).
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      log "test.sh: cannot install ${missing[*]} without root; the suites that need them will say so."
      return 0
    fi
  fi
  log "test.sh: installing ${missing[*]} (apt-get)..."
  $sudo apt-get update -qq >/dev/null 2>&1 || log "test.sh: apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || log "test.sh: could not install ${missing[*]}; the suites that need them will say so."
}

install_system_packages
dotnet tool restore >/dev/null || { log "test.sh: dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build Backstride.slnx -nologo -clp:ErrorsOnly >"$results/build.log" 2>&1; then
  cat "$results/build.log" >&2
  log "test.sh: the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# One test module at a time: the machine has two cores, and the browser suite runs a server and Chromium.
dotnet test --solution Backstride.slnx --no-build --max-parallel-test-modules 1 --no-progress 2>&1 | tee "$results/test.log"
status=${PIPESTATUS[0]}

summary() { grep -E "^\s+$1: [0-9]+" "$results/test.log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
total=$(summary total)
failed=$(summary failed)
passed=$(summary succeeded)
skipped=$(summary skipped)

if [ "$total" = 0 ] && [ "$status" != 0 ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  # The runner failed for a reason other than a failing test (e.g. a crashed test host).
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
