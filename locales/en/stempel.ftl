# Stempel, English (the reference language: every other file has exactly these keys).

## Shell
mails-waiting = { $count ->
    [one] 1 mail waiting
   *[other] { $count } mails waiting
}
send-all = Send all
send-all-hint = Send every mail in the buffer now (Ctrl+Shift+S)
sending-progress = { $done } of { $total } sent
check-now = Check now
check-now-hint = Look in the inbox for delivery reports, bounces and read receipts
bounces-checking = Checking for reports…
bounces-not-checked = Reports not checked yet
bounces-checked = Reports checked { $time }
bounces-check-failed = ⚠ the check failed for { $accounts }
new-mail = ✉ New mail
new-mail-hint = Write a new mail (Ctrl+N)
nav-emails = E-mails
nav-accounts = Accounts
nav-settings = Settings
folder-buffer = Buffer
folder-sent = Sent
folder-failed = Failed
folder-drafts = Drafts
sender-not-running = The sender is not running; restart Stempel.
toast-send-failed = The mail “{ $subject }” to { $to } was not sent: { $why }
toast-sent = { $count ->
    [one] 1 mail sent
   *[other] { $count } mails sent
}
toast-reports = { $count ->
    [one] 1 delivery report received
   *[other] { $count } delivery reports received
}
toast-password-saved = Password for { $account } stored in the keychain
select-a-mail = Select a mail to see it, its receipt and its delivery
welcome-title = Welcome to Stempel
welcome-text = Add the account you send invoices from, or try the whole flow first with the sandbox: a mail server inside Stempel that accepts mail and delivers nothing.
welcome-add-account = Add an account
welcome-try-sandbox = Try the sandbox
resend-title = { $count ->
    [one] Send this mail again?
   *[other] Send { $count } mails again?
}
resend-warning = This mail may already have reached the customer: its server may have taken it before the line broke. Sending it again can deliver it twice.
resend-confirm = Send again
delete-title = { $count ->
    [one] Delete this mail?
   *[other] Delete { $count } mails?
}
delete-warning = Its text, its attachments and the record of its attempts are removed from Stempel. This cannot be undone.
cancel = Cancel

## Lists
search = Search
search-hint = recipient, sender or subject
date-from = From
date-to = to
date-invalid = Dates are written YYYY-MM-DD
checked-count = { $count } checked
send-checked = Send checked
delete-checked = Delete checked
resend-checked = Send checked again
resend-hint = Put the mail back in the buffer and send it again
refresh = Refresh
list-empty = Nothing here
check-row = Check to act on several mails at once
check-mail = Check { $subject }
sort-hint = Sort by this column
col-date = Date
col-to = To
col-subject = Subject
col-queue-id = Queue id
col-delivery = Delivery
col-recipient = Recipient
col-state = State
col-status = Status
col-details = Details
chart-sent = Sent
chart-delivered = Delivered
chart-problems = Bounced
state-draft = Draft
state-queued = Waiting in the buffer
state-sending = Being sent
state-sent = Sent
state-failed = Failed
state-uncertain = Uncertain: the connection broke before the server answered
delivery-pending = Not sent yet
delivery-accepted = Accepted by the server
delivery-rejected = Refused by the server
delivery-delivered = Delivered
delivery-relayed = Relayed
delivery-delayed = Delayed
delivery-bounced = Bounced
delivery-read = Read

