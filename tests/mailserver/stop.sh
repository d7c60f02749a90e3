#!/usr/bin/env bash
# Stops the servers started by start.sh, by their PIDs. Harmless when nothing runs.
set -uo pipefail
DIR=${STEMPEL_MAILSERVER_DIR:-/tmp/stempel-mailserver}
if [ -f "$DIR/postfix/main.cf" ]; then
  postfix -c "$DIR/postfix" stop >/dev/null 2>&1 || true
fi
stop_pid() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 0
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
stop_pid "$DIR/dovecot/run/master.pid"
stop_pid "$DIR/smtp-sink.pid"
stop_pid "$DIR/postfix-queue/pid/master.pid"
exit 0
