#!/usr/bin/env bash
# Installs and starts the services the tests need. Idempotent; safe to run on a developer machine too.
# PostgreSQL (Debian's package) on loopback for the NewsLens.Storage.Tests PostgreSQL tests. Works as
# root on a fresh Debian machine without systemd (pg_ctlcluster starts the server directly).
# The tests read NEWSLENS_TEST_PG; when it is unset they try the connection string below, which is what
# this script creates, so `bash .ci/setup.sh && ./test.sh` needs no exported variable.
set -euo pipefail

pg_role=newslens
pg_password=newslens
pg_db=newslens_test

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: not root; skipping the PostgreSQL install (PostgreSQL tests skip unless CI=true)"
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package's post-install creates the "main" cluster; policy-rc.d keeps it from trying to start services.
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
status=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')
if [ "$status" != "online" ]; then
  # Loopback only; the unix socket directory may be missing on a machine without systemd's tmpfiles.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  pg_ctlcluster "$version" main start -- -o "-c listen_addresses=127.0.0.1" || pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
pg_isready -h 127.0.0.1

psql_admin() { su postgres -s /bin/sh -c "psql -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$pg_role'")" != "1" ]; then
  psql_admin "CREATE ROLE $pg_role LOGIN CREATEDB PASSWORD '$pg_password'"
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$pg_db'")" != "1" ]; then
  psql_admin "CREATE DATABASE $pg_db OWNER $pg_role ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
fi
echo "setup: PostgreSQL $version on 127.0.0.1:5432; NEWSLENS_TEST_PG=Host=127.0.0.1;Username=$pg_role;Password=$pg_password;Database=$pg_db"
