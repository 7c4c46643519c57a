//! Build-time checks of the Fluent files.
//!
//! `fluent_templates::static_loader!` embeds `locales/<code>/*.ftl` and
//! parses them lazily at run time, panicking on a syntax error or on a
//! message id defined twice in one locale. This script turns both into
//! compile errors, so a broken catalogue can never ship. It also makes cargo
//! rebuild when a .ftl file is added (the macro only tracks the files it
//! saw). Key parity between locales is checked by the unit tests: a missing
//! translation falls back to English and is not fatal.

use std::collections::BTreeMap;
use std::path::Path;

fn main() -> Result<(), String> {
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new("locales");
    let mut problems = Vec::new();
    let mut locales = read_dir_sorted(root)?;
    locales.retain(|p| p.is_dir());
    for dir in locales {
        let locale = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let locale = locale.unwrap_or_default();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for file in read_dir_sorted(&dir)? {
            if file.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{name}: {e}"))?;
            let resource = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for e in errors {
                        let line = text
                            .get(..e.pos.start)
                            .unwrap_or_default()
                            .lines()
                            .count()
                            .max(1);
                        problems.push(format!("{name}:{line}: {:?}", e.kind));
                    }
                    resource
                }
            };
            for entry in resource.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let id = m.id.name.to_owned();
                    if let Some(first) = seen.insert(id.clone(), name.clone()) {
                        problems.push(format!(
                            "{name}: message `{id}` is already defined in {first} ({locale})"
                        ));
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &problems {
        eprintln!("invalid Fluent file: {problem}");
    }
    Err(format!(
        "{} problem(s) in the .ftl files, listed above",
        problems.len()
    ))
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut paths = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    paths.sort();
    Ok(paths)
}
