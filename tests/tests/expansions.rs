//! Expansions that must succeed, compiled and run: a deterministic sample of the inputs that
//! `macros/tests/fuzz/gen.rs` generates (the generator of the macro crate's property tests,
//! included here with `#[path]`) is written into one source file of a small crate, built
//! with cargo and run.
//!
//! The crate derives `HttpStatus` on every sampled type and, for each type, checks
//! `statuses()` against the codes the generator chose, then for one value of each variant
//! checks `status()`, `From<&E>`/`From<E> for StatusCode`, and the `http::Response` (`From<E>`
//! and `errstatus::response`): its status, exactly the generated header fields with their
//! values, and the problem+json body (type, title, status, and detail, instance and
//! extension members exactly when the detail is shown; a `with` member as its function writes
//! it) or, for a `SerdeJson` type (generic ones too), exactly the value's serde form, nothing
//! when hidden. A transparent variant must answer as the `Leaf` inside it, whose `HttpStatus`
//! impl is hand-written. The build must have no warning but one per unacknowledged
//! questionable code, each saying so.
//!
//! Each sampled type that can (not generic, problem+json) also has a twin with
//! `#[errstatus(decode)]` (`gen.rs`'s `decode_source`: `skip_decode` on the fields the response
//! does not carry or whose type does not read back), and `from_problem` of each value's response
//! must be what `decode_expect` says: the value with its skipped fields at `Default`, the
//! transparent variant whose `Leaf` claims it, or `Undecoded`.
//!
//! Beside them, a sample of the inputs of `macros/tests/fuzz/combos.rs` (`C0`, `C1`, ...: fixed
//! header values, `Option` header fields, run-time statuses, the type's `#[status(with =
//! path)]`, transparent fields with siblings, `expose`, members written by a function,
//! `#[problem(detail = "...")]`, body formats including `errstatus::SerdeJson`, together) and
//! the three inner errors they wrap (problem+json, `Legacy`, `SerdeJson`), each variant made
//! with several run-time values (`Some` / `None`, run-time codes, inner errors), checks
//! `statuses()` of each type (the codes known at compile time and the inner errors': none for a
//! status from the type's `with`) and the invariants of "Rules at the corners" on each
//! response: the status (for the type's `with`, the code its function, generated beside the
//! type, reads from the value); one value per header field name (`get_all(name)` yields one),
//! exactly the expected fields with the value the most specific source gives; no body and no
//! content-type where none may be (a run-time 1xx, 204, 205, 304, a format that writes nothing,
//! a hidden `SerdeJson` response); one member per name in the body, read from the raw text (a
//! `Value` would keep the last of two); exactly the expected members (a `with` member as its
//! function writes it); a `SerdeJson` body exactly as the model serializes the value; and no
//! `SECRET` (every Display text, instance and string member has one) in a hidden body.
//!
//! The sample is drawn with proptest's deterministic runner: at least 24 types, more until
//! every feature listed in `coverage` is in it; likewise at least 16 `combos.rs` types, more
//! until every combination in `combo_coverage` is in it. The crate is generated under
//! `target/tests/expansions/sample` (with a copy of the workspace's `Cargo.lock`) and built
//! with its own target directory next to it; `main.rs` is rewritten only when the sample
//! changed, so a second run rebuilds nothing. Cold (errstatus, serde's derive and their
//! dependencies built first, for this target directory) the build takes 30-45 s on two busy
//! cores; a changed sample alone 10-15 s; unchanged, well under a second.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use errstatus::registry;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

#[path = "../../macros/tests/fuzz/gen.rs"]
mod gen;

#[path = "../../macros/tests/fuzz/combos.rs"]
mod combos;

/// The package (and binary) name of the generated crate.
const CRATE: &str = "errstatus-expansions-sample";

/// At least this many types, more until the sample covers every feature in `coverage`.
const MIN_TYPES: usize = 24;
const MAX_TYPES: usize = 60;

/// Likewise for the inputs of `combos.rs`, the attributes together.
const MIN_COMBOS: usize = 16;
const MAX_COMBOS: usize = 96;