## The mail
tab-message = Message
tab-sent = Sent
tab-delivery = Delivery
delete = Delete
edit = Edit
edit-queued-hint = Takes the mail out of the buffer while you edit it
send-now = Send now
resend = Send again
edit-and-resend = Edit and send again
edit-and-resend-hint = Opens a new mail with the same recipients, text and attachments; this one stays with its record until you delete it
field-account = Account
field-from = From
field-to = To
field-cc = Cc
field-bcc = Bcc
field-reply-to = Reply-To
field-subject = Subject
field-state = State
field-created = Created
field-size = Size
field-requested = Requested
field-attachment = Attachment
field-date = Date
field-server = Server
field-duration = Duration
field-reply = Reply
field-meaning = Meaning
field-queue-id = Queue id
field-status = Status
field-attempts = Attempts
field-next-attempt = Next attempt
list-retry-at = Tries again { $time }
retry-while-open = Stempel sends it then by itself while this window is open. While the window is closed, the mail waits until Stempel is opened again or `stempel send` runs.
date-hint = YYYY-MM-DD
field-error = Error
field-what-happened = What happened
field-what-to-do = What to do
field-body = Text
asked-delivery = delivery notification
asked-read = read receipt
not-sent-yet = Not sent yet
not-encrypted = not encrypted
duration-ms = { $ms } ms
outcome-sent = Sent: the server took responsibility for the mail
outcome-deferred = Deferred: Stempel tries again later
outcome-failed = Failed
outcome-uncertain = Uncertain: the server may have the mail
sandbox-receipt = Sandbox receipt: this mail went to Stempel's built-in test server and was delivered nowhere.
proof = Proof
proof-stage-1 = Stage 1: your mail server took the mail (queue id { $queue_id })
proof-stage-1-means = This proves your server accepted the mail; it does not show that the recipient's server has it.
proof-stage-2 = Stage 2: the recipient's server took the mail ({ $server }, { $when })
proof-stage-2-means = This proves the recipient's side accepted the mail; it does not show that the mail was read.
proof-stage-2-waiting = Stage 2: no success report yet; it comes when the recipient's server takes the mail
proof-stage-2-bounced = Stage 2 will not come: a report says the mail could not be delivered (see Delivery)
proof-stage-2-never = Stage 2 cannot come: your mail server offers no delivery reports (DSN)
proof-stage-3 = Stage 3: the recipient opened the mail ({ $when })
proof-settled = The connection broke after the mail was sent; a report has since shown that the server had it.
transcript = Conversation with the server
copy = Copy
copy-hint = Copy the whole conversation
timeline = Timeline
timeline-accepted = The server accepted the mail (queue id { $queue_id })
no-reports = No delivery reports yet
no-reports-sandbox = No report will come: the sandbox delivers nothing.
no-reports-refused = No report will come: the server refused the mail, so it went nowhere.
no-reports-unsent = Reports come after the mail is sent.
event-details = Report: { $kind }, matched by { $matched }
raw-report = The report as received:

## Compose
compose-title = New mail
compose-edit-title = Edit mail
compose-no-account = Add an account first (Accounts in the menu on the left).
to-hint = klient@example.com, another@example.com
invalid-addresses = Not a valid address: { $addresses }
attachments = Attachments
add-files = Add files…
compose-no-attachment = The text mentions an invoice, but nothing is attached. Add the file with “Add files…”, or press the same button again to go on without it.
picker-title = Add files
picker-add = { $count ->
    [one] Add 1 file
   *[other] Add { $count } files
}
picker-up = ⬆ Up
picker-home = Home
picker-documents = Documents
picker-downloads = Downloads
picker-desktop = Desktop
picker-folder = Folder
picker-unreadable = This folder cannot be read: { $reason }
picker-empty = This folder is empty.
drop-files-hint = or drop files on the window
remove = Remove
attachment-missing = { $name } cannot be found
request-delivery = Ask for a delivery notification
request-delivery-hint = The receiving server reports when the mail reached the mailbox (if it supports delivery notifications)
request-read = Ask for a read receipt
request-read-hint = The customer's mail program may ask them to confirm they read it
save-draft = Save draft
put-in-buffer = Put in buffer
put-in-buffer-hint = Store the mail ready to send; "Send all" sends it
sandbox-example-subject = Invoice FV/2026/11/001
sandbox-example-body = Hello,

    please find the invoice attached.

    Kind regards
error-invalid-address = "{ $address }" is not a valid e-mail address
error-header-injection = The { $field } contains a line break, which is not allowed
error-no-recipients = The mail needs at least one recipient
error-attachment = The attachment { $path } cannot be read: { $reason }
error-attachment-not-file = The attachment { $path } is not a file
error-choose-account = Choose the account to send from

