//! Reading an input's bytes safely: only regular files (or stdin), and never more than the
//! input size limit.
//!
//! A path is inspected with `stat` *before* it is opened: a FIFO would block `open` until some
//! other process writes to it, and a device or socket may never end, so those are refused
//! without being touched. The size limit ([`MaxInputSize`], 64 MiB by default) is checked
//! against the file's metadata before anything is read, and reading is capped at the limit as
//! well (for stdin, and for a file that grows while it is read), so a mistaken input cannot
//! make claimlint hold gigabytes in memory.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::InputError;

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// How messages name this input: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => STDIN_NAME.to_owned(),
        }
    }
}

/// The largest input accepted, in bytes: `--max-input-size` / `CLAIMLINT_MAX_INPUT_SIZE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxInputSize(pub u64);

impl MaxInputSize {
    /// 64 MiB: a hundred times the longest news article, small enough to hold in memory.
    pub const DEFAULT: MaxInputSize = MaxInputSize(64 * MIB);

    /// `bytes` as a short human figure: `64 MiB`, `1.5 KiB`, `900 bytes`.
    pub fn human(bytes: u64) -> String {
        let (unit, name) = [(GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")]
            .into_iter()
            .find(|&(unit, _)| bytes >= unit)
            .unwrap_or((1, "bytes"));
        if bytes % unit == 0 {
            format!("{} {name}", bytes / unit)
        } else {
            format!("{:.1} {name}", bytes as f64 / unit as f64)
        }
    }

    /// A limit that would let an input of `size` through (twice the limit when the size is
    /// unknown), written as `--max-input-size` takes it.
    pub fn suggested_raise(self, size: Option<u64>) -> String {
        let wanted = size.unwrap_or(self.0.saturating_mul(2));
        format!("{}MiB", wanted.div_ceil(MIB).max(1))
    }
}

impl Default for MaxInputSize {
    fn default() -> MaxInputSize {
        MaxInputSize::DEFAULT
    }
}

impl fmt::Display for MaxInputSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&MaxInputSize::human(self.0))
    }
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;
const GIB: u64 = 1024 * MIB;

impl FromStr for MaxInputSize {
    type Err = String;

    /// A whole number of bytes, optionally followed by a binary unit: `K`/`KiB`, `M`/`MiB`,
    /// `G`/`GiB` (any case; `KB`, `MB`, `GB` are read as the same binary units).
    fn from_str(value: &str) -> Result<MaxInputSize, String> {
        let problem = || {
            format!(
                "`{value}` is not a size (expected bytes or a number with K, M or G, such as 128M or 1GiB)"
            )
        };
        let trimmed = value.trim();
        let digits_end = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let number: u64 = trimmed[..digits_end].parse().map_err(|_| problem())?;
        let unit = match trimmed[digits_end..].trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "k" | "kb" | "kib" => KIB,
            "m" | "mb" | "mib" => MIB,
            "g" | "gb" | "gib" => GIB,
            _ => return Err(problem()),
        };
        match number.checked_mul(unit) {
            Some(0) => Err("the input size limit must be at least 1 byte".to_owned()),
            Some(bytes) => Ok(MaxInputSize(bytes)),
            None => Err(problem()),
        }
    }
}

/// Replaces `buffer`'s content with the input's bytes (the buffer's capacity is reused).
pub(crate) fn read_bytes_into(
    input: &Input,
    buffer: &mut Vec<u8>,
    limit: MaxInputSize,
) -> Result<(), InputError> {
    buffer.clear();
    let read_error = |cause| InputError::Read {
        source_name: input.name(),
        cause,
    };
    let too_large = |size| InputError::TooLarge {
        source_name: input.name(),
        size,
        limit,
    };
    // One byte past the limit tells "exactly at the limit" from "over it".
    let cap = limit.0.saturating_add(1);
    let read = match input {
        Input::File(path) => {
            let size = check_regular_file(path, &input.name())?;
            if size > limit.0 {
                return Err(too_large(Some(size)));
            }
            std::fs::File::open(path)
                .and_then(|file| file.take(cap).read_to_end(buffer))
                .map_err(read_error)?
        }
        Input::Stdin => std::io::stdin()
            .lock()
            .take(cap)
            .read_to_end(buffer)
            .map_err(read_error)?,
    };
    if read as u64 > limit.0 {
        buffer.clear();
        return Err(too_large(None));
    }
    Ok(())
}

/// The file's size if it is a regular file (links followed); special files are refused here,
/// before anything opens them. A directory passes: reading it fails with the system's message.
fn check_regular_file(path: &Path, source_name: &str) -> Result<u64, InputError> {
    let metadata = std::fs::metadata(path).map_err(|cause| InputError::Read {
        source_name: source_name.to_owned(),
        cause,
    })?;
    let file_type = metadata.file_type();
    if file_type.is_file() || file_type.is_dir() {
        return Ok(metadata.len());
    }
    Err(InputError::NotRegularFile {
        source_name: source_name.to_owned(),
        kind: special_kind(&file_type),
    })
}

#[cfg(unix)]
fn special_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        for (text, bytes) in [
            ("1000", 1000),
            ("64MiB", 64 * MIB),
            ("64 mb", 64 * MIB),
            ("2k", 2 * KIB),
            ("1G", GIB),
            ("7b", 7),
        ] {
            assert_eq!(
                text.parse::<MaxInputSize>(),
                Ok(MaxInputSize(bytes)),
                "{text}"
            );
        }
        for bad in ["", "0", "-1", "12 parsecs", "1.5M", "99999999999999999999G"] {
            assert!(bad.parse::<MaxInputSize>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sizes_print_in_the_largest_whole_unit() {
        assert_eq!(MaxInputSize::DEFAULT.to_string(), "64 MiB");
        assert_eq!(MaxInputSize(1536).to_string(), "1.5 KiB");
        assert_eq!(MaxInputSize(900).to_string(), "900 bytes");
        assert_eq!(MaxInputSize(KIB).suggested_raise(Some(3 * MIB + 1)), "4MiB");
        assert_eq!(MaxInputSize(KIB).suggested_raise(None), "1MiB");
    }
}