/// The features the sample must cover, each as a test over all sampled inputs.
#[allow(clippy::type_complexity)]
fn coverage() -> Vec<(&'static str, Box<dyn Fn(&gen::Input) -> bool>)> {
    use gen::{How, Outcome, Own, Role, Shape, TypeStatus};
    let codes = |i: &gen::Input, f: &dyn Fn(&gen::Status) -> bool| i.statuses().into_iter().any(f);
    let fields = |i: &gen::Input, f: &dyn Fn(&gen::Field) -> bool| i.variants.iter().flat_map(|v| &v.fields).any(f);
    let header = |f: &gen::Field, literal: bool| match &f.role {
        Role::Header { written, .. } => written.starts_with('"') == literal,
        _ => false,
    };
    vec![
        ("a code by number", Box::new(move |i| codes(i, &|s| s.code.written.bytes().all(|b| b.is_ascii_digit())))),
        ("a variant's own #[problem(code)]", Box::new(|i| i.variants.iter().any(|v| v.problem.code.is_some()))),
        (
            "a code in hex or with `_`",
            Box::new(move |i| {
                codes(i, &|s| {
                    s.code.written.starts_with("0x")
                        || s.code.written.contains('_') && s.code.written.starts_with(|c: char| c.is_ascii_digit())
                })
            }),
        ),
        (
            "a code by name",
            Box::new(move |i| {
                codes(i, &|s| {
                    s.code.written.starts_with(|c: char| c.is_ascii_uppercase()) && !s.code.written.contains("::")
                })
            }),
        ),
        ("a code by path", Box::new(move |i| codes(i, &|s| s.code.written.contains("::")))),
        ("a 3xx code", Box::new(move |i| codes(i, &|s| s.code.code < 400))),
        ("a 5xx code shown with `expose`", Box::new(move |i| codes(i, &|s| s.expose))),
        ("a 5xx code masked", Box::new(move |i| codes(i, &|s| s.code.code >= 500 && !s.expose))),
        (
            "a type's `expose` beside a masked 5xx variant with a code of its own",
            Box::new(|i| {
                matches!(&i.status, Some(TypeStatus::Code(d)) if d.expose)
                    && i.variants.iter().any(|v| matches!(&v.own, Own::Code(s) if s.code.code >= 500 && !s.expose))
            }),
        ),
        ("an acknowledged questionable code", Box::new(move |i| codes(i, &|s| s.acknowledge))),
        ("an unacknowledged questionable code (a warning)", Box::new(|i| i.warnings() > 0)),
        (
            "a code that requires a header field",
            Box::new(move |i| codes(i, &|s| !s.entry().required_headers.is_empty())),
        ),
        (
            "a required header field waived by `acknowledge`",
            Box::new(move |i| {
                i.variants.iter().any(|v| match i.outcome(v) {
                    Outcome::Code(s) => s.entry().required_headers.iter().any(|r| {
                        let name = r.name.to_ascii_lowercase();
                        !v.fields.iter().any(|f| f.header() == Some(name.as_str()))
                    }),
                    Outcome::Transparent(_) => false,
                })
            }),
        ),
        (
            "an enum default inherited",
            Box::new(|i| !i.is_struct && i.variants.iter().any(|v| matches!(v.own, Own::Inherit))),
        ),
        (
            "two variants sharing a code",
            Box::new(|i| {
                let codes: Vec<u16> = i
                    .variants
                    .iter()
                    .filter_map(|v| match i.outcome(v) {
                        Outcome::Code(s) => Some(s.code.code),
                        Outcome::Transparent(_) => None,
                    })
                    .collect();
                codes.iter().enumerate().any(|(k, c)| codes[..k].contains(c))
            }),
        ),
        ("a header field by constant", Box::new(move |i| fields(i, &|f| header(f, false)))),
        ("a header field by string literal", Box::new(move |i| fields(i, &|f| header(f, true)))),
        ("an extension member", Box::new(move |i| fields(i, &|f| f.member().is_some()))),
        (
            "a member written by `with`",
            Box::new(move |i| fields(i, &|f| matches!(f.role, Role::Extension { how: How::With, .. }))),
        ),
        (
            "a member written by `with` from a type that is not Serialize",
            Box::new(move |i| {
                fields(i, &|f| matches!(f.role, Role::Extension { how: How::With, .. }) && !f.ty.serialize())
            }),
        ),
        ("an instance", Box::new(move |i| fields(i, &|f| matches!(f.role, Role::Instance)))),
        (
            "a problem type",
            Box::new(|i| i.problem.type_.is_some() || i.variants.iter().any(|v| v.problem.type_.is_some())),
        ),
        (
            "a problem title",
            Box::new(|i| i.problem.title.is_some() || i.variants.iter().any(|v| v.problem.title.is_some())),
        ),
        (
            "a transparent variant",
            Box::new(|i| !i.is_struct && i.variants.iter().any(|v| matches!(v.own, Own::Transparent))),
        ),
        ("a transparent struct", Box::new(|i| matches!(i.status, Some(TypeStatus::Transparent)))),
        ("a generic type", Box::new(|i| i.generic)),
        ("a generic SerdeJson enum", Box::new(|i| i.serde && i.generic && !i.is_struct)),
        ("a generic SerdeJson struct", Box::new(|i| i.serde && i.generic && i.is_struct)),
        (
            "a SerdeJson form shown",
            Box::new(|i| i.serde && (0..i.variants.len()).any(|v| i.expect(v).exposed && !i.expect(v).transparent)),
        ),
        (
            "a SerdeJson form hidden",
            Box::new(|i| i.serde && (0..i.variants.len()).any(|v| !i.expect(v).exposed && !i.expect(v).transparent)),
        ),
        (
            "a SerdeJson tuple variant of several fields",
            Box::new(|i| {
                i.serde && !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Tuple && v.fields.len() > 1)
            }),
        ),
        ("a struct with a code", Box::new(|i| matches!(i.status, Some(TypeStatus::Code(_))) && i.is_struct)),
        ("a unit variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Unit))),
        ("a tuple variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Tuple))),
        ("a named variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Named))),
    ]
}

/// The combinations the sample of `combos.rs` inputs must hold, each as a test over all sampled
/// inputs (and the values each variant is checked with).
#[allow(clippy::type_complexity)]
fn combo_coverage() -> Vec<(&'static str, Box<dyn Fn(&combos::Input) -> bool>)> {
    use combos::{Decides, Format, Inner, Own, Role, TypeStatus};
    let variants = |i: &combos::Input, f: &dyn Fn(&combos::Variant) -> bool| i.variants.iter().any(f);
    let values = |i: &combos::Input, f: &dyn Fn(&combos::Input, usize, usize) -> bool| {
        (0..i.variants.len()).any(|v| (0..combos::INSTANCES).any(|k| f(i, v, k)))
    };
    let sure = |v: &combos::Variant, name: &str| {
        v.fields.iter().any(|f| matches!(f.role, Role::Header { opt: false, .. }) && f.header() == Some(name))
    };
    let optional = |v: &combos::Variant, name: &str| {
        v.fields.iter().any(|f| matches!(f.role, Role::Header { opt: true, .. }) && f.header() == Some(name))
    };
    let transparent_field =
        |v: &combos::Variant| v.fields.len() > 1 && v.fields.iter().any(|f| matches!(f.role, Role::Transparent(_)));
    let inner_headers = ["x-a", "x-b", "retry-after", "x-c"];
    vec![
        ("a fixed value on the type", Box::new(|i| !i.fixed.is_empty())),
        ("a fixed value on a variant", Box::new(move |i| variants(i, &|v| !v.fixed.is_empty()))),
        (
            "a variant's fixed value replacing the type's",
            Box::new(move |i| variants(i, &|v| v.fixed.iter().any(|f| i.fixed.iter().any(|t| t.lower() == f.lower())))),
        ),
        (
            "a field replacing a fixed value",
            Box::new(move |i| {
                variants(i, &|v| v.fixed.iter().chain(&i.fixed).any(|f| sure(v, f.lower()) && !transparent_field(v)))
            }),
        ),
        (
            "an Option field beside a fixed value of its name",
            Box::new(move |i| {
                variants(i, &|v| {
                    v.fixed.iter().chain(&i.fixed).any(|f| optional(v, f.lower()) && !transparent_field(v))
                })
            }),
        ),
        (
            "a required header field met by an Option field and a fixed value",
            Box::new(move |i| {
                variants(i, &|v| match &v.own {
                    Own::Code(s) if !s.acknowledge => s.entry().required_headers.iter().any(|r| {
                        let name = r.name.to_ascii_lowercase();
                        optional(v, &name) && !sure(v, &name)
                    }),
                    _ => false,
                })
            }),
        ),
        (
            "a required header field met by a fixed value",
            Box::new(move |i| {
                variants(i, &|v| match &v.own {
                    Own::Code(s) if !s.acknowledge => s.entry().required_headers.iter().any(|r| {
                        let name = r.name.to_ascii_lowercase();
                        !optional(v, &name) && !sure(v, &name)
                    }),
                    _ => false,
                })
            }),
        ),
        (
            "a run-time status (StatusCode)",
            Box::new(move |i| variants(i, &|v| v.fields.iter().any(|f| matches!(f.role, Role::Status { opt: false })))),
        ),
        (
            "an Option<StatusCode> falling back to the variant's code",
            Box::new(move |i| {
                variants(i, &|v| {
                    matches!(i.decides(v), Decides::RunTime { fallback: Some(_), .. }) && matches!(v.own, Own::Code(_))
                })
            }),
        ),
        (
            "an Option<StatusCode> falling back to the type's code",
            Box::new(move |i| {
                variants(i, &|v| {
                    matches!(i.decides(v), Decides::RunTime { fallback: Some(_), .. }) && !matches!(v.own, Own::Code(_))
                })
            }),
        ),
        ("a run-time 1xx", Box::new(move |i| values(i, &|i, v, k| i.expect(v, k).status < 200 && has_runtime(i, v)))),
        (
            "a run-time 204, 205 or 304",
            Box::new(move |i| values(i, &|i, v, k| matches!(i.expect(v, k).status, 204 | 205 | 304))),
        ),
        (
            "an unregistered run-time status",
            Box::new(move |i| values(i, &|i, v, k| registry::lookup(i.expect(v, k).status).is_none())),
        ),
        ("a run-time 5xx", Box::new(move |i| values(i, &|i, v, k| has_runtime(i, v) && i.expect(v, k).status >= 500))),
        (
            "a sibling header field of a name the inner error sends",
            Box::new(move |i| {
                variants(i, &|v| transparent_field(v) && inner_headers.iter().any(|n| sure(v, n) || optional(v, n)))
            }),
        ),
        (
            "a sibling member of a name the inner error sends",
            Box::new(move |i| {
                variants(i, &|v| {
                    transparent_field(v) && v.fields.iter().any(|f| matches!(f.member(), Some("m0" | "m1")))
                })
            }),
        ),
        (
            "a sibling instance",
            Box::new(move |i| {
                variants(i, &|v| transparent_field(v) && v.fields.iter().any(|f| matches!(f.role, Role::Instance)))
            }),
        ),
        (
            "a transparent variant with the type's fixed value of a name the inner error sends",
            Box::new(move |i| {
                variants(i, &|v| matches!(v.own, Own::Transparent)) && i.fixed.iter().any(|f| f.lower() == "x-a")
            }),
        ),
        (
            "a transparent variant with a fixed value of its own",
            Box::new(move |i| variants(i, &|v| matches!(v.own, Own::Transparent) && !v.fixed.is_empty())),
        ),
        ("a transparent struct", Box::new(|i| matches!(i.status, Some(TypeStatus::Transparent)))),
        ("a struct with a field-level transparent", Box::new(move |i| i.is_struct && variants(i, &transparent_field))),
        (
            "a struct with a run-time status",
            Box::new(move |i| i.is_struct && variants(i, &|v| matches!(i.decides(v), Decides::RunTime { .. }))),
        ),
        (
            "a custom format through a transparent field of a type with another format",
            Box::new(move |i| {
                i.format != Format::Legacy
                    && variants(i, &|v| v.fields.iter().any(|f| matches!(f.role, Role::Transparent(Inner::L))))
            }),
        ),
        (
            "problem+json through a transparent field of a type with a custom format",
            Box::new(move |i| {
                i.format != Format::Default
                    && variants(i, &|v| v.fields.iter().any(|f| matches!(f.role, Role::Transparent(Inner::J))))
            }),
        ),
        ("the Legacy format", Box::new(|i| i.format == Format::Legacy)),
        ("a format that writes nothing", Box::new(|i| i.format == Format::Silent)),
        (
            "a hidden response with members",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    i.expect(v, k).body.is_some_and(|b| b.hidden)
                        && i.variants[v].fields.iter().any(|f| f.member().is_some())
                })
            }),
        ),
        (
            "a hidden 4xx (`expose = false`)",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    e.status < 500
                        && e.body.is_some_and(|b| b.hidden)
                        && !matches!(i.decides(&i.variants[v]), Decides::Transparent(_))
                })
            }),
        ),
        (
            "a shown 5xx (`expose`)",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    (500..600).contains(&e.status) && e.body.is_some_and(|b| !b.hidden)
                })
            }),
        ),
        (
            "the type's `expose` or `expose = false`",
            Box::new(|i| matches!(&i.status, Some(TypeStatus::Code(s)) if s.expose.is_some())),
        ),
        ("`expose` without a code on a variant", Box::new(move |i| variants(i, &|v| matches!(v.own, Own::Expose(_))))),
        (
            "an enum's #[status(with = path)] deciding a variant",
            Box::new(move |i| !i.is_struct && variants(i, &|v| matches!(i.decides(v), Decides::WithSelf { .. }))),
        ),
        (
            "a struct's #[status(with = path)] over the whole value",
            Box::new(|i| {
                i.is_struct && i.variants[0].fields.len() > 1 && matches!(i.status, Some(TypeStatus::With { .. }))
            }),
        ),
        (
            "a struct's #[status(with = path)] over its one field",
            Box::new(|i| {
                i.is_struct && i.variants[0].fields.len() == 1 && matches!(i.status, Some(TypeStatus::With { .. }))
            }),
        ),
        (
            "a variant's own code beside the type's `with`",
            Box::new(move |i| {
                matches!(i.status, Some(TypeStatus::With { .. }))
                    && variants(i, &|v| matches!(i.decides(v), Decides::Code(..)))
            }),
        ),
        (
            "a #[status] field beside the type's `with`",
            Box::new(move |i| {
                matches!(i.status, Some(TypeStatus::With { .. }))
                    && variants(i, &|v| matches!(i.decides(v), Decides::RunTime { .. }))
            }),
        ),
        (
            "a transparent field beside the type's `with`",
            Box::new(move |i| {
                matches!(i.status, Some(TypeStatus::With { .. }))
                    && variants(i, &|v| matches!(i.decides(v), Decides::Transparent(_)))
            }),
        ),
        (
            "a hidden 5xx from the type's `with`",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    with_self(i, v) && e.status >= 500 && i.format != Format::Silent && e.body.is_none_or(|b| b.hidden)
                })
            }),
        ),
        (
            "a 5xx from the type's `with` shown by `expose`",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    with_self(i, v) && e.status >= 500 && e.body.is_some_and(|b| !b.hidden)
                })
            }),
        ),
        (
            "a 4xx from the type's `with` hidden by `expose = false`",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    with_self(i, v)
                        && (400..500).contains(&e.status)
                        && i.format != Format::Silent
                        && e.body.is_none_or(|b| b.hidden)
                })
            }),
        ),
        (
            "a no-content status from the type's `with`",
            Box::new(move |i| values(i, &|i, v, k| with_self(i, v) && no_content(i.expect(v, k).status))),
        ),
        (
            "a member written by `with` in a shown problem body",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    i.expect(v, k).body.is_some_and(|b| !b.hidden && b.text.is_none())
                        && i.variants[v].fields.iter().any(|f| matches!(f.role, Role::Member { with: Some(_), .. }))
                })
            }),
        ),
        (
            "an integer member written by `with`",
            Box::new(move |i| {
                variants(i, &|v| {
                    v.fields.iter().any(|f| matches!(f.role, Role::Member { with: Some(_), int: true, .. }))
                })
            }),
        ),
        (
            "a member written by `with` in a hidden body",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    i.expect(v, k).body.is_some_and(|b| b.hidden)
                        && i.variants[v].fields.iter().any(|f| matches!(f.role, Role::Member { with: Some(_), .. }))
                })
            }),
        ),
        (
            "a SerdeJson body of an enum",
            Box::new(move |i| {
                !i.is_struct && values(i, &|i, v, k| i.expect(v, k).body.is_some_and(|b| b.text.is_some()))
            }),
        ),
        (
            "a SerdeJson body of a struct",
            Box::new(move |i| {
                i.is_struct && values(i, &|i, v, k| i.expect(v, k).body.is_some_and(|b| b.text.is_some()))
            }),
        ),
        (
            "a SerdeJson body with a member written by `with` (its field's own serde form)",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    i.expect(v, k).body.is_some_and(|b| b.text.is_some())
                        && i.variants[v].fields.iter().any(|f| matches!(f.role, Role::Member { with: Some(_), .. }))
                })
            }),
        ),
        (
            "a SerdeJson body with an instance",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    i.expect(v, k).body.is_some_and(|b| b.text.is_some())
                        && i.variants[v].fields.iter().any(|f| matches!(f.role, Role::Instance))
                })
            }),
        ),
        (
            "a hidden SerdeJson response (no body)",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    i.format == Format::SerdeJson
                        && !matches!(i.decides(&i.variants[v]), Decides::Transparent(_))
                        && !no_content(e.status)
                        && e.body.is_none()
                })
            }),
        ),
        (
            "a variant's #[problem(detail)] in a shown body",
            Box::new(move |i| {
                !i.is_struct
                    && values(i, &|i, v, k| {
                        i.variants[v].detail.is_some()
                            && i.expect(v, k).body.is_some_and(|b| !b.hidden && b.text.is_none())
                    })
            }),
        ),
        (
            "a struct's #[problem(detail)] in a shown body",
            Box::new(move |i| {
                i.is_struct
                    && values(i, &|i, v, k| {
                        i.variants[v].detail.is_some()
                            && i.expect(v, k).body.is_some_and(|b| !b.hidden && b.text.is_none())
                    })
            }),
        ),
        (
            "a #[problem(detail)] in a hidden body",
            Box::new(move |i| {
                values(i, &|i, v, k| i.variants[v].detail.is_some() && i.expect(v, k).body.is_some_and(|b| b.hidden))
            }),
        ),
        (
            "a #[problem(detail)] with {f:?} and {f:>8} placeholders",
            Box::new(move |i| {
                let has = |v: &combos::Variant, spec: combos::Spec| {
                    v.detail.iter().flatten().any(|p| matches!(p, combos::Piece::Field { spec: s, .. } if *s == spec))
                };
                variants(i, &|v| has(v, combos::Spec::Debug) && has(v, combos::Spec::Right))
            }),
        ),
        (
            "a SerdeJson inner error's body through a transparent field of a type with another format",
            Box::new(move |i| {
                i.format != Format::SerdeJson
                    && values(i, &|i, v, k| {
                        let fields = &i.variants[v].fields;
                        fields.len() > 1
                            && fields.iter().any(|f| matches!(f.role, Role::Transparent(Inner::S)))
                            && i.expect(v, k).body.is_some_and(|b| b.text.is_some())
                    })
            }),
        ),
        (
            "a hidden SerdeJson inner error through a transparent variant",
            Box::new(move |i| {
                values(i, &|i, v, k| {
                    let e = i.expect(v, k);
                    matches!(i.variants[v].own, Own::Transparent)
                        && matches!(i.variants[v].fields[0].role, Role::Transparent(Inner::S))
                        && e.body.is_none()
                        && !no_content(e.status)
                })
            }),
        ),
        (
            "a SerdeJson body with a status from the type's `with`",
            Box::new(move |i| {
                values(i, &|i, v, k| with_self(i, v) && i.expect(v, k).body.is_some_and(|b| b.text.is_some()))
            }),
        ),
    ]
}

