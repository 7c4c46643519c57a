//! A short-lived cache of the public pages anonymous visitors read most: the
//! catalogue, a programme's public page, the calendars, the organisation
//! pages and the public JSON API (docs/performance.md).
//!
//! An entry is a rendered `200` answer for one path-and-query in one
//! language, served only to visitors who are not signed in. It is fresh
//! while both hold:
//! - no write request (any method but GET, HEAD and OPTIONS) has finished in
//!   this process since it was rendered: [`track`] bumps a generation
//!   counter *after* each one, so a page rendered while a write was being
//!   committed is stale from birth;
//! - it is younger than the configured age (`public_cache_seconds`, 5 s by
//!   default), which bounds how long another server's or a command-line
//!   write can go unseen. An age of 0 turns the cache off.
//!
//! Only one request renders a missing page at a time; the others wait for
//! its answer instead of rendering it too (at 64 connections, 64 renders of
//! the catalogue at once used to cost 150 ms at p99 and 50 MB of memory).
//! When the entry is only too old (no write since), they are served it
//! meanwhile instead of waiting.
//!
//! Answers of 1 KB or more are kept gzip-compressed as well, for the
//! browsers that accept it (all of them): the catalogue's 78 KB travel as
//! about 9 KB, compressed once per render instead of once per request.
//!
//! Pages shown to visitors carry no CSRF token (base.html), but should one
//! ever carry one (a form on a public page), the cached body is kept split
//! around the token it was rendered with and each visitor's own token is put
//! back in: no visitor is ever served another's token. Such pages are not
//! compressed.

use crate::context::Req;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use miti_i18n::Locale;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// More distinct pages than this and the oldest generation is dropped: query
/// strings are the visitor's to choose, so the key space is not ours.
const MAX_ENTRIES: usize = 2_000;
/// Larger answers are served but not kept.
const MAX_BODY: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    locale: Locale,
}

/// One rendered answer.
struct Entry {
    generation: u64,
    rendered_at: Instant,
    status: StatusCode,
    headers: HeaderMap,
    /// The body, cut where the renderer's CSRF token was.
    pieces: Vec<Bytes>,
    /// The body gzip-compressed, when it is worth it and has no token.
    gzip: Option<Bytes>,
}

/// Smaller bodies are sent as they are.
const COMPRESS_FROM: usize = 1024;

fn compressible(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            t.starts_with("text/") || t.starts_with("application/json") || t.contains("+xml")
        })
}

fn gzip(body: &[u8]) -> Option<Bytes> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    encoder.write_all(body).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

/// Whether `Accept-Encoding` admits gzip (listed, and not with `q=0`).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

impl Entry {
    fn new(
        generation: u64,
        rendered_at: Instant,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        token: &str,
    ) -> Self {
        let pieces = split_around(body, token.as_bytes());
        let gzip = match pieces.as_slice() {
            [only] if only.len() >= COMPRESS_FROM && compressible(&headers) => gzip(only),
            _ => None,
        };
        Self {
            generation,
            rendered_at,
            status,
            headers,
            pieces,
            gzip,
        }
    }

    fn body_for(&self, token: &str) -> Bytes {
        match self.pieces.as_slice() {
            [only] => only.clone(),
            pieces => {
                let size =
                    pieces.iter().map(Bytes::len).sum::<usize>() + token.len() * (pieces.len() - 1);
                let mut out = Vec::with_capacity(size);
                for (i, piece) in pieces.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(token.as_bytes());
                    }
                    out.extend_from_slice(piece);
                }
                Bytes::from(out)
            }
        }
    }

    /// The answer for a visitor with CSRF token `token`, compressed if they
    /// accept gzip; `x-cache` says whether it was rendered for them (`miss`)
    /// or earlier (`hit`).
    fn response_for(&self, token: &str, gzip_ok: bool, hit: bool) -> Response {
        let compressed = self.gzip.as_ref().filter(|_| gzip_ok);
        let body = match compressed {
            Some(z) => z.clone(),
            None => self.body_for(token),
        };
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        *headers = self.headers.clone();
        if self.gzip.is_some() {
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        if compressed.is_some() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            headers.remove(header::CONTENT_LENGTH);
        }
        headers.insert(
            "x-cache",
            HeaderValue::from_static(if hit { "hit" } else { "miss" }),
        );
        response
    }
}

