#!/usr/bin/env bash
# The runbook's pre-deployment backup, as seed 004's rollback.sh reads it back: a dated directory
# BACKUPS/pre-deployment-<timestamp> with `pg_dump | gzip` of the database and `tar czf` of the files (seed 004: the
# MinIO volume), and .last-deployment-backup naming them and the release they belong to (seed 004: the git commit).
#
#   DB_NAME=shop FILES_DIR=/srv/shop/uploads BACKEND_ROOT=/srv/shop/backend bench/runbook/backup.sh
#
# PostgreSQL is reached through PGHOST, PGPORT and PGUSER. BACKUPS defaults to ./backups, BACKUP_INFO to
# ./.last-deployment-backup.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${DB_NAME:?set DB_NAME}" "${FILES_DIR:?set FILES_DIR}" "${BACKEND_ROOT:?set BACKEND_ROOT}"
BACKUPS="${BACKUPS:-./backups}"
BACKUP_INFO="${BACKUP_INFO:-./.last-deployment-backup}"

timestamp="$(date +%Y%m%d_%H%M%S)"
dir="$BACKUPS/pre-deployment-$timestamp"
mkdir -p "$dir"
log INFO "Backing up database $DB_NAME"
pg_dump "$DB_NAME" | gzip >"$dir/db_$timestamp.sql.gz"
log INFO "Backing up files $FILES_DIR"
tar czf "$dir/files_$timestamp.tar.gz" -C "$FILES_DIR" .
cat >"$BACKUP_INFO" <<INFO
DEPLOYMENT_TIMESTAMP=$timestamp
BACKUP_DIR=$dir
DB_BACKUP_FILE=$dir/db_$timestamp.sql.gz
FILES_BACKUP_FILE=$dir/files_$timestamp.tar.gz
RELEASE=$(basename "$(readlink "$BACKEND_ROOT/current")")
INFO
log INFO "Backup complete: $dir"