/// Whether the type's `#[status(with = path)]` decides variant `v`'s status.
fn with_self(i: &combos::Input, v: usize) -> bool {
    matches!(i.decides(&i.variants[v]), combos::Decides::WithSelf { .. })
}

/// Whether a status has no content: no body, no content-type.
fn no_content(status: u16) -> bool {
    status < 200 || matches!(status, 204 | 205 | 304)
}

/// Whether variant `v` has a `#[status]` field.
fn has_runtime(i: &combos::Input, v: usize) -> bool {
    i.variants[v].fields.iter().any(|f| matches!(f.role, combos::Role::Status { .. }))
}

/// The sampled `combos.rs` inputs, `C0`, `C1`, ...: the same on every run.
fn combo_sample() -> Vec<combos::Input> {
    let coverage = combo_coverage();
    let covered = |inputs: &[combos::Input]| coverage.iter().all(|(_, f)| inputs.iter().any(f));
    let mut runner = TestRunner::deterministic();
    let mut inputs = Vec::new();
    while inputs.len() < MIN_COMBOS || (!covered(&inputs) && inputs.len() < MAX_COMBOS) {
        let name = format!("C{}", inputs.len());
        inputs.push(combos::input(&name).new_tree(&mut runner).expect("the generator does not reject").current());
    }
    let missing: Vec<&str> = coverage.iter().filter(|(_, f)| !inputs.iter().any(f)).map(|(n, _)| *n).collect();
    assert!(missing.is_empty(), "{MAX_COMBOS} generated types do not cover {missing:?}");
    inputs
}

