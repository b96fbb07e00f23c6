#!/usr/bin/env bash
# Installs and starts the services the tests need. Idempotent; safe to run on a developer machine too.
set -euo pipefail
echo "setup: nothing to start yet"
