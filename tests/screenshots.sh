#!/usr/bin/env bash
# Screenshots of the window under Xvfb (software GL), with real receipts: sends through the
# test mail servers (tests/mailserver/start.sh) and reads their reports, then opens the window
# once per language, theme and screen (STEMPEL_OPEN) and writes
# docs/screenshots/<lang>-<screen>[-dark].png. Needs root for the servers and Debian's xvfb,
# xdotool and imagemagick (installed when missing).
#
#   tests/screenshots.sh                # English light and dark, Polish, Czech, German light
#   LANGS="pl" tests/screenshots.sh     # one language
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
# An account whose password the server refuses: its mail fails (535), for the Failed screens.
s account add stare --from "Firma Nowak <$STEMPEL_MS_SENDER>" --smtp-host localhost \
  --smtp-port "$STEMPEL_MS_SUBMISSION_PORT" --smtp-security starttls --smtp-user "$STEMPEL_MS_SENDER" \
  --password-command "printf wrong" --ca-file "$STEMPEL_MS_CA_FILE" 2>/dev/null
s queue --account stare --to "$STEMPEL_MS_CUSTOMER" --subject "Faktura FV/2026/10/017" \
  --body "Dzień dobry, w załączeniu faktura." >/dev/null
s send >/dev/null 2>&1 || true
sleep 2
s check-bounces >/dev/null 2>&1 || true
s queue --account firma --to "$STEMPEL_MS_CUSTOMER" --cc ucetni@example.cz \
  --subject "Faktura FV/2026/11/003 — Rechnung für März" --body x >/dev/null
s queue --account firma --to objednavky@příklad.cz --subject "Faktura FV/2026/11/004 — řeřicha, ůl" \
  --body x >/dev/null
# Customers, and a sheet of invoices with one row that cannot go (an address that bounced).
s customer add "Kowalski Sp. z o.o." --tax-id "PL 123-456-32-18" --email "$STEMPEL_MS_CUSTOMER" \
  --cc ksiegowa@kowalski.pl --language pl --notes "Płaci w terminie." >/dev/null
s customer add "Novák s.r.o." --tax-id CZ12345678 --email fakturace@novak.cz --language cs >/dev/null
s customer add "Müller GmbH" --tax-id "DE 123 456 789" --email rechnungen@mueller.de --language de >/dev/null
for n in 5 6 7 8; do printf '%%PDF-1.7 FV %s\n' "$n" >"$data/FV-2026-11-00$n.pdf"; done
printf 'Plik;Numer faktury;NIP;E-mail;Kwota;Waluta;due_date\n%s\n%s\n%s\n%s\n' \
  "FV-2026-11-005.pdf;FV/2026/11/005;1234563218;;1 230,00;PLN;14.12.2026" \
  "FV-2026-11-006.pdf;FV/2026/11/006;CZ12345678;;4 500,00;CZK;14.12.2026" \
  "FV-2026-11-007.pdf;FV/2026/11/007;DE123456789;;980,00;EUR;14.12.2026" \
  "FV-2026-11-008.pdf;FV/2026/11/008;;nieistniejacy@stempel.test;99,00;PLN;14.12.2026" \
  >"$data/invoices.csv"

export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1400x900x24 -noreset >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "Xvfb did not start"; exit 1; }

# One window per shot: language and theme come from settings.toml, the screen from STEMPEL_OPEN.
shot() { # lang theme screen file [WxH]
  printf 'language = "%s"\ntheme = "%s"\n' "$1" "$2" >"$data/settings.toml"
  rm -f "$data/window.ron"
  # No keychain: the accounts form shows what a computer without one gets.
  STEMPEL_KEYCHAIN=none STEMPEL_OPEN=$3 LIBGL_ALWAYS_SOFTWARE=1 "$bin" --data-dir "$data" \
    >"$data/app.log" 2>&1 &
  local app=$! win=""
  for _ in $(seq 100); do
    win=$(xdotool search --name '^Stempel$' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "the window did not start:"; cat "$data/app.log"; kill $app; exit 1; }
  if [ -n "${5:-}" ]; then xdotool windowsize "$win" "${5%x*}" "${5#*x}"; fi
  sleep 3 # the first frames, the list and the start-up report check
  import -window "$win" "$out/$4.png"
  kill $app; wait $app 2>/dev/null || true
}

screens="buffer sent sent-tab failed-tab delivery compose accounts settings customers templates"
for lang in ${LANGS:-en pl cs de}; do
  for screen in $screens; do shot "$lang" light "$screen" "$lang-$screen"; done
  shot "$lang" light "invoices=$data/invoices.csv" "$lang-invoices"
  # A small window: the list keeps its rows and columns, the forms scroll.
  for screen in sent-tab failed-tab accounts; do
    shot "$lang" light "$screen" "$lang-$screen-800x600" 800x600
  done
  if [ "$lang" = en ]; then
    for screen in $screens; do shot en dark "$screen" "en-$screen-dark"; done
  fi
done
echo "wrote $(ls "$out" | wc -l) screenshots to $out"