/// The sampled inputs, `E0`, `E1`, ...: the same on every run.
fn sample() -> Vec<gen::Input> {
    let coverage = coverage();
    let covered = |inputs: &[gen::Input]| coverage.iter().all(|(_, f)| inputs.iter().any(f));
    let mut runner = TestRunner::deterministic();
    let mut inputs = Vec::new();
    while inputs.len() < MIN_TYPES || (!covered(&inputs) && inputs.len() < MAX_TYPES) {
        let name = format!("E{}", inputs.len());
        inputs.push(gen::input(&name).new_tree(&mut runner).expect("the generator does not reject").current());
    }
    let missing: Vec<&str> = coverage.iter().filter(|(_, f)| !inputs.iter().any(f)).map(|(n, _)| *n).collect();
    assert!(missing.is_empty(), "{MAX_TYPES} generated types do not cover {missing:?}");
    inputs
}

/// The Display text of a variant: with a quote and a non-ASCII letter for the JSON body.
fn text(what: &str) -> String {
    format!("{what} \"q\" é")
}

fn what(input: &gen::Input, i: usize) -> String {
    if input.is_struct {
        input.name.clone()
    } else {
        format!("{}::{}", input.name, input.variants[i].name)
    }
}

/// The source of the sample crate's `main.rs`.
/// The name of an input's twin with `#[errstatus(decode)]`.
fn decode_twin(name: &str) -> String {
    format!("{}Dec", name.strip_prefix("r#").unwrap_or(name))
}

