#!/usr/bin/env bash
# Starts real mail servers on 127.0.0.1 for Stempel's end-to-end tests:
#   Postfix  MX (no auth), submission (STARTTLS required + SASL, CHUNKING offered), submissions
#            (implicit TLS), submission without CHUNKING (DATA only)
#   Dovecot  IMAP (STARTTLS), IMAPS, POP3, POP3S, LMTP delivery into Maildirs
# for the test domain stempel.test (users invoices@ and customer@), with real delivery reports:
#   unknown user at stempel.test   -> failure DSN (5.1.1) to the sender
#   NOTIFY=SUCCESS                 -> success DSN
#   anything at delay.test         -> routed to a closed port: delay DSN within seconds
#   anything at reject.test        -> routed to a listener that answers 550: remote bounce
# All state (config, queue, mail, certificates, logs) lives under $STEMPEL_MAILSERVER_DIR
# (default /tmp/stempel-mailserver); a fresh CA and server certificate are made on each start.
# Prints the environment for the tests (also written to $DIR/env). Needs root (Postfix does).
# Starting twice is harmless: a running set is left alone and its environment printed again.
set -euo pipefail

DIR=${STEMPEL_MAILSERVER_DIR:-/tmp/stempel-mailserver}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT_MX=10025 PORT_SUBMISSION=10587 PORT_SUBMISSIONS=10465 PORT_SUBMISSION_DATA=10588
PORT_IMAP=10143 PORT_IMAPS=10993 PORT_POP3=10110 PORT_POP3S=10995
PORT_LMTP=10024 PORT_AUTH=10012 PORT_CLOSED=10026 PORT_REJECT=10027
PASS_INVOICES=invoices-Pa55 PASS_CUSTOMER=customer-Pa55

