//! Logging in: SASL PLAIN or LOGIN with a password, XOAUTH2 with a token. The secret never
//! reaches the transcript: it shows `****` in its place.

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::commands::Auth;

use super::Client;
use crate::model::AuthMethod;
use crate::secrets::Secret;
use crate::smtp::error::{Phase, SmtpError};

impl Client {
    /// AUTH with the best mechanism both sides know (PLAIN, then LOGIN).
    pub fn authenticate(
        &mut self,
        user: &str,
        password: &Secret,
        method: AuthMethod,
    ) -> Result<(), SmtpError> {
        if self.tls.is_none() && !self.peer.ip().is_loopback() {
            return Err(SmtpError::AuthWithoutTls);
        }
        if method == AuthMethod::Xoauth2 {
            return self.authenticate_xoauth2(user, password);
        }
        let mechanism = if self.extensions.auth.iter().any(|m| m == "PLAIN") {
            Mechanism::Plain
        } else if self.extensions.auth.iter().any(|m| m == "LOGIN") {
            Mechanism::Login
        } else {
            return Err(SmtpError::AuthNotOffered {
                offered: self.extensions.auth.join(" "),
            });
        };
        let credentials = Credentials::new(user.to_owned(), password.expose().to_owned());
        let auth =
            Auth::new(mechanism, credentials.clone(), None).map_err(|e| SmtpError::Protocol {
                phase: Phase::Auth,
                what: e.to_string(),
            })?;
        let shown = format!(
            "AUTH {mechanism}{}",
            if mechanism == Mechanism::Plain {
                " ****"
            } else {
                ""
            }
        );
        let mut reply = self.command_redacted(Phase::Auth, &auth.to_string(), &shown)?;
        let mut rounds = 0;
        while reply.code == 334 && rounds < 3 {
            rounds += 1;
            let challenge = lettre::transport::smtp::response::Response::new(
                lettre::transport::smtp::response::Code::new(
                    lettre::transport::smtp::response::Severity::PositiveIntermediate,
                    lettre::transport::smtp::response::Category::Unspecified3,
                    lettre::transport::smtp::response::Detail::Four,
                ),
                reply
                    .lines
                    .iter()
                    .map(|l| l.get(4..).unwrap_or("").to_owned())
                    .collect(),
            );
            let step = Auth::new_from_response(mechanism, credentials.clone(), &challenge)
                .map_err(|e| SmtpError::Protocol {
                    phase: Phase::Auth,
                    what: e.to_string(),
                })?;
            reply = self.command_redacted(Phase::Auth, &step.to_string(), "****")?;
        }
        if reply.code != 235 {
            return Err(SmtpError::Reply {
                phase: Phase::Auth,
                reply,
            });
        }
        Ok(())
    }

    /// SASL XOAUTH2 (Google's and Microsoft's OAuth 2.0 bearer login): the token goes in the
    /// initial response, which the transcript shows as `****`. A refusal comes as 334 with
    /// details in base64 JSON, answered with an empty line, then the final 5xx.
    fn authenticate_xoauth2(&mut self, user: &str, token: &Secret) -> Result<(), SmtpError> {
        if !self.extensions.auth.iter().any(|m| m == "XOAUTH2") {
            return Err(SmtpError::AuthNotOffered {
                offered: self.extensions.auth.join(" "),
            });
        }
        let credentials = Credentials::new(user.to_owned(), token.expose().to_owned());
        let auth =
            Auth::new(Mechanism::Xoauth2, credentials, None).map_err(|e| SmtpError::Protocol {
                phase: Phase::Auth,
                what: e.to_string(),
            })?;
        let mut reply =
            self.command_redacted(Phase::Auth, &auth.to_string(), "AUTH XOAUTH2 ****")?;
        if reply.code == 334 {
            reply = self.command_redacted(Phase::Auth, "\r\n", "")?;
        }
        if reply.code != 235 {
            return Err(SmtpError::TokenRefused { reply });
        }
        Ok(())
    }
}
