//! The QR code of a feedback link on the poster: encoded by the `qrcode`
//! crate (segments, error correction, placement), with the mask chosen
//! here on bit rows.
//!
//! An encoder tries all eight masks and keeps the one with the lowest
//! penalty (long runs, 2×2 blocks, finder look-alikes, dark/light
//! balance). Scoring module by module was the largest cost of a regional
//! directory's build; here each row and column of a masked code is one
//! 64-bit word and every penalty a handful of shifts and popcounts. The
//! penalties are the `qrcode` crate's own, so the chosen mask is the one
//! it would choose (tested on generated links); codes wider than 64
//! modules (links over about 250 bytes, rare) are left to the crate.

use qrcode::EcLevel;
use qrcode::canvas::{Canvas, MaskPattern, Module};

/// Error correction M: still readable with a seventh of it smudged or folded.
const LEVEL: EcLevel = EcLevel::M;

/// A code's modules, row by row, `true` for dark.
pub(crate) struct QrMatrix {
    /// Modules per side (without the quiet zone).
    pub(crate) width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark.
    pub(crate) fn dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }
}

/// The QR code of a feedback link on the poster; `None` when `text` does
/// not fit in the largest code.
pub(crate) fn poster_qr(text: &str) -> Option<QrMatrix> {
    let bits = qrcode::bits::encode_auto(text.as_bytes(), LEVEL).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, LEVEL).ok()?;
    let mut canvas = Canvas::new(version, LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).ok()?;
    let dark = if width <= WORD_BITS {
        let rows = best_masked_rows(&Planes::of(&canvas, width));
        (0..width * width)
            .map(|i| rows[i / width] >> (i % width) & 1 == 1)
            .collect()
    } else {
        let colors = canvas.apply_best_mask().into_colors();
        colors
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect()
    };
    Some(QrMatrix { width, dark })
}

/// Whether `text` fits in a poster's QR code. Any text of up to 2,331
/// bytes fits (the largest code at level M, in byte mode, the least dense
/// mode); only longer ones are encoded (not drawn) to find out.
pub(crate) fn fits_poster_qr(text: &str) -> bool {
    text.len() <= 2331 || qrcode::bits::encode_auto(text.as_bytes(), LEVEL).is_ok()
}

/// One row or column of modules, bit `i` for module `i`.
type Word = u64;
const WORD_BITS: usize = Word::BITS as usize;

/// The masks in the order the crate tries them (a tie keeps the first).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Whether mask `k` (in the order of [`MASKS`]) inverts module (`x`, `y`).
const fn inverts(k: usize, x: usize, y: usize) -> bool {
    match k {
        0 => (x + y).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (x + y).is_multiple_of(3),
        4 => (y / 2 + x / 3).is_multiple_of(2),
        5 => (x * y) % 2 + (x * y) % 3 == 0,
        6 => ((x * y) % 2 + (x * y) % 3).is_multiple_of(2),
        _ => ((x + y) % 2 + (x * y) % 3).is_multiple_of(2),
    }
}

/// Every mask repeats every 12 rows and 12 columns: `ROWS[k][y % 12]` is
/// row `y` of mask `k`, `COLUMNS[k][x % 12]` column `x`.
const fn mask_words(columns: bool) -> [[Word; 12]; 8] {
    let mut words = [[0; 12]; 8];
    let mut k = 0;
    while k < 8 {
        let mut line = 0;
        while line < 12 {
            let mut i = 0;
            while i < WORD_BITS {
                let (x, y) = if columns { (line, i) } else { (i, line) };
                if inverts(k, x, y) {
                    words[k][line] |= 1 << i;
                }
                i += 1;
            }
            line += 1;
        }
        k += 1;
    }
    words
}
static ROWS: [[Word; 12]; 8] = mask_words(false);
static COLUMNS: [[Word; 12]; 8] = mask_words(true);

