//! Helpers of the `serve` tests: starting a server on a free loopback port over a copy of a
//! ladder, plain HTTP requests to it, bounded waits, saves the way editors make them, and
//! the live-reload event stream.
#![allow(dead_code)]

use crate::common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(10);

pub fn start() -> Server {
    start_with(&[])
}

pub fn start_with(extra: &[&str]) -> Server {
    let dir = tempfile::tempdir().unwrap();
    copy_ladder(&repo(), dir.path());
    start_in(dir, extra)
}

/// Serves the ladder already in `dir`.
pub fn start_in(dir: tempfile::TempDir, extra: &[&str]) -> Server {
    start_in_with(dir, extra, |_| {})
}

/// [`start_in`], with `setup` changing the command before it runs (environment, stderr).
pub fn start_in_with(
    dir: tempfile::TempDir,
    extra: &[&str],
    setup: impl FnOnce(&mut Command),
) -> Server {
    let port = free_port();
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("ladderbook"));
    command
        .arg("serve")
        .arg(dir.path())
        .arg("-p")
        .arg(port.to_string())
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    setup(&mut command);
    let child = command.spawn().unwrap();
    let server = Server { child, port, dir };
    wait_until("the server answers", || {
        get(&server, "/").is_some_and(|r| r.0 == 200)
    });
    server
}

/// Serves the ladder in `dir`, which does not build yet: once it answers at all.
pub fn start_broken(dir: tempfile::TempDir) -> Server {
    let port = free_port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
        .arg("serve")
        .arg(dir.path())
        .arg("-p")
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port, dir };
    wait_until("the server answers", || get(&server, "/").is_some());
    server
}

impl Server {
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// A plain HTTP/1.1 request; `(status, body)`.
pub fn request(server: &Server, method: &str, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).ok()?;
    s.set_read_timeout(Some(WAIT)).ok()?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    Some((
        status,
        text.split("\r\n\r\n").next().unwrap_or("").to_string() + "\r\n\r\n" + &body,
    ))
}

pub fn get(server: &Server, path: &str) -> Option<(u16, String)> {
    request(server, "GET", path)
}

pub fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting until {what}");
}

pub fn page_text(server: &Server, path: &str) -> String {
    get(server, path).map(|r| r.1).unwrap_or_default()
}

/// The build version a served page was rendered with (`var v=N` of the reload script).
pub fn version(server: &Server) -> u64 {
    let page = page_text(server, "/");
    page.split_once("var v=")
        .and_then(|(_, rest)| rest.split(',').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The error overlay of a served page, as text; empty when there is none.
pub fn overlay(server: &Server, path: &str) -> String {
    let page = page_text(server, path);
    page.split_once("id=\"ladderbook-error\"")
        .map(|(_, rest)| rest.split("</details>").next().unwrap_or("").to_string())
        .unwrap_or_default()
}

/// Saves the way many editors do: write a temp file beside the target, then rename it over.
pub fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Listens to the reload stream; returns a receiver of event names.
pub fn listen(server: &Server) -> std::sync::mpsc::Receiver<String> {
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        s,
        "GET /__ladderbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { return };
            if let Some(ev) = line.strip_prefix("event: ") {
                if tx.send(ev.to_string()).is_err() {
                    return;
                }
            }
        }
    });
    assert_eq!(
        rx.recv_timeout(WAIT).unwrap(),
        "version",
        "the stream starts with the current version"
    );
    rx
}

pub fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .collect();
    v.sort();
    v
}
