//! A git repository holding the example ladder, released and edited as the tests of
//! `ladderbook diff` and of the `/changes/` page need it.
#![allow(dead_code)]

use super::common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Runs git in `dir` with a fixed identity and no user or system configuration.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Commits everything in `dir` and tags it `tag`.
pub fn release(dir: &Path, tag: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", tag]);
    git(dir, &["tag", tag]);
}

pub const CRAFT: &str = "content/competencies/senior-engineer/craft.md";
pub const DELIVERY: &str = "content/competencies/senior-engineer/delivery.md";
pub const REWORDED_FROM: &str = "Leads the team through hard technical problems";
pub const REWORDED_TO: &str = "Guides the team through hard technical problems";
pub const REMOVED: &str = "Writes tests at the right level";
pub const ADDED: &str =
    "Runs a blameless review after each incident the team causes and shares what it taught.";

/// Replaces `from` by `to` in the file `rel` of `dir`, which must contain it.
pub fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The scenario: the example ladder in a git repository released as `v1`; one
/// expectation reworded by a word, one removed (both Senior Engineer, Technical craft), one
/// added (Senior Engineer, Delivery); released as `v2`.
pub fn two_releases() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    copy_ladder(&repo(), dir);
    git(dir, &["init", "-q"]);
    release(dir, "v1");
    edit(dir, CRAFT, REWORDED_FROM, REWORDED_TO);
    let craft = fs::read_to_string(dir.join(CRAFT)).unwrap();
    let kept: Vec<&str> = craft.lines().filter(|l| !l.contains(REMOVED)).collect();
    assert_eq!(kept.len() + 1, craft.lines().count());
    fs::write(dir.join(CRAFT), kept.join("\n") + "\n").unwrap();
    let delivery = fs::read_to_string(dir.join(DELIVERY)).unwrap();
    fs::write(dir.join(DELIVERY), format!("{delivery}- {ADDED}\n")).unwrap();
    release(dir, "v2");
    tmp
}
