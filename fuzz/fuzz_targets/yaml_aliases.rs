//! Fuzz target: YAML with anchors and aliases nested and repeated as the
//! fuzzer's bytes say (`bitimger::fuzz::yaml_aliases`), read as site.yaml,
//! club.yaml, a plan or front matter. A file that would grow past its limit
//! with its aliases written out is refused; one within it is not. Run with
//! `-rss_limit_mb` to catch a file that is copied out again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (walked, limit, diags) = bitimger::fuzz::yaml_aliases(data);
    let refused = |code: &str| diags.iter().any(|d| d.code == code);
    if walked > limit {
        assert!(refused("yaml/too-big") || refused("yaml/too-complex"));
    } else {
        assert!(!refused("yaml/too-big"));
    }
    for d in diags.iter().filter(|d| d.is_error()) {
        assert!(d.location.is_some(), "error without a file: {d}");
    }
});
