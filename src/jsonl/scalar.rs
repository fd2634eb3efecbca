//! The scalars of the hand-written JSON writers (answers and claims, `write.rs` and `claim.rs`):
//! integers, floats and strings, byte for byte as serde_json writes them.

/// An integer, as serde_json writes it (`itoa`).
pub(super) fn write_int(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// An f64 as serde_json writes it: `zmij`'s shortest round-trip form for finite values
/// (`-0.0`, `1e300`, `5e-324` …), `null` for NaN and the infinities.
///
/// Most claim values are whole numbers (years, counts, precision bounds) well below 10^15,
/// which zmij writes as the integer's digits and `.0`: those go through `itoa`, which is
/// cheaper than the shortest-form search. `-0.0` keeps zmij's path (its sign would be lost).
/// `integral_f64_matches_zmij` pins the two to the same bytes.
pub(super) fn write_f64(out: &mut Vec<u8>, value: f64) {
    let whole = value as i64;
    if whole as f64 == value
        && whole.unsigned_abs() < WHOLE_LIMIT
        && (whole != 0 || value.is_sign_positive())
    {
        out.extend_from_slice(itoa::Buffer::new().format(whole).as_bytes());
        out.extend_from_slice(b".0");
    } else if value.is_finite() {
        out.extend_from_slice(zmij::Buffer::new().format_finite(value).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// Whole values below this are written by `itoa` (see [`write_f64`]); zmij writes whole
/// numbers in plain digits up to 10^16, so the limit leaves a margin.
const WHOLE_LIMIT: u64 = 1_000_000_000_000_000;

pub(super) fn write_opt_str(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(value) => write_str(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// How serde_json escapes each byte (its `ESCAPE` table in `ser.rs`): 0 for none, else the
/// letter after the backslash, `u` for `\u00XX`. Only `"`, `\` and the controls below 0x20 are
/// escaped; DEL and every non-ASCII byte are copied as they are.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Whether any byte of `word` is below `n` (n ≤ 128). Never wrong about "none": a borrow only
/// starts at a byte that really is below `n`.
const fn has_byte_below(word: u64, n: u8) -> bool {
    word.wrapping_sub(ONES * n as u64) & !word & HIGHS != 0
}

/// Whether any of the 8 bytes may need an escape (`"`, `\` or a control).
const fn word_needs_escape(word: u64) -> bool {
    has_byte_below(word, 0x20)
        || has_byte_below(word ^ (ONES * b'"' as u64), 1)
        || has_byte_below(word ^ (ONES * b'\\' as u64), 1)
}

/// A JSON string, escaped as serde_json escapes it. Clean 8-byte words are skipped in one
/// test; clean runs are copied in one go.
pub(super) fn write_str(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes[i..].first_chunk::<8>() {
            if !word_needs_escape(u64::from_ne_bytes(*word)) {
                i += 8;
                continue;
            }
        }
        let byte = bytes[i];
        let escape = ESCAPE[usize::from(byte)];
        if escape != 0 {
            out.extend_from_slice(&bytes[run_start..i]);
            write_escape(out, byte, escape);
            run_start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

/// `\"`, `\\`, `\n` … or `\u00XX` in lowercase hex, as serde_json's `write_char_escape`.
fn write_escape(out: &mut Vec<u8>, byte: u8, escape: u8) {
    if escape == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xf)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', escape]);
    }
}

#[cfg(test)]
mod tests {
    use super::write_f64;

    fn zmij_form(value: f64) -> Vec<u8> {
        zmij::Buffer::new().format_finite(value).as_bytes().to_vec()
    }

    #[test]
    fn integral_f64_matches_zmij() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            2024.0,
            1e14,
            1e15 - 1.0,
            1e15,
            1e15 + 1.0,
        ];
        values.extend([
            1e16,
            -1e15,
            9_007_199_254_740_992.0,
            0.5,
            -2.5,
            1e-7,
            123.456,
        ]);
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = (seed >> 59) as i32;
            let whole = (seed % 10_u64.pow(digits.clamp(1, 17) as u32)) as f64;
            values.push(if seed & 1 == 0 { whole } else { -whole });
        }
        for value in values {
            let mut out = Vec::new();
            write_f64(&mut out, value);
            assert_eq!(out, zmij_form(value), "{value:?}");
        }
    }
}
