#!/usr/bin/env bash
# The project's test command (README, .ci/run): installs what the tests need
# (PostgreSQL from Debian, for the PostgreSQL half of every story test) and
# runs the whole workspace's tests. Safe to run again; fast when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miti-target}"
bash scripts/install-test-deps.sh --browser
# CI must not pass by skipping: without PostgreSQL the tests fail instead.
if [ "${CI:-}" = "true" ]; then export MITI_PG_REQUIRED=1; fi
cargo test --workspace --all-targets "$@"
# The crash test's negative control: a build whose server answers before
# committing must be caught losing acknowledged submissions.
MITI_CRASH_CYCLES=3 cargo test -p miti --features fault-injection --test crash "$@"
cargo test --workspace --doc
