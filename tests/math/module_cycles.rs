//! No import cycles among the crate's modules, read from the source files themselves.
//!
//! Every file under `src/` is a module (`lib.rs` the root, `x/mod.rs` the module `x`). A file
//! depends on another when it names it by path: a `use` of `crate::…`, `super::…`, `self::…`
//! or of a child module, or the same paths written out in code (`crate::data::MAX_POINTS`).
//! Comments, doc comments and strings are left out, and a `mod x;` declaration is no
//! dependency (it is the tree itself). Two checks:
//!
//! 1. Between files: the graph has no cycle. A child's use of its own ancestor is an edge like
//!    any other, so a `mod.rs` that uses its children while they use it back is a cycle; the
//!    few such pairs the code has today, where a child file adds methods to the type its
//!    parent defines (`impl Lab` in `lab/training.rs`), are listed in [`SPLIT_IMPL`].
//! 2. Between folders: at every level of the tree, the subtrees under one parent, each taken
//!    as a whole, form no cycle (`optim/` must not use `surface.rs` while `surface.rs` uses
//!    `optim/`, whichever files carry the edges). A child's uses of its ancestors stay
//!    inside its own subtree at every level and so do not count here.
//!
//! `web/` (wasm32 only) is read like every other module.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Child → parent edges allowed to close a cycle with their parent: the child adds methods to
/// the type the parent defines (or, for `link::address`, returns the parent's `Refusal`) while
/// the parent holds the child's types. Nothing else may close one.
const SPLIT_IMPL: [(&str, &str); 10] = [
    ("data::csv", "data"),
    ("lab::csv", "lab"),
    ("lab::param", "lab"),
    ("lab::points", "lab"),
    ("lab::scene", "lab"),
    ("lab::snapshot", "lab"),
    ("lab::training", "lab"),
    ("race::charts", "race"),
    ("race::preset", "race"),
    ("link::address", "link"),
];

type Module = Vec<String>;

fn name(module: &[String]) -> String {
    if module.is_empty() { "crate".to_string() } else { module.join("::") }
}

