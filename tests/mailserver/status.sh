#!/usr/bin/env bash
# Exit 0 when Postfix, Dovecot and the 550 listener of start.sh are all running.
DIR=${STEMPEL_MAILSERVER_DIR:-/tmp/stempel-mailserver}
for f in "$DIR/postfix-queue/pid/master.pid" "$DIR/dovecot/run/master.pid" "$DIR/smtp-sink.pid"; do
  pid=$(tr -d ' ' < "$f" 2>/dev/null) || exit 1
  kill -0 "$pid" 2>/dev/null || exit 1
done
echo running