say() { echo "mailserver: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "needs root (Postfix refuses to run otherwise): run  sudo $0"
  exit 1
fi

if [ -f "$DIR/env" ] && "$HERE/status.sh" >/dev/null 2>&1; then
  say "already running"
  cat "$DIR/env"
  exit 0
fi
"$HERE/stop.sh" >/dev/null 2>&1 || true

# --- packages --------------------------------------------------------------------------------
missing=()
for cmd in postfix:postfix dovecot:dovecot-imapd openssl:openssl smtp-sink:postfix; do
  command -v "${cmd%%:*}" >/dev/null 2>&1 || missing+=("${cmd#*:}")
done
for pkg in dovecot-pop3d dovecot-lmtpd; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix dovecot-imapd dovecot-pop3d \
    dovecot-lmtpd openssl >/dev/null
fi

# --- layout ----------------------------------------------------------------------------------
rm -rf "$DIR"
mkdir -p "$DIR"/{postfix,dovecot/run,dovecot/state,mail,certs,log}
chmod 755 "$DIR"

# --- certificates: a fresh CA and a server certificate for localhost / 127.0.0.1 ---------------
(
  cd "$DIR/certs"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Stempel Test CA" \
    -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key \
    -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost,DNS:mx.stempel.test,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > ext.cnf
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
    -extfile ext.cnf -out server.crt 2>/dev/null
  chmod 644 ca.crt server.crt; chmod 640 server.key
)

# --- Dovecot ---------------------------------------------------------------------------------
MAILUID=$(id -u nobody) MAILGID=$(getent group nogroup | cut -d: -f3)
chown "$MAILUID:$MAILGID" "$DIR/mail"
cat > "$DIR/dovecot/users" <<USERS
invoices@stempel.test:{PLAIN}$PASS_INVOICES:$MAILUID:$MAILGID::$DIR/mail/invoices
customer@stempel.test:{PLAIN}$PASS_CUSTOMER:$MAILUID:$MAILGID::$DIR/mail/customer
bench@stempel.test:{PLAIN}bench-Pa55:$MAILUID:$MAILGID::$DIR/mail/bench
USERS
chmod 644 "$DIR/dovecot/users"
cat > "$DIR/dovecot/dovecot.conf" <<CONF
base_dir = $DIR/dovecot/run
state_dir = $DIR/dovecot/state
log_path = $DIR/log/dovecot.log
protocols = imap pop3 lmtp
listen = 127.0.0.1
ssl = yes
ssl_cert = <$DIR/certs/server.crt
ssl_key = <$DIR/certs/server.key
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
disable_plaintext_auth = yes
mail_location = maildir:~/Maildir
first_valid_uid = 1
mail_privileged_group =
default_internal_user = dovecot
default_login_user = dovenull
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $DIR/dovecot/users
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $DIR/dovecot/users
}
service imap-login {
  inet_listener imap {
    port = $PORT_IMAP
  }
  inet_listener imaps {
    port = $PORT_IMAPS
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = $PORT_POP3
  }
  inet_listener pop3s {
    port = $PORT_POP3S
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $PORT_LMTP
  }
}
service auth {
  inet_listener sasl {
    address = 127.0.0.1
    port = $PORT_AUTH
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
protocol lmtp {
  postmaster_address = postmaster@stempel.test
}
CONF
dovecot -c "$DIR/dovecot/dovecot.conf" </dev/null >>"$DIR/log/dovecot.log" 2>&1

# --- the 550 listener (reject.test) ------------------------------------------------------------
smtp-sink -u nobody -h reject.stempel.test -f RCPT \
  -B "550 5.1.1 <rejected>: Recipient address rejected: User unknown" "127.0.0.1:$PORT_REJECT" 10 \
  </dev/null >>"$DIR/log/smtp-sink.log" 2>&1 &
echo $! > "$DIR/smtp-sink.pid"

# --- Postfix ---------------------------------------------------------------------------------
PF=$DIR/postfix
# Postfix starts only from config directories that /etc/postfix/main.cf names.
touch /etc/postfix/main.cf
if ! postconf -c /etc/postfix -h alternate_config_directories 2>/dev/null | tr ', ' '\n\n' | grep -qx "$PF"; then
  current=$(postconf -c /etc/postfix -h alternate_config_directories 2>/dev/null || true)
  postconf -c /etc/postfix -e "alternate_config_directories = ${current:+$current, }$PF"
fi
cat > "$PF/main.cf" <<CONF
compatibility_level = 3.6
config_directory = $PF
queue_directory = $DIR/postfix-queue
data_directory = $DIR/postfix-data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
meta_directory = /etc/postfix
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
maillog_file = $DIR/log/postfix.log
maillog_file_prefixes = $DIR/log
myhostname = mx.stempel.test
mydomain = stempel.test
myorigin = stempel.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
biff = no
virtual_mailbox_domains = stempel.test
virtual_transport = lmtp:inet:127.0.0.1:$PORT_LMTP
# Dovecot's LMTP does final delivery but announces no DSN: report "delivered", not "relayed".
lmtp_assume_final = yes
smtpd_reject_unlisted_recipient = no
transport_maps = texthash:$PF/transport
smtp_dns_support_level = disabled
smtp_tls_security_level = none
smtpd_tls_cert_file = $DIR/certs/server.crt
smtpd_tls_key_file = $DIR/certs/server.key
smtpd_tls_security_level = may
smtpd_tls_protocols = >=TLSv1.2
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:$PORT_AUTH
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
delay_warning_time = 1s
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
maximal_queue_lifetime = 20s
bounce_queue_lifetime = 20s
smtp_connect_timeout = 2s
CONF
printf 'delay.test smtp:[127.0.0.1]:%s\nreject.test smtp:[127.0.0.1]:%s\n' \
  "$PORT_CLOSED" "$PORT_REJECT" > "$PF/transport"
submission_opts="-o smtpd_tls_security_level=encrypt -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject"
cat > "$PF/master.cf" <<CONF
127.0.0.1:$PORT_MX inet n - n - - smtpd
127.0.0.1:$PORT_SUBMISSION inet n - n - - smtpd -o syslog_name=postfix/submission $submission_opts
127.0.0.1:$PORT_SUBMISSIONS inet n - n - - smtpd -o syslog_name=postfix/submissions -o smtpd_tls_wrappermode=yes $submission_opts
127.0.0.1:$PORT_SUBMISSION_DATA inet n - n - - smtpd -o syslog_name=postfix/submission-data -o smtpd_discard_ehlo_keywords=chunking $submission_opts
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
local     unix  - n n - - local
virtual   unix  - n n - - virtual
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CONF
# Postfix re-reads a main.cf changed in the last seconds until it "cools down".
touch -d '2 minutes ago' "$PF/main.cf" "$PF/master.cf" "$PF/transport"
# Queue and data beside the config directory: Postfix wants everything inside that one root-owned.
mkdir -p "$DIR/postfix-queue" "$DIR/postfix-data"
chown postfix "$DIR/postfix-data"
/usr/lib/postfix/sbin/post-install config_directory="$PF" queue_directory="$DIR/postfix-queue" \
  data_directory="$DIR/postfix-data" command_directory=/usr/sbin daemon_directory=/usr/lib/postfix/sbin \
  meta_directory=/etc/postfix create-missing >>"$DIR/log/postfix-start.log" 2>&1
postfix -c "$PF" start >/dev/null 2>>"$DIR/log/postfix-start.log" || {
  say "postfix did not start:"; cat "$DIR/log/postfix-start.log" "$DIR/log/postfix.log" >&2 2>/dev/null; exit 1; }

# --- wait until every port answers (10 s at most) ---------------------------------------------
deadline=$((SECONDS + 10))
for port in $PORT_MX $PORT_SUBMISSION $PORT_SUBMISSIONS $PORT_SUBMISSION_DATA $PORT_IMAP $PORT_IMAPS $PORT_POP3 $PORT_POP3S $PORT_LMTP $PORT_REJECT; do
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      say "port $port does not answer; logs in $DIR/log"
      tail -n 20 "$DIR"/log/*.log >&2 || true
      exit 1
    fi
    sleep 0.1
  done
done

cat > "$DIR/env" <<ENV
export STEMPEL_MAILSERVER_DIR=$DIR
export STEMPEL_MS_HOST=127.0.0.1
export STEMPEL_MS_SMTP_PORT=$PORT_MX
export STEMPEL_MS_SUBMISSION_PORT=$PORT_SUBMISSION
export STEMPEL_MS_SUBMISSIONS_PORT=$PORT_SUBMISSIONS
export STEMPEL_MS_SUBMISSION_DATA_PORT=$PORT_SUBMISSION_DATA
export STEMPEL_MS_IMAP_PORT=$PORT_IMAP
export STEMPEL_MS_IMAPS_PORT=$PORT_IMAPS
export STEMPEL_MS_POP3_PORT=$PORT_POP3
export STEMPEL_MS_POP3S_PORT=$PORT_POP3S
export STEMPEL_MS_CA_FILE=$DIR/certs/ca.crt
export STEMPEL_MS_POSTFIX_LOG=$DIR/log/postfix.log
export STEMPEL_MS_SENDER=invoices@stempel.test
export STEMPEL_MS_SENDER_PASSWORD=$PASS_INVOICES
export STEMPEL_MS_CUSTOMER=customer@stempel.test
export STEMPEL_MS_CUSTOMER_PASSWORD=$PASS_CUSTOMER
export STEMPEL_MS_BENCH_USER=bench@stempel.test
export STEMPEL_MS_BENCH_PASSWORD=bench-Pa55
export STEMPEL_MS_BENCH_MAILDIR=$DIR/mail/bench/Maildir
export STEMPEL_MS_DELAY_DOMAIN=delay.test
export STEMPEL_MS_REJECT_DOMAIN=reject.test
ENV
cat "$DIR/env"
