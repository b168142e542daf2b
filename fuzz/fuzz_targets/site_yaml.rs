//! Fuzz target: the site.yaml loader on any bytes must not panic, and every
//! error must name its file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let diags = bitimger::fuzz::site_yaml(data);
    for d in diags.iter().filter(|d| d.is_error()) {
        assert!(d.location.is_some(), "error without a file: {d}");
    }
});
