#!/usr/bin/env bash
# Dependency advisories (issue 6): `cargo deny check advisories` against the
# offline RustSec advisory database that sits beside the repository in
# shared/data/advisory-db, with fetching disabled. Fails on any advisory that
# deny.toml does not explain. Safe to run again; fast once cargo-deny is
# installed.
#
#   bash scripts/audit.sh              # the check, as CI runs it
#   MITI_ADVISORY_DB=/path/to/advisory-db bash scripts/audit.sh
#
# cargo-deny (0.20) has no "use this folder as the database" switch: it reads
# the database from <db-path>/advisory-db-<xxhash64 of the db url>, needs a
# writable <db-path> (it takes a lock file there) and a git checkout (it reads
# the database's age from .git). The shared copy is a read-only folder without
# git history, so it is copied to a temporary <db-path> and committed there.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

DENY_VERSION="0.20.2"
# <db-path> sub-folder cargo-deny 0.20.2 uses for the default db-urls entry
# https://github.com/rustsec/advisory-db (xxhash64, seed 0xca80de71, of the
# lower-cased url; see url_to_db_path in cargo-deny's src/advisories/helpers/db.rs).
# It changes only with the url in deny.toml or with the hashing in cargo-deny.
DB_DIR_NAME="advisory-db-3157b0e258782691"

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"

# (a) the tool, installed from crates.io only when missing (or another version)
if [ "$(cargo-deny --version 2>/dev/null || true)" != "cargo-deny $DENY_VERSION" ]; then
    echo "== installing cargo-deny $DENY_VERSION (once; several minutes)"
    # Its own target dir: not the workspace's, and kept for a re-install.
    CARGO_TARGET_DIR="$HOME/.cache/cargo-deny-build" \
        cargo install --locked --version "$DENY_VERSION" cargo-deny
fi
cargo-deny --version

# (b) the advisory database
db_src="${MITI_ADVISORY_DB:-$repo/../shared/data/advisory-db}"
if [ ! -d "$db_src/crates" ]; then
    echo "error: RustSec advisory database not found at '$db_src'" >&2
    echo "       (expected a copy of github.com/rustsec/advisory-db with a crates/ folder;" >&2
    echo "        CI has it at ../shared/data/advisory-db; set MITI_ADVISORY_DB to use another)" >&2
    exit 1
fi
db_src="$(cd "$db_src" && pwd)"
if [ -f "$db_src/PROVENANCE" ]; then
    head -n 1 "$db_src/PROVENANCE"
fi

# (c) a writable, git-shaped copy in a temporary <db-path>
tmp="$(mktemp -d "${TMPDIR:-/tmp}/miti-audit.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/$DB_DIR_NAME"
cp -R "$db_src" "$db"
chmod -R u+w "$db"
if [ ! -e "$db/.git" ]; then
    # The snapshot's date, from PROVENANCE ("... of YYYY-MM-DD."), becomes the
    # commit's date and the checkout's time, so that cargo-deny's staleness
    # limit (maximum-db-staleness in deny.toml) measures the snapshot's real age.
    snap_date="$(grep -o 'of [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}' "$db_src/PROVENANCE" 2>/dev/null \
        | head -n 1 | cut -c4- || true)"
    git_date="${snap_date:+${snap_date}T00:00:00Z}"
    git_date="${git_date:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
    (
        cd "$db"
        git init -q -b main .
        git add -A
        GIT_AUTHOR_DATE="$git_date" GIT_COMMITTER_DATE="$git_date" \
            git -c user.name=miti-audit -c user.email=miti-audit@localhost \
            -c commit.gpgsign=false commit -q -m "advisory-db snapshot"
        touch -d "$git_date" .git/HEAD
    )
    if [ -n "$snap_date" ]; then
        age_days=$(( ($(date -u +%s) - $(date -u -d "$snap_date" +%s)) / 86400 ))
        echo "advisory database snapshot of $snap_date: $age_days days old"
        if [ "$age_days" -gt 90 ]; then
            echo "warning: the advisory database is over 90 days old; advisories published" \
                "since $snap_date are not checked (refresh shared/data/advisory-db;" \
                "past maximum-db-staleness in deny.toml the check fails: 'repository is stale')"
        fi
    fi
fi

# (d) the check, with fetching disabled. `--offline` is cargo-deny 0.20's only
# switch for that (it replaced `check --disable-fetch`); it also makes its
# `cargo metadata` offline, so the crates are fetched from crates.io first
# (a no-op once the workspace has been built).
cargo fetch --locked --quiet
echo "== cargo deny check advisories (offline, $db_src)"
MITI_ADVISORY_DB_ROOT="$tmp" \
    cargo-deny --offline --locked check --show-stats advisories