/// Where the format information (level and mask) goes, as the crate draws
/// it; a negative coordinate counts from the far edge.
const FORMAT_AT: [(i16, i16); 30] = [
    (0, 8),
    (1, 8),
    (2, 8),
    (3, 8),
    (4, 8),
    (5, 8),
    (7, 8),
    (8, 8),
    (8, 7),
    (8, 5), // top left
    (8, 4),
    (8, 3),
    (8, 2),
    (8, 1),
    (8, 0),
    (8, -1),
    (8, -2),
    (8, -3),
    (8, -4),
    (8, -5),
    (8, -6),
    (8, -7), // bottom left
    (-8, 8),
    (-7, 8),
    (-6, 8),
    (-5, 8),
    (-4, 8),
    (-3, 8),
    (-2, 8),
    (-1, 8), // top right
];

/// The format modules of each mask, read once from codes the crate masks
/// (they do not depend on the size of the code).
fn format_modules() -> &'static [[bool; 30]; 8] {
    static FORMAT: std::sync::OnceLock<[[bool; 30]; 8]> = std::sync::OnceLock::new();
    FORMAT.get_or_init(|| {
        let mut format = [[false; 30]; 8];
        for (k, mask) in MASKS.iter().enumerate() {
            let mut canvas = Canvas::new(qrcode::Version::Normal(1), LEVEL);
            canvas.draw_all_functional_patterns();
            canvas.apply_mask(*mask);
            for (i, &(x, y)) in FORMAT_AT.iter().enumerate() {
                format[k][i] = canvas.get(x, y).is_dark();
            }
        }
        format
    })
}

/// An unmasked code as rows and columns: its dark modules and the modules
/// a mask inverts (data, error correction and the bits left empty).
struct Planes {
    width: usize,
    dark_rows: Vec<Word>,
    dark_columns: Vec<Word>,
    data_rows: Vec<Word>,
    data_columns: Vec<Word>,
}

impl Planes {
    fn of(canvas: &Canvas, width: usize) -> Planes {
        let mut p = Planes {
            width,
            dark_rows: vec![0; width],
            dark_columns: vec![0; width],
            data_rows: vec![0; width],
            data_columns: vec![0; width],
        };
        for y in 0..width {
            for x in 0..width {
                // Coordinates below 64 always fit in an i16.
                let module = canvas.get(x as i16, y as i16);
                if module.is_dark() {
                    p.dark_rows[y] |= 1 << x;
                    p.dark_columns[x] |= 1 << y;
                }
                if matches!(module, Module::Unmasked(_) | Module::Empty) {
                    p.data_rows[y] |= 1 << x;
                    p.data_columns[x] |= 1 << y;
                }
            }
        }
        p
    }

    /// The rows and columns of the code under mask `k`, format included.
    fn masked(&self, k: usize) -> (Vec<Word>, Vec<Word>) {
        let w = self.width;
        let mut rows: Vec<Word> = (0..w)
            .map(|y| self.dark_rows[y] ^ (ROWS[k][y % 12] & self.data_rows[y]))
            .collect();
        let mut columns: Vec<Word> = (0..w)
            .map(|x| self.dark_columns[x] ^ (COLUMNS[k][x % 12] & self.data_columns[x]))
            .collect();
        let full = full(w);
        rows.iter_mut().for_each(|r| *r &= full);
        columns.iter_mut().for_each(|c| *c &= full);
        for (&(x, y), &dark) in FORMAT_AT.iter().zip(&format_modules()[k]) {
            let at = |i: i16| {
                if i < 0 {
                    w - i.unsigned_abs() as usize
                } else {
                    i as usize
                }
            };
            let (x, y) = (at(x), at(y));
            if dark {
                rows[y] |= 1 << x;
                columns[x] |= 1 << y;
            } else {
                rows[y] &= !(1 << x);
                columns[x] &= !(1 << y);
            }
        }
        (rows, columns)
    }
}