/// What the sample needs for the twins with `decode`: `Leaf`'s `FromProblem`, by hand as its
/// `HttpStatus` (an about:blank 410 or 503), and the check of one value.
const DECODE_PRELUDE: &str = r#"/// Hand-written, independent of the derive: an about:blank 410 or 503.
impl errstatus::FromProblem for Leaf {
    fn from_problem(status: StatusCode, _: &http::HeaderMap, body: &[u8]) -> Result<Self, errstatus::Undecoded> {
        let blank = serde_json::from_slice::<Value>(body)
            .is_ok_and(|b| b.get("type").is_none_or(|t| t == "about:blank"));
        match status.as_u16() {
            410 if blank => Ok(Leaf::Gone),
            503 if blank => Ok(Leaf::Busy),
            _ => Err(errstatus::Undecoded::new(status, body.to_vec())),
        }
    }
}

/// `from_problem` of the response of `sent` is `want`, or `Undecoded` for `None`.
fn check_decode<E: HttpStatus + errstatus::FromProblem + PartialEq + fmt::Debug>(what: &str, sent: E, want: Option<E>) {
    let (parts, body) = errstatus::response::<_, String>(&sent).into_parts();
    match (E::from_problem(parts.status, &parts.headers, body.as_bytes()), want) {
        (Ok(got), Some(want)) => assert_eq!(got, want, "{what}: decoded from {body}"),
        (Err(_), None) => {}
        (got, want) => panic!("{what}: {sent:?} sent {body}: decoded {got:?}, expected {want:?}"),
    }
}

"#;

