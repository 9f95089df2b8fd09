#!/usr/bin/env bash
# Installs the real servers the tests talk to, from Debian's packages, when they are missing:
# PostgreSQL and Redis (DynamoDB is the dynalite emulator, an npm devDependency). Used by
# scripts/setup.sh and .ci/run. scripts/services.ts starts them per test run, on 127.0.0.1.
set -euo pipefail
if command -v redis-server >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-servers: PostgreSQL or Redis is missing; run as root, or: sudo apt-get install -y postgresql redis-server" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql redis-server
