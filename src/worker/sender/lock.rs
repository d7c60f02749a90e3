//! One sender per data folder: an exclusive lock on `<database>.send-lock` for each batch.

use std::path::Path;

/// An exclusive lock on `<database>.send-lock`, held while a batch is sent (released on drop).
pub struct SendLock {
    _file: std::fs::File,
}

impl SendLock {
    /// Takes the lock, or says who holds it.
    pub fn acquire(db: &Path) -> Result<Self, String> {
        let path = db.with_extension("send-lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot open the send lock {}: {e}", path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(
                "another Stempel is sending from this data folder right now; try again when it \
                 has finished"
                    .into(),
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(format!("cannot take the send lock {}: {e}", path.display()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_sender_per_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("stempel.db");
        let held = SendLock::acquire(&db).unwrap();
        let second = SendLock::acquire(&db);
        assert!(second.is_err_and(|e| e.contains("another Stempel")));
        drop(held);
        assert!(SendLock::acquire(&db).is_ok());
    }
}
