//! A draft's suppression directives as stored in `drafts.suppressions` (schema 9).
//!
//! The ranges ([`Suppression`]: rules, prose byte range, directive line) are kept as JSON
//! text, readable with the `sqlite3` shell, and NULL when the article has none, which is also
//! what every draft written before schema 9 holds: reading NULL gives no suppressions.

use super::{StoreError, corrupt};
use crate::document::Suppression;

/// The column value for `suppressions`: `None` (NULL) when there are none.
pub(super) fn pack_suppressions(
    suppressions: &[Suppression],
) -> Result<Option<String>, StoreError> {
    if suppressions.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(suppressions)
        .map(Some)
        .map_err(|err| corrupt(format!("draft suppressions: {err}")))
}

/// Reads the column back.
pub(super) fn unpack_suppressions(column: Option<&str>) -> Result<Vec<Suppression>, StoreError> {
    match column {
        None => Ok(Vec::new()),
        Some(json) => {
            serde_json::from_str(json).map_err(|err| corrupt(format!("draft suppressions: {err}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressions_round_trip_and_none_is_null() {
        let ranges = vec![Suppression {
            rules: vec!["percent-for-points".to_owned()],
            start: 10,
            end: 42,
            line: 3,
        }];
        let packed = pack_suppressions(&ranges).unwrap();
        assert!(packed.as_deref().unwrap().contains("percent-for-points"));
        assert_eq!(unpack_suppressions(packed.as_deref()).unwrap(), ranges);
        assert_eq!(pack_suppressions(&[]).unwrap(), None);
        assert!(unpack_suppressions(None).unwrap().is_empty());
        assert!(unpack_suppressions(Some("{not json")).is_err());
    }
}
