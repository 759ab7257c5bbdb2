//! Watching the ladder's sources: file events under `book.toml`, `content/`, `templates/`
//! and `static/`, debounced into one [`Changes`] per save, each followed by a rebuild; a
//! watched folder replaced whole is watched again. The git repository's `HEAD`, branches and
//! tags are watched too, for the version the pages name.

use super::rebuild::{rebuild, Changes, Previous, Served};
use super::{failure, Options, BURST_LIMIT, DEBOUNCE, MID_SAVE, SETTLE, SETTLE_LIMIT};
use crate::diagnostic::Diagnostic;
use crate::load::is_editor_temp;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::broadcast;

/// How often `--poll` scans the watched folders.
const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// True when a change at `path` can change the site.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match first.as_ref() {
        // `ladder.lock` too: `build --accept-removals` run beside the preview accepts the
        // lost addresses the preview names.
        "book.toml" | crate::lock::FILE_NAME => rel.components().count() == 1,
        // The content walk skips editors' temporary files and folders too (a `.git/` inside
        // content/).
        "content" => !is_editor_temp(&name) && !parts.any(|p| is_editor_temp(&p)),
        "templates" => !is_editor_temp(&name),
        // Every file of static/ is copied to the site as it is, hidden ones included
        // (`.htaccess`, `.well-known/`), so every change there counts.
        "static" => true,
        _ => false,
    }
}

/// The git folder of the repository holding the ladder at `root` (canonical): the first
/// `.git` folder up from it. `None` outside git, and for a linked worktree, whose `.git` is
/// a file.
fn git_dir(root: &Path) -> Option<PathBuf> {
    crate::revision::git_entry(root).filter(|g| g.is_dir())
}

/// True when a change at `path`, inside the git folder `git`, can change the version the
/// pages name or the releases `/changes/` lists: `HEAD` (a commit, a checkout), a branch or
/// a tag, loose or packed. Not the index, which reading the version may itself write, nor
/// the objects or other remotes' branches, which a fetch writes.
fn names_release(git: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(git) else {
        return false;
    };
    let rel = rel.to_string_lossy();
    !rel.ends_with(".lock")
        && (rel == "HEAD"
            || rel == "packed-refs"
            || rel.starts_with("refs/heads/")
            || rel.starts_with("refs/tags/"))
}

/// Whether `ev` names a content file (Markdown) of the ladder that is now missing or empty:
/// what one step of an editor's save leaves for a moment (Vim renames the file away, then
/// writes it anew; some editors truncate it, then write it).
fn mid_save(root: &Path, ev: &notify::Result<notify::Event>) -> bool {
    let Ok(ev) = ev else {
        return false;
    };
    ev.paths.iter().any(|p| {
        relevant(root, p)
            && p.extension().is_some_and(|x| x == "md")
            && std::fs::metadata(p).map_or(true, |m| m.is_file() && m.len() == 0)
    })
}

/// Watches a folder again, under `RecursiveMode`: one created or replaced after start.
type Rewatch = dyn FnMut(&Path, RecursiveMode) + Send;

