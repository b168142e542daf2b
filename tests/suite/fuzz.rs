//! Property tests of the loaders: the example site's files, mutated byte by
//! byte with a seeded generator, never make a loader panic, and every error
//! names its file. The same loaders are fuzz targets in fuzz/ (cargo-fuzz).

use std::panic::{AssertUnwindSafe, catch_unwind};

use bitimger::diag::Diagnostics;

use crate::harness::repo;

/// Cases per target; each runs in well under a millisecond.
const CASES: usize = 2000;

/// Bytes that matter to YAML, Markdown and HTML.
const INTERESTING: &[u8] = b":-\n \t{}[]&*!|>\"'#%@`<>/\\=?,.0123456789\xff\x00\r~";

fn mutate(rng: &mut fastrand::Rng, seed: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..rng.usize(1..=8) {
        let len = out.len().max(1);
        let at = rng.usize(..len).min(out.len());
        match rng.u8(..6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] = rng.u8(..);
            }
            1 => out.insert(at, INTERESTING[rng.usize(..INTERESTING.len())]),
            2 if !out.is_empty() => {
                let end = (at + rng.usize(..64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + rng.usize(..128)).min(out.len());
                let copy = out[at..end].to_vec();
                let to = rng.usize(..=out.len());
                out.splice(to..to, copy);
            }
            4 => {
                // An anchor and aliases: the start of an alias bomb.
                let bomb = b"\nx: &a [1, 2]\ny: [*a, *a, *a]\n";
                out.splice(at..at, bomb.iter().copied());
            }
            _ => out.truncate(at),
        }
    }
    out
}

fn run_target(name: &str, seeds: &[&str], target: impl Fn(&[u8]) -> Diagnostics) {
    let seeds: Vec<Vec<u8>> = seeds
        .iter()
        .map(|p| std::fs::read(repo().join(p)).unwrap())
        .collect();
    let mut rng = fastrand::Rng::with_seed(0x5E41_u64 ^ name.len() as u64);
    for case in 0..CASES {
        let seed = &seeds[case % seeds.len()];
        let input = mutate(&mut rng, seed);
        let result = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let diags = result.unwrap_or_else(|_| {
            panic!(
                "{name}: case {case} panicked on:\n{}",
                String::from_utf8_lossy(&input)
            )
        });
        for d in diags.iter().filter(|d| d.is_error()) {
            assert!(
                d.location.is_some(),
                "{name}: case {case}: error without a file: {d}\n{}",
                String::from_utf8_lossy(&input)
            );
        }
    }
}

#[test]
fn site_yaml_loader_survives_mutations() {
    run_target(
        "site.yaml",
        &["content/site.yaml"],
        bitimger::fuzz::site_yaml,
    );
}

#[test]
fn club_yaml_loader_survives_mutations() {
    run_target(
        "club.yaml",
        &[
            "content/clubs/senim/club.yaml",
            "tests/bad-inputs/leader-photo-outside/site/clubs/senim/club.yaml",
        ],
        bitimger::fuzz::club_yaml,
    );
}

#[test]
fn plan_loader_survives_mutations() {
    run_target(
        "plan",
        &["content/clubs/senim/plans/2025-2026.yaml"],
        bitimger::fuzz::plan_yaml,
    );
}

#[test]
fn front_matter_loader_survives_mutations() {
    run_target(
        "front matter",
        &[
            "content/clubs/senim/reports/2024-2025.kk.md",
            "content/clubs/senim/news/2025-03-14-trust-box.ru.md",
            "content/pages/about-mediation.kk.md",
        ],
        bitimger::fuzz::front_matter,
    );
}

#[test]
fn markdown_renderer_survives_mutations_and_stays_safe() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>[a](javascript:alert(1))<iframe src=//x></iframe><a href=\"data:text/html,x\">d</a>\n\n<img src=\"/\\evil.example/a.png\"><img src=\"ht&#x09;tps://evil.example/b.png\"> <a href=\"jav&#x09;ascript:alert(1)\">j</a> <input type=text>\n\n![c](//evil.example/c.png)\n";
    run_target(
        "markdown",
        &[
            "content/clubs/senim/about.kk.md",
            "content/pages/about-mediation.ru.md",
        ],
        |bytes| {
            let mut input = bytes.to_vec();
            input.extend_from_slice(hostile.as_bytes());
            let (html, diags) = bitimger::fuzz::markdown(&input);
            let lower = html.to_lowercase();
            // Literal text may mention them; no tag or attribute may hold them.
            for bad in [
                "<script",
                " onerror",
                "=\"javascript:",
                "<iframe",
                "=\"data:",
            ] {
                assert!(!lower.contains(bad), "{bad} survived sanitizing:\n{html}");
            }
            assert_reads_safe(&html);
            diags
        },
    );
}

