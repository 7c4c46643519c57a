#!/usr/bin/env bash
# Install the system packages the test suites need, from Debian's archive.
#
#   bash scripts/install-test-deps.sh            # PostgreSQL server (always)
#   bash scripts/install-test-deps.sh --browser  # + chromium chromium-driver
#   bash scripts/install-test-deps.sh --bench    # + wrk
#   bash scripts/install-test-deps.sh --fuzz     # + cargo-fuzz (crates.io)
#   bash scripts/install-test-deps.sh --all      # everything above
#
# Idempotent and fast when everything is present: it asks dpkg first and only
# runs `apt-get update` / `apt-get install` for packages that are missing.
# cargo-fuzz is no Debian package: `cargo install cargo-fuzz --locked` builds
# it into ~/.cargo/bin (or $CARGO_HOME/bin), only when `cargo fuzz` is absent.
# Works as root in a container without an init system: services are kept from
# starting during the install (policy-rc.d answering 101), so the Debian
# package's default cluster not starting is no failure. miti-testpg never uses
# that cluster; it runs its own throwaway clusters from the binaries.
set -euo pipefail

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

packages=(postgresql)
fuzz=0
for arg in "$@"; do
    case "$arg" in
        --browser) packages+=(chromium chromium-driver) ;;
        --bench) packages+=(wrk) ;;
        --fuzz) fuzz=1 ;;
        --all)
            packages+=(chromium chromium-driver wrk)
            fuzz=1
            ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "install-test-deps: unknown option: $arg" >&2
            usage >&2
            exit 2
            ;;
    esac
done

# cargo-fuzz builds with the machine's own (stable) toolchain; no root needed.
# Its own check first, so that a present install costs nothing.
if [ "$fuzz" -eq 1 ]; then
    if cargo fuzz --version >/dev/null 2>&1; then
        echo "install-test-deps: already installed: cargo-fuzz ($(cargo fuzz --version))"
    else
        echo "install-test-deps: installing: cargo-fuzz (cargo install --locked)"
        cargo install cargo-fuzz --locked
    fi
fi

installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=()
for pkg in "${packages[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done

# A server package whose binaries are gone (e.g. a half-removed install) counts
# as missing too: what the tests need is initdb and postgres.
pg_binaries_present() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && return 0
    done
    return 1
}
if ! pg_binaries_present && [[ " ${missing[*]-} " != *" postgresql "* ]]; then
    missing+=(postgresql)
fi

if [ "${#missing[@]}" -eq 0 ]; then
    echo "install-test-deps: already installed: ${packages[*]}"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "install-test-deps: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi

# Keep services from starting while installing (no init system in containers).
# Any policy-rc.d already there is put back afterwards, byte for byte.
policy=/usr/sbin/policy-rc.d
backup=""
restore_policy() {
    if [ -n "$backup" ]; then
        "${sudo[@]}" mv -f "$backup" "$policy"
    else
        "${sudo[@]}" rm -f "$policy"
    fi
}
if [ -e "$policy" ]; then
    backup="$("${sudo[@]}" mktemp /usr/sbin/policy-rc.d.miti-backup.XXXXXX)"
    "${sudo[@]}" cp -p "$policy" "$backup"
fi
trap restore_policy EXIT
trap 'exit 130' INT TERM
printf '#!/bin/sh\n# written by miti scripts/install-test-deps.sh\nexit 101\n' |
    "${sudo[@]}" tee "$policy" >/dev/null
"${sudo[@]}" chmod 755 "$policy"

export DEBIAN_FRONTEND=noninteractive
apt_install() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "$@"
}

echo "install-test-deps: installing: ${missing[*]}"
"${sudo[@]}" apt-get update
if ! apt_install "${missing[@]}"; then
    # A maintainer script that could not start a service can leave dpkg
    # half-configured; finish the configuration and try once more.
    echo "install-test-deps: apt-get install failed; running dpkg --configure -a and retrying" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg --configure -a || true
    apt_install "${missing[@]}"
fi

if [[ " ${missing[*]} " == *" postgresql "* ]] && ! pg_binaries_present; then
    echo "install-test-deps: postgresql installed but no /usr/lib/postgresql/*/bin/{initdb,postgres}" >&2
    exit 1
fi
echo "install-test-deps: done"
