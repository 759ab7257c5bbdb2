//! The temporary folders of imports that were killed before they finished: found by name
//! (`…ladderbook-import-<pid>`) and cleared once their process is gone.

use std::fs;
use std::path::Path;

/// Clears what an import killed before it finished left in `folder`: each folder named
/// `prefix` + a process id whose process is no longer running. A backup it holds of the
/// ladder's own `content/` or `book.toml` (`.old-content`, `.old-book.toml`: the import was
/// killed while swapping them) is put back when nothing has taken its place; a folder that
/// still holds a backup after that is left alone, so no author's file is ever deleted here.
/// Errors are ignored: the folder is cleared on a later run.
pub fn clear(folder: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let stale = entry.path();
        if running(pid) || !stale.is_dir() || stale.is_symlink() {
            continue;
        }
        let mut kept = false;
        for n in ["content", "book.toml"] {
            let backup = stale.join(format!(".old-{n}"));
            if backup.exists() {
                let restored =
                    !folder.join(n).exists() && fs::rename(&backup, folder.join(n)).is_ok();
                kept |= !restored;
            }
        }
        if !kept {
            let _ = fs::remove_dir_all(&stale);
        }
    }
}

/// Whether process `pid` is running (on Unix, signal 0 asks without sending anything; a
/// process of another user answers EPERM). Elsewhere every process counts as running, so
/// nothing is cleared.
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: kill with signal 0 only checks that the process exists.
    let signalled = unsafe { libc::kill(pid, 0) == 0 };
    signalled || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}
