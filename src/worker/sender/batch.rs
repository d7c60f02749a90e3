//! One batch: claim the due mails, group them per account, send each group on one session
//! (reopened when the server drops it, at most twice), and turn each mail's result into its
//! receipt.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;

use super::receipts::{Mark, MarkHooks, Pending, Receipts};
use super::retry::retry_or_give_up;
use super::session::{self, OpenFailure, Session, tls_record};
use super::{Event, MailReport, Options, Summary};
use crate::model::{Account, Dir, TranscriptLine};
use crate::smtp::client::{DataHooks, MailEnvelope, MailResult, Transcript};
use crate::smtp::error::{Phase, SmtpError};
use crate::smtp::explain::{Explanation, explain_error};
use crate::store::{AttemptRecord, Finish, Store, StoreError};

/// A claimed mail, as the batch needs it.
struct Due {
    id: i64,
    envelope: MailEnvelope,
    queued_at: Timestamp,
    attempts: u32,
}

/// Sends the due mails (all, or `only` these) and reports each as it ends.
pub(super) fn run(
    store: &mut Store,
    db: &Path,
    only: Option<&[i64]>,
    options: &Options,
    emit: &dyn Fn(Event),
) -> Result<Summary, StoreError> {
    let ids = store.claim_due(Timestamp::now(), only)?;
    let total = ids.len();
    emit(Event::BatchStarted { total });
    let mut by_account: BTreeMap<String, Vec<Due>> = BTreeMap::new();
    for id in ids {
        let m = store.due_mail(id)?;
        by_account.entry(m.account).or_default().push(Due {
            id,
            envelope: MailEnvelope {
                from: m.from,
                recipients: m.recipients,
                envelope_id: m.envelope_id,
                notify_success: m.notify_delivery,
            },
            queued_at: m.queued_at,
            attempts: m.attempt_count,
        });
    }
    let mut summary = Summary::default();
    let mut index = 0;
    let mut receipts = Receipts::new(db);
    let mut report = |report: MailReport| {
        summary.count(report.outcome);
        index += 1;
        emit(Event::MailDone(MailReport {
            index,
            total,
            ..report
        }));
    };
    for (account, mails) in by_account {
        let account = store.account(&account)?;
        send_account(store, &mut receipts, &account, mails, options, &mut report)?;
    }
    Ok(summary)
}

fn send_account(
    store: &mut Store,
    receipts: &mut Receipts,
    account: &Account,
    mails: Vec<Due>,
    options: &Options,
    report: &mut dyn FnMut(MailReport),
) -> Result<(), StoreError> {
    let server = format!("{}:{}", account.smtp.host, account.smtp.port);
    let mut session: Option<Session> = None;
    let mut reconnects = 0;
    // The server offered CHUNKING and refused BDAT: its later sessions use DATA.
    let mut without_chunking = false;
    let mut last_attempt = None;
    // Once a session cannot be opened, every remaining mail of the account shares that failure.
    let mut failure: Option<OpenFailure> = None;
    // The next mail's bytes, read while the server answers the one before.
    let mut prefetched = None;
    let mut mails = mails.into_iter().peekable();
    while let Some(mail) = mails.next() {
        if session.as_ref().is_none_or(|s| !s.client.is_usable()) && failure.is_none() {
            receipts.flush(store, report)?;
            if let Some(s) = session.take() {
                let _ = s.client.quit();
            }
            if reconnects > 1 {
                // The server keeps dropping the line: the rest waits for the next batch.
                let closed = SmtpError::Closed {
                    phase: Phase::Connect,
                };
                failure = Some(OpenFailure {
                    error: "the connection broke repeatedly".into(),
                    explanation: explain_error(&closed),
                    permanent: false,
                    transcript: Vec::new(),
                    reply: None,
                });
            } else {
                reconnects += 1;
                match session::open_after(account, options, Transcript::new(), !without_chunking) {
                    Ok(s) => session = Some(s),
                    Err(e) => failure = Some(e.into()),
                }
            }
        }
        match (&mut session, &failure) {
            (_, Some(f)) => {
                receipts.flush(store, report)?;
                finish_without_session(store, receipts, &server, &mail, f, report)?;
            }
            (Some(s), None) => {
                let mut sending = Sending {
                    account,
                    options,
                    without_chunking: &mut without_chunking,
                    next: mails.peek().map(|m| m.id),
                    prefetched: &mut prefetched,
                };
                last_attempt = Some(send_one(store, receipts, s, &mut sending, &mail, report)?);
            }
            (None, None) => {}
        }
    }
    receipts.flush(store, report)?;
    if let Some(s) = session {
        let start = s.client.transcript.lines.len();
        let transcript = s.client.quit();
        if let Some(attempt) = last_attempt {
            store.append_transcript(attempt, &transcript.since(start))?;
        }
    }
    Ok(())
}