fn main_rs(inputs: &[gen::Input], combo_inputs: &[combos::Input]) -> String {
    let mut s = String::new();
    s.push_str(PRELUDE);
    let leaf = gen::LEAF;
    let _ = writeln!(
        s,
        "#[derive(Debug, Default, PartialEq, serde::Serialize)]\nenum Leaf {{ #[default] {0}, {1} }}\n\n\
         impl fmt::Display for Leaf {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        \
         f.write_str(match self {{ Leaf::{0} => {2:?}, Leaf::{1} => {3:?} }})\n    }}\n}}\n\n\
         /// Hand-written, independent of the derive.\n\
         impl HttpStatus for Leaf {{\n    fn status(&self) -> StatusCode {{\n        \
         StatusCode::from_u16(match self {{ Leaf::{0} => {4}, Leaf::{1} => {5} }}).unwrap()\n    }}\n\n    \
         fn statuses() -> Vec<StatusCode> {{\n        \
         vec![StatusCode::from_u16({4}).unwrap(), StatusCode::from_u16({5}).unwrap()]\n    }}\n}}\n",
        leaf[0].0, leaf[1].0, leaf[0].2, leaf[1].2, leaf[0].1, leaf[1].1
    );
    s.push_str(gen::MEMBER_WITH);
    s.push('\n');
    s.push_str(DECODE_PRELUDE);
    for input in inputs {
        let (name, g) = (&input.name, input.generics());
        let _ = writeln!(s, "#[derive(HttpStatus)]\n{}", input.source());
        let body = if input.is_struct {
            format!("f.write_str({:?})", text(name))
        } else if input.variants.is_empty() {
            "match *self {}".to_owned()
        } else {
            let arms: Vec<String> = input
                .variants
                .iter()
                .enumerate()
                .map(|(i, v)| format!("Self::{} {{ .. }} => {:?},", v.name, text(&what(input, i))))
                .collect();
            format!("f.write_str(match self {{ {} }})", arms.join(" "))
        };
        let f = if input.variants.is_empty() { "_" } else { "f" };
        let _ = writeln!(
            s,
            "impl{g} fmt::Display for {name}{g} {{\n    \
             fn fmt(&self, {f}: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        {body}\n    }}\n}}\n"
        );
        // Its twin with `#[errstatus(decode)]`.
        if input.decodes() {
            let twin = decode_twin(name);
            let _ = writeln!(s, "#[derive(Debug, PartialEq, HttpStatus)]\n{}", input.decode_source(&twin));
            let _ = writeln!(
                s,
                "impl fmt::Display for {twin} {{\n    \
                 fn fmt(&self, {f}: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        {body}\n    }}\n}}\n"
            );
        }
    }
    s.push_str(COMBO_PRELUDE);
    s.push_str(combos::MEMBER_WITH.2);
    s.push('\n');
    for (name, format) in combos::Inner::ALL.map(|inner| (inner.name(), inner.attrs())) {
        let mut arms: Vec<String> =
            combos::INNER_VALUES.iter().map(|v| format!("Self::{} {{ .. }} => {:?},", v.variant, v.text)).collect();
        arms.dedup();
        let _ = writeln!(
            s,
            "#[derive(HttpStatus)]\n{format}{}\nimpl fmt::Display for {name} {{\n    \
             fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        \
             f.write_str(match self {{ {} }})\n    }}\n}}\n",
            combos::INNER_SOURCE.replace("NAME", name),
            arms.join(" ")
        );
    }
    for input in combo_inputs {
        let _ = writeln!(s, "#[derive(HttpStatus)]\n{}", input.source());
        if let Some(with) = input.with_fn() {
            let _ = writeln!(s, "{with}");
        }
        let arms: Vec<String> = (0..input.variants.len())
            .map(|i| {
                let pat = if input.is_struct { "Self".to_owned() } else { format!("Self::{}", input.variants[i].name) };
                format!("{pat} {{ .. }} => {:?},", input.display(i))
            })
            .collect();
        let _ = writeln!(
            s,
            "impl fmt::Display for {} {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        \
             f.write_str(match self {{ {} }})\n    }}\n}}\n",
            input.name,
            arms.join(" ")
        );
    }
    s.push_str("fn main() {\n    let mut values = 0;\n");
    for input in inputs {
        let mut codes: Vec<u16> = input
            .variants
            .iter()
            .flat_map(|v| match input.outcome(v) {
                gen::Outcome::Code(st) => vec![st.code.code],
                gen::Outcome::Transparent(_) => leaf.iter().map(|l| l.1).collect(),
            })
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let _ = writeln!(s, "    check_statuses::<{}>({:?}, &{codes:?});", input.concrete(), input.name);
        for i in 0..input.variants.len() {
            let e = input.expect(i);
            let pairs = |v: &[(String, String)]| {
                v.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect::<Vec<_>>().join(", ")
            };
            let _ = writeln!(
                s,
                "    check(&|| {}, Want {{ what: {:?}, status: {}, headers: &[{}], exposed: {}, \
                 instance: {:?}, members: &[{}], type_: {:?}, title: {:?}, serde: {:?} }});\n    values += 1;",
                input.construct(i),
                what(input, i),
                e.status,
                pairs(&e.headers),
                e.exposed,
                e.instance,
                pairs(&e.members),
                e.type_,
                e.title,
                // A transparent variant's body is the inner error's, in its format.
                (input.serde && !e.transparent).then(|| input.serde_form(i)),
            );
        }
    }
    for input in inputs.iter().filter(|i| i.decodes()) {
        let twin = decode_twin(&input.name);
        for i in 0..input.variants.len() {
            let want = match input.decode_expect(&twin, i) {
                Some(value) => format!("Some({value})"),
                None => "None".to_owned(),
            };
            let _ = writeln!(
                s,
                "    check_decode({:?}, {}, {want});\n    values += 1;",
                format!("{} (decode)", what(input, i)),
                input.decode_construct(&twin, i, false),
            );
        }
    }
    let pairs =
        |v: &[(String, String)]| v.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect::<Vec<_>>().join(", ");
    for input in combo_inputs {
        let _ = writeln!(s, "    check_statuses::<{0}>({0:?}, &{1:?});", input.name, input.statuses());
        for i in 0..input.variants.len() {
            for k in 0..combos::INSTANCES {
                let e = input.expect(i, k);
                let body = match &e.body {
                    None => "None".to_owned(),
                    Some(b) => {
                        format!("Some(({:?}, &[{}], {}, {:?}))", b.content_type, pairs(&b.members), b.hidden, b.text)
                    }
                };
                let what = if input.is_struct {
                    format!("{} #{k}", input.name)
                } else {
                    format!("{}::{} #{k}", input.name, input.variants[i].name)
                };
                let _ = writeln!(
                    s,
                    "    check_combo(&|| {}, CWant {{ what: {what:?}, status: {}, headers: &[{}], body: {body} }});\n    values += 1;",
                    input.construct(i, k),
                    e.status,
                    pairs(&e.headers),
                );
            }
        }
    }
    let _ = writeln!(
        s,
        "    println!(\"checked {{values}} values of {} types\");\n}}",
        inputs.len() + combo_inputs.len() + combos::Inner::ALL.len()
    );
    s
}

const PRELUDE: &str = r#"//! Generated by tests/tests/expansions.rs from macros/tests/fuzz/gen.rs. Do not edit.
// Fields the derive does not use are never read; a variant is called `r#match`.
#![allow(dead_code, non_camel_case_types)]

