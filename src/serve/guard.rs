//! What keeps the live preview from being used by anyone but its author: it answers only
//! requests addressed to it by a name or address it serves ([`Hosts`], against DNS
//! rebinding), closes connections that send their headers too slowly ([`HEADER_TIMEOUT`]),
//! and marks every response `X-Content-Type-Options: nosniff`.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// How long a client has to send a request's headers, from the start of the request (or of
/// the wait for the next one on a kept-alive connection). A browser on the same machine or
/// network sends them in well under a second; a client that holds connections open by
/// trickling bytes is cut off.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// The hosts `serve` answers to: the loopback names, the address it is bound to and the
/// hostname it was given with `-n`.
///
/// A web page on another site can make its visitor's browser send requests to the
/// preview's port with a name of its own that resolves to 127.0.0.1 (DNS rebinding) and read
/// the answers; such requests carry that name in `Host`, so they are refused with 421.
/// IP literals cannot be rebound, so when the preview listens on every address (`-n
/// 0.0.0.0`) any IP literal is accepted.
#[derive(Debug, Clone)]
pub struct Hosts {
    /// Accepted names, lowercase, without a trailing dot.
    names: Vec<String>,
    /// The address bound to.
    bound: IpAddr,
}

impl Hosts {
    /// The hosts of a server bound to `bound` after being asked for `hostname` (`-n`).
    pub fn new(hostname: &str, bound: IpAddr) -> Hosts {
        let mut names = vec!["localhost".to_string()];
        let asked = normalize(hostname);
        if !asked.is_empty() && asked.parse::<IpAddr>().is_err() {
            names.push(asked);
        }
        Hosts { names, bound }
    }

    /// True when a request whose `Host` is `host` (a name or address, with or without a
    /// port; `[…]` around IPv6) is addressed to this server.
    pub fn allows(&self, host: &str) -> bool {
        let name = normalize(strip_port(host));
        if self.names.contains(&name) || name.ends_with(".localhost") {
            return true;
        }
        let ip = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(&name);
        match ip.parse::<IpAddr>() {
            Ok(_) if self.bound.is_unspecified() => true,
            Ok(ip) if self.bound.is_loopback() => ip.is_loopback(),
            Ok(ip) => ip == self.bound,
            Err(_) => false,
        }
    }
}

/// `host:port` → `host`; `[v6]:port` → `[v6]`; a bare IPv6 address is kept whole.
fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |i| &host[..=i]);
    }
    match host.rsplit_once(':') {
        Some((h, port)) if !h.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    }
}

/// Lowercase, without surrounding spaces and a trailing dot (`Example.COM.` → `example.com`).
fn normalize(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The middleware every request goes through: refuses requests for another host with 421
/// (RFC 9110 §15.5.20: the request was sent to a server that will not answer for that
/// host), and adds `X-Content-Type-Options: nosniff` to every response.
pub async fn check(State(hosts): State<Hosts>, req: Request, next: Next) -> Response {
    // HTTP/1.1 carries the host in `Host`, or in the request target when it is absolute;
    // HTTP/1.0 may carry none, which a browser never does.
    let hosts_named = req
        .headers()
        .get_all(header::HOST)
        .iter()
        .map(|v| v.to_str().unwrap_or("\u{0}").to_string())
        .chain(req.uri().authority().map(|a| a.as_str().to_string()))
        .collect::<Vec<_>>();
    let mut response = match hosts_named.iter().find(|h| !hosts.allows(h)) {
        Some(host) => (
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "this preview does not answer for the host `{}`; open it by the address \
                 `ladderbook serve` printed\n",
                host.escape_debug()
            ),
        )
            .into_response(),
        None => next.run(req).await,
    };
    response.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Serves `app` on `listener` until the process stops, over HTTP/1.1 with a
/// [`HEADER_TIMEOUT`] on every request's headers (`axum::serve` sets none).
pub async fn run(listener: tokio::net::TcpListener, app: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: wait for connections to close, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// For a server bound to every address (`0.0.0.0`, `::`): the address other machines most
/// likely reach this one by (the source address of its default route), if it has one.
pub fn network_address(bound: SocketAddr) -> Option<IpAddr> {
    // Connecting a UDP socket sends nothing; it only picks the route and its source address.
    let (any, probe): (SocketAddr, SocketAddr) = if bound.is_ipv4() {
        (([0, 0, 0, 0], 0).into(), ([192, 0, 2, 1], 9).into())
    } else {
        (
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into(),
            ("2001:db8::1".parse::<IpAddr>().ok()?, 9).into(),
        )
    };
    let socket = std::net::UdpSocket::bind(any).ok()?;
    socket.connect(probe).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_and_addresses_served_are_answered() {
        let local = Hosts::new("127.0.0.1", "127.0.0.1".parse().unwrap());
        for ok in [
            "127.0.0.1",
            "127.0.0.1:3000",
            "localhost:3000",
            "LocalHost.",
            "app.localhost:3000",
            "[::1]:3000",
        ] {
            assert!(local.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:3000",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "192.168.1.5:3000",
            "",
            "\u{0}",
        ] {
            assert!(!local.allows(bad), "{bad}");
        }
        let all = Hosts::new("0.0.0.0", "0.0.0.0".parse().unwrap());
        assert!(all.allows("192.168.1.5:3000"));
        assert!(!all.allows("evil.example:3000"));
        let named = Hosts::new("devbox.lan", "192.168.1.5".parse().unwrap());
        assert!(named.allows("DEVBOX.lan:3000"));
        assert!(named.allows("192.168.1.5"));
        assert!(!named.allows("10.0.0.1"));
    }
}
