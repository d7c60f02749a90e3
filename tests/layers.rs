//! The layer table of ARCHITECTURE.md, checked: every `crate::…` path in `src/` points to a
//! unit of the same layer or one below, and no two units import each other (directly or in a
//! circle). A unit is a top-level module, except `smtp`, whose parts sit in different layers.
#![allow(clippy::unwrap_used)] // test code: a failure should panic

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, top first; the same table as ARCHITECTURE.md's.
const LAYERS: &[(&str, &[&str])] = &[
    ("fronts", &["app", "cli"]),
    ("workers", &["worker", "outbox", "sandbox"]),
    (
        "protocol, store and other I/O",
        &[
            "smtp::client",
            "imap",
            "tls",
            "tsa",
            "store",
            "mail",
            "secrets",
            "config",
        ],
    ),
    (
        "pure parts and plain data",
        &[
            "bounce",
            "bulk",
            "smtp::reply",
            "smtp::explain",
            "smtp::error",
            "model",
            "i18n",
            "presets",
            "proof",
            "template",
            "text",
            "timestamp",
        ],
    ),
];

fn layer_of(unit: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, units)| units.contains(&unit))
}

/// The unit a module path (`smtp::client::wire`, `store::list`) belongs to.
fn unit_of(path: &[&str]) -> Option<String> {
    let first = *path.first()?;
    if first == "smtp" {
        return path.get(1).map(|second| format!("smtp::{second}"));
    }
    // Macros exported at the crate root: `crate::t!` is the i18n module's.
    if first == "t" {
        return Some("i18n".into());
    }
    Some(first.to_owned())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file: `src/smtp/client/wire.rs` → `smtp::client::wire`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|c| c != "mod")
        .collect()
}

/// Every `crate::a::b` path in a file's code (comments left out), as its segments.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let mut segments = Vec::new();
            let mut tail = after;
            loop {
                let end = tail
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(tail.len());
                if end == 0 {
                    // `crate::{a, b}` groups: each name in the braces is its own path.
                    if tail.starts_with('{') && segments.is_empty() {
                        let close = tail.find('}').unwrap_or(tail.len());
                        for name in tail[1..close].split(',') {
                            let name = name.trim().split("::").next().unwrap_or("").trim();
                            if !name.is_empty() {
                                out.push(vec![name.to_owned()]);
                            }
                        }
                    }
                    break;
                }
                segments.push(tail[..end].to_owned());
                tail = &tail[end..];
                match tail.strip_prefix("::") {
                    Some(t) if segments.len() < 2 => tail = t,
                    _ => break,
                }
            }
            if !segments.is_empty() {
                out.push(segments);
            }
            rest = after;
        }
    }
    out
}

/// `(from unit, to unit)` for every import across units.
fn edges() -> BTreeSet<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges = BTreeSet::new();
    for file in files {
        let module = module_of(&src, &file);
        let module: Vec<&str> = module.iter().map(String::as_str).collect();
        // The crate root and the binary name every module; they are not a layer.
        if matches!(module.as_slice(), ["lib" | "main"]) {
            continue;
        }
        // `smtp.rs` itself only declares its parts.
        let Some(from) = unit_of(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for path in crate_paths(&text) {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            let Some(to) = unit_of(&path) else { continue };
            if to != from {
                edges.insert((from.clone(), to));
            }
        }
    }
    edges
}

#[test]
fn imports_point_down_the_layer_table() {
    let mut wrong = Vec::new();
    for (from, to) in edges() {
        let (Some(a), Some(b)) = (layer_of(&from), layer_of(&to)) else {
            wrong.push(format!(
                "{from} -> {to}: a unit missing from the layer table"
            ));
            continue;
        };
        if b < a {
            wrong.push(format!(
                "{from} ({}) imports {to} ({}), a layer above",
                LAYERS[a].0, LAYERS[b].0
            ));
        }
        if a == 0 && b == 0 {
            wrong.push(format!("{from} -> {to}: one front calls the other"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Depth-first search for a back edge: the circle it closes, if any.
fn visit(
    node: &str,
    graph: &BTreeMap<String, BTreeSet<String>>,
    stack: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = stack.iter().position(|n| n == node) {
        let mut circle = stack[at..].to_vec();
        circle.push(node.to_owned());
        return Some(circle);
    }
    if done.contains(node) {
        return None;
    }
    stack.push(node.to_owned());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(c) = visit(next, graph, stack, done) {
            return Some(c);
        }
    }
    stack.pop();
    done.insert(node.to_owned());
    None
}

#[test]
fn no_import_circle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges() {
        graph.entry(from).or_default().insert(to);
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_path_reader_sees_groups_and_macros() {
    let paths = crate_paths(
        "use crate::smtp::client::{Client, X};\nlet a = crate::t!(\"k\"); // crate::app\nuse crate::{model, store::Store};",
    );
    let units: Vec<String> = paths
        .iter()
        .filter_map(|p| unit_of(&p.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    assert_eq!(units, ["smtp::client", "i18n", "model", "store"]);
}
