//! Where Stempel keeps its files, and the user's preferences.
//!
//! The data folder (the database) and the config folder (`settings.toml`) come from the OS
//! conventions via `directories`; `--data-dir DIR` or `STEMPEL_DATA_DIR` puts both in one folder,
//! which is what tests and scripts want. Preferences are small and serde TOML; the domain
//! (accounts, mails) lives in the database, never here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("no home folder was found to keep Stempel's data in; pass --data-dir")]
    NoHome,
    #[error("cannot create the folder {path}: {source}")]
    CreateDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read the settings file {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the settings file {path} is not valid: {message}")]
    Parse { path: String, message: String },
    #[error("cannot write the settings file {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The folders Stempel uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    /// `override_dir` (from `--data-dir` or `STEMPEL_DATA_DIR`) wins over the OS defaults.
    pub fn resolve(override_dir: Option<&Path>) -> Result<Self, ConfigError> {
        if let Some(dir) = override_dir {
            return Ok(Self {
                data_dir: dir.to_path_buf(),
                config_dir: dir.to_path_buf(),
            });
        }
        let dirs = directories::ProjectDirs::from("", "", "stempel").ok_or(ConfigError::NoHome)?;
        Ok(Self {
            data_dir: dirs.data_dir().to_path_buf(),
            config_dir: dirs.config_dir().to_path_buf(),
        })
    }

    /// Makes the data and settings folders, private to the user (0700 on Unix: the mails,
    /// receipts and customers' addresses are nobody else's), and tightens what an earlier
    /// version or a copy left readable by others: each folder to 0700, each file directly in
    /// it to 0600 (SQLite makes its files by the umask, usually 0644: in a private folder that
    /// exposes nothing, so files are tightened without a word). Returns the folders that were
    /// open to others, for a notice. On Windows and macOS the
    /// platform's per-user folders already keep other users out.
    pub fn create(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let mut tightened = Vec::new();
        for dir in [&self.data_dir, &self.config_dir] {
            let fail = |source| ConfigError::CreateDir {
                path: dir.display().to_string(),
                source,
            };
            private::create_dir(dir).map_err(fail)?;
            private::tighten(dir, &mut tightened).map_err(fail)?;
        }
        tightened.dedup();
        Ok(tightened)
    }

    #[must_use]
    pub fn database(&self) -> PathBuf {
        self.data_dir.join("stempel.db")
    }

    #[must_use]
    pub fn settings(&self) -> PathBuf {
        self.config_dir.join("settings.toml")
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// The user's preferences. Unknown or missing keys fall back to defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `en`, `pl`, `cs`, `de`; `None` follows the OS.
    pub language: Option<String>,
    pub theme: Theme,
    /// Minutes between bounce checks.
    pub scan_interval_minutes: u32,
    /// The time-stamping authority (RFC 3161 over HTTP) that stamps each receipt right after
    /// sending and each evidence file; none by default. `STEMPEL_TSA_URL` overrides it.
    pub tsa_url: Option<String>,
    /// A CA file (PEM) the authority's signer may chain to besides the system's roots, for
    /// an authority outside them; `STEMPEL_TSA_CA_FILE` overrides it.
    pub tsa_ca_file: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            theme: Theme::System,
            scan_interval_minutes: 5,
            tsa_url: None,
            tsa_ca_file: None,
        }
    }
}

/// Where time stamps come from: the authority's URL and an extra CA file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TsaSetting {
    pub url: String,
    pub ca_file: Option<PathBuf>,
}

impl Settings {
    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.display().to_string(),
            message: e.message().to_owned(),
        })
    }

    /// The time-stamping authority to use: `STEMPEL_TSA_URL` (and `STEMPEL_TSA_CA_FILE`) when
    /// set, for scripts, else the settings'; `None` when neither names one.
    #[must_use]
    pub fn tsa(&self) -> Option<TsaSetting> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let url = env("STEMPEL_TSA_URL")
            .or_else(|| self.tsa_url.clone().filter(|u| !u.trim().is_empty()))?;
        let ca_file = env("STEMPEL_TSA_CA_FILE")
            .or_else(|| self.tsa_ca_file.clone().filter(|c| !c.trim().is_empty()))
            .map(PathBuf::from);
        Some(TsaSetting { url, ca_file })
    }

    /// Writes `path` atomically (a temporary file renamed over it).
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let err = |source| ConfigError::Write {
            path: path.display().to_string(),
            source,
        };
        let text =
            toml::to_string_pretty(self).map_err(|e| err(std::io::Error::other(e.to_string())))?;
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(err)?;
        std::fs::rename(&tmp, path).map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.toml");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let s = Settings {
            language: Some("pl".into()),
            theme: Theme::Dark,
            scan_interval_minutes: 15,
            tsa_url: Some("http://timestamp.digicert.com".into()),
            tsa_ca_file: None,
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), s);
        std::fs::write(&path, "theme = \"light\"\n").unwrap();
        let partial = Settings::load(&path).unwrap();
        assert_eq!(partial.theme, Theme::Light);
        assert_eq!(partial.scan_interval_minutes, 5);
        std::fs::write(&path, "theme = 7").unwrap();
        assert!(matches!(
            Settings::load(&path),
            Err(ConfigError::Parse { .. })
        ));
    }

    #[test]
    fn override_puts_everything_in_one_folder() {
        let p = Paths::resolve(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(p.database(), Path::new("/tmp/x/stempel.db"));
        assert_eq!(p.settings(), Path::new("/tmp/x/settings.toml"));
    }
}

/// Folders and files only their owner can read.
mod private {
    use std::path::{Path, PathBuf};

    #[cfg(unix)]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }

    #[cfg(not(unix))]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    /// `dir` to 0700 and the files in it to 0600 where others could read them.
    #[cfg(unix)]
    pub fn tighten(dir: &Path, tightened: &mut Vec<PathBuf>) -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        // Whether `path` was open to others (and is not any more).
        let private = |path: &Path, mode: u32| {
            let meta = std::fs::symlink_metadata(path)?;
            let open = meta.permissions().mode() & 0o077 != 0;
            if open {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
            }
            std::io::Result::Ok(open)
        };
        if private(dir, 0o700)? {
            tightened.push(dir.to_path_buf());
        }
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            // Files only: a link is left alone (it may point outside), folders are the user's.
            if entry.file_type()?.is_file() {
                private(&entry.path(), 0o600)?;
            }
        }
        Ok(())
    }

    #[cfg(not(unix))]
    pub fn tighten(_dir: &Path, _tightened: &mut Vec<PathBuf>) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)]
mod private_tests {
    use std::os::unix::fs::PermissionsExt;

    use super::Paths;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o777)
    }

    #[test]
    fn the_data_folder_is_private_and_a_wide_one_is_tightened() {
        let root = tempfile::tempdir().unwrap();
        let fresh = root.path().join("fresh");
        let paths = Paths::resolve(Some(&fresh)).unwrap();
        assert!(paths.create().unwrap().is_empty());
        assert_eq!(mode(&fresh), 0o700);

        let old = root.path().join("old");
        std::fs::create_dir(&old).unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
        let db = old.join("stempel.db");
        std::fs::write(&db, b"SQLite format 3").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        let paths = Paths::resolve(Some(&old)).unwrap();
        assert_eq!(paths.create().unwrap(), vec![old.clone()]);
        assert_eq!((mode(&old), mode(&db)), (0o700, 0o600));
        assert_eq!(
            std::fs::read(&db).unwrap(),
            b"SQLite format 3",
            "nothing else changed"
        );
        assert!(paths.create().unwrap().is_empty(), "told once");
    }
}