/// Reads the HTML as a browser does: every image stays on the page's own
/// host, every link is a web, e-mail or phone link, and no form field but
/// a task-list checkbox is left.
fn assert_reads_safe(html: &str) {
    let page = url::Url::parse("https://site.test/kk/pages/p/").unwrap();
    let doc = scraper::Html::parse_fragment(html);
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let e = el.value();
        if let Some(src) = e.attr("src") {
            let host = page
                .join(src)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string));
            assert_eq!(
                host.as_deref(),
                Some("site.test"),
                "<{} src={src:?}>:\n{html}",
                e.name()
            );
        }
        if let Some(href) = e.attr("href") {
            let scheme = page.join(href).map(|u| u.scheme().to_string());
            assert!(
                scheme
                    .as_ref()
                    .is_ok_and(|s| ["http", "https", "mailto", "tel"].contains(&s.as_str())),
                "<a href={href:?}>:\n{html}"
            );
        }
        assert!(e.attr("srcset").is_none(), "{html}");
        if e.name() == "input" {
            assert!(
                e.attr("type") == Some("checkbox") && e.attr("disabled").is_some(),
                "{html}"
            );
        }
    }
}

/// Cases of the shape targets: each builds a text of up to a thousand
/// repetitions (tests/suite/hostile_parsers.rs runs the big ones), so they are
/// fewer than the mutation cases.
const SHAPE_CASES: usize = 120;

#[test]
fn markdown_shapes_render_safely_and_shallow() {
    let shapes = 15;
    let mut rng = fastrand::Rng::with_seed(0x5E42);
    for case in 0..SHAPE_CASES {
        let count = rng.u16(..1000);
        let mut bytes = vec![(case % shapes) as u8];
        bytes.extend_from_slice(&count.to_le_bytes());
        for _ in 0..rng.usize(..24) {
            bytes.push(INTERESTING[rng.usize(..INTERESTING.len())]);
        }
        let result = catch_unwind(AssertUnwindSafe(|| bitimger::fuzz::markdown_shape(&bytes)));
        let (text, html, diags) =
            result.unwrap_or_else(|_| panic!("shape case {case} panicked on {bytes:?}"));
        let lower = html.to_lowercase();
        for bad in ["<script", " onerror", "=\"javascript:", "<iframe"] {
            assert!(!lower.contains(bad), "case {case}: {bad} survived");
        }
        let deepest = bitimger::fuzz::html_depth(&html);
        assert!(
            deepest <= bitimger::fuzz::MAX_HTML_DEPTH,
            "case {case} ({} bytes of {:?}): HTML {deepest} deep",
            text.len(),
            &text[..text.len().min(40)]
        );
        for d in diags.iter().filter(|d| d.is_error()) {
            assert!(
                d.location.is_some(),
                "case {case}: error without a file: {d}"
            );
        }
    }
}

#[test]
fn yaml_aliases_are_refused_exactly_past_the_limit() {
    let mut rng = fastrand::Rng::with_seed(0x5E43);
    let (mut refused, mut read) = (0, 0);
    for case in 0..SHAPE_CASES {
        // Sizes on a log scale, so both sides of the limit come up.
        let (size_bits, uses_bits) = (rng.u32(1..16), rng.u32(1..13));
        let size = rng.u16(..1 << size_bits);
        let uses = rng.u16(..1 << uses_bits);
        let mut bytes = vec![rng.u8(..)];
        bytes.extend_from_slice(&size.to_be_bytes());
        bytes.extend_from_slice(&[rng.u8(..5), rng.u8(..16)]);
        bytes.extend_from_slice(&uses.to_be_bytes());
        bytes.push(rng.u8(..));
        let result = catch_unwind(AssertUnwindSafe(|| bitimger::fuzz::yaml_aliases(&bytes)));
        let (walked, limit, diags) =
            result.unwrap_or_else(|_| panic!("yaml case {case} panicked on {bytes:?}"));
        let too_big = diags.iter().any(|d| d.code == "yaml/too-big");
        let too_complex = diags.iter().any(|d| d.code == "yaml/too-complex");
        if walked > limit {
            assert!(
                too_big || too_complex,
                "case {case} ({bytes:?}): {walked} > {limit} but read"
            );
            refused += 1;
        } else {
            assert!(
                !too_big,
                "case {case} ({bytes:?}): {walked} <= {limit} but refused"
            );
            read += 1;
        }
        for d in diags.iter().filter(|d| d.is_error()) {
            assert!(
                d.location.is_some(),
                "case {case}: error without a file: {d}"
            );
        }
    }
    // Both sides of the limit were tried.
    assert!(refused > 10 && read > 10, "{refused} refused, {read} read");
}
