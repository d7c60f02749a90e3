//! Settings of common mail providers and what their users must know (plain data).
//!
//! The values are the providers' documented ones; `hint` is the guidance a user needs before
//! the first send (app passwords, enabling access for mail programs).

use crate::model::Security;

/// One provider's servers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub smtp: (&'static str, u16, Security),
    pub imap: (&'static str, u16, Security),
    pub hint: &'static str,
}

impl Preset {
    /// The hint in the user's language (key `preset-<id>`), English when not translated.
    #[must_use]
    pub fn hint_text(&self) -> String {
        crate::i18n::text(&format!("preset-{}", self.id)).unwrap_or_else(|| self.hint.to_owned())
    }
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "gmail",
        name: "Gmail / Google Workspace",
        smtp: ("smtp.gmail.com", 587, Security::Starttls),
        imap: ("imap.gmail.com", 993, Security::Tls),
        hint: "Gmail needs an app password: turn on 2-Step Verification, then create one under \
               Google account, Security, App passwords, and use it as this account's password",
    },
    Preset {
        id: "microsoft365",
        name: "Microsoft 365 / Exchange Online",
        smtp: ("smtp.office365.com", 587, Security::Starttls),
        imap: ("outlook.office365.com", 993, Security::Tls),
        hint: "the administrator must allow SMTP AUTH for this mailbox; with multi-factor sign-in \
               use an app password",
    },
    Preset {
        id: "outlook",
        name: "Outlook.com / Hotmail",
        smtp: ("smtp-mail.outlook.com", 587, Security::Starttls),
        imap: ("outlook.office365.com", 993, Security::Tls),
        hint: "with two-step verification use an app password from the Microsoft account's \
               security settings",
    },
    Preset {
        id: "seznam",
        name: "Seznam.cz",
        smtp: ("smtp.seznam.cz", 465, Security::Tls),
        imap: ("imap.seznam.cz", 993, Security::Tls),
        hint: "allow access for other mail programs in the Seznam mailbox settings; with \
               two-factor sign-in use an application password",
    },
    Preset {
        id: "wp",
        name: "WP Poczta",
        smtp: ("smtp.wp.pl", 465, Security::Tls),
        imap: ("imap.wp.pl", 993, Security::Tls),
        hint: "turn on access through mail programs (IMAP/SMTP) in the WP Poczta settings",
    },
    Preset {
        id: "o2",
        name: "o2.pl",
        smtp: ("poczta.o2.pl", 465, Security::Tls),
        imap: ("poczta.o2.pl", 993, Security::Tls),
        hint: "turn on access through mail programs (IMAP/SMTP) in the o2 Poczta settings",
    },
    Preset {
        id: "interia",
        name: "Interia Poczta",
        smtp: ("poczta.interia.pl", 465, Security::Tls),
        imap: ("poczta.interia.pl", 993, Security::Tls),
        hint: "turn on access through mail programs in the Interia Poczta settings; the user \
               name is the full e-mail address",
    },
    Preset {
        id: "onet",
        name: "Onet Poczta",
        smtp: ("smtp.poczta.onet.pl", 465, Security::Tls),
        imap: ("imap.poczta.onet.pl", 993, Security::Tls),
        hint: "turn on access for mail programs (IMAP, POP3, SMTP) in the Onet Poczta settings; \
               the user name is the full e-mail address",
    },
    Preset {
        id: "homepl",
        name: "home.pl",
        smtp: ("", 465, Security::Tls),
        imap: ("", 993, Security::Tls),
        hint: "type your server's name (such as serwer123456.home.pl) from the home.pl customer \
               panel into both server fields; the user name is the full e-mail address",
    },
    Preset {
        id: "nazwapl",
        name: "nazwa.pl",
        smtp: ("", 465, Security::Tls),
        imap: ("", 993, Security::Tls),
        hint: "type your server's name (such as server123456.nazwa.pl) from the nazwa.pl \
               customer panel into both server fields; the user name is the full e-mail address",
    },
    Preset {
        id: "centrum",
        name: "Centrum.cz",
        smtp: ("smtp.centrum.cz", 465, Security::Tls),
        imap: ("imap.centrum.cz", 993, Security::Tls),
        hint: "the user name is the full e-mail address; with two-step sign-in use an \
               application password",
    },
    Preset {
        id: "active24",
        name: "Active24",
        smtp: ("smtp.active24.com", 465, Security::Tls),
        imap: ("imap.active24.com", 993, Security::Tls),
        hint: "the user name is the full e-mail address",
    },
    Preset {
        id: "gmx",
        name: "GMX",
        smtp: ("mail.gmx.net", 587, Security::Starttls),
        imap: ("imap.gmx.net", 993, Security::Tls),
        hint: "turn on POP3/IMAP access under E-Mail settings, POP3 & IMAP, in the GMX mailbox",
    },
    Preset {
        id: "webde",
        name: "WEB.DE",
        smtp: ("smtp.web.de", 587, Security::Starttls),
        imap: ("imap.web.de", 993, Security::Tls),
        hint: "turn on POP3/IMAP access under E-Mail settings, POP3 & IMAP, in the WEB.DE mailbox",
    },
    Preset {
        id: "ionos",
        name: "IONOS",
        smtp: ("smtp.ionos.de", 587, Security::Starttls),
        imap: ("imap.ionos.de", 993, Security::Tls),
        hint: "use the full e-mail address as the user name (smtp.ionos.com / imap.ionos.com \
               outside Germany)",
    },
];

/// The preset with this id (case-insensitive).
#[must_use]
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_unique_and_secure() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(PRESETS[i + 1..].iter().all(|q| q.id != p.id), "{}", p.id);
            assert_ne!(p.smtp.2, Security::None, "{}", p.id);
            assert_ne!(p.imap.2, Security::None, "{}", p.id);
            assert!(!p.hint.is_empty());
        }
        assert_eq!(find("Gmail").map(|p| p.smtp.0), Some("smtp.gmail.com"));
        assert!(find("nope").is_none());
    }
}

/// A public time-stamping authority (RFC 3161 over HTTP) the settings offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TsaPreset {
    pub name: &'static str,
    pub url: &'static str,
    /// Listed as a qualified time-stamp service under eIDAS by its provider: its stamps carry
    /// the legal presumption of accuracy across the EU.
    pub qualified: bool,
    /// Its root is not among the system's: the CA file must be set beside it.
    pub own_root: bool,
}

/// Well-known free authorities. Public ones chain to the roots browsers trust, except where
/// `own_root` says otherwise.
pub const TSA_PRESETS: &[TsaPreset] = &[
    TsaPreset {
        name: "DigiCert",
        url: "http://timestamp.digicert.com",
        qualified: false,
        own_root: false,
    },
    TsaPreset {
        name: "Sectigo",
        url: "http://timestamp.sectigo.com",
        qualified: false,
        own_root: false,
    },
    TsaPreset {
        name: "Sectigo Qualified",
        url: "http://timestamp.sectigo.com/qualified",
        qualified: true,
        own_root: false,
    },
    TsaPreset {
        name: "GlobalSign",
        url: "http://timestamp.globalsign.com/tsa/r6advanced1",
        qualified: false,
        own_root: false,
    },
    TsaPreset {
        name: "Certum",
        url: "http://time.certum.pl",
        qualified: false,
        own_root: false,
    },
    TsaPreset {
        name: "FreeTSA",
        url: "https://freetsa.org/tsr",
        qualified: false,
        own_root: true,
    },
];