/// What a mail is sent with besides its session.
struct Sending<'a> {
    account: &'a Account,
    options: &'a Options,
    without_chunking: &'a mut bool,
    /// The mail after this one, whose bytes are read while this one's reply is awaited.
    next: Option<i64>,
    prefetched: &'a mut Option<(i64, Vec<u8>)>,
}

/// The client's hooks for one mail: the mark's ([`MarkHooks`]), and, once the mail's end has
/// left, reading the next mail's bytes while the server answers (the server is busy then, the
/// sender idle: read before the next envelope, they held the server up).
struct MailHooks<'a, 'b> {
    marks: MarkHooks<'a>,
    next: Option<i64>,
    prefetched: &'b mut Option<(i64, Vec<u8>)>,
}

impl DataHooks for MailHooks<'_, '_> {
    fn data_accepted(&mut self) {
        self.marks.data_accepted();
    }

    fn before_data_end(&mut self) -> Result<(), String> {
        self.marks.before_data_end()
    }

    fn data_end_written(&mut self) {
        // A read that fails here is read again, and reported, when the mail's turn comes.
        if let Some(id) = self.next
            && let Ok(Some(raw)) = self.marks.store.raw(id)
        {
            *self.prefetched = Some((id, raw));
        }
    }
}

/// Sends one mail on an open session and hands its receipt to `receipts`; returns the
/// attempt id.
fn send_one(
    store: &mut Store,
    receipts: &mut Receipts,
    s: &mut Session,
    sending: &mut Sending<'_>,
    mail: &Due,
    report: &mut dyn FnMut(MailReport),
) -> Result<i64, StoreError> {
    let account = sending.account;
    receipts.start(Mark {
        message: mail.id,
        server: format!("{}:{}", account.smtp.host, account.smtp.port),
        started: Timestamp::now(),
    });
    // The frozen bytes, read while the mail before was answered, else now: a batch holds at
    // most two mails in memory, and the client a copy of the one it writes as a chunk.
    let raw = match sending.prefetched.take() {
        Some((id, raw)) if id == mail.id => raw,
        _ => store.raw(mail.id)?.unwrap_or_default(),
    };
    let mut transcript = s.setup.clone();
    let mut start = s.client.transcript.lines.len();
    let mut hooks = MailHooks {
        marks: MarkHooks { receipts, store },
        next: sending.next,
        prefetched: sending.prefetched,
    };
    let mut result = s.client.send_mail(&mail.envelope, &raw, &mut hooks);
    // Whether the first try's end left (kept in the record when the mail goes again).
    let first_end = result.data_end_sent;
    if matches!(result.result, Err(SmtpError::ChunkingRefused { .. })) {
        // The same mail, the same attempt and mark, on a new session with DATA.
        *sending.without_chunking = true;
        let earlier = s.client.take_transcript();
        let taken = earlier.lines.len();
        transcript.extend(earlier.since(start));
        match session::open_after(account, sending.options, earlier, false) {
            Ok(fresh) => {
                transcript.extend(fresh.setup.iter().cloned());
                *s = fresh;
                start = s.client.transcript.lines.len();
                result =
                    s.client
                        .send_mail(&mail.envelope, &raw, &mut MarkHooks { receipts, store });
            }
            Err(session::OpenError::Smtp(_, t)) => transcript.extend(t.since(taken)),
            Err(session::OpenError::Setup { error, .. }) => transcript.push(TranscriptLine {
                t_ms: transcript.last().map_or(0, |l| l.t_ms),
                dir: Dir::Info,
                line: format!("no new connection for DATA: {error}"),
            }),
        }
    }
    let closed = receipts.close(store, report)?;
    let mut record = tls_record(&s.client, account);
    record.data_end_sent = Some(result.data_end_sent || first_end);
    record.transcript = transcript;
    record.transcript.extend(s.client.transcript.since(start));
    let (finish, explanation, error) = outcome(&result, mail, &mut record);
    record.error.clone_from(&error);
    set_explanation(&mut record, explanation.as_ref());
    let receipt = Pending {
        attempt: closed.attempt,
        report: mail_report(mail.id, finish, record.queue_id.clone(), error, explanation),
        record,
        finish,
    };
    // A sent mail's receipt goes with the next mail's mark, or when the batch ends.
    let keep = closed.marked && finish == Finish::Sent && s.client.is_usable();
    receipts.finish(store, receipt, keep, report)?;
    if let Some(e) = closed.mark_error {
        return Err(StoreError::Corrupt(format!(
            "could not mark the end of data: {e}"
        )));
    }
    Ok(closed.attempt)
}

