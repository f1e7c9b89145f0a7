#!/usr/bin/env bash
# Generates SST's platform code and global types (.sst/platform) so that sst.config.ts and infra/
# type-check without AWS credentials and without Pulumi. Idempotent: when .sst/platform already
# matches the installed sst and the current sst.config.ts, it does nothing (and needs no network).
#
# `sst install` runs bun to fetch the platform's npm dependencies; sst 3 looks for bun at
# ~/.config/sst/bin/bun. If that is missing we take bun from the npm registry (the only registry
# these machines reach) instead of letting sst download it from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."

export SST_SKIP_DEPENDENCY_CHECK=1 SST_TELEMETRY_DISABLED=1
bun_version=1.4.5
sst_bun="$HOME/.config/sst/bin/bun"
stamp=.sst/platform/.concord-types

sst_version=$(node -p "JSON.parse(require('fs').readFileSync('node_modules/sst/package.json', 'utf8')).version")
wanted="sst $sst_version config $(sha256sum sst.config.ts | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" && -f .sst/platform/config.d.ts ]]; then
  exit 0
fi

install_bun() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/concord/bun-$bun_version"
  mkdir -p "$cache"
  # From inside the cache dir so npm does not read this workspace's pnpm-only .npmrc.
  (cd "$cache" && npm install --prefix . --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "bun@$bun_version" >/dev/null)
  local candidate
  # The bun package's postinstall swaps its placeholder for the platform binary; if scripts are
  # disabled, use the platform package (@oven/bun-<os>-<arch>[-variant]) directly.
  for candidate in "$cache/node_modules/bun/bin/bun.exe" "$cache"/node_modules/@oven/*/bin/bun; do
    if [[ -x "$candidate" ]] && "$candidate" --version >/dev/null 2>&1; then
      mkdir -p "$(dirname "$sst_bun")"
      cp "$candidate" "$sst_bun.tmp" && mv "$sst_bun.tmp" "$sst_bun"
      return 0
    fi
  done
  echo "sst-types: no working bun binary in $cache" >&2
  return 1
}

if ! "$sst_bun" --version >/dev/null 2>&1; then
  install_bun
fi

# `sst install` evaluates app() only to learn the providers; the stage name does not matter.
node_modules/.bin/sst install --stage "${SST_STAGE:-typecheck}" >/dev/null
echo "$wanted" > "$stamp"
