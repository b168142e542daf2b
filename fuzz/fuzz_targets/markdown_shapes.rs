//! Fuzz target: the Markdown shapes that once made rendering take minutes
//! (equal headings, many links, deep nesting, unclosed tags), built from
//! the fuzzer's bytes by `bitimger::fuzz::markdown_shape`. No panic, no
//! script or handler in the HTML, and it nests no deeper than the cap; run
//! with `-timeout` to catch a shape that is slow again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (_, html, diags) = bitimger::fuzz::markdown_shape(data);
    let lower = html.to_lowercase();
    for bad in ["<script", " onerror", "=\"javascript:", "<iframe"] {
        assert!(!lower.contains(bad), "{bad} survived sanitizing");
    }
    assert!(bitimger::fuzz::html_depth(&html) <= bitimger::fuzz::MAX_HTML_DEPTH);
    for d in diags.iter().filter(|d| d.is_error()) {
        assert!(d.location.is_some(), "error without a file: {d}");
    }
});
