//! Serving the site from memory: every page with the live-reload script (and, after a
//! failed rebuild, the error overlay) inserted, the reload worker, and the stream of build
//! versions the open pages reload on.

use super::rebuild::Served;
use super::{EVENTS_PATH, WORKER_JS, WORKER_PATH};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

#[derive(Clone)]
pub(super) struct AppState {
    pub(super) site: Arc<RwLock<Served>>,
    pub(super) events: broadcast::Sender<u64>,
    /// The ladder's folder, whose book.toml's `site-url` names the sub-path of the published
    /// site (`/fernhill/ladder/`), which the preview serves at `/`: read when a request finds
    /// no page, so that an edit to it is followed.
    pub(super) root: std::path::PathBuf,
}

/// [`WORKER_JS`], never cached.
pub(super) async fn reload_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        WORKER_JS,
    )
}

/// The live-reload stream: an event `version` with the current build on connect, then a
/// `reload` event after every rebuild.
pub(super) async fn events_stream(State(state): State<AppState>) -> impl IntoResponse {
    let current = state.site.read().unwrap_or_else(|e| e.into_inner()).version;
    let rx = state.events.subscribe();
    let first = futures_util::stream::once(async move {
        Ok::<Event, Infallible>(Event::default().event("version").data(current.to_string()))
    });
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(v) => {
                    return Some((
                        Ok::<Event, Infallible>(
                            Event::default().event("reload").data(v.to_string()),
                        ),
                        rx,
                    ))
                }
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut resp = Sse::new(futures_util::StreamExt::chain(first, rest))
        .keep_alive(KeepAlive::default())
        .into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Maps a request path to a site path, refusing anything that could leave the site: `%XX`
/// escapes are decoded (RFC 3986 §2.1), and a path that is not UTF-8 or that has a `..`,
/// `\\` or NUL in it is refused.
pub fn site_path(uri_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(uri_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0']) || decoded.split('/').any(|s| s == "..") {
        return None;
    }
    let mut path = crate::links::resolve_relative("", &decoded)?;
    if decoded.ends_with('/') && !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// The site path a request for the published address `uri_path` stands for, where the
/// site-url's path `published_at` (`/fernhill/ladder/`, compared percent-decoded) starts it,
/// percent-encoded again for a `Location`; `None` at the root or elsewhere, or for a path
/// that would leave the site.
fn published(published_at: &str, uri_path: &str) -> Option<String> {
    if published_at == "/" {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(uri_path)
        .decode_utf8()
        .ok()?;
    let with_slash = format!("{decoded}/");
    let rest = with_slash.strip_prefix(published_at)?;
    // `/fernhill/ladder` is the site's root too.
    let rest = if decoded.ends_with('/') || rest.is_empty() {
        rest
    } else {
        rest.strip_suffix('/').unwrap_or(rest)
    };
    let path = site_path(&rest.replace('%', "%25"))?;
    Some(percent_encoding::utf8_percent_encode(&path, PATH).to_string())
}

/// What a redirect's path keeps escaped: what a path cannot hold as written.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%');

pub(super) async fn serve_file(State(state): State<AppState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = (
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served\n",
        )
            .into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let head = req.method() == Method::HEAD;
    let uri_path = req.uri().path().to_string();
    let site = state.site.read().unwrap_or_else(|e| e.into_inner());
    let found = site_path(&uri_path).and_then(|p| {
        let key = if p.is_empty() || p.ends_with('/') {
            format!("{p}index.html")
        } else {
            p.clone()
        };
        if let Some(f) = site.files.get(&key) {
            return Some(Ok((key, f.clone())));
        }
        if key == crate::permalink::DATA {
            if let Some(p) = &site.ladder {
                let data = site.data.get_or_init(|| {
                    Arc::new(
                        serde_json::to_vec(
                            &crate::site::data_export(&p.ladder).with_release(&p.site),
                        )
                        .unwrap_or_default(),
                    )
                });
                return Some(Ok((key, data.clone())));
            }
        }
        // `/levels/x` → `/levels/x/`, so relative links resolve. The address is made from
        // the site path, never from the request's: `//evil.example` must not become a
        // protocol-relative `Location: //evil.example/`.
        site.files
            .contains_key(&format!("{p}/index.html"))
            .then(|| Err(format!("/{p}/")))
    });
    // book.toml is read only when no page answers, and once.
    let moved = found
        .is_none()
        .then(|| published(&super::published_at(&state.root), &uri_path))
        .flatten();
    let (status, key, bytes) = match found {
        Some(Ok((key, bytes))) => (StatusCode::OK, key, bytes),
        Some(Err(location)) => {
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&location) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        // The published address of a page (`/fernhill/ladder/levels/x/`, as a bookmark or
        // the built 404 page has it): the preview serves that page at `/levels/x/`.
        None if moved.is_some() => {
            let query = req
                .uri()
                .query()
                .map(|q| format!("?{q}"))
                .unwrap_or_default();
            let location = moved.and_then(|p| HeaderValue::from_str(&format!("/{p}{query}")).ok());
            let mut r = StatusCode::TEMPORARY_REDIRECT.into_response();
            if let Some(v) = location {
                r.headers_mut().insert(header::LOCATION, v);
            }
            return r;
        }
        None => match site.files.get("404.html") {
            Some(b) => (StatusCode::NOT_FOUND, "404.html".to_string(), b.clone()),
            None => (
                StatusCode::NOT_FOUND,
                "404.html".to_string(),
                Arc::new(not_built_page().into_bytes()),
            ),
        },
    };
    let mime = mime_guess::from_path(&key).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body: Vec<u8> = if is_html {
        let error = site
            .error
            .as_deref()
            .map(|e| (e, site.errors, !site.files.is_empty()));
        let lost = site.lost.as_deref().filter(|_| error.is_none());
        inject(&bytes, site.version, error, lost)
    } else {
        bytes.to_vec()
    };
    drop(site);
    let content_type = if is_html || mime.type_() == "text" {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let len = body.len();
    let mut r = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn not_built_page() -> String {
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Not built yet</title></head><body style=\"font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem\"><main><h1>Nothing built yet</h1><p>The ladder has errors, so there is no site to show yet. Fix the errors listed below and in the terminal; this page reloads by itself once the ladder builds.</p></main></body></html>".to_string()
}

/// A panel over the bottom of the page, `<details id="…" open>` (the author can fold it to
/// read the page under it, with no script), with `title` (HTML) as its summary, in the ARIA
/// `role` given, over `diagnostics` set apart (see [`apart`]). `colours` are its background,
/// text and top border: the page's own styles do not reach it, as everything is inline.
fn panel(
    id: &str,
    (background, text, border): (&str, &str, &str),
    role: &str,
    title: &str,
    diagnostics: &str,
) -> String {
    let mut escaped = String::new();
    crate::escape::body_text(&mut escaped, &apart(diagnostics));
    format!(
        "<details id=\"{id}\" open style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:.75rem 1.25rem;background:{background};color:{text};font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;border-top:4px solid {border};box-shadow:0 -4px 24px rgba(0,0,0,.4)\"><summary style=\"cursor:pointer;font-size:15px;font-weight:bold;color:{text}\"><span role=\"{role}\" style=\"color:{text}\">{title}</span> <span style=\"font-weight:normal;opacity:.8\">(click to fold or open)</span></summary><pre style=\"white-space:pre-wrap;margin:.5rem 0 0;background:none;border:0;color:inherit\">{escaped}</pre></details>"
    )
}

/// `diagnostics` (as printed: each a `path:line:col: error: …` line, then its indented
/// hint) with a blank line between one and the next, so that the overlay shows where each
/// ends.
fn apart(diagnostics: &str) -> String {
    let mut out = String::with_capacity(diagnostics.len() + 64);
    let mut blank = true;
    for (i, line) in diagnostics.trim_end().lines().enumerate() {
        if i > 0 {
            out.push('\n');
            // A diagnostic starts at its path; a blank line inside a hint (before its
            // example) is already one.
            if !blank && !line.is_empty() && !line.starts_with(char::is_whitespace) {
                out.push('\n');
            }
        }
        blank = line.is_empty();
        out.push_str(line);
    }
    out
}

/// The live-reload script and, after a failed build, the error overlay, inserted before
/// `</body>` of a served HTML page. Never part of `build` output. `error` is the failed
/// build's diagnostics, how many of them are errors, and whether a good build is still
/// served; `lost`, after a good build, the published addresses it no longer has (see
/// [`super::Served::lost`]), shown in a panel of the same kind.
pub fn inject(
    html: &[u8],
    version: u64,
    error: Option<(&str, usize, bool)>,
    lost: Option<&str>,
) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let mut extra = String::new();
    if let Some(e) = lost {
        extra.push_str(&panel(
            "ladderbook-lost",
            ("#2e2608", "#fff4c2", "#f0c060"),
            "status",
            "Published addresses are lost: <code style=\"color:inherit;background:none\">ladderbook build</code> stops on them until each is fixed or accepted (see its hint).",
            e,
        ));
    }
    if let Some((e, n, served)) = error {
        let n = n.max(1);
        let title = format!(
            "The ladder has {n} error{}. {}",
            if n == 1 { "" } else { "s" },
            if served {
                "Still showing the last good build."
            } else {
                "It has not built yet."
            }
        );
        extra.push_str(&panel(
            "ladderbook-error",
            ("#2b0d0d", "#ffe9e9", "#ff5c5c"),
            "alert",
            &title,
            e,
        ));
    }
    // The reload script; then, a panel the author folded stays folded when the page reloads
    // after the next save (for this tab: sessionStorage), until they open it again, and a
    // page without it (a good build) ends the fold, so that the next error, a new one, opens
    // its panel.
    extra.push_str(&format!(
        r#"<script>(function(){{var v={version},k="ladderbook-scroll:"+location.pathname,s=sessionStorage.getItem(k);if(s){{sessionStorage.removeItem(k);var p=JSON.parse(s);var go=function(){{window.scrollTo(p[0],p[1]);}};go();addEventListener("load",go);}}var bar=null,show=function(){{if(bar||!document.body)return;bar=document.createElement("div");bar.id="ladderbook-stopped";bar.setAttribute("role","status");bar.style.cssText="position:fixed;inset:0 0 auto 0;z-index:2147483647;padding:.5rem 1rem;background:#3b3410;color:#fff4c2;font:15px/1.4 system-ui,sans-serif;text-align:center;border-bottom:3px solid #f0c060";bar.textContent="The preview has stopped: this is the page as it was last served. Start ladderbook serve again and this page reloads by itself.";document.body.appendChild(bar);document.body.style.marginTop=bar.offsetHeight+"px";}},hide=function(){{if(bar){{bar.remove();bar=null;document.body.style.marginTop="";}}}};addEventListener("resize",function(){{if(bar)document.body.style.marginTop=bar.offsetHeight+"px";}});var stop,on=function(d){{if(d==="stopped"){{show();return;}}hide();if(+d!==v){{sessionStorage.setItem(k,JSON.stringify([scrollX,scrollY]));stop();location.reload();}}}};var direct=function(){{var es=new EventSource("{EVENTS_PATH}");es.addEventListener("version",function(e){{on(e.data);}});es.addEventListener("reload",function(e){{on(e.data);}});es.onerror=function(){{on("stopped");}};stop=function(){{es.close();}};}};if(window.SharedWorker){{var w=new SharedWorker("{WORKER_PATH}");w.onerror=function(){{direct();}};w.port.onmessage=function(e){{on(e.data);}};w.port.start();stop=function(){{w.port.postMessage("bye");}};addEventListener("pagehide",stop);}}else{{direct();}}}})();(function(){{["ladderbook-error","ladderbook-lost"].forEach(function(id){{var d=document.getElementById(id),k="ladderbook-fold:"+id;if(!d){{sessionStorage.removeItem(k);return;}}if(sessionStorage.getItem(k)==="closed")d.open=false;d.addEventListener("toggle",function(){{if(d.open)sessionStorage.removeItem(k);else sessionStorage.setItem(k,"closed");}});}});}})();</script>"#
    ));
    match html.rfind("</body>") {
        Some(i) => format!("{}{}{}", &html[..i], extra, &html[i..]).into_bytes(),
        None => format!("{html}{extra}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_leave_the_site() {
        assert_eq!(site_path("/levels/x/").as_deref(), Some("levels/x/"));
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/style.css").as_deref(), Some("style.css"));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/levels/%2E%2E/%2E%2E/x",
            "/a\\..\\b",
            "/%ff",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_overlay_and_script_go_before_the_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            3,
            Some((
                "a.md:1:1: error: <bad>\n  hint: x\nb.md:2:1: error: worse\n",
                2,
                true,
            )),
            None,
        ))
        .unwrap();
        assert!(out.contains("a.md:1:1: error: &lt;bad&gt;"));
        // One error apart from the next (serve-break 26 L8).
        assert!(out.contains("  hint: x\n\nb.md:2:1: error: worse"), "{out}");
        assert!(out.contains("The ladder has 2 errors. Still showing the last good build."));
        assert!(out.ends_with("</script></body></html>"));
        assert!(out.contains("var v=3,"));
        // A blank line inside a hint, before its example, stays one (browser check 34 L9).
        let hint = "c.md:1:1: error: the file is empty\n  hint: start it, e.g.\n\n    +++\n    +++\nd.md:1:1: error: no\n";
        let out = String::from_utf8(inject(b"<body></body>", 1, Some((hint, 2, true)), None));
        let out = out.unwrap();
        assert!(out.contains("e.g.\n\n    +++\n    +++\n\nd.md"), "{out}");
    }
}
