//! A small deterministic generator (xorshift) for the rules' generated
//! tests, so that a failure repeats. Tests only.

pub(super) struct Rng(pub u64);

impl Rng {
    pub(super) fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 33) as usize
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}