/// How the mail ended, what to tell the user, and the error; fills the reply into `record`.
fn outcome(
    result: &MailResult,
    mail: &Due,
    record: &mut AttemptRecord,
) -> (Finish, Option<Explanation>, Option<String>) {
    record.rcpt = result
        .rcpt
        .iter()
        .map(|r| (r.address.clone(), r.accepted, r.reply.clone()))
        .collect();
    match &result.result {
        Ok(reply) => {
            let r = reply.parsed();
            record.reply_code = Some(reply.code);
            record.enhanced_status.clone_from(&r.enhanced_status);
            record.reply_text = Some(r.text.clone());
            record.queue_id.clone_from(&r.queue_id);
            (Finish::Sent, None, None)
        }
        Err(e) => {
            if let Some(reply) = e.reply() {
                let r = reply.parsed();
                record.reply_code = Some(reply.code);
                record.enhanced_status.clone_from(&r.enhanced_status);
                record.reply_text = Some(r.text);
            }
            let finish = if result.data_end_sent && e.reply().is_none() {
                Finish::Uncertain
            } else if e.is_transient() {
                retry_or_give_up(mail.attempts, mail.queued_at)
            } else {
                Finish::Failed
            };
            (finish, Some(explain_error(e)), Some(e.to_string()))
        }
    }
}

fn set_explanation(record: &mut AttemptRecord, explanation: Option<&Explanation>) {
    record.explanation = explanation.map(|e| format!("{}; {}", e.meaning, e.advice));
    record.explanation_key = explanation.map(|e| e.key.to_owned());
}

fn mail_report(
    id: i64,
    finish: Finish,
    queue_id: Option<String>,
    error: Option<String>,
    explanation: Option<Explanation>,
) -> MailReport {
    MailReport {
        id,
        index: 0,
        total: 0,
        outcome: finish.outcome(),
        queue_id,
        error,
        explanation,
        next_attempt_at: finish.next_attempt_at(),
    }
}

/// The receipt of a mail whose session could not be opened: the failure, shared.
fn finish_without_session(
    store: &mut Store,
    receipts: &mut Receipts,
    server: &str,
    mail: &Due,
    failure: &OpenFailure,
    report: &mut dyn FnMut(MailReport),
) -> Result<(), StoreError> {
    let attempt = store.start_attempt(mail.id, server, Timestamp::now())?;
    let finish = if failure.permanent {
        Finish::Failed
    } else {
        retry_or_give_up(mail.attempts, mail.queued_at)
    };
    let parsed = failure
        .reply
        .as_ref()
        .map(crate::smtp::reply::Reply::parsed);
    let mut record = AttemptRecord {
        server: Some(server.to_owned()),
        error: Some(failure.error.clone()),
        transcript: failure.transcript.clone(),
        reply_code: failure.reply.as_ref().map(|r| r.code),
        enhanced_status: parsed.as_ref().and_then(|r| r.enhanced_status.clone()),
        reply_text: parsed.map(|r| r.text),
        ..AttemptRecord::default()
    };
    set_explanation(&mut record, Some(&failure.explanation));
    let receipt = Pending {
        attempt,
        record,
        finish,
        report: mail_report(
            mail.id,
            finish,
            None,
            Some(failure.error.clone()),
            Some(failure.explanation.clone()),
        ),
    };
    receipts.finish(store, receipt, false, report)
}
