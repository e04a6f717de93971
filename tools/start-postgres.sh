#!/usr/bin/env bash
# Installs (Debian packages), starts and prepares a local PostgreSQL for the PostgreSQL store tests, then prints the
# Npgsql connection string for ITK3_TEST_POSTGRES. Needs root (CI and the dev machines run as root). Idempotent.
#   export ITK3_TEST_POSTGRES="$(./tools/start-postgres.sh)"
set -euo pipefail
user=itk3; database=itk3_test; password=itk3-test

if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
as_postgres() { su postgres -c "$1" >&2; }
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\" | grep -q 1 || psql -p $port -c \"CREATE ROLE $user LOGIN\""
as_postgres "psql -p $port -qc \"ALTER ROLE $user LOGIN NOSUPERUSER PASSWORD '$password'\""
as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\" | grep -q 1 || createdb -p $port -O $user $database"
echo "Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=$database"
