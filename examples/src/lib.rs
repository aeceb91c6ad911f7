//! Example services; see the `[[example]]` targets.
