//! The schema, as an append-only list of migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. A new migration is appended;
//! an applied one is never edited.

/// Migration `i` brings the schema from version `i` to `i + 1`.
pub(super) const MIGRATIONS: &[&str] = &[
    r"
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    from_name        TEXT,
    from_addr        TEXT NOT NULL,
    reply_to         TEXT,
    smtp_host        TEXT NOT NULL,
    smtp_port        INTEGER NOT NULL,
    smtp_security    TEXT NOT NULL CHECK (smtp_security IN ('starttls', 'tls', 'none')),
    smtp_user        TEXT NOT NULL,
    imap_host        TEXT,
    imap_port        INTEGER,
    imap_security    TEXT CHECK (imap_security IN ('starttls', 'tls', 'none')),
    imap_user        TEXT,
    imap_folders     TEXT NOT NULL DEFAULT '[]',
    password_command TEXT,
    ca_file          TEXT,
    created_at       INTEGER NOT NULL
);

CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts (id),
    state            TEXT NOT NULL
                     CHECK (state IN ('draft', 'queued', 'sending', 'sent', 'failed', 'uncertain')),
    envelope_id      TEXT NOT NULL UNIQUE,
    message_id       TEXT NOT NULL UNIQUE,
    from_name        TEXT,
    from_addr        TEXT NOT NULL,
    reply_to         TEXT,
    subject          TEXT NOT NULL,
    notify_delivery  INTEGER NOT NULL DEFAULT 0,
    read_receipt     INTEGER NOT NULL DEFAULT 0,
    sha256           TEXT,
    size             INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    queued_at        INTEGER,
    sent_at          INTEGER,
    attempt_count    INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    last_error       TEXT,
    queue_id         TEXT,
    CHECK (state = 'draft' OR sha256 IS NOT NULL)
);

-- The composed text, apart from the row whose state changes (see `bodies`).
CREATE TABLE texts (
    message_id       INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    body_text        TEXT NOT NULL,
    body_html        TEXT
);

-- The frozen bytes, apart from the row whose state changes: updating a message never
-- rewrites its body (SQLite rewrites a whole row, overflow pages included, on UPDATE).
CREATE TABLE bodies (
    message_id       INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    raw              BLOB NOT NULL
);
CREATE INDEX messages_state_due ON messages (state, next_attempt_at);
CREATE INDEX messages_created ON messages (created_at);
CREATE INDEX messages_from ON messages (from_addr);

CREATE TABLE recipients (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('to', 'cc', 'bcc')),
    address          TEXT NOT NULL,
    delivery_state   TEXT NOT NULL DEFAULT 'pending',
    status           TEXT,
    diagnostic       TEXT,
    delivery_at      INTEGER,
    UNIQUE (message_id, position)
);
CREATE INDEX recipients_address ON recipients (address);

CREATE TABLE attachments (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    filename         TEXT NOT NULL,
    mime_type        TEXT NOT NULL,
    size             INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    data             BLOB NOT NULL,
    UNIQUE (message_id, position)
);

CREATE TABLE attempts (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    server           TEXT,
    peer_address     TEXT,
    tls_version      TEXT,
    tls_cipher       TEXT,
    cert_subject     TEXT,
    cert_sha256      TEXT,
    cert_verified    INTEGER,
    data_end_sent    INTEGER NOT NULL DEFAULT 0,
    reply_code       INTEGER,
    enhanced_status  TEXT,
    reply_text       TEXT,
    queue_id         TEXT,
    outcome          TEXT CHECK (outcome IN ('sent', 'deferred', 'failed', 'uncertain')),
    error            TEXT,
    explanation      TEXT,
    transcript       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX attempts_message ON attempts (message_id);

CREATE TABLE delivery_events (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    recipient_id     INTEGER REFERENCES recipients (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    state            TEXT NOT NULL,
    status           TEXT,
    diagnostic       TEXT,
    reporting_mta    TEXT,
    remote_mta       TEXT,
    reported_at      INTEGER,
    matched_by       TEXT NOT NULL,
    report_sha256    TEXT NOT NULL,
    raw              BLOB NOT NULL,
    created_at       INTEGER NOT NULL,
    UNIQUE (report_sha256, recipient_id)
);
CREATE INDEX delivery_events_message ON delivery_events (message_id);

CREATE TABLE scan_state (
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    folder           TEXT NOT NULL,
    uidvalidity      INTEGER NOT NULL,
    last_uid         INTEGER NOT NULL,
    PRIMARY KEY (account_id, folder)
);
",
    // 2: the explanation's catalogue key beside its English text, so a receipt is shown in the
    // user's language; the list's date (sent, else created) gets an index for sorting and ranges.
    r"
ALTER TABLE attempts ADD COLUMN explanation_key TEXT;
CREATE INDEX messages_date ON messages (COALESCE(sent_at, created_at));
",
    // 3: the login method (a password, or an OAuth 2.0 token through SASL XOAUTH2).
    r"
ALTER TABLE accounts ADD COLUMN auth TEXT NOT NULL DEFAULT 'password'
    CHECK (auth IN ('password', 'xoauth2'));
",
    // 4: an uncertain mail settled by a report that proves the server had it (the report's
    // event); whether the server offered DSN when the mail was sent (the receipt says so).
    r"
ALTER TABLE messages ADD COLUMN settled_by INTEGER REFERENCES delivery_events (id);
ALTER TABLE attempts ADD COLUMN dsn_offered INTEGER;
",
    // 5: time stamps. Per sent mail, the receipt as it stood right after sending
    // (`receipt-at-send.json`, written once by the stamp job and never changed) and the
    // authority's RFC 3161 reply over its SHA-256, or why there is none yet. The row is made
    // in the transaction that makes the mail sent.
    r"
CREATE TABLE stamps (
    message_id       INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    receipt          BLOB,
    receipt_sha256   TEXT,
    token            BLOB,
    tsa_url          TEXT,
    tsa_name         TEXT,
    stamped_at       INTEGER,
    tries            INTEGER NOT NULL DEFAULT 0,
    next_try_at      INTEGER,
    last_error       TEXT
);
CREATE INDEX stamps_pending ON stamps (next_try_at) WHERE token IS NULL;
",
    // 6: accounts removed by the user. One with mails keeps its row (its sent mails and their
    // proof stay), hidden from the lists and renamed to free its name.
    r"
ALTER TABLE accounts ADD COLUMN removed_at INTEGER;
",
    // 7: invoices. A mail may carry an invoice number (the same number is not queued for the
    // same recipient twice without the user's say); customers with their addresses (an
    // address is found by its customer, and a customer's mails by their recipients); the
    // user's templates (a shipped template is in the code and shadowed by a stored one of the
    // same name and language).
    r"
ALTER TABLE messages ADD COLUMN invoice_number TEXT;
CREATE INDEX messages_invoice ON messages (invoice_number) WHERE invoice_number IS NOT NULL;

CREATE TABLE customers (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    tax_id           TEXT,
    tax_key          TEXT,
    language         TEXT,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_name ON customers (name COLLATE NOCASE);
CREATE UNIQUE INDEX customers_tax ON customers (tax_key) WHERE tax_key IS NOT NULL;

CREATE TABLE customer_addresses (
    customer_id      INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('to', 'cc')),
    address          TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (customer_id, position)
);
CREATE INDEX customer_addresses_address ON customer_addresses (address);

CREATE TABLE templates (
    name             TEXT NOT NULL,
    language         TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    fields           TEXT NOT NULL DEFAULT '[]',
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (name, language)
);
",
];