/// The rows of the code under the mask with the lowest penalty.
fn best_masked_rows(planes: &Planes) -> Vec<Word> {
    let mut best: Option<(u32, Vec<Word>)> = None;
    for k in 0..MASKS.len() {
        let (rows, columns) = planes.masked(k);
        let score = penalty(&rows, &columns, planes.width);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, rows));
        }
    }
    best.map(|(_, rows)| rows).unwrap_or_default()
}

/// The `width` low bits set.
fn full(width: usize) -> Word {
    if width >= WORD_BITS {
        Word::MAX
    } else {
        (1 << width) - 1
    }
}

/// A masked code's penalty, as the `qrcode` crate counts it (its constant
/// for the three finder patterns left out: it is the same for every mask).
fn penalty(rows: &[Word], columns: &[Word], width: usize) -> u32 {
    let full = full(width);
    let pairs = full >> 1;
    let mut score = 0;
    let mut dark = 0;
    for (y, &row) in rows.iter().enumerate() {
        score += line_penalty(row, width) + line_penalty(columns[y], width);
        dark += row.count_ones() as usize;
        if let Some(&next) = rows.get(y + 1) {
            // 2×2 blocks of one colour: 3 each.
            let (d, l) = (row & next, !row & !next & full);
            score += 3 * ((d & d >> 1 & pairs).count_ones() + (l & l >> 1 & pairs).count_ones());
        }
    }
    // Balance: how far the dark share is from a half, in half-percents.
    let balance = (dark * 200 / (width * width)).abs_diff(100);
    score + u32::try_from(balance).unwrap_or(u32::MAX)
}

/// Runs of five or more of one colour (3 for five, one more for each
/// further module) and finder look-alikes (`#.###.#` with four light
/// modules or the edge on one side: 40 each) in one row or column.
fn line_penalty(line: Word, width: usize) -> u32 {
    let mut score = 0;
    for l in [line, !line & full(width)] {
        // Bit i: modules i..i+5 all of this colour. A run of n ≥ 5 sets
        // n − 4 bits, and its first bit stands alone on the left.
        let fives = l & l >> 1 & l >> 2 & l >> 3 & l >> 4;
        score += fives.count_ones() + 2 * (fives & !(fives << 1)).count_ones();
    }
    let finder = line & !(line >> 1) & line >> 2 & line >> 3 & line >> 4 & !(line >> 5) & line >> 6;
    let finder = finder & full(width - 6);
    let dark_before = line << 1 | line << 2 | line << 3 | line << 4;
    let dark_after = line >> 7 | line >> 8 | line >> 9 | line >> 10;
    score + 40 * (finder & !(dark_before & dark_after)).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The crate's own choice of mask, module by module.
    fn crate_choice(text: &str) -> Vec<bool> {
        qrcode::QrCode::with_error_correction_level(text, LEVEL)
            .unwrap()
            .into_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect()
    }

    #[test]
    fn the_mask_is_the_one_the_crate_chooses() {
        let mut rng = fastrand::Rng::with_seed(7);
        let alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?=&%:";
        for n in 0..400 {
            let len = rng.usize(1..if n % 10 == 0 { 1400 } else { 160 });
            let tail: String = (0..len)
                .map(|_| alphabet[rng.usize(..alphabet.len())] as char)
                .collect();
            let text = format!("https://forms.example.kz/{tail}");
            let code = poster_qr(&text).unwrap();
            let ours: Vec<bool> = (0..code.width * code.width)
                .map(|i| code.dark(i % code.width, i / code.width))
                .collect();
            assert_eq!(ours, crate_choice(&text), "{text}");
        }
    }

    #[test]
    fn digits_and_capitals_take_their_own_modes() {
        for text in [
            "12345678901234567890",
            "HTTPS://EXAMPLE.KZ/ABC",
            "tel:+77001234567",
        ] {
            let code = poster_qr(text).unwrap();
            let ours: Vec<bool> = (0..code.width * code.width)
                .map(|i| code.dark(i % code.width, i / code.width))
                .collect();
            assert_eq!(ours, crate_choice(text), "{text}");
        }
    }
}
