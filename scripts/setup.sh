#!/usr/bin/env bash
# One command from a fresh clone to a working tree: the test servers (Debian packages), the npm
# dependencies (which build dist/), and generated/ regenerated from definitions/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-servers.sh
npm install --no-audit --no-fund
npm run generate