use std::fmt;

use errstatus::HttpStatus;
use http::header::CONTENT_TYPE;
use http::StatusCode;
use serde_json::{Map, Value};

/// The response of one value.
struct Want {
    what: &'static str,
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    exposed: bool,
    instance: Option<&'static str>,
    /// (member, JSON).
    members: &'static [(&'static str, &'static str)],
    type_: Option<&'static str>,
    title: Option<&'static str>,
    /// `SerdeJson`: the serde form, the body when shown.
    serde: Option<&'static str>,
}

fn check_statuses<E: HttpStatus>(what: &str, want: &[u16]) {
    let got: Vec<u16> = E::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(got, want, "{what}::statuses()");
}

/// `make` is a `&dyn Fn`: one copy of `check` per type rather than one per value, which was
/// most of the sample's build time.
fn check<E>(make: &dyn Fn() -> E, want: Want)
where
    E: HttpStatus + fmt::Display,
    StatusCode: for<'a> From<&'a E> + From<E>,
    http::Response<String>: From<E>,
{
    let what = want.what;
    let e = make();
    assert_eq!(e.status().as_u16(), want.status, "{what}: status()");
    assert_eq!(StatusCode::from(&e), e.status(), "{what}: From<&E> for StatusCode");
    assert_eq!(StatusCode::from(make()), e.status(), "{what}: From<E> for StatusCode");
    let response: http::Response<String> = make().into();
    let borrowed: http::Response<String> = errstatus::response(&e);
    assert_eq!(response.status().as_u16(), want.status, "{what}: response status");
    assert_eq!(response.headers(), borrowed.headers(), "{what}: From<E> and errstatus::response differ");
    assert_eq!(response.body(), borrowed.body(), "{what}: From<E> and errstatus::response differ");

    let mut got: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| **name != CONTENT_TYPE)
        .map(|(name, value)| (name.to_string(), value.to_str().expect("visible ASCII").to_owned()))
        .collect();
    got.sort();
    let mut headers: Vec<(String, String)> = want.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    headers.sort();
    assert_eq!(got, headers, "{what}: header fields");

    let entry = errstatus::registry::lookup(want.status).expect("registered");
    if !entry.content {
        assert!(response.body().is_empty(), "{what}: a {} has no content", want.status);
        assert!(response.headers().get(CONTENT_TYPE).is_none(), "{what}: content-type without content");
        return;
    }
    if let Some(serde) = want.serde {
        if want.exposed {
            assert_eq!(response.headers()[CONTENT_TYPE], "application/json", "{what}: content-type");
            assert_eq!(response.body(), serde, "{what}: the serde form");
        } else {
            assert!(response.body().is_empty(), "{what}: a hidden serde form sent");
            assert!(response.headers().get(CONTENT_TYPE).is_none(), "{what}: content-type of a hidden serde form");
        }
        return;
    }
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json", "{what}: content-type");
    let body: Value =
        serde_json::from_str(response.body()).unwrap_or_else(|e| panic!("{what}: body {e}: {}", response.body()));
    let mut expected = Map::new();
    expected.insert("type".into(), want.type_.unwrap_or("about:blank").into());
    expected.insert("title".into(), want.title.unwrap_or(entry.reason).into());
    expected.insert("status".into(), want.status.into());
    if want.exposed {
        expected.insert("detail".into(), e.to_string().into());
        if let Some(instance) = want.instance {
            expected.insert("instance".into(), instance.into());
        }
        for (name, json) in want.members {
            expected.insert(name.to_string(), serde_json::from_str(json).expect("JSON"));
        }
    }
    assert_eq!(body, Value::Object(expected), "{what}: body {}", response.body());
}

"#;

/// What the sample needs for the `combos.rs` types: the formats, the check of one value.
const COMBO_PRELUDE: &str = r#"// ---- combos.rs: the attributes together ----

/// A JSON object of its own shape: code, variant, title, message (the detail), at (the
/// instance) and the extension members.
struct Legacy;

impl errstatus::Format for Legacy {
    const CONTENT_TYPE: &'static str = "application/vnd.legacy+json";
    fn write(d: &errstatus::Details<'_>, out: &mut String) {
        let s = |v: &str| serde_json::to_string(v).unwrap();
        out.push_str(&format!("{{\"code\":{},\"variant\":{},\"title\":{}", d.status().as_u16(), s(d.variant()), s(d.title())));
        if let Some(m) = d.detail() {
            out.push_str(&format!(",\"message\":{}", s(&m.to_string())));
        }
        if let Some(i) = d.instance() {
            out.push_str(&format!(",\"at\":{}", s(&i.to_string())));
        }
        for (name, value) in d.extensions() {
            out.push_str(&format!(",{}:{value}", s(name)));
        }
        out.push('}');
    }
}

/// Writes nothing: no body, no content-type.
struct Silent;

