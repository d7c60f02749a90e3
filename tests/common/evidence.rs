//! Evidence files as the tests take them apart: unpacked to a folder, read as entries, rebuilt
//! with one byte changed, and checked with `sha256sum -c` and `openssl ts -verify`.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

/// Every entry of `zip`: name and bytes, in order.
pub fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

/// A ZIP of `files` (name, bytes) in order.
pub fn zip_of(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `zip` unpacked into the folder `into`.
pub fn unzip(zip: &[u8], into: &Path) {
    for (name, bytes) in entries(zip) {
        let path = into.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// `zip` with one byte in the middle of `file` changed.
pub fn tampered(zip: &[u8], file: &str) -> Vec<u8> {
    let mut files = entries(zip);
    for (name, bytes) in &mut files {
        if name == file {
            let at = bytes.len() / 2;
            bytes[at] ^= 0x20;
        }
    }
    zip_of(&files)
}

/// `sha256sum -c --strict SHA256SUMS` and `openssl ts -verify` on both stamps, in the unpacked
/// folder `dir`, trusting `ca_file`.
pub fn check_with_standard_tools(dir: &Path, ca_file: &Path) {
    let sums = Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        sums.status.success(),
        "{}",
        String::from_utf8_lossy(&sums.stdout)
    );
    for data in ["receipt-at-send.json", "SHA256SUMS"] {
        let v = Command::new("openssl")
            .args([
                "ts",
                "-verify",
                "-data",
                data,
                "-in",
                &format!("{data}.tsr"),
                "-CAfile",
            ])
            .arg(ca_file)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            v.status.success(),
            "{data}: {}",
            String::from_utf8_lossy(&v.stderr)
        );
    }
}