## Accounts
accounts-title = Accounts
account-add = Add account
account-add-sandbox = Add the sandbox account
account-sandbox-hint = A test server inside Stempel: it accepts mail with a receipt and delivers nothing
account-test = Test connection
account-test-hint = Connect, secure, log in and quit, showing the conversation
account-testing = Testing { $account }…
account-test-ok = { $account } works: connected, secured and logged in
account-test-failed = The account { $account } does not work: { $meaning }
account-remove = Remove
account-remove-title = Remove the account { $account }?
account-remove-warning = Its settings and its stored password are removed. Mails it sent stay in Sent with their proof; mails still waiting in the buffer or the drafts keep it from being removed.
keychain-failed-session = The keychain could not store the password of { $account }. It is kept for this session only: to keep it across restarts, give a command that prints it.
account-new-title = New account
account-edit-title = Edit account
account-preset = Provider
account-preset-none = Other (enter the servers)
account-name = Name
account-from = Sender (Name <address>)
account-smtp = Sending (SMTP)
account-imap = Reports (IMAP)
account-imap-hint = optional: where bounces and read receipts arrive
account-host = { $protocol } server
account-port = { $protocol } port
account-security = { $protocol } security
account-user = { $protocol } user name
account-login = Log in with
login-password = Password
login-xoauth2 = OAuth 2.0 token (XOAUTH2)
login-xoauth2-hint = For Gmail and Microsoft 365 without passwords: the account's password command prints a current access token (for example from oama or mailctl)
account-password = Password
account-password-hint = kept where chosen above
account-password-keep = Password kept
keep-keychain = In the keychain
keep-command = Given by a command
keep-command-hint = A command that prints the password, run at every login (for example a password manager's)
keep-session = For this session only
keep-session-hint = Kept in memory until the window closes; Stempel asks for it again after a restart
keychain-unavailable = This computer has no keychain Stempel can reach, so the password cannot be stored there. Give a command that prints it, or keep it for this session only.
account-password-command = Password command
password-by-command = Password by command
password-this-session = Password for this session
password-in-keychain = Password in the keychain
password-missing = No password
security-starttls = STARTTLS (port 587)
security-tls = TLS (port 465 / 993)
security-none = None (local relay only)
save = Save
error-account-name = The account needs a name
error-port = "{ $port }" is not a port number
error-smtp-host = The account needs an SMTP server
error-password-command = Give the command that prints the password

## Settings
settings-title = Settings
settings-language = Language
settings-language-system = As the system
settings-theme = Appearance
theme-system = As the system
theme-light = Light
theme-dark = Dark
settings-scan-interval = Check for reports every
settings-data-folder = Data folder
settings-settings-file = Settings file
settings-interval-note = A new interval applies from the next start.

## Command line (messages for people; --json output never changes)
cli-nothing-to-send = nothing to send
cli-mail-sent = mail { $id } sent, queue id { $queue_id }
cli-mail-deferred = mail { $id } deferred until { $time }: { $why }
cli-mail-failed = mail { $id } failed: { $why }
cli-mail-uncertain = mail { $id } uncertain: { $why }
cli-send-summary = sent: { $sent }, deferred: { $deferred }, failed: { $failed }, uncertain: { $uncertain }
cli-queue-id = queue id: { $queue_id }
cli-what-to-do = what to do: { $advice }
cli-account-added = account { $account } added
cli-set-password = store its password with: { $command }
notice-tightened = { $path } could be read by other users of this computer; it is now yours alone.
cli-sandbox-needs-window = { $count ->
    [one] 1 mail is for the sandbox, which runs only while the Stempel window is open: send it from the window.
   *[other] { $count } mails are for the sandbox, which runs only while the Stempel window is open: send them from the window.
}
cli-attempt = Attempt { $n } at { $time }
account-removed = Account "{ $account }" removed.
account-removed-kept = Account "{ $account }" removed; its sent mails and their proof stay in Sent.
cli-password-not-removed = the password could not be removed from the keychain: { $reason }
cli-scan-summary = { $account }: folders: { $folders }, mails fetched: { $fetched }, reports: { $reports }, changes: { $changes }
cli-no-imap = no account has IMAP settings
cli-no-window = this stempel was built without the window; give a command (see --help)
cli-not-a-reply = "{ $reply }" is not an SMTP reply (it starts with no code)
cli-account-name = an account name must be non-empty text
cli-no-preset = no preset "{ $preset }"; see `stempel account presets`
cli-smtp-settings = give --smtp-host, --smtp-port and --smtp-security, or --preset
cli-unknown-security = unknown security "{ $security }"
cli-no-ca-file = the CA file { $path } does not exist
cli-body-file = cannot read the body file { $path }: { $reason }
cli-no-body = give --body or --body-file
cli-no-imap-settings = account "{ $account }" has no IMAP settings (add --imap-host and friends)

## The store's refusals
store-newer-schema = the database was written by a newer Stempel (schema version { $found }, this version knows up to { $known }); update Stempel to open it
store-illegal-transition = mail { $id } cannot go from { $from } to { $to }
store-no-such-message = no mail with id { $id }
store-no-such-account = no account named "{ $account }"
store-account-exists = an account named "{ $account }" already exists
store-account-in-use = { $count ->
    [one] account "{ $account }" still has 1 mail in the buffer or the drafts; send or delete it first
   *[other] account "{ $account }" still has { $count } mails in the buffer or the drafts; send or delete them first
}
store-not-deletable = mail { $id } is { $state } and cannot be deleted (only drafts, queued and failed mails can)

## Explanations of server replies and failures: <key> is what happened, <key>-advice what to do.
smtp-app-password = the server wants an app password, not the account's normal password
smtp-app-password-advice = create an app password in the account's security settings (for Gmail: Google account, Security, App passwords) and store it as the account's password
smtp-auth-policy = the receiving server refused the mail because the sender's domain failed its SPF, DKIM or DMARC check
smtp-auth-policy-advice = ask whoever runs your domain to publish SPF and DKIM records for the server you send through
smtp-accepted = the server accepted the mail
smtp-accepted-advice = nothing to do; delivery reports may follow
smtp-rate-limited = the server is limiting how fast it takes mail from you
smtp-rate-limited-advice = Stempel tries again later by itself; send fewer mails at once if this repeats
smtp-421 = the server is not available right now and closed the connection
smtp-421-advice = Stempel tries again later by itself
smtp-450 = the recipient's mailbox is temporarily unavailable (busy, or the server delays new senders)
smtp-450-advice = Stempel tries again later by itself
smtp-greylisted = the server delays mail from senders it does not know yet (greylisting) or is checking it for spam
smtp-greylisted-advice = Stempel tries again later by itself; it usually goes through within the hour
smtp-451 = the server had a temporary problem handling the mail
smtp-451-advice = Stempel tries again later by itself
smtp-452 = the server is short of storage or got too many recipients at once
smtp-452-advice = Stempel tries again later by itself; fewer recipients per mail help
smtp-454 = the server could not start encryption or check the login right now
smtp-454-advice = Stempel tries again later by itself
smtp-500 = the server did not understand a command
smtp-500-advice = check the account's server and port; this often means a non-mail service answered
smtp-501 = the server refused the form of a command, often a malformed address
smtp-501-advice = check the sender and recipient addresses
smtp-502 = the server does not support a command Stempel needs
smtp-502-advice = check the account's server and port
smtp-503 = the server expected the commands in another order, often because it wants a login first
smtp-503-advice = check that the account has a user name and password
smtp-504 = the server does not support a parameter Stempel sent
smtp-504-advice = check the account's server and port
smtp-530 = the server requires a login, or encryption, before it takes mail
smtp-530-advice = give the account a user name and password, and use STARTTLS or TLS
smtp-534 = the server wants a stronger login method or an app password
smtp-534-advice = create an app password for Stempel in the mail account's security settings
smtp-535 = the server refused the password; Gmail needs an app password
smtp-535-advice = check the user name and store the right password (an app password for Gmail, Microsoft 365 with MFA, Seznam, WP) as the account's password
smtp-token-refused = the server refused the OAuth 2.0 token: it may have expired, or lack the mail permission
smtp-token-refused-advice = check the account's password command: it must print a current access token for this address with the mail scope
smtp-user-unknown = the recipient address does not exist
smtp-user-unknown-advice = check the address for typos or ask the customer for the right one
smtp-domain-unknown = the recipient's domain does not exist or accepts no mail
smtp-domain-unknown-advice = check the part of the address after the @
smtp-mailbox-full = the recipient's mailbox is full
smtp-mailbox-full-advice = tell the customer another way, or try again in a few days
smtp-too-big = the mail is larger than the server accepts
smtp-too-big-advice = make the attachments smaller or send them separately
smtp-policy = the server refused the mail by its policy: relaying not allowed, the sender not permitted, or suspected spam
smtp-policy-advice = check that the From address belongs to the account you send with
smtp-550 = the server refused the mail for this mailbox
smtp-550-advice = read the server's words in the transcript; most often the address is wrong
smtp-551 = the recipient is not handled by this server
smtp-551-advice = check the recipient address
smtp-552 = the mail exceeds the storage the server allows (too large, or the mailbox is full)
smtp-552-advice = make the attachments smaller, or try again later
smtp-553 = the server does not allow this address (as sender or as recipient)
smtp-553-advice = check that the From address belongs to the account and that the recipient is spelled right
smtp-spam = the server rejected the mail as spam or by policy
smtp-spam-advice = check the text and attachments for what may look like spam, and the sender's domain settings
smtp-554 = the server refused the mail
smtp-554-advice = read the server's words in the transcript
smtp-temporary = the server refused the mail for now
smtp-temporary-advice = Stempel tries again later by itself
smtp-permanent = the server refused the mail
smtp-permanent-advice = read the server's words in the transcript
smtp-unknown-reply = the server gave a reply Stempel does not know
smtp-unknown-reply-advice = read the server's words in the transcript
smtp-dns = the server's name could not be found
smtp-dns-advice = check the server name in the account and the internet connection
smtp-refused = the server refused the connection on this port
smtp-refused-advice = check the port: 587 for STARTTLS, 465 for TLS
smtp-connect-timeout = the server did not answer the connection
smtp-connect-timeout-advice = check the server name, the port and whether a firewall blocks outgoing mail
smtp-connect = Stempel could not connect to the server
smtp-connect-advice = check the internet connection, the server name and the port
smtp-timeout = the server stopped answering
smtp-timeout-advice = Stempel tries again later by itself
smtp-uncertain = the connection broke after the whole mail was sent and before the server confirmed it; the server may or may not have it
smtp-uncertain-advice = ask the recipient whether it arrived before sending it again
smtp-connection-lost = the connection to the server broke
smtp-connection-lost-advice = Stempel tries again later by itself
smtp-starttls-missing = the server does not offer encryption (STARTTLS), so the password and mail would travel in clear
smtp-starttls-missing-advice = check the port (587 offers STARTTLS, 465 uses TLS from the start); Stempel does not send unencrypted
smtp-auth-plaintext = the connection is not encrypted, so Stempel does not send the password over it
smtp-auth-plaintext-advice = choose STARTTLS or TLS security for this account
smtp-auth-not-offered = the server offers no login method Stempel can use
smtp-auth-not-offered-advice = check the port: login is usually offered on 587 or 465, not on 25
smtp-size-exceeded = the mail is larger than the server's announced limit, so it was not sent
smtp-size-exceeded-advice = make the attachments smaller or send them separately
smtp-utf8-address = an address has non-ASCII letters before the @ and the server cannot carry them
smtp-utf8-address-advice = use an ASCII address for this recipient
smtp-bad-address = an address cannot be sent as given
smtp-bad-address-advice = check the sender and recipient addresses
smtp-protocol = the server answered in a way that breaks the mail protocol
smtp-protocol-advice = check the server and port; Stempel tries again later
smtp-local = Stempel could not record the send in its database, so it stopped before finishing
smtp-local-advice = check the free disk space; the mail stays in the buffer
tls-cert-expired = the server's certificate has expired
tls-cert-expired-advice = the server's operator must renew it; until then mail is not sent there
tls-cert-wrong-host = the server's certificate belongs to another name than the one in the account
tls-cert-wrong-host-advice = use the server name your provider documents (e.g. smtp.gmail.com)
tls-cert-untrusted = the server's certificate is not signed by an authority this computer trusts
tls-cert-untrusted-advice = use the provider's documented server name, or give the account its CA file
tls-cert-invalid = the server's certificate is not valid
tls-cert-invalid-advice = check the server name; Stempel only sends to servers it can verify
tls-old-version = the server only offers outdated encryption (older than TLS 1.2)
tls-old-version-advice = ask the provider for a current server; Stempel does not use TLS older than 1.2
tls-handshake = encryption could not be set up with the server
tls-handshake-advice = check the port and security setting (587 with STARTTLS, 465 with TLS)
secret-missing = no password is stored for this account
secret-missing-advice = store the password for this account (Accounts)
secret-empty = the password for this account is empty (the keychain entry or the password command gave nothing)
secret-empty-advice = store the password again, or check the account's password command; Stempel tries again later
secret-unavailable = the password could not be read from the keychain or the password command
secret-unavailable-advice = unlock the keychain, or give the account a password command; Stempel tries again later
smtp-unexpected-reply = the server gave an answer that does not fit this step of the conversation
smtp-unexpected-reply-advice = check the server name, port and security of the account; Stempel tries again later
smtp-greeting-timeout = the server did not greet Stempel; a port that expects TLS from the first byte (465) stays silent like this
smtp-greeting-timeout-advice = check the port and security of the account: TLS for port 465, STARTTLS for 587
tls-setup = the account's CA file cannot be used
tls-setup-advice = check the CA file given for this account

## Bounce reasons
bounce-user-unknown = the address does not exist
bounce-mailbox-full = the recipient's mailbox is full
bounce-domain-not-found = the recipient's domain does not exist or takes no mail
bounce-too-large = the mail is too large for the recipient's server
bounce-spam = the recipient's server took the mail for spam
bounce-policy = the recipient's server refused the mail by its policy
bounce-suspended = the recipient's mailbox is disabled or suspended
bounce-expired = the mail could not be delivered in time and was given up
bounce-host-unreachable = the recipient's server could not be reached
bounce-rate-limited = the recipient's server is limiting how much mail it takes
bounce-delivered = the mail was delivered
bounce-other = the mail could not be delivered

## Provider hints
preset-gmail = Gmail needs an app password: turn on 2-Step Verification, then create one under Google account, Security, App passwords, and use it as this account's password
preset-microsoft365 = the administrator must allow SMTP AUTH for this mailbox; with multi-factor sign-in use an app password
preset-outlook = with two-step verification use an app password from the Microsoft account's security settings
preset-seznam = allow access for other mail programs in the Seznam mailbox settings; with two-factor sign-in use an application password
preset-wp = turn on access through mail programs (IMAP/SMTP) in the WP Poczta settings
preset-o2 = turn on access through mail programs (IMAP/SMTP) in the o2 Poczta settings
preset-interia = turn on access through mail programs in the Interia Poczta settings; the user name is the full e-mail address
preset-onet = turn on access for mail programs (IMAP, POP3, SMTP) in the Onet Poczta settings; the user name is the full e-mail address
preset-homepl = type your server's name (such as serwer123456.home.pl) from the home.pl customer panel into both server fields; the user name is the full e-mail address
preset-nazwapl = type your server's name (such as server123456.nazwa.pl) from the nazwa.pl customer panel into both server fields; the user name is the full e-mail address
preset-centrum = the user name is the full e-mail address; with two-step sign-in use an application password
preset-active24 = the user name is the full e-mail address
preset-gmx = turn on POP3/IMAP access under E-Mail settings, POP3 & IMAP, in the GMX mailbox
preset-webde = turn on POP3/IMAP access under E-Mail settings, POP3 & IMAP, in the WEB.DE mailbox
preset-ionos = use the full e-mail address as the user name (smtp.ionos.com / imap.ionos.com outside Germany)

## proof.pdf, the confirmation of sending in the evidence file
pdf-title = Confirmation of sending
pdf-subtitle = Written by Stempel { $version } on { $when }
pdf-mail = The mail
pdf-from = From
pdf-to = To
pdf-cc = Cc
pdf-bcc = Bcc
pdf-subject = Subject
pdf-message-id = Message-ID
pdf-sent = Sent
pdf-size = Size
pdf-sha256 = SHA-256 of message.eml
pdf-attachments = Attachments
pdf-no-attachments = No attachments.
pdf-stages = What is proven
pdf-connection = Connection to your mail server
pdf-server = Server
pdf-address = Address
pdf-tls = Encryption
pdf-tls-none = none
pdf-certificate = Certificate
pdf-cert-verified = verified
pdf-cert-not-verified = not verified
pdf-fingerprint = Fingerprint (SHA-256)
pdf-server-reply = Server's reply
pdf-queue-id = Queue id
pdf-timestamp = Time stamp
pdf-timestamp-line = The receipt as it stood right after sending (receipt-at-send.json) was time-stamped by { $authority } at { $when }.
pdf-timestamp-pending = No time stamp yet; the last try failed: { $reason }
pdf-timestamp-none = No time stamp: no time-stamping authority was set when this mail was sent.
pdf-timeline = Timeline
pdf-check = How to check this proof
pdf-check-intro = This document comes in a ZIP file with the mail exactly as sent (message.eml), its attachments, the delivery reports as received and the receipt (receipt.json). Unpack it and run these commands in its folder.
pdf-check-sums = Every file against its SHA-256:
pdf-check-stamp = Each time stamp, where the ZIP holds its .tsr file (CA.pem: the time-stamping authority's root certificate):
pdf-check-stempel = Or all of it with Stempel:
pdf-transcript = SMTP conversation, attempt { $n }
pdf-page = Page { $page } of { $pages }

## stempel proof and stempel verify
cli-proof-no-fresh-stamp = the evidence file is written without a fresh time stamp over SHA256SUMS: { $reason }
cli-verify-unreadable = cannot read { $path }: { $reason }
cli-verify-not-evidence = { $path } is not a Stempel evidence file: { $reason }
cli-stamp-summary = time stamps: { $stamped } receipts stamped, { $failed } to try again later
cli-stamp-problem = time stamp not made yet (it is tried again later): { $reason }
verify-matches = { $file }: its SHA-256 matches SHA256SUMS
verify-missing = { $file }: listed in SHA256SUMS but missing
verify-changed = { $file }: CHANGED, its SHA-256 is not the one in SHA256SUMS
verify-unlisted = { $file }: not listed in SHA256SUMS (added afterwards)
verify-differs = { $file }: does not match the SHA-256 that receipt.json names for it
verify-stamped = { $file }: time stamp holds ({ $when }, { $authority })
verify-stamp-fails = { $file }: time stamp does NOT hold: { $reason }
verify-no-stamp = { $file }: no time stamp in the file
verify-unstamped-note = Nothing shows when this file was made: it has no time stamp (no time-stamping authority was set).
verify-all-holds = Everything holds.
verify-something-off = { $count ->
    [one] One check does not hold.
   *[other] { $count } checks do not hold.
}

## The evidence file and time stamps in the window
save-proof = Save proof…
save-proof-hint = One ZIP file anyone can check: the mail as sent, its attachments, the delivery reports, the receipt, a PDF confirmation, checksums and time stamps.
proof-stamp = Time stamp of the receipt: { $authority }, { $when }
proof-stamp-waiting = No time stamp yet ({ $reason }); next try { $when }
proof-stamp-none = No time stamp: choose a time-stamping authority in Settings to have each receipt stamped.
toast-stamp-problem = Time stamps cannot be made: { $reason }
toast-proof-saved = Proof saved: { $path }
toast-copy-to-edit = A copy of the mail is open for editing. The failed mail stays in Failed with its record until you delete it.
toast-proof-no-fresh-stamp = The proof was saved without a fresh time stamp: { $reason }
toast-proof-failed = The proof could not be saved: { $reason }
settings-tsa = Time-stamping authority
settings-tsa-none = None
settings-tsa-other = Other (URL)
settings-tsa-url = Authority URL
settings-tsa-ca = Its CA file (PEM)
settings-tsa-qualified = qualified (eIDAS)
settings-tsa-own-root = needs its CA file
settings-tsa-note = Each receipt is time-stamped right after sending, and each saved proof, by this authority (RFC 3161): proof that it existed at that time, checkable with openssl.

## Invoices: templates, customers, bulk sheets
template-unclosed = the brace {"{"} at character { $at } is not closed (write {"{{"} for a brace)
template-unopened = the brace {"}"} at character { $at } closes nothing (write {"}}"} for a brace)
template-bad-name = {"{"}{ $name }{"}"} is not a placeholder name: use lowercase letters, digits and _
template-unknown = unknown placeholder {"{"}{ $name }{"}"}: use one of the standard fields or declare it as an extra field of the template
template-unknown-suggest = unknown placeholder {"{"}{ $name }{"}"}; did you mean {"{"}{ $suggestion }{"}"}?
template-missing = no value for the placeholder {"{"}{ $name }{"}"}
template-empty = a template needs a name and a subject
store-invoice-already-queued = invoice { $invoice } was already put in the buffer for this recipient as mail { $id }; to send it again on purpose, use "resend"
store-customer-exists = a customer with this name or tax id already exists: { $customer }
store-no-such-customer = no customer "{ $customer }"
bulk-no-file = no invoice file named
bulk-file-unreadable = cannot read { $path }: { $reason }
bulk-no-recipient = no address: give an e-mail column or a customer with an address
bulk-unknown-customer = no customer "{ $customer }" (add it under Customers, or give an e-mail column)
bulk-invalid-address = "{ $address }" is not a valid address: { $reason }
bulk-bounced-before = the last mail to { $address } did not arrive: { $why }
bulk-already-queued = invoice { $invoice } is already queued or sent to this address (mail { $id })
bulk-repeated = invoice { $invoice } to the same address is already on line { $line }
bulk-no-template = no template "{ $template }"
bulk-no-value = no value for {"{"}{ $field }{"}"} in this row
sheet-empty = the sheet is empty
sheet-not-utf8 = line { $line } is not UTF-8 text; save the sheet as "CSV UTF-8"
sheet-malformed = line { $line } cannot be read: { $reason }
sheet-duplicate-column = the column "{ $column }" appears twice
sheet-missing-column = the template ({ $language }) uses {"{"}{ $column }{"}"}, and the sheet has no column "{ $column }"
sheet-template = the template ({ $language }): { $reason }
batch-unreadable = cannot read { $path }: { $reason }
batch-pattern = the file-name pattern: { $reason }
batch-no-account = there is no account to send from; add one first
batch-which-account = there are several accounts; choose the one to send from (--account)
batch-bad-rows = { $count ->
    [one] one row cannot be put in the buffer
   *[other] { $count } rows cannot be put in the buffer
}
batch-not-a-file = not a file
cli-batch-row = line { $line }: { $problem }
cli-batch-refused = { $count ->
    [one] nothing was put in the buffer: one row has a problem (see above; --skip-bad puts the good rows in the buffer)
   *[other] nothing was put in the buffer: { $count } rows have problems (see above; --skip-bad puts the good rows in the buffer)
}
cli-batch-queued = { $count ->
    [one] one mail put in the buffer
   *[other] { $count } mails put in the buffer
}
cli-import-refused = { $count ->
    [one] nothing was imported: one row has a problem (see above)
   *[other] nothing was imported: { $count } rows have problems (see above)
}
cli-customers-imported = customers added: { $added }, updated: { $changed }
cli-customer-removed = customer { $customer } removed; its mails stay
cli-customer-no-name = a customer needs a name
cli-customer-no-email = customer { $customer } needs at least one address
cli-template-shipped = (shipped)
cli-no-template = no template "{ $template }" in language { $language }
customer-tax-id = Tax id
customer-email = E-mail
customer-cc = Copy to
customer-language = Language
customer-notes = Notes
customer-recent-mails = Recent mails:
field-invoice-number = Invoice
nav-invoices = Send invoices
nav-customers = Customers
nav-templates = Templates
bulk-title = Send invoices
bulk-hint = Drop the invoice PDFs on the window, with a CSV sheet that says where each goes, or choose them. Without a sheet, each file's customer is found by its name.
bulk-choose-files = Choose files…
bulk-sheet = sheet: { $sheet }
bulk-files = { $count ->
    [one] one invoice file
   *[other] { $count } invoice files
}
bulk-clear = Start over
bulk-template = Template
bulk-pattern = File names
bulk-check = Check
bulk-left-out = { $count ->
    [one] one row has a problem and is left out (its problems are in the last column); fix the sheet, or an address in the table, and check again
   *[other] { $count } rows have problems and are left out (their problems are in the last column); fix the sheet, or an address in the table, and check again
}
bulk-queue = { $count ->
    [one] Put one in buffer
   *[other] Put { $count } in buffer
}
bulk-col-line = Line
bulk-col-file = File
bulk-col-customer = Customer
bulk-col-to = To
bulk-col-subject = Subject
bulk-col-problems = Problems
customers-title = Customers
customers-new = New customer
customers-search = Search by name, tax id or address
customers-empty = No customers yet. Add one, or import a sheet with `stempel customer import`.
customer-name = Name
customer-language-window = as the window
customer-save = Save customer
customer-remove = Remove customer
templates-title = Templates
templates-new = New template
templates-shipped = shipped
templates-own = yours
template-name = Name
template-fields = Extra fields
template-placeholders = Placeholders: { $fields }, and the extra fields, filled from the sheet's columns of the same name.
template-save = Save template
template-remove = Remove (the shipped one comes back)
invoice-number-hint = e.g. FV/2026/11/001: not sent twice to the same address
bulk-to-of-line = To, line { $line }
customers-choose = Choose a customer to change it and see its mails.
templates-choose = Choose a template to change it.
