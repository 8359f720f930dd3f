#!/usr/bin/env bash
# Seed 004's scripts/rollback.sh, step by step as the runbook describes it ("Rollback Procedure" and "Database Restore
# Instructions"), for the stack of bench/run.sh: a backend in release directories run by service.sh (where seed 004
# has docker compose), its database on a PostgreSQL server that is not one of the stack's services, and its files in
# a directory (seed 004: a MinIO volume).
#
#   Pre-flight checks; step 1 load .last-deployment-backup; step 2 confirm (or ROLLBACK_CONFIRM=yes);
#   step 3 stop all services; step 4 wait for PostgreSQL, terminate connections, DROP DATABASE, CREATE DATABASE,
#   gunzip -c | psql, check that tables exist; step 5 rm -rf the files and tar xzf the backup; step 6 switch the
#   release link back to the backup's release (seed 004: git checkout of its commit); step 7 start the services
#   (nothing to rebuild: a release directory is built); step 8 wait until healthy, smoke tests.
#
#   DB_NAME=shop FILES_DIR=... BACKEND_ROOT=... HEALTH_URL=... ROLLBACK_CONFIRM=yes bench/runbook/rollback.sh
#
# PostgreSQL is reached through PGHOST, PGPORT and PGUSER; the backend's settings (PORT, DB, FILES) are passed on to
# service.sh. BACKUP_INFO defaults to ./.last-deployment-backup, as backup.sh writes it. Where seed 004 waits with
# `sleep 10` for PostgreSQL, this asks pg_isready; the wait for health polls every 0.1 s (seed 004: up to 300 s).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

BACKUP_INFO="${BACKUP_INFO:-./.last-deployment-backup}"
HEALTH_TIMEOUT=300

echo "=== Automatic Rollback Script ==="
echo "Started at: $(date)"

log STEP "Pre-flight checks"
for tool in psql pg_isready gunzip tar curl; do
  command -v "$tool" >/dev/null || fail "$tool not found on PATH"
done
: "${DB_NAME:?set DB_NAME}" "${FILES_DIR:?set FILES_DIR}" "${BACKEND_ROOT:?set BACKEND_ROOT}" "${HEALTH_URL:?set HEALTH_URL}"
[ -f "$BACKUP_INFO" ] || fail "No backup information found at $BACKUP_INFO; cannot perform rollback without backup information"
log INFO "Pre-flight checks passed"

log STEP "Step 1: Loading backup information"
# shellcheck source=/dev/null
. "$BACKUP_INFO"
for file in "$DB_BACKUP_FILE" "$FILES_BACKUP_FILE"; do
  [ -f "$file" ] || fail "Backup file not found: $file"
done
log INFO "Backup information loaded:"
log INFO "  Deployment timestamp: $DEPLOYMENT_TIMESTAMP"
log INFO "  Backup directory: $BACKUP_DIR"
log INFO "  Release: $RELEASE"

log STEP "Step 2: Confirming rollback"
if [ "${ROLLBACK_CONFIRM:-}" != "yes" ]; then
  echo "WARNING: This will rollback to the previous deployment"
  echo "WARNING: Current data will be replaced with backup from: $DEPLOYMENT_TIMESTAMP"
  read -r -p "Are you sure you want to proceed with rollback? (yes/no): " answer
  [ "$answer" = "yes" ] || fail "Rollback cancelled"
fi
log INFO "Rollback confirmed"

log STEP "Step 3: Stopping all services"
log INFO "Stopping services gracefully..."
"$here/service.sh" stop "$BACKEND_ROOT" >/dev/null
log INFO "All services stopped"

log STEP "Step 4: Restoring database from backup"
log INFO "Waiting for PostgreSQL to be ready..."
for ((i = 0; i < 30; i++)); do
  pg_isready -q -d postgres && break
  sleep 1
done
pg_isready -q -d postgres || fail "PostgreSQL is not ready"
log INFO "Terminating existing database connections..."
psql -X -q -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$DB_NAME' AND pid <> pg_backend_pid();" >/dev/null
log INFO "Dropping and recreating database..."
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME;"
psql -X -q -d postgres -c "CREATE DATABASE $DB_NAME;"
log INFO "Restoring database from backup: $DB_BACKUP_FILE"
gunzip -c "$DB_BACKUP_FILE" | psql -X -q -v ON_ERROR_STOP=1 -d "$DB_NAME" >/dev/null || fail "Database restore failed"
log INFO "Database restored successfully"
tables="$(psql -X -A -t -d "$DB_NAME" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
[ "$tables" -gt 0 ] || fail "Database verification failed: no tables found"
log INFO "Database verification passed ($tables tables found)"

log STEP "Step 5: Restoring files from backup"
log INFO "Restoring files from backup: $FILES_BACKUP_FILE"
rm -rf "${FILES_DIR:?}"/*
tar xzf "$FILES_BACKUP_FILE" -C "$FILES_DIR"
log INFO "Files restored successfully"

log STEP "Step 6: Reverting to the previous release"
log INFO "Current release: $(basename "$(readlink "$BACKEND_ROOT/current")")"
log INFO "Reverting to release: $RELEASE"
ln -sfn "releases/$RELEASE" "$BACKEND_ROOT/current"
log INFO "Release switch successful"

log STEP "Step 7: Starting services"
log INFO "Starting all services..."
"$here/service.sh" start "$BACKEND_ROOT" >/dev/null
log INFO "Services started, waiting for health checks..."

log STEP "Step 8: Verifying rollback success"
log INFO "Waiting for services to become healthy..."
deadline=$((SECONDS + HEALTH_TIMEOUT))
until curl -fsS -o /dev/null --max-time 5 "$HEALTH_URL" 2>/dev/null; do
  ((SECONDS < deadline)) || fail "Service backend failed health check after ${HEALTH_TIMEOUT}s"
  sleep 0.1
done
log INFO "Service backend is healthy"
log INFO "Running basic smoke tests..."
curl -fsS -o /dev/null --max-time 5 "$HEALTH_URL" || fail "Backend health check failed"
log INFO "✓ Backend health check passed"
psql -X -q -d "$DB_NAME" -c "SELECT 1;" >/dev/null || fail "Database connectivity check failed"
log INFO "✓ Database connectivity check passed"

log STEP "Rollback Complete"
log INFO "✓ All services stopped and restarted"
log INFO "✓ Database restored from backup"
log INFO "✓ Files restored from backup"
log INFO "✓ Release reverted to $RELEASE"
log INFO "✓ Services verified healthy"
log INFO "Rollback completed successfully at: $(date)"
log INFO "System restored to state from: $DEPLOYMENT_TIMESTAMP"
