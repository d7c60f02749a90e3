#!/usr/bin/env bash
# Screenshots of the window under Xvfb (software GL), with real receipts: sends through the
# test mail servers (tests/mailserver/start.sh) and reads their reports, then opens the window
# and writes docs/screenshots/{buffer,sent-list,sent-tab}.png. Needs root for the servers and
# Debian's xvfb, xdotool and imagemagick (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
for pkg in xvfb x11-utils xdotool imagemagick; do
  dpkg -s "$pkg" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
done
bash tests/mailserver/status.sh >/dev/null 2>&1 || bash tests/mailserver/start.sh >/dev/null
# shellcheck disable=SC1091
source /tmp/stempel-mailserver/env
cargo build -q
bin=target/debug/stempel
data=$(mktemp -d)
s() { "$bin" --data-dir "$data" "$@"; }
s account add firma --from "Firma Nowak <$STEMPEL_MS_SENDER>" --smtp-host localhost \
  --smtp-port "$STEMPEL_MS_SUBMISSION_PORT" --smtp-security starttls --smtp-user "$STEMPEL_MS_SENDER" \
  --imap-host localhost --imap-port "$STEMPEL_MS_IMAPS_PORT" --imap-security tls \
  --imap-user "$STEMPEL_MS_SENDER" --password-command "printf '%s' '$STEMPEL_MS_SENDER_PASSWORD'" \
  --ca-file "$STEMPEL_MS_CA_FILE" 2>/dev/null
s queue --account firma --to "$STEMPEL_MS_CUSTOMER" --notify-delivery \
  --subject "Faktura FV/2026/11/001 — zażółć gęślą jaźń" --body "Dzień dobry, w załączeniu faktura." >/dev/null
s queue --account firma --to "nieistniejacy@stempel.test" \
  --subject "Faktura FV/2026/11/002 — Přečteno, Größe" --body "Dobrý den." >/dev/null
s send >/dev/null 2>&1 || true
sleep 2
s check-bounces >/dev/null 2>&1 || true
s queue --account firma --to klient@example.com --subject "Faktura FV/2026/11/003 — Rechnung" --body x >/dev/null

export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1100x720x24 >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
LIBGL_ALWAYS_SOFTWARE=1 "$bin" --data-dir "$data" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 6
kill -0 $app 2>/dev/null || { echo "the window did not start:"; cat "$data/app.log"; exit 1; }
import -window root "$out/buffer.png"
xdotool mousemove 40 80 click 1; sleep 1          # E-mails: Sent
import -window root "$out/sent-list.png"
xdotool mousemove 500 82 click 1; sleep 1         # the first sent mail
import -window root "$out/sent-tab.png"
echo "wrote $out/buffer.png $out/sent-list.png $out/sent-tab.png"