/// Starts watching; every settled batch of relevant changes rebuilds and notifies.
pub(super) fn watch(
    opts: &Options,
    site: Arc<RwLock<Served>>,
    events: broadcast::Sender<u64>,
    mut previous: Previous,
) -> Result<(), Diagnostic> {
    let root = std::fs::canonicalize(&opts.root)
        .map_err(|e| failure(format!("cannot open {}: {e}", opts.root.display()), ""))?;
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let handler = move |r: notify::Result<notify::Event>| {
        // Reads (an editor or a search opening files, the rebuild itself) change nothing, and
        // would only wake the rebuild thread.
        if !matches!(&r, Ok(ev) if matches!(ev.kind, EventKind::Access(_))) {
            let _ = tx.send(r);
        }
    };
    let mut dirs = vec![(root.clone(), RecursiveMode::NonRecursive)];
    for d in ["content", "templates", "static"] {
        dirs.push((root.join(d), RecursiveMode::Recursive));
    }
    // A commit or a tag changes the version every page names, and `/changes/`, while no
    // file of the ladder changes. Watched if it can be: the preview works without it.
    let git = git_dir(&root);
    let releases: Vec<(PathBuf, RecursiveMode)> = git
        .iter()
        .flat_map(|g| {
            [
                (g.clone(), RecursiveMode::NonRecursive),
                (g.join("refs"), RecursiveMode::Recursive),
            ]
        })
        .collect();
    // The watcher lives in the rebuild thread, which also watches folders created or
    // replaced later: the watch on a folder goes with the folder, not its name.
    let mut rewatch: Box<Rewatch> = if opts.poll {
        // Compare contents, not only modification times: notify's poller keeps mtimes in whole
        // seconds, so a save within a second of the last scan would otherwise be missed.
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        let mut d = notify::PollWatcher::new(handler, config)
            .map_err(|e| failure(format!("cannot watch files: {e}"), ""))?;
        for (dir, mode) in &dirs {
            if dir.exists() {
                d.watch(dir, *mode)
                    .map_err(|e| failure(format!("cannot watch {}: {e}", dir.display()), ""))?;
            }
        }
        for (dir, mode) in &releases {
            let _ = d.watch(dir, *mode);
        }
        Box::new(move |p: &Path, mode: RecursiveMode| {
            let _ = d.unwatch(p);
            let _ = d.watch(p, mode);
        })
    } else {
        let mut d = notify::recommended_watcher(handler)
            .map_err(|e| failure(format!("cannot watch files: {e}"), "try --poll"))?;
        for (dir, mode) in &dirs {
            if dir.exists() {
                d.watch(dir, *mode).map_err(|e| {
                    failure(format!("cannot watch {}: {e}", dir.display()), "try --poll")
                })?;
            }
        }
        for (dir, mode) in &releases {
            let _ = d.watch(dir, *mode);
        }
        Box::new(move |p: &Path, mode: RecursiveMode| {
            // Drops the watches of a folder moved away under this name, if any, so its
            // events are not taken for the new one's.
            let _ = d.unwatch(p);
            let _ = d.watch(p, mode);
        })
    };
    let watched_root = opts.root.clone();
    let poll = opts.poll;
    let mut git = git;
    std::thread::spawn(move || {
        // Each watched folder with the identity of the folder watched under its name.
        let mut watched: Vec<(PathBuf, Option<FolderId>)> = dirs[1..]
            .iter()
            .map(|(d, _)| (d.clone(), FolderId::of(d)))
            .collect();
        // A failed rebuild's version, not yet announced, and when the first failure since
        // the last announcement came: see [`SETTLE`].
        let mut unreported: Option<(u64, Instant)> = None;
        // A good rebuild held for losing published addresses (see `Previous::hold_losses`),
        // and when the first was held: it is built again once the files settle.
        let mut held: Option<Instant> = None;
        previous.hold_losses = true;
        // The version the open pages were last told of.
        let mut sent = site.read().unwrap_or_else(|e| e.into_inner()).version;
        // Polling sees a change up to one scan late: the files count as still only after
        // a scan more.
        let settle = if poll { SETTLE + POLL_INTERVAL } else { SETTLE };
        loop {
            let next = match (unreported, held) {
                (None, Some(since)) => {
                    match next_unless_settled(&rx, since, settle) {
                        Ok(ev) => Ok(ev),
                        Err(RecvTimeoutError::Timeout) => {
                            // Settled: served as it is, losses and all.
                            held = None;
                            previous.hold_losses = false;
                            let v = rebuild(
                                &watched_root,
                                &site,
                                false,
                                &mut previous,
                                &Changes::everything(),
                            );
                            previous.hold_losses = true;
                            if v != sent {
                                sent = v;
                                let _ = events.send(v);
                            }
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => Err(()),
                    }
                }
                (None, None) => rx.recv().map_err(|_| ()),
                (Some((v, since)), _) => {
                    // Events that bring no rebuild (a log file written beside the ladder)
                    // wait too, but not past SETTLE_LIMIT: files that never stop changing
                    // must not hide the errors for good.
                    match next_unless_settled(&rx, since, settle) {
                        Ok(ev) => Ok(ev),
                        Err(RecvTimeoutError::Timeout) => {
                            unreported = None;
                            if previous.report() && v != sent {
                                sent = v;
                                let _ = events.send(v);
                            }
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => Err(()),
                    }
                }
            };
            let Ok(first) = next else { break };
            // One rebuild per burst: take events until none comes for DEBOUNCE.
            let mut batch = vec![first];
            let started = Instant::now();
            while let Some(left) = BURST_LIMIT.checked_sub(started.elapsed()) {
                match rx.recv_timeout(DEBOUNCE.min(left)) {
                    Ok(ev) => batch.push(ev),
                    Err(_) => break,
                }
            }
            // A file the batch names that is gone or empty may be halfway through a save
            // (renamed away before the new one is written, truncated before it is written
            // again): its save is given a moment more to end.
            // Bounded by MID_SAVE, even for events that never pause (a file in static/
            // written to without end).
            let waited = Instant::now();
            while let Some(left) = MID_SAVE.checked_sub(waited.elapsed()) {
                if !batch.iter().any(|ev| mid_save(&root, ev)) {
                    break;
                }
                match rx.recv_timeout(left) {
                    Ok(ev) => {
                        batch.push(ev);
                        // The rest of that save: until its events pause.
                        while let Some(left) = MID_SAVE.checked_sub(waited.elapsed()) {
                            match rx.recv_timeout(DEBOUNCE.min(left)) {
                                Ok(ev) => batch.push(ev),
                                Err(_) => break,
                            }
                        }
                    }
                    Err(_) => break,
                }
            }
            let mut changes = Changes::default();
            let mut changed = false;
            // Whether an entry of the ladder's root changed: a folder may have been created,
            // deleted or replaced.
            let mut top_level = false;
            // The entries of the root created, removed or renamed: a folder deleted and made
            // again at once (`rm -rf content && cp -r saved content`) often gets the inode
            // the old one had, so its identity alone does not tell it was replaced.
            let mut replaced: Vec<PathBuf> = Vec::new();
            let content = root.join("content");
            for ev in batch {
                let Ok(ev) = ev else {
                    changed = true;
                    changes.everything = true;
                    continue;
                };
                if ev.need_rescan() {
                    // The watcher lost events (a full kernel queue): nobody knows what
                    // changed.
                    changed = true;
                    changes.everything = true;
                }
                for p in &ev.paths {
                    if git.as_deref().is_some_and(|g| names_release(g, p)) {
                        changed = true;
                        changes.outside = true;
                    }
                    if relevant(&root, p) {
                        changed = true;
                        match p.strip_prefix(&content) {
                            Ok(rel) => changes.content.push(rel.to_path_buf()),
                            Err(_) => changes.outside = true,
                        }
                    }
                    if p.parent() == Some(root.as_path()) {
                        top_level = true;
                        if matches!(
                            ev.kind,
                            EventKind::Create(_)
                                | EventKind::Remove(_)
                                | EventKind::Modify(notify::event::ModifyKind::Name(_))
                        ) {
                            replaced.push(p.clone());
                        }
                    }
                }
            }
            // A repository made after start (`git init` beside the content, for the first
            // release), or removed and made again: its commits and tags are followed from
            // now on. Its folder is watched whole, as `refs/` may not be made yet when `.git`
            // is seen.
            let git_replaced = replaced
                .iter()
                .any(|p| p.file_name() == Some(".git".as_ref()));
            if top_level && (git.is_none() || git_replaced) {
                let now = git_dir(&root);
                if let Some(g) = &now {
                    rewatch(g, RecursiveMode::Recursive);
                }
                if now.is_some() || git.is_some() {
                    changed = true;
                    changes.outside = true;
                }
                git = now;
            }
            // A folder created after start (say, templates/), or replaced by another under
            // its name (deleted and made again, or a rename-and-swap: a restore, a `git
            // checkout`, a sync tool), even within one batch: whatever the events said, the
            // folder now under the name is watched, and everything is read again.
            if top_level || changes.everything {
                for (dir, id) in &mut watched {
                    let now = FolderId::of(dir);
                    if now != *id || replaced.contains(dir) {
                        if now.is_some() {
                            rewatch(dir, RecursiveMode::Recursive);
                        }
                        *id = now;
                        changed = true;
                        changes.everything = true;
                    }
                }
            }
            if changed {
                // After a held build, the files it read are read again.
                if held.is_some() {
                    changes.everything = true;
                }
                let v = rebuild(&watched_root, &site, false, &mut previous, &changes);
                if previous.held() {
                    held = held.or(Some(Instant::now()));
                    continue;
                }
                held = None;
                if previous.failed() {
                    // Reported when the files settle, or at once past SETTLE_LIMIT (the
                    // wait at the top of the loop).
                    let since = unreported.map_or_else(Instant::now, |(_, since)| since);
                    unreported = Some((v, since));
                } else {
                    unreported = None;
                    // A rebuild that changed no page keeps the version: no reload to send.
                    if v != sent {
                        sent = v;
                        let _ = events.send(v);
                    }
                }
            }
        }
    });
    Ok(())
}

/// The next event of `rx`, or `Err(Timeout)` once none has come for `settle` (the files are
/// still), or at once when [`SETTLE_LIMIT`] has passed since `since`.
fn next_unless_settled<T>(
    rx: &std::sync::mpsc::Receiver<T>,
    since: Instant,
    settle: Duration,
) -> Result<T, RecvTimeoutError> {
    let left = SETTLE_LIMIT.saturating_sub(since.elapsed());
    if left.is_zero() {
        return Err(RecvTimeoutError::Timeout);
    }
    rx.recv_timeout(settle.min(left))
}

/// What tells one folder from another put under the same name: its device and inode on
/// Unix, its creation time elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FolderId(u64, u128);

impl FolderId {
    /// The identity of the folder at `path`; `None` when there is no folder there.
    fn of(path: &Path) -> Option<FolderId> {
        let m = std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FolderId(m.dev(), u128::from(m.ino())))
        }
        #[cfg(not(unix))]
        {
            let created = m
                .created()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(FolderId(0, created.as_nanos()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ladder_sources_count_as_changes() {
        let root = Path::new("/l");
        assert!(relevant(root, Path::new("/l/book.toml")));
        assert!(relevant(root, Path::new("/l/ladder.lock")));
        assert!(relevant(root, Path::new("/l/content/levels/a.md")));
        assert!(relevant(root, Path::new("/l/static/x.png")));
        assert!(!relevant(root, Path::new("/l/book/index.html")));
        assert!(!relevant(root, Path::new("/l/content/levels/.a.md.swp")));
        assert!(!relevant(root, Path::new("/l/content/levels/a.md~")));
        assert!(!relevant(root, Path::new("/l/content/4913")));
        assert!(!relevant(
            root,
            Path::new("/l/content/levels/a.md___jb_tmp___")
        ));
        assert!(!relevant(root, Path::new("/l/.git/index")));
        assert!(!relevant(root, Path::new("/l/content/.git/objects/ab")));
        assert!(relevant(root, Path::new("/l/content")));
        // static/ is copied whole, hidden files included, so they count there.
        assert!(relevant(root, Path::new("/l/static/.htaccess")));
        assert!(!relevant(root, Path::new("/l/templates/.level.html.swp")));
    }

    #[test]
    fn commits_and_tags_count_and_the_rest_of_git_does_not() {
        let git = Path::new("/r/.git");
        for p in [
            "HEAD",
            "packed-refs",
            "refs/heads/main",
            "refs/tags/v2",
            "refs/heads/a/b",
        ] {
            assert!(names_release(git, &git.join(p)), "{p}");
        }
        for p in [
            "index",
            "index.lock",
            "refs/heads/main.lock",
            "objects/ab/cd",
            "refs/remotes/origin/main",
            "FETCH_HEAD",
            "logs/HEAD",
        ] {
            assert!(!names_release(git, &git.join(p)), "{p}");
        }
        assert!(!names_release(git, Path::new("/r/content/HEAD")));
    }
}