impl errstatus::Format for Silent {
    const CONTENT_TYPE: &'static str = "text/plain";
    fn write(_: &errstatus::Details<'_>, _: &mut String) {}
}

/// The members of a JSON object as written, duplicates kept (`Value` would keep the last).
struct Pairs(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut out = Vec::new();
                while let Some(pair) = map.next_entry::<String, Value>()? {
                    out.push(pair);
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The response of one value of a `combos.rs` type.
struct CWant {
    what: &'static str,
    status: u16,
    /// Every header field but content-type, each name once.
    headers: &'static [(&'static str, &'static str)],
    /// (content-type, the members of the body but `title` as (name, JSON), hidden, the exact
    /// text of a body that is not a problem (`SerdeJson`)).
    body: Option<(&'static str, &'static [(&'static str, &'static str)], bool, Option<&'static str>)>,
}

/// `make` as for `check`: one copy per type.
fn check_combo<E>(make: &dyn Fn() -> E, want: CWant)
where
    E: HttpStatus,
    http::Response<String>: From<E>,
{
    let what = want.what;
    let e = make();
    assert_eq!(e.status().as_u16(), want.status, "{what}: status()");
    let response: http::Response<String> = make().into();
    let borrowed: http::Response<String> = errstatus::response(&e);
    assert_eq!(response.status().as_u16(), want.status, "{what}: response status");
    assert_eq!(response.headers(), borrowed.headers(), "{what}: From<E> and errstatus::response differ");
    assert_eq!(response.body(), borrowed.body(), "{what}: From<E> and errstatus::response differ");

    // One value per field name, each the expected one.
    let mut got: Vec<(String, String)> = Vec::new();
    for name in response.headers().keys() {
        let all: Vec<&http::HeaderValue> = response.headers().get_all(name).iter().collect();
        assert_eq!(all.len(), 1, "{what}: `{name}` sent {} times: {all:?}", all.len());
        if name != CONTENT_TYPE {
            got.push((name.to_string(), all[0].to_str().expect("visible ASCII").to_owned()));
        }
    }
    got.sort();
    let mut headers: Vec<(String, String)> = want.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    headers.sort();
    assert_eq!(got, headers, "{what}: header fields");

    let body = response.body();
    let Some((content_type, members, hidden, text)) = want.body else {
        // No body where none may be, and no content-type.
        assert_eq!(body, "", "{what}: a body where none may be");
        assert!(response.headers().get(CONTENT_TYPE).is_none(), "{what}: content-type without a body");
        return;
    };
    assert_eq!(response.headers().get(CONTENT_TYPE).map(|v| v.to_str().unwrap()), Some(content_type), "{what}: content-type");
    // No hidden text anywhere in a hidden response.
    if hidden {
        assert!(!body.contains("SECRET"), "{what}: hidden text in the body {body}");
    }
    // The serde form of the value, as written.
    if let Some(text) = text {
        assert_eq!(body, text, "{what}: body");
        return;
    }
    // One member per name.
    let Pairs(mut pairs) = serde_json::from_str(body).unwrap_or_else(|e| panic!("{what}: body {e}: {body}"));
    let mut names: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "{what}: a member twice in {body}");
    let title = pairs.iter().position(|(n, _)| n == "title").map(|at| pairs.remove(at).1);
    let status = StatusCode::from_u16(want.status).unwrap();
    let reason = errstatus::registry::lookup(want.status).map(|e| e.reason).or(status.canonical_reason());
    assert_eq!(title, Some(Value::from(reason.unwrap_or("Unknown Status"))), "{what}: title in {body}");
    let got: Map<String, Value> = pairs.into_iter().collect();
    let expected: Map<String, Value> =
        members.iter().map(|(n, json)| (n.to_string(), serde_json::from_str(json).expect("JSON"))).collect();
    assert_eq!(got, expected, "{what}: body {body}");
}

"#;

/// The caution of each compiler warning in the build's JSON messages for the sample crate;
/// panics on any other warning.
fn cautions_warned(messages: &[Value]) -> Vec<&'static str> {
    let cautions: Vec<&'static str> = registry::entries().iter().filter_map(|e| e.caution).collect();
    let mut out = Vec::new();
    for msg in messages {
        if msg["reason"] != "compiler-message" || msg["target"]["name"] != CRATE || msg["message"]["level"] != "warning"
        {
            continue;
        }
        let text = msg["message"]["message"].as_str().unwrap_or_default();
        let rendered = msg["message"]["rendered"].as_str().unwrap_or(text);
        match cautions.iter().find(|c| text.contains(**c)) {
            Some(c) if text.contains("acknowledge") => out.push(*c),
            _ => panic!("unexpected warning in the sample crate:\n{rendered}"),
        }
    }
    out.sort_unstable();
    out
}

fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

#[test]
fn generated_inputs_compile_and_behave() {
    let inputs = sample();
    let combo_inputs = combo_sample();
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir.parent().expect("tests/ is in the workspace");
    let root = workspace.join("target/tests/expansions");
    let dir = root.join("sample");
    std::fs::create_dir_all(dir.join("src")).expect("create the sample crate");
    let runtime: PathBuf = workspace.join("runtime").canonicalize().expect("runtime/");
    let manifest = format!(
        "# Generated by tests/tests/expansions.rs. Do not edit.\n[package]\nname = \"{CRATE}\"\nversion = \"0.0.0\"\n\
         edition = \"2021\"\npublish = false\n\n[dependencies]\nerrstatus = {{ path = '{}' }}\nhttp = \"1\"\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n[workspace]\n",
        runtime.display()
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest);
    // The workspace's versions: nothing to resolve or download that the workspace lacks.
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).expect("Cargo.lock");
    write_if_changed(&dir.join("Cargo.lock"), &lock);
    let main = main_rs(&inputs, &combo_inputs);
    write_if_changed(&dir.join("src/main.rs"), &main);

    let started = Instant::now();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["build", "--message-format=json"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let messages: Vec<Value> =
        String::from_utf8_lossy(&output.stdout).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    if !output.status.success() {
        let errors: Vec<&str> = messages
            .iter()
            .filter(|m| m["reason"] == "compiler-message" && m["message"]["level"] == "error")
            .filter_map(|m| m["message"]["rendered"].as_str())
            .collect();
        panic!(
            "the sample does not compile ({}):\n{}\n{}",
            dir.join("src/main.rs").display(),
            errors.join("\n"),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    println!("built the sample of {} + {} types in {:.1?}", inputs.len(), combo_inputs.len(), started.elapsed());

    let mut warned = cautions_warned(&messages);
    // The twins with `decode` warn again.
    let mut expected: Vec<&str> = inputs
        .iter()
        .chain(inputs.iter().filter(|i| i.decodes()))
        .flat_map(|i| i.statuses())
        .filter(|s| s.warns())
        .map(|s| s.entry().caution.expect("a caution"))
        .collect();
    expected.sort_unstable();
    warned.sort_unstable();
    assert_eq!(warned, expected, "warnings of the questionable codes");

    let exe = messages
        .iter()
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == CRATE)
        .find_map(|m| m["executable"].as_str())
        .expect("the sample's executable");
    let run = Command::new(exe).output().expect("the sample runs");
    assert!(
        run.status.success(),
        "the sample ({}) failed:\n{}{}",
        dir.join("src/main.rs").display(),
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    print!("{}", String::from_utf8_lossy(&run.stdout));
}
