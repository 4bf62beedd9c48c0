#!/usr/bin/env bash
# Installs what Recaudo needs and is missing, on Debian 12 as root (or with sudo): Debian packages for the
# browser host, the test PBX and the test PostgreSQL, then the npm dependencies. Safe to run again: it only
# installs what is absent or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node_major=20
if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js ${need_node_major}+ is required (with npm). Install it, then run this again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt "$need_node_major" ]; then
  echo "setup: Node.js ${need_node_major}+ is required; found $(node --version)." >&2
  exit 1
fi

# Debian packages: chromium (browser host, e2e, softphone audio tests), kamailio (the test PBX and the demo's
# PBX), postgresql (server tests against a real PostgreSQL), build tools for the SQLCipher addon.
debs=(chromium kamailio kamailio-websocket-modules kamailio-extra-modules postgresql python3 make g++ sox)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a PostgreSQL cluster as a service; our tests start their own in a temp dir, so stop it.
  if printf '%s\n' "${missing[@]}" | grep -qx postgresql; then
    $SUDO systemctl disable --now postgresql >/dev/null 2>&1 || $SUDO service postgresql stop >/dev/null 2>&1 || true
  fi
fi

# npm dependencies: Electron's binary cannot be downloaded here and is not needed by the browser host.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.recaudo-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "setup: installing npm dependencies (the SQLCipher addon compiles from source: ~2 minutes)"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
