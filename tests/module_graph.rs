//! The shape of `src/`: no top-level module uses one that uses it back, directly or through
//! others, so that each can be read (and changed) knowing only the modules below it.
//! A module's uses are its `crate::<module>` paths outside comments and outside its tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod common;

/// Top-level module → the top-level modules it uses, with the file of one such use.
fn uses() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = common::repo().join("src");
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for e in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = e.path().strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(e.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != top {
                    graph
                        .entry(top.clone())
                        .or_default()
                        .entry(name)
                        .or_insert_with(|| display(rel));
                }
            }
        }
    }
    graph
}

fn display(rel: &Path) -> String {
    format!("src/{}", rel.to_string_lossy())
}

/// A path of uses from `from` back to `from`, if there is one.
fn cycle_through(
    graph: &BTreeMap<String, BTreeMap<String, String>>,
    from: &str,
) -> Option<Vec<String>> {
    // Depth-first, remembering the path: the graph has a few dozen modules.
    fn go(
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(at).into_iter().flat_map(|m| m.keys()) {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if go(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![from.to_string()];
    go(graph, from, from, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let graph = uses();
    assert!(
        graph.len() > 20,
        "the scan found the modules of src/ ({} found)",
        graph.len()
    );
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_through(&graph, m))
        .map(|path| {
            let steps: Vec<String> = path
                .iter()
                .zip(path.iter().skip(1).chain(std::iter::once(&path[0])))
                .map(|(a, b)| format!("{a} → {b} ({})", graph[a][b]))
                .collect();
            steps.join(", ")
        })
        .collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}