/// `body` in the pieces between the occurrences of `token` (one piece when
/// it has none, or when the token is empty).
fn split_around(body: Bytes, token: &[u8]) -> Vec<Bytes> {
    if token.is_empty() {
        return vec![body];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + token.len() <= body.len() {
        if &body[i..i + token.len()] == token {
            pieces.push(body.slice(start..i));
            i += token.len();
            start = i;
        } else {
            i += 1;
        }
    }
    pieces.push(body.slice(start..));
    pieces
}

/// The cache, shared by every request of one server.
pub struct PublicCache {
    max_age: Duration,
    generation: AtomicU64,
    entries: RwLock<HashMap<Key, Arc<Entry>>>,
    /// The page being rendered, per key: its lock is held while rendering.
    rendering: Mutex<HashMap<Key, Arc<tokio::sync::Mutex<()>>>>,
}

impl PublicCache {
    pub fn new(max_age: Duration) -> Self {
        Self {
            max_age,
            generation: AtomicU64::new(0),
            entries: RwLock::default(),
            rendering: Mutex::default(),
        }
    }

    /// The lock whose holder renders `key`.
    fn render_turn(&self, key: &Key) -> Arc<tokio::sync::Mutex<()>> {
        match self.rendering.lock() {
            Ok(mut m) => m.entry(key.clone()).or_default().clone(),
            // A poisoned map only costs the single flight.
            Err(_) => Arc::default(),
        }
    }

    /// Forgets `key`'s lock once nobody else holds or waits for it.
    fn end_turn(&self, key: &Key, turn: Arc<tokio::sync::Mutex<()>>) {
        if let Ok(mut m) = self.rendering.lock()
            && Arc::strong_count(&turn) <= 2
        {
            m.remove(key);
        }
    }

    fn enabled(&self) -> bool {
        !self.max_age.is_zero()
    }

    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Called after every write: everything kept so far is stale.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn fresh(&self, key: &Key, now: Instant) -> Option<Arc<Entry>> {
        self.unwritten(key)
            .filter(|e| now.saturating_duration_since(e.rendered_at) < self.max_age)
    }

    /// The entry of `key` if no write has finished since it was rendered,
    /// however old: served only while another request renders it anew.
    fn unwritten(&self, key: &Key) -> Option<Arc<Entry>> {
        let generation = self.generation();
        let entries = self.entries.read().ok()?;
        let entry = entries.get(key)?;
        (entry.generation == generation).then(|| entry.clone())
    }

    fn keep(&self, key: Key, entry: Entry) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES && !entries.contains_key(&key) {
            let current = self.generation();
            let max_age = self.max_age;
            entries.retain(|_, e| e.generation == current && e.rendered_at.elapsed() < max_age);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(key, Arc::new(entry));
    }

    /// How many answers are kept (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Outermost: makes the cache reachable to [`serve`] and invalidates it after
/// every write request, whatever its outcome.
pub async fn track(
    axum::extract::State(cache): axum::extract::State<Arc<PublicCache>>,
    mut request: Request,
    next: Next,
) -> Response {
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    request.extensions_mut().insert(cache.clone());
    let response = next.run(request).await;
    if writes {
        cache.invalidate();
    }
    response
}

/// Route layer of the cached public pages: answers anonymous GETs from the
/// cache, or renders, keeps and answers.
pub async fn serve(request: Request, next: Next) -> Response {
    let cache = request.extensions().get::<Arc<PublicCache>>().cloned();
    let viewer = request.extensions().get::<Req>().cloned();
    let (Some(cache), Some(viewer)) = (cache, viewer) else {
        return next.run(request).await;
    };
    if !cache.enabled()
        || request.method() != Method::GET
        || viewer.ctx.user.is_some()
        || viewer.via_api_token
    {
        return next.run(request).await;
    }
    let key = Key {
        path_and_query: viewer.path.clone(),
        locale: viewer.locale(),
    };
    let gzip_ok = accepts_gzip(request.headers());
    if let Some(entry) = cache.fresh(&key, Instant::now()) {
        return entry.response_for(&viewer.csrf, gzip_ok, true);
    }
    let turn = cache.render_turn(&key);
    let rendering = match turn.clone().try_lock_owned() {
        Ok(mine) => mine,
        Err(_) => {
            // Another request is rendering it. If only age made the entry
            // stale (no write since), serve it meanwhile instead of waiting.
            if let Some(entry) = cache.unwritten(&key) {
                cache.end_turn(&key, turn);
                return entry.response_for(&viewer.csrf, gzip_ok, true);
            }
            turn.clone().lock_owned().await
        }
    };
    let answer = match cache.fresh(&key, Instant::now()) {
        // Rendered by the request we waited for.
        Some(entry) => entry.response_for(&viewer.csrf, gzip_ok, true),
        None => render_and_keep(&cache, key.clone(), &viewer.csrf, gzip_ok, request, next).await,
    };
    drop(rendering);
    cache.end_turn(&key, turn);
    answer
}

async fn render_and_keep(
    cache: &PublicCache,
    key: Key,
    token: &str,
    gzip_ok: bool,
    request: Request,
    next: Next,
) -> Response {
    // Read before rendering: a write that commits meanwhile bumps it, and
    // the entry kept below is then already stale.
    let generation = cache.generation();
    let rendered_at = Instant::now();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    // Rendered pages have their whole body at hand; anything streamed or
    // large is passed on untouched.
    let small = response
        .body()
        .size_hint()
        .exact()
        .is_some_and(|n| n as usize <= MAX_BODY);
    if !small {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let entry = Entry::new(
        generation,
        rendered_at,
        parts.status,
        parts.headers,
        bytes,
        token,
    );
    let answer = entry.response_for(token, gzip_ok, false);
    cache.keep(key, entry);
    answer
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn key(path: &str) -> Key {
        Key {
            path_and_query: path.into(),
            locale: Locale::En,
        }
    }

    fn entry(cache: &PublicCache, body: &str, token: &str, at: Instant) -> Entry {
        Entry::new(
            cache.generation(),
            at,
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from(body.to_string()),
            token,
        )
    }

    #[test]
    fn the_token_is_cut_out_and_each_visitors_own_put_back() {
        let cache = PublicCache::new(Duration::from_secs(5));
        let e = entry(
            &cache,
            "<body t=\"AAA\"><input value=\"AAA\">AA",
            "AAA",
            Instant::now(),
        );
        assert_eq!(e.pieces.len(), 3);
        assert_eq!(
            e.body_for("zz").as_ref(),
            b"<body t=\"zz\"><input value=\"zz\">AA"
        );
        let plain = entry(&cache, "{\"items\":[]}", "AAA", Instant::now());
        assert_eq!(plain.pieces.len(), 1);
        assert_eq!(plain.body_for("zz").as_ref(), b"{\"items\":[]}");
        assert_eq!(split_around(Bytes::from("AAA"), b"AAA").len(), 2);
    }

    #[test]
    fn entries_go_stale_after_a_write_or_with_age() {
        let cache = PublicCache::new(Duration::from_secs(5));
        let now = Instant::now();
        cache.keep(key("/catalogue"), entry(&cache, "one", "t", now));
        assert!(cache.fresh(&key("/catalogue"), now).is_some());
        assert!(cache.fresh(&key("/catalogue?lang=ar"), now).is_none());
        assert!(
            cache
                .fresh(&key("/catalogue"), now + Duration::from_secs(5))
                .is_none(),
            "older than the age"
        );
        cache.invalidate();
        assert!(
            cache.fresh(&key("/catalogue"), now).is_none(),
            "after a write"
        );
        // Rendered before the write finished: kept, but never served.
        let before = Entry::new(
            cache.generation() - 1,
            now,
            StatusCode::OK,
            HeaderMap::new(),
            Bytes::from("old"),
            "t",
        );
        cache.keep(key("/catalogue"), before);
        assert!(cache.fresh(&key("/catalogue"), now).is_none());
    }

    #[test]
    fn gzip_is_chosen_from_accept_encoding() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            accepts_gzip(&h)
        };
        assert!(with("gzip, deflate, br, zstd"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(with("*"));
        assert!(!with("gzip;q=0, br"));
        assert!(!with("identity"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn large_text_answers_are_kept_compressed_too() {
        use std::io::Read;
        let page = "<li>Urban mobility in Seoul</li>".repeat(200);
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        let e = Entry::new(
            0,
            Instant::now(),
            StatusCode::OK,
            headers.clone(),
            Bytes::from(page.clone()),
            "token",
        );
        let z = e.gzip.clone().expect("compressed");
        assert!(z.len() < page.len() / 10);
        let mut back = String::new();
        flate2::read::GzDecoder::new(z.as_ref())
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, page);
        let r = e.response_for("token", true, true);
        assert_eq!(r.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(r.headers()[header::VARY], "accept-encoding");
        let r = e.response_for("token", false, true);
        assert!(r.headers().get(header::CONTENT_ENCODING).is_none());
        // Small answers, and answers with a token to put back, are not.
        let small = Entry::new(
            0,
            Instant::now(),
            StatusCode::OK,
            headers.clone(),
            "<p>hi</p>".into(),
            "t",
        );
        assert!(small.gzip.is_none());
        let with_token = format!("{page}<input value=\"secret\">");
        let e = Entry::new(
            0,
            Instant::now(),
            StatusCode::OK,
            headers,
            with_token.into(),
            "secret",
        );
        assert!(e.gzip.is_none());
    }

    #[test]
    fn the_key_space_is_bounded() {
        let cache = PublicCache::new(Duration::from_secs(60));
        let now = Instant::now();
        for i in 0..MAX_ENTRIES + 10 {
            cache.keep(
                key(&format!("/catalogue?q={i}")),
                entry(&cache, "x", "t", now),
            );
        }
        assert!(cache.len() <= MAX_ENTRIES);
        assert!(
            cache
                .fresh(&key(&format!("/catalogue?q={}", MAX_ENTRIES + 9)), now)
                .is_some()
        );
    }
}
