//! Fuzz target: Markdown rendering and sanitizing on any bytes must not
//! panic, and no script, event handler or javascript: link may survive.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (html, _) = bitimger::fuzz::markdown(data);
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        " onerror",
        "=\"javascript:",
        "<iframe",
        "=\"data:",
    ] {
        assert!(!lower.contains(bad), "{bad} survived sanitizing");
    }
});
