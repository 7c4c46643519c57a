//! The outbox is delivered over real SMTP: a small SMTP server in this test
//! receives what `miti serve` (with MITI_SMTP_URL) sends through lettre.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// Accepts SMTP sessions and keeps each message's DATA.
async fn smtp_sink(listener: TcpListener, inbox: Arc<Mutex<Vec<String>>>) {
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        let inbox = inbox.clone();
        tokio::spawn(async move {
            let (r, mut w) = socket.into_split();
            let mut lines = BufReader::new(r).lines();
            w.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
            let mut data: Option<String> = None;
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(buf) = data.as_mut() {
                    if line == "." {
                        inbox.lock().unwrap().push(data.take().unwrap());
                        w.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                    } else {
                        buf.push_str(&line);
                        buf.push('\n');
                    }
                    continue;
                }
                let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250 sink.test\r\n",
                    "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 2.1.0 ok\r\n",
                    "DATA" => {
                        data = Some(String::new());
                        b"354 end with .\r\n"
                    }
                    "QUIT" => {
                        w.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    }
                    _ => b"502 5.5.2 unknown\r\n",
                };
                w.write_all(reply).await.unwrap();
            }
        });
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_email_is_delivered_over_smtp() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(smtp_sink(listener, inbox.clone()));
    let smtp = format!("smtp://127.0.0.1:{port}");
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        &[
            ("MITI_SMTP_URL", &smtp),
            ("MITI_MAIL_FROM", "MITI <training@miti.test>"),
        ],
    )
    .await
    .unwrap();
    let anon = app.browser();
    let r = anon
        .post_form("/password-reset?lang=ko", &[("email", "staff@seoul.demo")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mut message = None;
    for _ in 0..100 {
        if let Some(m) = inbox.lock().unwrap().first().cloned() {
            message = Some(m);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let message = message.expect("the reset email reached the SMTP server");
    assert!(message.contains("To: staff@seoul.demo"), "{message}");
    assert!(
        message.contains("From: MITI <training@miti.test>"),
        "{message}"
    );
    // The body is base64 (Korean text); decode it to find the link.
    use base64::Engine;
    let (_, body) = message.split_once("\n\n").unwrap();
    let body: String = body.lines().collect();
    let body = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap(),
    )
    .unwrap();
    assert!(body.contains("/reset/"), "the link is in the body: {body}");
    assert!(
        body.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
        "in Korean: {body}"
    );
    // The outbox records the delivery.
    let admin = app.signed_in("admin@secretariat.demo").await;
    let mut sent = false;
    for _ in 0..50 {
        let (_, html) = admin.get_text("/outbox").await;
        if html.contains("staff@seoul.demo") && html.contains("Sent") {
            sent = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(sent, "the outbox shows the mail as sent");
}
