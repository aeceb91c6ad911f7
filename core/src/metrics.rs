//! Feature `metrics`: the counter `errstatus_errors_total{status, code}`, one increment per
//! error response built, through the `metrics` facade (whatever recorder the service installs).

use crate::status::record::ErrorRecord;

/// Increments `errstatus_errors_total` with the labels `status` (the number as text) and
/// `code` (the variant's code: low cardinality).
pub(crate) fn count(record: &ErrorRecord) {
    metrics::counter!(
        "errstatus_errors_total",
        "status" => record.status.as_str().to_owned(),
        "code" => record.code,
    )
    .increment(1);
}
