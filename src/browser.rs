//! Opening a page in the user's browser, for `serve --open`.

use std::process::{Command, Stdio};

/// Opens `url` in the default browser and waits for the opener to exit: `$BROWSER` when set,
/// else `open` (macOS), `rundll32 url.dll,FileProtocolHandler` (Windows) or `xdg-open`
/// (Linux, the BSDs), which hands the page to the desktop's browser and exits.
///
/// Waiting is what reaps the opener, so it never lingers as a defunct child of `serve`; run
/// this on a thread of its own, since some browsers started directly (`BROWSER=firefox`)
/// only return when they are closed.
///
/// # Errors
///
/// What went wrong, in words to show the user: the opener could not be started (`xdg-open`
/// is not installed), or it failed, with the last line it wrote to stderr (with no display,
/// `xdg-open` exits 3 and says "no method available for opening …").
pub fn open(url: &str) -> Result<(), String> {
    let (program, args): (String, &[&str]) = match std::env::var("BROWSER") {
        Ok(b) if !b.trim().is_empty() => (b, &[]),
        _ if cfg!(target_os = "macos") => ("open".into(), &[]),
        _ if cfg!(windows) => ("rundll32".into(), &["url.dll,FileProtocolHandler"]),
        _ => ("xdg-open".into(), &[]),
    };
    let out = Command::new(&program)
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    match stderr.lines().rev().map(str::trim).find(|l| !l.is_empty()) {
        Some(last) => Err(format!("{program} failed: {last}")),
        None => Err(format!("{program} failed ({})", out.status)),
    }
}
