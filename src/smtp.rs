//! SMTP: replies as data (pure), and later the client that records the conversation.

pub mod reply;
