//! What the rebuild thread publishes and the HTTP side reads: the served
//! files, the error panel, the build count, and the reload messages for
//! open tabs. The rebuild thread is the only writer.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use bytes::Bytes;
use tokio::sync::{Semaphore, broadcast};

use super::files::Copied;

/// What a served path holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    /// Bytes in memory.
    Bytes(Bytes),
    /// A file published as it is (static/, documents/), captured by the
    /// build (never a path read again at request time).
    Copied(Arc<Copied>),
}

/// Which open tabs should reload.
#[derive(Debug, Clone)]
pub(crate) enum Reload {
    /// Every tab (the overlay came or went, a style sheet changed).
    All,
    /// Tabs showing one of these output paths.
    Paths(Arc<Vec<String>>),
}

/// What the HTTP side reads.
#[derive(Debug, Default)]
pub(crate) struct Served {
    /// Output path → content.
    pub files: HashMap<String, Body>,
    /// The problems of the last build, as HTML to show over every page.
    pub overlay: Option<Arc<str>>,
    /// Builds finished (good or failed).
    pub builds: u64,
    /// True while a build runs.
    pub busy: bool,
}

/// Shared between the rebuild thread (the only writer) and the server.
pub(crate) struct Shared {
    pub served: RwLock<Served>,
    pub reload: broadcast::Sender<Reload>,
    /// Live-reload streams that may be open at once (one per open tab).
    pub event_streams: Arc<Semaphore>,
    /// The words of the pages the server adds (panel, placeholder).
    pub messages: crate::messages::Messages,
    /// What an [`super::Extension`] adds to every page, by request path.
    pub page_tag: Option<super::PageTag>,
}

impl Shared {
    pub(crate) fn new(max_event_streams: usize, lang: crate::messages::Lang) -> Self {
        Shared {
            served: RwLock::new(Served {
                busy: true,
                ..Served::default()
            }),
            reload: broadcast::channel(64).0,
            event_streams: Arc::new(Semaphore::new(max_event_streams)),
            messages: crate::messages::Messages::new(lang),
            page_tag: None,
        }
    }

    pub(crate) fn read(&self) -> std::sync::RwLockReadGuard<'_, Served> {
        self.served.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn write(&self) -> std::sync::RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn notify(&self, reload: Reload) {
        // No open tab means no receiver; nothing to do then.
        let _ = self.reload.send(reload);
    }
}
