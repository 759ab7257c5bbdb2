//! `ladderbook serve` under attack: a real server on a free port over a temp copy of the
//! example ladder, spoken to over raw TCP the way a hostile page, a rebinding DNS name or a
//! slow client would. Every wait is bounded.

mod common;
use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(10);

impl Server {
    /// Serves a copy of the example ladder with `extra` arguments.
    fn start(extra: &[&str]) -> Server {
        Server::start_with(|_| {}, extra)
    }

    /// [`Server::start`], with the ladder's copy changed by `setup` before the start.
    fn start_with(setup: impl FnOnce(&Path), extra: &[&str]) -> Server {
        // Beside the build, not in the system's temporary folder: on the disk a ladder is
        // kept on, a folder deleted and made again takes the old one's inode, which some
        // temporary file systems never give out twice.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        copy_ladder(&repo(), &dir.path().join("ladder"));
        setup(&dir.path().join("ladder"));
        let port = free_port();
        let out = std::fs::File::create(dir.path().join("stdout")).unwrap();
        let err = std::fs::File::create(dir.path().join("stderr")).unwrap();
        let child = Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
            .arg("serve")
            .arg(dir.path().join("ladder"))
            .arg("-p")
            .arg(port.to_string())
            .args(extra)
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .spawn()
            .unwrap();
        let server = Server { child, port, dir };
        let deadline = Instant::now() + WAIT;
        while server.get("/").0 != 200 {
            assert!(Instant::now() < deadline, "the server does not answer");
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    /// Sends `head` (request line and headers, without the blank line) to 127.0.0.1;
    /// returns the status and the response's head.
    fn send(&self, head: &str) -> (u16, String) {
        let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, String::new());
        };
        s.set_read_timeout(Some(WAIT)).unwrap();
        if write!(s, "{head}\r\nConnection: close\r\n\r\n").is_err() {
            return (0, String::new());
        }
        // Read the head only: the event stream never ends.
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        while !raw.windows(4).any(|w| w == b"\r\n\r\n") {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => raw.extend_from_slice(&buf[..n]),
            }
        }
        let text = String::from_utf8_lossy(&raw).into_owned();
        let head = text.split("\r\n\r\n").next().unwrap_or("").to_string();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head)
    }

    /// `GET path` with `Host: 127.0.0.1:<port>`, as a browser sends it.
    fn get(&self, path: &str) -> (u16, String) {
        self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}",
            self.port
        ))
    }

    fn output(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default()
    }
}

fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
    head.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.eq_ignore_ascii_case(name).then_some(v.trim())
    })
}

#[test]
fn a_path_starting_with_two_slashes_redirects_within_the_site() {
    let server = Server::start(&[]);
    for path in [
        "//levels/engineer-1",
        "///levels/engineer-1",
        "/levels//engineer-1",
    ] {
        let (status, head) = server.get(path);
        assert_eq!(status, 301, "{path}: {head}");
        assert_eq!(
            header(&head, "location"),
            Some("/levels/engineer-1/"),
            "{path}: {head}"
        );
    }
    // The redirect leads to the page.
    assert_eq!(server.get("/levels/engineer-1/").0, 200);
}

