//! Accepting connections with limits, so that clients that misbehave
//! cannot stop the editor's own browser from being answered:
//!
//! - a connection must send a request's headers within
//!   [`ServeLimits::header_timeout`] (slowloris: headers sent a byte at a
//!   time, or never), which also closes idle kept-alive connections;
//! - a response that makes no progress for [`ServeLimits::write_timeout`]
//!   (a client that stopped reading) closes its connection;
//! - at most [`ServeLimits::max_connections`] are open at once (kept
//!   below the process's file limit); more wait for a free one.
//!
//! Layer 7 (serve): imports nothing of the crate.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Sleep;

use super::ServeLimits;

/// File descriptors kept free for everything else (the watcher, files
/// streamed to clients, the site's files read by a rebuild).
const SPARE_FILES: u64 = 128;

/// Serves `app` on `listener` until the runtime stops.
pub(crate) async fn serve(listener: TcpListener, app: Router, limits: ServeLimits) {
    let slots = Arc::new(Semaphore::new(connection_cap(limits.max_connections)));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors or a connection reset before it
                // was accepted: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(stream, app.clone(), limits.clone(), slot));
    }
}

async fn connection(
    stream: TcpStream,
    app: Router,
    limits: ServeLimits,
    _slot: OwnedSemaphorePermit,
) {
    let io = TokioIo::new(StallGuard::new(stream, limits.write_timeout));
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .serve_connection(io, TowerToHyperService::new(app))
        .await;
}

/// `wanted`, lowered to leave [`SPARE_FILES`] under the open-files limit.
fn connection_cap(wanted: usize) -> usize {
    #[cfg(unix)]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
        if let Some(limit) = limit {
            let fit = limit.saturating_sub(SPARE_FILES).max(SPARE_FILES / 2);
            return wanted
                .min(usize::try_from(fit).unwrap_or(usize::MAX))
                .max(1);
        }
    }
    wanted.max(1)
}

/// A connection whose writes fail once they made no progress for a while.
struct StallGuard {
    io: TcpStream,
    limit: Duration,
    /// Running while a write waits for the client to read.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl StallGuard {
    fn new(io: TcpStream, limit: Duration) -> StallGuard {
        StallGuard {
            io,
            limit,
            stalled: None,
        }
    }

    /// After a write returned `result`: progress resets the clock; waiting
    /// too long becomes an error that closes the connection.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if result.is_ready() {
            self.stalled = None;
            return result;
        }
        let limit = self.limit;
        let timer = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        ready!(timer.as_mut().poll(cx));
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "the client stopped reading",
        )))
    }
}

impl AsyncRead for StallGuard {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl AsyncWrite for StallGuard {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write(cx, buf);
        this.watch(cx, result)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.watch(cx, result)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_flush(cx);
        this.watch(cx, result)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_stays_under_the_file_limit() {
        #[cfg(unix)]
        if let Some(limit) = rustix::process::getrlimit(rustix::process::Resource::Nofile).current {
            assert!(
                connection_cap(usize::MAX) as u64
                    <= limit.saturating_sub(SPARE_FILES).max(SPARE_FILES / 2)
            );
        }
        assert_eq!(connection_cap(3), 3);
        assert_eq!(connection_cap(0), 1);
    }
}