/// Every `.rs` file under `dir`, keyed by its module path.
fn modules(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            modules(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().with_extension("");
            let mut module: Module = relative.iter().map(|c| c.to_string_lossy().into_owned()).collect();
            if module == ["lib"] || module.last().is_some_and(|last| last == "mod") {
                module.pop();
            }
            out.insert(module, fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code without comments, strings and character literals (each replaced by a space).
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (at(i + 1) == '"' || at(i + 1) == '#') && !at(i.wrapping_sub(1)).is_alphanumeric() {
            let mut hashes = 0;
            let mut j = i + 1;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() && !(chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            i = j + 1 + hashes;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal ('a', '"', '\n', '\u{..}'); a lifetime ('a) has no closing quote.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Identifiers and the punctuation paths are made of; everything else is one `.` token.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(if "{},;*".contains(c) { c.to_string() } else { ".".to_string() });
            i += 1;
        }
    }
    out
}

/// Expands the use tree starting at `tokens[*i]` into paths (each prefixed by `prefix`).
fn use_tree(tokens: &[String], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    while *i < tokens.len() {
        let t = tokens[*i].as_str();
        match t {
            "{" => {
                *i += 1;
                while *i < tokens.len() && tokens[*i] != "}" {
                    use_tree(tokens, i, &path, out);
                    if *i < tokens.len() && tokens[*i] == "," {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "::" => *i += 1,
            "*" => {
                *i += 1;
                out.push(path);
                return;
            }
            "as" => *i += 2,
            "," | "}" | ";" => {
                out.push(path);
                return;
            }
            _ => {
                path.push(t.to_string());
                *i += 1;
            }
        }
    }
}

/// The paths a file names: its use trees and the module paths written out in its code.
fn paths(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" && (i == 0 || tokens[i - 1] != "::") {
            i += 1;
            use_tree(tokens, &mut i, &[], &mut out);
            continue;
        }
        let starts = tokens[i].chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
        if starts && (i == 0 || tokens[i - 1] != "::") && tokens.get(i + 1).is_some_and(|t| t == "::") {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::") && tokens.get(j + 1).is_some_and(|t| t != "{" && t != "*") {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            out.push(path);
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// Every file's dependencies on other files.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    modules(&src, &src, &mut files);
    let mut edges = BTreeMap::new();
    for (module, source) in &files {
        let tokens = tokens(&code_only(source));
        let children: BTreeSet<&str> =
            tokens.windows(3).filter(|w| w[0] == "mod" && w[2] == ";").map(|w| w[1].as_str()).collect();
        let mut targets = BTreeSet::new();
        for path in paths(&tokens) {
            let absolute: Module = match path[0].as_str() {
                "crate" => path[1..].to_vec(),
                "self" => module.iter().chain(&path[1..]).cloned().collect(),
                "super" => {
                    let ups = path.iter().take_while(|s| *s == "super").count();
                    let base = &module[..module.len().saturating_sub(ups)];
                    base.iter().chain(&path[ups..]).cloned().collect()
                }
                first if children.contains(first) => module.iter().chain(&path).cloned().collect(),
                _ => continue,
            };
            let target = (0..=absolute.len()).rev().map(|k| absolute[..k].to_vec()).find(|m| files.contains_key(m));
            if let Some(target) = target.filter(|t| t != module) {
                targets.insert(target);
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

/// A cycle in `edges`, as the modules along it, if there is one.
fn find_cycle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            match marks.get(next) {
                Some(Mark::Open) => {
                    let start = stack.iter().position(|m| m == next).unwrap();
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(next, edges, marks, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in edges.keys() {
        if !marks.contains_key(node) {
            if let Some(cycle) = visit(node, edges, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

fn show(cycle: &[Module]) -> String {
    cycle.iter().map(|m| name(m)).collect::<Vec<_>>().join(" → ")
}

#[test]
fn the_files_import_each_other_in_no_cycle() {
    let mut edges = graph();
    for (child, parent) in SPLIT_IMPL {
        let module = |s: &str| -> Module { s.split("::").map(str::to_string).collect() };
        if let Some(targets) = edges.get_mut(&module(child)) {
            targets.remove(&module(parent));
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        panic!("import cycle between files: {}", show(&cycle));
    }
}

#[test]
fn the_folders_import_each_other_in_no_cycle() {
    let edges = graph();
    for parent in edges.keys() {
        // Each child subtree of `parent` as one node; edges between different subtrees.
        let subtree =
            |m: &Module| (m.len() > parent.len() && m.starts_with(parent)).then(|| m[..=parent.len()].to_vec());
        let mut collapsed: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
        for (from, targets) in &edges {
            let Some(a) = subtree(from) else { continue };
            for to in targets {
                if let Some(b) = subtree(to).filter(|b| *b != a) {
                    collapsed.entry(a.clone()).or_default().insert(b);
                }
            }
        }
        if let Some(cycle) = find_cycle(&collapsed) {
            panic!("import cycle between the modules under {}: {}", name(parent), show(&cycle));
        }
    }
}

#[test]
fn the_reader_sees_the_edges_the_code_has() {
    // Guards the parser itself: edges known to exist must be found, comments must not count.
    let edges = graph();
    let module =
        |s: &str| -> Module { if s == "crate" { Vec::new() } else { s.split("::").map(str::to_string).collect() } };
    let has = |from: &str, to: &str| edges[&module(from)].contains(&module(to));
    assert!(has("optim::sgd", "optim"), "super::{{LossFn, Optimizer}}");
    assert!(has("optim::settings", "optim::sgd"), "use super::sgd::Sgd");
    assert!(has("optim", "optim::method"), "method::Method written out in the trait, a child's path");
    assert!(has("surface", "field"), "crate::field::{{Field, fill_separable}}");
    assert!(has("race::error", "race::param"), "super::param::UnknownParam");
    assert!(!has("optim::run", "optim::run"), "no edge to itself");
    assert!(!has("optim::classifier", "optim::run"), "a path in a doc comment is no edge");
}