#[test]
fn requests_for_another_host_are_refused_and_every_response_is_nosniff() {
    let server = Server::start(&[]);
    let port = server.port;
    for path in [
        "/",
        "/levels/engineer-1/",
        "/__ladderbook/events",
        "/__ladderbook/reload-worker.js",
        "/style.css",
    ] {
        // A page of evil.example whose name now resolves to 127.0.0.1 (DNS rebinding).
        for host in [
            format!("evil.example:{port}"),
            "evil.example".into(),
            format!("127.0.0.1.nip.example:{port}"),
        ] {
            let (status, head) = server.send(&format!("GET {path} HTTP/1.1\r\nHost: {host}"));
            assert_eq!(status, 421, "{path} for {host}: {head}");
            assert_eq!(header(&head, "x-content-type-options"), Some("nosniff"));
        }
        // An absolute request target names the host too.
        let (status, _) = server.send(&format!(
            "GET http://evil.example:{port}{path} HTTP/1.1\r\nHost: 127.0.0.1:{port}"
        ));
        assert_eq!(status, 421, "absolute {path}");
        // The names the preview is opened by.
        for host in [
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            "LOCALHOST".into(),
        ] {
            let (status, head) = server.send(&format!("GET {path} HTTP/1.1\r\nHost: {host}"));
            assert_eq!(status, 200, "{path} for {host}: {head}");
            assert_eq!(
                header(&head, "x-content-type-options"),
                Some("nosniff"),
                "{path}: {head}"
            );
        }
    }
    // Not found, a redirect, a refused method: nosniff too.
    for (head, status) in [
        (
            format!("GET /no/such/page HTTP/1.1\r\nHost: localhost:{port}"),
            404,
        ),
        (
            format!("GET /levels/engineer-1 HTTP/1.1\r\nHost: localhost:{port}"),
            301,
        ),
        (
            format!("POST / HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Length: 0"),
            405,
        ),
    ] {
        let (got, h) = server.send(&head);
        assert_eq!(got, status, "{head}");
        assert_eq!(
            header(&h, "x-content-type-options"),
            Some("nosniff"),
            "{head}"
        );
    }
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let server = Server::start(&[]);
    let start = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    // Half a request, then a byte now and then: the connection stays busy but never done.
    write!(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    let mut buf = [0u8; 512];
    let closed = loop {
        std::thread::sleep(Duration::from_millis(500));
        let _ = s.write_all(b"X");
        s.set_nonblocking(true).unwrap();
        let r = s.read(&mut buf);
        s.set_nonblocking(false).unwrap();
        match r {
            // Closed, or a 408 answer before closing.
            Ok(_) => break true,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => break true,
        }
        if start.elapsed() > Duration::from_secs(15) {
            break false;
        }
    };
    let took = start.elapsed();
    assert!(closed, "the connection is still open after {took:?}");
    assert!(took < Duration::from_secs(9), "cut off only after {took:?}");
    // Others are still served.
    assert_eq!(server.get("/").0, 200);
}

#[test]
fn listening_beyond_this_machine_warns_and_prints_addresses_that_work() {
    let server = Server::start(&["-n", "0.0.0.0"]);
    let port = server.port;
    let deadline = Instant::now() + WAIT;
    while !server.output("stdout").contains("Watching") {
        assert!(Instant::now() < deadline, "nothing printed");
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = server.output("stdout");
    let err = server.output("stderr");
    assert!(
        out.contains(&format!("at http://127.0.0.1:{port}/")),
        "{out}"
    );
    assert!(
        err.contains("warning: listening on 0.0.0.0") && err.contains("hint: leave -n out"),
        "{err}"
    );
    // The network address, when the machine has one, is one the preview answers at.
    if let Some(url) = out
        .lines()
        .find_map(|l| l.strip_prefix("On your network: "))
    {
        let hostport = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let mut s = TcpStream::connect(&hostport).unwrap();
        s.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            s,
            "GET / HTTP/1.1\r\nHost: {hostport}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut text = String::new();
        let _ = s.read_to_string(&mut text);
        assert!(text.starts_with("HTTP/1.1 200"), "{url}: {text}");
    }

    // On loopback only, no warning.
    let local = Server::start(&[]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(!local.output("stderr").contains("warning"));
}

impl Server {
    fn root(&self) -> std::path::PathBuf {
        self.dir.path().join("ladder")
    }

    /// The whole answer to `GET path`, head and body.
    fn page(&self, path: &str) -> String {
        let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return String::new();
        };
        s.set_read_timeout(Some(WAIT)).unwrap();
        let _ = write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        );
        let mut text = String::new();
        let _ = s.read_to_string(&mut text);
        text
    }

    fn wait_for_text(&self, path: &str, text: &str) {
        let deadline = Instant::now() + WAIT;
        while !self.page(path).contains(text) {
            assert!(
                Instant::now() < deadline,
                "{path} never showed {text:?}; it shows:\n{}",
                self.page(path)
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Saves the way many editors do: a temp file beside the target, renamed over it.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_folder_replaced_at_once_is_watched_again() {
    folder_replaced_at_once(&[]);
}

#[test]
fn a_folder_replaced_at_once_is_watched_again_when_polling() {
    folder_replaced_at_once(&["--poll"]);
}

/// Swaps content/ and templates/ for new folders, each at once, then edits the new ones.
fn folder_replaced_at_once(extra: &[&str]) {
    let theme_page = std::fs::read_to_string(repo().join("templates/page.html")).unwrap();
    let marked = |n: u32| {
        theme_page.replacen(
            "{% block main %}",
            &format!("{{% block main %}}<!-- template {n} -->"),
            1,
        )
    };
    let server = Server::start_with(
        |root| {
            std::fs::create_dir(root.join("templates")).unwrap();
            std::fs::write(root.join("templates/page.html"), marked(1)).unwrap();
        },
        extra,
    );
    let root = server.root();
    let outside = server.dir.path();
    server.wait_for_text("/promotions/", "<!-- template 1 -->");

    // content/ swapped for a copy by two renames, back to back (a restore, a sync tool).
    copy_dir(&root.join("content"), &outside.join("content.new"));
    let level = |dir: &Path| dir.join("levels/engineer-1.md");
    let text = std::fs::read_to_string(level(&outside.join("content.new"))).unwrap();
    let titled = |t: &str| text.replacen("title = \"Engineer I\"", &format!("title = \"{t}\""), 1);
    std::fs::write(
        level(&outside.join("content.new")),
        titled("Engineer Swapped"),
    )
    .unwrap();
    std::fs::rename(root.join("content"), outside.join("content.old")).unwrap();
    std::fs::rename(outside.join("content.new"), root.join("content")).unwrap();
    server.wait_for_text("/levels/engineer-1/", "Engineer Swapped");
    // Edits in the new folder are seen; edits in the old one are not taken for them.
    save(
        &level(&outside.join("content.old")),
        &titled("Engineer Old"),
    );
    save(
        &level(&root.join("content")),
        &titled("Engineer Edited After The Swap"),
    );
    server.wait_for_text("/levels/engineer-1/", "Engineer Edited After The Swap");

    // content/ deleted and copied back at once (`rm -rf content && cp -r saved content`): the
    // new folder often takes the old one's inode (browser check 43, B43-01), and edits in it
    // were no longer seen.
    copy_dir(&root.join("content"), &outside.join("content.saved"));
    std::fs::remove_dir_all(root.join("content")).unwrap();
    copy_dir(&outside.join("content.saved"), &root.join("content"));
    std::thread::sleep(Duration::from_millis(600));
    save(
        &level(&root.join("content")),
        &titled("Engineer Restored Then Edited"),
    );
    server.wait_for_text("/levels/engineer-1/", "Engineer Restored Then Edited");

    // templates/ deleted and made again at once (a `git checkout` of another branch).
    std::fs::create_dir(outside.join("templates.new")).unwrap();
    std::fs::write(outside.join("templates.new/page.html"), marked(2)).unwrap();
    std::fs::remove_dir_all(root.join("templates")).unwrap();
    std::fs::rename(outside.join("templates.new"), root.join("templates")).unwrap();
    server.wait_for_text("/promotions/", "<!-- template 2 -->");
    save(&root.join("templates/page.html"), &marked(3));
    server.wait_for_text("/promotions/", "<!-- template 3 -->");
    assert!(!server.page("/levels/engineer-1/").contains("Engineer Old"));
}

#[test]
fn serving_a_folder_that_does_not_exist_says_so_once_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-ladder");
    let out = Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
        .arg("serve")
        .arg(&missing)
        .args(["-p", "0"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(&format!(
            "error: there is no folder {}\n",
            missing.display()
        )),
        "{err}"
    );
    assert!(!err.contains("still serving"), "{err}");
    assert_eq!(err.matches("error:").count(), 1, "{err}");
}

/// A served HTML page without what `serve` adds to it (the live-reload script, and the
/// error overlay, which a settled good build has not).
fn without_injection(page: &str) -> String {
    match page.rfind("<script>(function(){var v=") {
        Some(i) => {
            let end = page[i..]
                .find("</script>")
                .map_or(page.len(), |j| i + j + 9);
            format!("{}{}", &page[..i], &page[end..])
        }
        None => page.to_string(),
    }
}

/// The first page (by site path) where the server differs from `built`, a clean build of
/// the same files, with both texts; `None` when every page matches.
fn first_mismatch(server: &Server, built: &Path) -> Option<(String, String, String)> {
    for e in walkdir::WalkDir::new(built).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(built)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if !rel.ends_with(".html") || rel == "404.html" {
            continue;
        }
        let url = format!("/{}", rel.trim_end_matches("index.html"));
        let answer = server.page(&url);
        let body = answer.split_once("\r\n\r\n").map_or("", |x| x.1);
        let expected = std::fs::read_to_string(e.path()).unwrap();
        if !answer.starts_with("HTTP/1.1 200") || without_injection(body) != expected {
            return Some((url, expected, without_injection(body)));
        }
    }
    None
}

/// A bounded soak: bursts of random edits of the kinds authors and their tools make (edits
/// in place and by rename, pages added, renamed and deleted, content/ swapped whole), each
/// followed by a comparison of every served page with a clean build of the same files.
#[test]
fn after_every_burst_of_edits_the_served_site_is_the_clean_build() {
    let server = Server::start(&[]);
    let root = server.root();
    let outside = server.dir.path().to_path_buf();
    let mut r = Random(0x5eed_1234_abcd_0042);
    let competencies: Vec<std::path::PathBuf> =
        walkdir::WalkDir::new(root.join("content/competencies"))
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap().path().strip_prefix(&root).unwrap().to_path_buf())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
    let levels = [
        "engineer-1",
        "engineer-2",
        "senior-engineer",
        "staff-engineer",
    ];
    let mut free_pages: Vec<u32> = Vec::new();
    let mut gone: Vec<u32> = Vec::new();
    let bursts = 25;
    let mut edits = 0;
    for burst in 0..bursts {
        for _ in 0..1 + r.below(4) {
            edits += 1;
            let n = edits;
            match r.below(6) {
                // An expectation reworded, saved in place or by rename.
                0 | 1 => {
                    let file = root.join(&competencies[r.below(competencies.len())]);
                    let text = std::fs::read_to_string(&file).unwrap();
                    let text = text.replacen("\n- ", &format!("\n- Revision {n}: "), 1);
                    if r.below(2) == 0 {
                        std::fs::write(&file, text).unwrap();
                    } else {
                        save(&file, &text);
                    }
                }
                // A level renamed (its title shows on many pages).
                2 => {
                    let file = root.join(format!("content/levels/{}.md", levels[r.below(4)]));
                    let text = std::fs::read_to_string(&file).unwrap();
                    let start = text.find("title = \"").unwrap() + 9;
                    let end = start + text[start..].find('"').unwrap();
                    let text = format!("{}Level title {n}{}", &text[..start], &text[end..]);
                    save(&file, &text);
                }
                // A free page added, or one renamed or deleted.
                3 | 4 => match (free_pages.is_empty(), r.below(3)) {
                    (true, _) | (false, 0) => {
                        std::fs::write(
                            root.join(format!("content/notes-{n}.md")),
                            format!("+++\ntitle = \"Notes {n}\"\n+++\n\nWritten in edit {n}.\n"),
                        )
                        .unwrap();
                        free_pages.push(n);
                    }
                    (false, 1) => {
                        let old = free_pages.remove(r.below(free_pages.len()));
                        std::fs::rename(
                            root.join(format!("content/notes-{old}.md")),
                            root.join(format!("content/notes-{n}.md")),
                        )
                        .unwrap();
                        free_pages.push(n);
                        gone.push(old);
                    }
                    (false, _) => {
                        let old = free_pages.remove(r.below(free_pages.len()));
                        std::fs::remove_file(root.join(format!("content/notes-{old}.md"))).unwrap();
                        gone.push(old);
                    }
                },
                // content/ replaced whole by a copy with one more page, by two renames.
                _ => {
                    let copy = outside.join(format!("content-{n}"));
                    copy_dir(&root.join("content"), &copy);
                    std::fs::write(
                        copy.join(format!("notes-{n}.md")),
                        format!("+++\ntitle = \"Notes {n}\"\n+++\n\nBrought by a swap.\n"),
                    )
                    .unwrap();
                    free_pages.push(n);
                    std::fs::rename(root.join("content"), outside.join(format!("old-{n}")))
                        .unwrap();
                    std::fs::rename(&copy, root.join("content")).unwrap();
                }
            }
            std::thread::sleep(Duration::from_millis(r.below(12) as u64));
        }
        // A clean build of a copy of the same files (a build writes ladder.lock beside
        // book.toml, which the served ladder must not get), and the server given time to
        // settle on them.
        let copy = outside.join(format!("copy-{burst}"));
        copy_ladder(&root, &copy);
        let built = outside.join(format!("build-{burst}"));
        let status = Command::new(assert_cmd::cargo::cargo_bin("ladderbook"))
            .arg("build")
            .arg(&copy)
            .arg("-d")
            .arg(&built)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "burst {burst}: the clean build failed");
        let deadline = Instant::now() + WAIT;
        while let Some((url, expected, served)) = first_mismatch(&server, &built) {
            if Instant::now() > deadline {
                let at = expected
                    .bytes()
                    .zip(served.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(expected.len().min(served.len()));
                let lo = at.saturating_sub(200);
                panic!(
                    "burst {burst} ({edits} edits so far): {url} differs from a clean build at byte {at}:\nbuilt:  {}\nserved: {}",
                    expected.get(lo..(at + 200).min(expected.len())).unwrap_or(""),
                    served.get(lo..(at + 200).min(served.len())).unwrap_or(""),
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        for old in &gone {
            let status = server.get(&format!("/notes-{old}/")).0;
            assert_eq!(status, 404, "burst {burst}: /notes-{old}/ is still served");
        }
        std::fs::remove_dir_all(&built).unwrap();
        std::fs::remove_dir_all(&copy).unwrap();
    }
    assert!(edits >= bursts);
}
