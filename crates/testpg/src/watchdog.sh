# miti-testpg watchdog: runs one postgres server and makes sure it never
# outlives the test process. Run as
#
#   sh -c "$(cat watchdog.sh)" watchdog PARENT_PID ROOT_DIR [setpriv ...] postgres ARGS...
#
# with stdin a pipe from the test process (the control channel). It runs in a
# process group of its own, so Ctrl-C and a test runner killing the test's
# group do not reach it: it sees the test process go and cleans up itself.
#
# - A line on stdin ("smart", "fast" or "immediate") asks for that shutdown;
#   the data stays (the test process removes it, or starts postgres again).
# - End of file on stdin, or the test process gone (polled every 200 ms with
#   kill -0, zombies counted as gone), means nobody owns the cluster any
#   more: immediate shutdown (SIGQUIT) and ROOT_DIR is removed.
# - postgres exiting by itself: its exit status goes to ROOT_DIR/.exited and
#   the watchdog stays until it is asked to stop or the test process goes.
set -u
parent=$1
root=$2
shift 2
case $root in
*/miti-testpg-*) ;;
*)
    echo "miti-testpg watchdog: refusing to manage $root" >&2
    exit 2
    ;;
esac

alive() {
    kill -0 "$1" 2>/dev/null || return 1
    ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"
}

rm -f "$root/.stop" "$root/.exited"
exec 3<&0 </dev/null
"$@" 3<&- &
pg=$!

# Control channel.
(
    if read -r mode <&3; then
        : >"$root/.stop"
        case $mode in
        smart) sig=TERM ;;
        fast) sig=INT ;;
        *) sig=QUIT ;;
        esac
    else
        sig=QUIT
    fi
    [ -e "$root/.exited" ] || kill -s "$sig" "$pg" 2>/dev/null
) &
ctl=$!
exec 3<&-

# Fallback in case the pipe is held open elsewhere (a fork without exec).
(
    while alive "$parent"; do sleep 0.2; done
    [ -e "$root/.exited" ] || kill -s QUIT "$pg" 2>/dev/null
) &
mon=$!

wait "$pg"
echo "$?" >"$root/.exited"
while [ ! -e "$root/.stop" ] && alive "$parent"; do sleep 0.2; done
kill "$mon" "$ctl" 2>/dev/null
if [ ! -e "$root/.stop" ]; then
    rm -rf -- "$root"
fi
exit 0
