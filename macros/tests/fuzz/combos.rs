//! A second generator of `#[derive(HttpStatus)]` inputs, beside [`gen`](super::gen): the
//! attributes of "Real services" together (api.md, "Rules at the corners"), not one at a time.
//! Fixed header values on the type and on variants, `Option` header fields, run-time statuses
//! (`#[status] http::StatusCode` and `Option<http::StatusCode>`, any code 100..=999), field-level
//! `#[status(transparent)]` with sibling header fields and members whose names collide with the
//! inner error's, variant-level transparent, `expose` / `expose = false` on the type and on
//! variants, the status from the whole value (`#[status(with = path)]` on the type: the
//! sample's function reads the value's `kind` field), members written by a function
//! (`#[problem(extension, with = path)]`), details other than the Display text
//! (`#[problem(detail = "...")]` with `{f}`, `{f:?}` and `{f:>8}` placeholders, braces, quotes
//! and a backslash), and the body formats `Legacy` (JSON of its own
//! shape), `Silent` (writes nothing) and `errstatus::SerdeJson` (the type's serde form, with
//! `#[derive(serde::Serialize)]` and `#[serde(skip)]` on the fields that are not `Serialize`).
//!
//! [`Input::source`] renders the model as Rust source; [`Input::expect`] says what the response
//! of each value [`Input::construct`] makes must be: status, every header field with its one
//! value (the most specific wins), and the body (none where none may be; detail, instance and
//! members only when shown). Each variant is made [`INSTANCES`] times with different run-time
//! values (`Some` / `None`, run-time codes, inner errors).
//!
//! The includer has `registry` and `gen` in scope in the parent module and, for the compiled
//! sample, defines the inner errors ([`INNER_SOURCE`]), the formats `Legacy` and `Silent`, the
//! member functions ([`MEMBER_WITH`]), and for each generated type its Display text
//! ([`Input::display`]) and its status function ([`Input::with_fn`]). Every Display text,
//! instance and string member contains `SECRET`: a hidden response's body must not.
// Each includer uses a part.
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::sample::Index;

use super::gen::{json_string, write_code, Code};
use super::registry::{self, Class, Entry};

/// How many values of each variant the compiled sample checks.
pub const INSTANCES: usize = 3;

/// Header names: as written, and the field name. Names the inner errors send (`x-a`, `x-b`,
/// `retry-after`, `x-c`) are among them, and the ones required by the codes below.
pub const HEADERS: &[(&str, &str)] = &[
    ("\"x-a\"", "x-a"),
    ("\"X-A\"", "x-a"),
    ("\"x-b\"", "x-b"),
    ("RETRY_AFTER", "retry-after"),
    ("\"retry-after\"", "retry-after"),
    ("\"x-c\"", "x-c"),
    ("\"x-d\"", "x-d"),
    ("WWW_AUTHENTICATE", "www-authenticate"),
    ("LOCATION", "location"),
    ("ALLOW", "allow"),
    ("UPGRADE", "upgrade"),
];

/// Extension member names; the inner errors use `m0` and `m1`.
const MEMBERS: &[&str] = &["m0", "m1", "m2", "m3"];

/// Codes written in attributes: usable 3xx-5xx codes without a caution (a warning would need
/// acknowledging), several with a required header field.
const CODES: &[u16] = &[301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 410, 422, 426, 429, 500, 502, 503, 504];

/// Run-time statuses: any class, registered or not, with and without content, and the values
/// past 599 that `http::StatusCode` takes (hidden like a 5xx).
pub const RUNTIME_CODES: &[u16] =
    &[100, 103, 150, 199, 200, 204, 205, 299, 304, 307, 400, 404, 418, 429, 451, 499, 500, 503, 599, 600, 999];

/// The functions of `#[problem(extension, with = path)]` members, as written (any of them names
/// the sample's function for the field's type), and the sample's functions: a string member
/// `s` is sent as the JSON string `"w:" + s`, an integer `n` as `[n, "w"]`.
pub const MEMBER_WITH: (&[&str], &[&str], &str) = (
    &["member_str", "self::member_str", "crate::member_str"],
    &["member_int", "crate::member_int"],
    r#"fn member_str(s: &&'static str) -> Value {
    Value::from(format!("w:{s}"))
}

fn member_int(n: &u32) -> Value {
    serde_json::json!([n, "w"])
}
"#,
);

/// What a member function sends for a field's text: [`MEMBER_WITH`]'s rule.
fn member_with(text: &str, int: bool) -> String {
    if int {
        format!("[{text},\"w\"]")
    } else {
        json_string(&format!("w:{text}"))
    }
}

/// The inner errors of transparent fields and variants, derived in the compiled sample: the
/// same variants three times, `InnerJ` with problem+json, `InnerL` with `Legacy`, `InnerS` with
/// `errstatus::SerdeJson` (and `serde::Serialize`).
pub const INNER_SOURCE: &str = r#"#[header("x-a" = "inner")]
enum NAME {
    #[status(429)]
    Slow { #[header("x-b")] b: u32, #[header(RETRY_AFTER)] r: Option<u32>, #[problem(extension)] m0: &'static str, #[problem(instance)] i: &'static str },
    #[status(503)]
    Busy { #[header("x-c")] c: &'static str, #[problem(extension)] m1: &'static str },
    #[status(409, expose = false)]
    Quiet { #[header("x-b")] b: u32, #[problem(extension)] m0: &'static str },
}
"#;

/// What `statuses()` of each inner error lists: its variants' codes.
pub const INNER_STATUSES: &[u16] = &[409, 429, 503];

/// A value of an inner error and its response.
pub struct InnerValue {
    /// After `InnerJ::` / `InnerL::` / `InnerS::`.
    pub expr: &'static str,
    pub variant: &'static str,
    /// The Display text (the sample's impl matches on the variant).
    pub text: &'static str,
    pub status: u16,
    pub headers: &'static [(&'static str, &'static str)],
    pub exposed: bool,
    pub instance: Option<&'static str>,
    pub members: &'static [(&'static str, &'static str)],
    /// Its serde form, `InnerS`'s body when shown.
    pub serde: &'static str,
}

pub const INNER_VALUES: &[InnerValue] = &[
    InnerValue {
        expr: r#"Slow { b: 1, r: Some(30), m0: "SECRET-inner-m0", i: "SECRET-inner-i" }"#,
        variant: "Slow",
        text: "SECRET-inner-slow",
        status: 429,
        headers: &[("x-b", "1"), ("retry-after", "30"), ("x-a", "inner")],
        exposed: true,
        instance: Some("SECRET-inner-i"),
        members: &[("m0", "\"SECRET-inner-m0\"")],
        serde: r#"{"Slow":{"b":1,"r":30,"m0":"SECRET-inner-m0","i":"SECRET-inner-i"}}"#,
    },
    InnerValue {
        expr: r#"Slow { b: 2, r: None, m0: "SECRET-inner-m0", i: "SECRET-inner-i" }"#,
        variant: "Slow",
        text: "SECRET-inner-slow",
        status: 429,
        headers: &[("x-b", "2"), ("x-a", "inner")],
        exposed: true,
        instance: Some("SECRET-inner-i"),
        members: &[("m0", "\"SECRET-inner-m0\"")],
        serde: r#"{"Slow":{"b":2,"r":null,"m0":"SECRET-inner-m0","i":"SECRET-inner-i"}}"#,
    },
    InnerValue {
        expr: r#"Busy { c: "c3", m1: "SECRET-inner-m1" }"#,
        variant: "Busy",
        text: "SECRET-inner-busy",
        status: 503,
        headers: &[("x-c", "c3"), ("x-a", "inner")],
        exposed: false,
        instance: None,
        members: &[("m1", "\"SECRET-inner-m1\"")],
        serde: r#"{"Busy":{"c":"c3","m1":"SECRET-inner-m1"}}"#,
    },
    InnerValue {
        expr: r#"Quiet { b: 4, m0: "SECRET-inner-m0" }"#,
        variant: "Quiet",
        text: "SECRET-inner-quiet",
        status: 409,
        headers: &[("x-b", "4"), ("x-a", "inner")],
        exposed: false,
        instance: None,
        members: &[("m0", "\"SECRET-inner-m0\"")],
        serde: r#"{"Quiet":{"b":4,"m0":"SECRET-inner-m0"}}"#,
    },
];

/// The body format of a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// problem+json, the default: no attribute.
    Default,
    /// `#[errstatus(format = Legacy)]`: `{"code":..,"variant":..,"title":..,"message":..,"at":..,<members>}`.
    Legacy,
    /// `#[errstatus(format = Silent)]`: writes nothing.
    Silent,
    /// `#[errstatus(format = errstatus::SerdeJson)]`: `serde_json::to_string(&self)`, nothing
    /// when hidden.
    SerdeJson,
}

/// `#[header(NAME = "value")]` on the type or a variant.
#[derive(Clone, Debug)]
pub struct Fixed {
    pub header: usize,
    pub value: String,
}

impl Fixed {
    pub fn lower(&self) -> &'static str {
        HEADERS[self.header].1
    }

    fn attr(&self) -> String {
        format!("#[header({} = \"{}\")]", HEADERS[self.header].0, self.value)
    }
}

/// A `#[status(CODE, ...)]`.
#[derive(Clone, Debug)]
pub struct Status {
    pub code: Code,
    /// `expose` (5xx only) or `expose = false`.
    pub expose: Option<bool>,
    pub acknowledge: bool,
}

impl Status {
    pub fn entry(&self) -> &'static Entry {
        registry::lookup(self.code.code).expect("generated codes are registered")
    }

    fn attr(&self) -> String {
        let mut args = vec![self.code.written.clone()];
        args.extend(expose_arg(self.expose));
        if self.acknowledge {
            args.push("acknowledge".into());
        }
        format!("#[status({})]", args.join(", "))
    }
}

fn expose_arg(expose: Option<bool>) -> Option<String> {
    expose.map(|e| if e { "expose".into() } else { "expose = false".into() })
}

/// The `#[status]` on a variant.
#[derive(Clone, Debug)]
pub enum Own {
    None,
    Code(Status),
    /// `#[status(expose)]` / `#[status(expose = false)]` without a code.
    Expose(bool),
    Transparent,
}

/// The inner error type of a transparent field or variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inner {
    J,
    L,
    S,
}

impl Inner {
    pub const ALL: [Inner; 3] = [Inner::J, Inner::L, Inner::S];

    pub fn name(self) -> &'static str {
        match self {
            Inner::J => "InnerJ",
            Inner::L => "InnerL",
            Inner::S => "InnerS",
        }
    }

    /// The attributes of its derive beside [`INNER_SOURCE`].
    pub fn attrs(self) -> &'static str {
        match self {
            Inner::J => "",
            Inner::L => "#[errstatus(format = Legacy)]\n",
            Inner::S => "#[derive(serde::Serialize)]\n#[errstatus(format = errstatus::SerdeJson)]\n",
        }
    }
}

#[derive(Clone, Debug)]
pub enum Role {
    Plain,
    /// `#[header(NAME)]` on `&'static str` (`opt`: `Option<&'static str>`) or, `int`, `u32`.
    Header {
        header: usize,
        opt: bool,
        int: bool,
    },
    /// `#[problem(extension)]` (`named`: `= "name"`), a string or an integer; `with`: written
    /// by a function of [`MEMBER_WITH`] (which one, as written).
    Member {
        member: usize,
        named: bool,
        int: bool,
        with: Option<usize>,
    },
    /// `kind: u16`, no attribute: the code the type's `#[status(with = path)]` function
    /// ([`Input::with_fn`]) returns for the value.
    Kind,
    Instance,
    /// `#[status]` on `http::StatusCode` or `Option<http::StatusCode>`.
    Status {
        opt: bool,
    },
    /// `#[status(transparent)]` on a field (or the one field of a transparent variant).
    Transparent(Inner),
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub role: Role,
}

impl Field {
    pub fn header(&self) -> Option<&'static str> {
        match self.role {
            Role::Header { header, .. } => Some(HEADERS[header].1),
            _ => None,
        }
    }

    pub fn member(&self) -> Option<&'static str> {
        match self.role {
            Role::Member { member, .. } => Some(MEMBERS[member]),
            _ => None,
        }
    }

    /// `serde`: the type derives `serde::Serialize`, which skips the fields that are not.
    fn source(&self, variant_transparent: bool, serde: bool) -> String {
        let (attr, ty) = match &self.role {
            Role::Plain => (String::new(), "u8".to_owned()),
            Role::Header { header, opt, int } => {
                let ty = match (opt, int) {
                    (true, _) => "Option<&'static str>",
                    (false, true) => "u32",
                    (false, false) => "&'static str",
                };
                (format!("#[header({})] ", HEADERS[*header].0), ty.to_owned())
            }
            Role::Member { member, named, int, with } => {
                let ext = if *named { format!("extension = \"{}\"", MEMBERS[*member]) } else { "extension".to_owned() };
                let attr = match with {
                    None => format!("#[problem({ext})] "),
                    // `with` first or last.
                    Some(w) => {
                        let paths = if *int { MEMBER_WITH.1 } else { MEMBER_WITH.0 };
                        let path = paths[(w / 2) % paths.len()];
                        if w % 2 == 0 {
                            format!("#[problem({ext}, with = {path})] ")
                        } else {
                            format!("#[problem(with = {path}, {ext})] ")
                        }
                    }
                };
                (attr, if *int { "u32" } else { "&'static str" }.to_owned())
            }
            Role::Kind => (String::new(), "u16".into()),
            Role::Instance => ("#[problem(instance)] ".into(), "&'static str".into()),
            Role::Status { opt: false } => ("#[status] ".into(), "http::StatusCode".into()),
            Role::Status { opt: true } => ("#[status] ".into(), "Option<http::StatusCode>".into()),
            Role::Transparent(inner) if variant_transparent => (String::new(), inner.name().to_owned()),
            Role::Transparent(inner) => ("#[status(transparent)] ".into(), inner.name().to_owned()),
        };
        let skip = if serde && matches!(self.role, Role::Status { .. } | Role::Transparent(_)) {
            "#[serde(skip)] "
        } else {
            ""
        };
        format!("{skip}{attr}{}: {ty}", self.name)
    }
}

#[derive(Clone, Debug)]
pub struct Variant {
    /// The type's name in a struct.
    pub name: String,
    pub own: Own,
    pub fixed: Vec<Fixed>,
    /// Named fields (none: a unit variant).
    pub fields: Vec<Field>,
    /// Picks the run-time values of this variant's instances.
    pub salt: u32,
    /// `#[problem(detail = "...")]` (a struct's on the type): the detail instead of the Display
    /// text.
    pub detail: Option<Vec<Piece>>,
}

/// A piece of a detail's format string.
#[derive(Clone, Debug)]
pub enum Piece {
    /// Text as written: `{{` and `}}` are one brace.
    Text(&'static str),
    /// A placeholder of field `field`: `{name}`, `{name:?}` or `{name:>8}`.
    Field { field: usize, spec: Spec },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spec {
    Display,
    Debug,
    /// `:>8`: the Display text right-aligned in 8 columns.
    Right,
}

/// The text pieces of details: each starts with `SECRET` (hidden like the Display text).
const DETAIL_TEXTS: &[&str] = &[" and ", "{{", "}}", ": ", " \\ \"q\" "];

impl Variant {
    /// The `#[problem(detail = "...")]` attribute, if any.
    fn detail_attr(&self) -> Option<String> {
        let pieces = self.detail.as_ref()?;
        let mut fmt = String::from("SECRET-detail ");
        for p in pieces {
            match p {
                Piece::Text(t) => fmt.push_str(t),
                Piece::Field { field, spec } => {
                    let name = &self.fields[*field].name;
                    fmt.push_str(&match spec {
                        Spec::Display => format!("{{{name}}}"),
                        Spec::Debug => format!("{{{name}:?}}"),
                        Spec::Right => format!("{{{name}:>8}}"),
                    });
                }
            }
        }
        // As a Rust string literal.
        Some(format!("#[problem(detail = {fmt:?})]"))
    }

    /// Whether field `j` can be a placeholder, and with the Display spec.
    fn formats(&self, j: usize) -> Option<bool> {
        match self.fields[j].role {
            Role::Header { opt: true, .. } => Some(false),
            Role::Plain | Role::Header { .. } | Role::Member { .. } | Role::Instance | Role::Kind => Some(true),
            Role::Status { .. } | Role::Transparent(_) => None,
        }
    }
}

/// The `#[status]` on the type.
#[derive(Clone, Debug)]
pub enum TypeStatus {
    Code(Status),
    /// Structs only.
    Transparent,
    /// `#[status(with = path)]`, with `expose` / `expose = false`: the status from the whole
    /// value, [`Input::with_fn`] (`path` picks how its path is written). A variant that takes
    /// it has a [`Role::Kind`] field; in a struct whose one field that is, `with` is over that
    /// field.
    With {
        expose: Option<bool>,
        path: u8,
    },
}

#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub is_struct: bool,
    pub status: Option<TypeStatus>,
    pub fixed: Vec<Fixed>,
    pub format: Format,
    /// A struct has exactly one, named as the type, with `Own::None` and no fixed values.
    pub variants: Vec<Variant>,
}

/// The response of one value.
#[derive(Debug)]
pub struct Expect {
    pub status: u16,
    /// (lower-case name, value): each name once.
    pub headers: Vec<(String, String)>,
    /// `None`: no body and no content-type.
    pub body: Option<Body>,
}

#[derive(Debug)]
pub struct Body {
    pub content_type: &'static str,
    /// The members of the body's one JSON object but `title`: (name, JSON), each name once.
    pub members: Vec<(String, String)>,
    /// Detail, instance and members hidden: the body has no `SECRET`.
    pub hidden: bool,
    /// The body's exact text (`SerdeJson`), instead of `members`.
    pub text: Option<String>,
}

/// What decides a variant's status.
pub enum Decides<'a> {
    /// A code in an attribute (the variant's or the type's), with the `expose` that applies.
    Code(&'a Status, Option<bool>),
    /// A `#[status]` field: its value, or (for an `Option` that is `None`) the fallback.
    RunTime { field: usize, fallback: Option<&'a Status>, expose: Option<bool> },
    /// The type's `#[status(with = path)]`: the code in the `kind` field, with the `expose`
    /// that applies.
    WithSelf { field: usize, expose: Option<bool> },
    /// The inner error: field index.
    Transparent(usize),
}

impl Input {
    fn default_status(&self) -> Option<&Status> {
        match &self.status {
            Some(TypeStatus::Code(s)) => Some(s),
            _ => None,
        }
    }

    pub fn decides<'a>(&'a self, v: &'a Variant) -> Decides<'a> {
        if let Some(j) = v.fields.iter().position(|f| matches!(f.role, Role::Transparent(_))) {
            return Decides::Transparent(j);
        }
        let type_expose = self.default_status().and_then(|d| d.expose);
        let own_expose = match &v.own {
            Own::Code(s) => s.expose,
            Own::Expose(b) => Some(*b),
            _ => None,
        };
        let own_code = match &v.own {
            Own::Code(s) => Some(s),
            _ => None,
        };
        match v.fields.iter().position(|f| matches!(f.role, Role::Status { .. })) {
            Some(j) => {
                let Role::Status { opt } = v.fields[j].role else { unreachable!() };
                // The type's `expose` reaches a variant that takes the type's code.
                let takes_type = self.is_struct || (own_code.is_none() && opt);
                let expose = own_expose.or(type_expose.filter(|_| takes_type));
                let fallback = if opt { own_code.or(self.default_status()) } else { None };
                Decides::RunTime { field: j, fallback, expose }
            }
            None => match (own_code, &self.status) {
                (Some(s), _) => Decides::Code(s, s.expose),
                // The type's `with` decides; its `expose` reaches the variants that take it.
                (None, Some(TypeStatus::With { expose, .. })) => {
                    let field = v.fields.iter().position(|f| matches!(f.role, Role::Kind));
                    Decides::WithSelf {
                        field: field.expect("a variant that takes the type's `with` has a kind"),
                        expose: own_expose.or(*expose),
                    }
                }
                (None, _) => {
                    let d = self.default_status().expect("a variant without a code takes the type's");
                    Decides::Code(d, own_expose.or(d.expose))
                }
            },
        }
    }

    /// What `statuses()` lists: the codes known at compile time (a variant's or the type's, an
    /// `Option` field's fallback) and the inner errors' through transparent variants and fields,
    /// ascending, each once; nothing for a status decided at run time only (a `StatusCode`
    /// field, the type's `with`).
    pub fn statuses(&self) -> Vec<u16> {
        let mut out = Vec::new();
        for v in &self.variants {
            match self.decides(v) {
                Decides::Code(s, _) => out.push(s.code.code),
                Decides::RunTime { fallback, .. } => out.extend(fallback.map(|s| s.code.code)),
                Decides::WithSelf { .. } => {}
                Decides::Transparent(_) => out.extend(INNER_STATUSES),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The path of the type's status function, `status_of_<name>`, as `path` picks.
    fn with_path(&self, path: u8) -> String {
        let name = format!("status_of_{}", self.name.to_ascii_lowercase());
        match path % 3 {
            0 => name,
            1 => format!("self::{name}"),
            _ => format!("crate::{name}"),
        }
    }

    /// The function of the type's `#[status(with = path)]`, for the compiled sample: the code in
    /// the `kind` field of a variant that takes it, 418 for the others (whose own `#[status]`
    /// wins: a 418 in a response says it did not). Over `&u16` for a struct whose one field is
    /// `kind`.
    pub fn with_fn(&self) -> Option<String> {
        let Some(TypeStatus::With { .. }) = self.status else { return None };
        let name = self.with_path(0);
        let from = "StatusCode::from_u16(kind).expect(\"a generated code\")";
        if self.is_struct && self.variants[0].fields.len() == 1 {
            return Some(format!("fn {name}(kind: &u16) -> StatusCode {{\n    let kind = *kind;\n    {from}\n}}\n"));
        }
        let body = if self.is_struct {
            format!("let kind = e.kind;\n    {from}")
        } else {
            let arms: Vec<String> = self
                .variants
                .iter()
                .map(|v| {
                    let path = format!("{}::{}", self.name, v.name);
                    if v.fields.iter().any(|f| matches!(f.role, Role::Kind)) {
                        format!("        {path} {{ kind, .. }} => {from},")
                    } else {
                        format!("        {path} {{ .. }} => StatusCode::IM_A_TEAPOT,")
                    }
                })
                .collect();
            format!("match *e {{\n{}\n    }}", arms.join("\n"))
        };
        Some(format!("fn {name}(e: &{}) -> StatusCode {{\n    {body}\n}}\n", self.name))
    }

    /// The input as Rust source, without `#[derive(HttpStatus)]` (with `#[derive(serde::Serialize)]`
    /// for `SerdeJson`).
    pub fn source(&self) -> String {
        let mut out = String::new();
        if self.format == Format::SerdeJson {
            out.push_str("#[derive(serde::Serialize)]\n");
        }
        match &self.status {
            Some(TypeStatus::Code(s)) => out.push_str(&(s.attr() + "\n")),
            Some(TypeStatus::Transparent) => out.push_str("#[status(transparent)]\n"),
            Some(TypeStatus::With { expose, path }) => {
                let args: Vec<String> =
                    std::iter::once(format!("with = {}", self.with_path(*path))).chain(expose_arg(*expose)).collect();
                out.push_str(&format!("#[status({})]\n", args.join(", ")));
            }
            None => {}
        }
        for f in &self.fixed {
            out.push_str(&(f.attr() + "\n"));
        }
        match self.format {
            Format::Default => {}
            Format::Legacy => out.push_str("#[errstatus(format = Legacy)]\n"),
            Format::Silent => out.push_str("#[errstatus(format = Silent)]\n"),
            Format::SerdeJson => out.push_str("#[errstatus(format = errstatus::SerdeJson)]\n"),
        }
        let serde = self.format == Format::SerdeJson;
        let fields = |v: &Variant| {
            let transparent = matches!(v.own, Own::Transparent) || matches!(self.status, Some(TypeStatus::Transparent));
            v.fields.iter().map(|f| f.source(transparent, serde)).collect::<Vec<_>>().join(", ")
        };
        if self.is_struct {
            let v = &self.variants[0];
            if let Some(detail) = v.detail_attr() {
                out.push_str(&(detail + "\n"));
            }
            if v.fields.is_empty() {
                out.push_str(&format!("struct {};\n", self.name));
            } else {
                out.push_str(&format!("struct {} {{ {} }}\n", self.name, fields(v)));
            }
            return out;
        }
        out.push_str(&format!("enum {} {{\n", self.name));
        for v in &self.variants {
            let mut attrs: Vec<String> = Vec::new();
            match &v.own {
                Own::None => {}
                Own::Code(s) => attrs.push(s.attr()),
                Own::Expose(b) => attrs.push(format!("#[status({})]", expose_arg(Some(*b)).expect("some"))),
                Own::Transparent => attrs.push("#[status(transparent)]".into()),
            }
            attrs.extend(v.fixed.iter().map(Fixed::attr));
            attrs.extend(v.detail_attr());
            let body = if v.fields.is_empty() { String::new() } else { format!(" {{ {} }}", fields(v)) };
            out.push_str(&format!("    {} {}{body},\n", attrs.join(" "), v.name));
        }
        out.push_str("}\n");
        out
    }

    /// The Display text of variant `i`.
    pub fn display(&self, i: usize) -> String {
        format!("SECRET-{}-{}", self.name, self.variants[i].name)
    }

    /// The detail of variant `i`, instance `k`: its `#[problem(detail)]` as rustc formats it, else
    /// the Display text.
    pub fn detail(&self, i: usize, k: usize) -> String {
        let v = &self.variants[i];
        let Some(pieces) = &v.detail else { return self.display(i) };
        let mut out = String::from("SECRET-detail ");
        for p in pieces {
            match *p {
                Piece::Text(t) => out.push_str(&t.replace("{{", "{").replace("}}", "}")),
                Piece::Field { field, spec } => {
                    let role = &v.fields[field].role;
                    let (expr, part) = self.value(i, field, k);
                    let text = match (role, part) {
                        (Role::Header { opt: true, .. }, Part::Text(t)) => format!("Some({t:?})"),
                        (Role::Header { opt: true, .. }, _) => "None".to_owned(),
                        (_, Part::Text(t)) => t,
                        (_, Part::Code(c)) => c.to_string(),
                        // A number, written as its expression.
                        (_, _) => expr,
                    };
                    let string = matches!(
                        role,
                        Role::Header { int: false, opt: false, .. } | Role::Member { int: false, .. } | Role::Instance
                    );
                    out.push_str(&match spec {
                        Spec::Debug if string => format!("{text:?}"),
                        Spec::Display | Spec::Debug => text,
                        Spec::Right => format!("{text:>8}"),
                    });
                }
            }
        }
        out
    }

    /// The value of field `j` of variant `i` in instance `k`: (expression, response part).
    fn value(&self, i: usize, j: usize, k: usize) -> (String, Part) {
        let v = &self.variants[i];
        let f = &v.fields[j];
        let seed = (i * 8 + j) * INSTANCES + k;
        let pick = |n: usize| (v.salt as usize + j * 3 + k * 7) % n;
        match &f.role {
            Role::Plain => (format!("{}", seed % 256), Part::None),
            Role::Header { opt: true, .. } => {
                // Some and None alternate across the instances.
                if (k + j + v.salt as usize) & 1 == 0 {
                    (format!("Some(\"o{seed}\")"), Part::Text(format!("o{seed}")))
                } else {
                    ("None".into(), Part::None)
                }
            }
            Role::Header { int: true, .. } => (seed.to_string(), Part::Text(seed.to_string())),
            Role::Header { .. } => (format!("\"h{seed}\""), Part::Text(format!("h{seed}"))),
            Role::Member { int: true, .. } => (seed.to_string(), Part::Text(seed.to_string())),
            Role::Member { .. } | Role::Instance => {
                let s = format!("SECRET-{}-{seed}", self.name);
                (format!("\"{s}\""), Part::Text(s))
            }
            Role::Kind => {
                // The instances: a code with content below 500 (shown unless `expose = false`),
                // one from 500 (hidden unless `expose`), then any.
                let pool: Vec<u16> = RUNTIME_CODES
                    .iter()
                    .copied()
                    .filter(|&c| match k {
                        0 => (200..500).contains(&c) && !matches!(c, 204 | 205 | 304),
                        1 => c >= 500,
                        _ => true,
                    })
                    .collect();
                let code = pool[pick(pool.len())];
                (code.to_string(), Part::Code(code))
            }
            Role::Status { opt } => {
                let code = RUNTIME_CODES[pick(RUNTIME_CODES.len())];
                let expr = format!("StatusCode::from_u16({code}).unwrap()");
                match opt {
                    true if k == 1 => ("None".into(), Part::None),
                    true => (format!("Some({expr})"), Part::Code(code)),
                    false => (expr, Part::Code(code)),
                }
            }
            Role::Transparent(inner) => {
                let which = pick(INNER_VALUES.len());
                (format!("{}::{}", inner.name(), INNER_VALUES[which].expr), Part::Inner(which))
            }
        }
    }

    /// An expression of variant `i`, instance `k` (`k < INSTANCES`).
    pub fn construct(&self, i: usize, k: usize) -> String {
        let v = &self.variants[i];
        let path = if self.is_struct { self.name.clone() } else { format!("{}::{}", self.name, v.name) };
        if v.fields.is_empty() {
            return path;
        }
        let inits: Vec<String> =
            (0..v.fields.len()).map(|j| format!("{}: {}", v.fields[j].name, self.value(i, j, k).0)).collect();
        format!("{path} {{ {} }}", inits.join(", "))
    }

    /// The response of the value [`Input::construct`] makes for variant `i`, instance `k`.
    pub fn expect(&self, i: usize, k: usize) -> Expect {
        let v = &self.variants[i];
        let parts: Vec<Part> = (0..v.fields.len()).map(|j| self.value(i, j, k).1).collect();
        let text = |j: usize| match &parts[j] {
            Part::Text(t) => Some(t.clone()),
            _ => None,
        };
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut members: Vec<(String, String)> = Vec::new();
        let mut instance = None;
        // The serde form of a `SerdeJson` body: the inner error's through a transparent field.
        let mut serde = None;
        let set = |list: &mut Vec<(String, String)>, name: &str, value: String| match list
            .iter_mut()
            .find(|(n, _)| n == name)
        {
            Some(slot) => slot.1 = value,
            None => list.push((name.to_owned(), value)),
        };
        let (status, exposed, format, detail, variant) = match self.decides(v) {
            Decides::Transparent(j) => {
                let Part::Inner(which) = parts[j] else { unreachable!() };
                let Role::Transparent(inner) = v.fields[j].role else { unreachable!() };
                let iv = &INNER_VALUES[which];
                headers.extend(iv.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())));
                members.extend(iv.members.iter().map(|(n, v)| (n.to_string(), v.to_string())));
                instance = iv.instance.map(str::to_owned);
                serde = Some(iv.serde.to_owned());
                let format = match inner {
                    Inner::J => Format::Default,
                    Inner::L => Format::Legacy,
                    Inner::S => Format::SerdeJson,
                };
                (iv.status, iv.exposed, format, iv.text.to_owned(), iv.variant.to_owned())
            }
            d => {
                let (status, expose) = match d {
                    Decides::Code(s, expose) => (s.code.code, expose),
                    Decides::RunTime { field, fallback, expose } => match parts[field] {
                        Part::Code(c) => (c, expose),
                        _ => (fallback.expect("an Option status field has a fallback").code.code, expose),
                    },
                    Decides::WithSelf { field, expose } => match parts[field] {
                        Part::Code(c) => (c, expose),
                        _ => unreachable!("a kind is a code"),
                    },
                    Decides::Transparent(_) => unreachable!(),
                };
                (status, expose.unwrap_or(status < 500), self.format, self.detail(i, k), v.name.clone())
            }
        };
        // The variant's fields, in order: a header field (or sibling) that sends a value
        // replaces the inner error's of its name; a member replaces in place.
        for (j, f) in v.fields.iter().enumerate() {
            match &f.role {
                Role::Header { .. } => {
                    if let Some(t) = text(j) {
                        set(&mut headers, f.header().expect("header"), t);
                    }
                }
                Role::Member { int, with, .. } => {
                    let t = text(j).expect("a member value");
                    let json = match (with, int) {
                        (Some(_), _) => member_with(&t, *int),
                        (None, true) => t,
                        (None, false) => format!("\"{t}\""),
                    };
                    set(&mut members, f.member().expect("member"), json);
                }
                Role::Instance => instance = text(j),
                _ => {}
            }
        }
        // Fixed values fill in the names nobody sent: the variant's before the type's.
        for fixed in v.fixed.iter().chain(&self.fixed) {
            if !headers.iter().any(|(n, _)| n == fixed.lower()) {
                headers.push((fixed.lower().to_owned(), fixed.value.clone()));
            }
        }
        let no_content = status < 200 || matches!(status, 204 | 205 | 304);
        let body = match format {
            _ if no_content => None,
            Format::Silent => None,
            Format::Default => {
                let mut m =
                    vec![("type".to_owned(), "\"about:blank\"".to_owned()), ("status".into(), status.to_string())];
                if exposed {
                    m.push(("detail".into(), json_string(&detail)));
                    m.extend(instance.map(|i| ("instance".to_owned(), format!("\"{i}\""))));
                    m.extend(members);
                }
                Some(Body { content_type: "application/problem+json", members: m, hidden: !exposed, text: None })
            }
            Format::Legacy => {
                let mut m = vec![("code".to_owned(), status.to_string()), ("variant".into(), format!("\"{variant}\""))];
                if exposed {
                    m.push(("message".into(), json_string(&detail)));
                    m.extend(instance.map(|i| ("at".to_owned(), format!("\"{i}\""))));
                    m.extend(members);
                }
                Some(Body { content_type: "application/vnd.legacy+json", members: m, hidden: !exposed, text: None })
            }
            // The serde form, or nothing at all when hidden.
            Format::SerdeJson if !exposed => None,
            Format::SerdeJson => Some(Body {
                content_type: "application/json",
                members: Vec::new(),
                hidden: false,
                text: Some(serde.unwrap_or_else(|| self.serde_form(i, k))),
            }),
        };
        Expect { status, headers, body }
    }

    /// `serde_json::to_string` of the value [`Input::construct`] makes for variant `i`,
    /// instance `k`, as serde's derive writes it: a unit struct `null`, a struct an object of
    /// its fields in declaration order, an enum's unit variant its name, another variant
    /// `{"Name":{fields}}`; the fields that are not `Serialize` (`#[status]`, transparent)
    /// skipped.
    pub fn serde_form(&self, i: usize, k: usize) -> String {
        let v = &self.variants[i];
        let fields: Vec<String> = (0..v.fields.len())
            .filter_map(|j| {
                let f = &v.fields[j];
                let (expr, part) = self.value(i, j, k);
                let json = match (&f.role, part) {
                    (Role::Status { .. } | Role::Transparent(_), _) => return None,
                    (Role::Header { opt: true, .. }, Part::None) => "null".to_owned(),
                    (
                        Role::Header { int: false, .. } | Role::Member { int: false, .. } | Role::Instance,
                        Part::Text(t),
                    ) => json_string(&t),
                    // Numbers: `u8`, `u16` and `u32` fields, written as their JSON.
                    (Role::Plain | Role::Kind | Role::Header { .. } | Role::Member { .. }, _) => expr,
                    (Role::Instance, _) => unreachable!("an instance is a text"),
                };
                Some(format!("{}:{json}", json_string(&f.name)))
            })
            .collect();
        let object = format!("{{{}}}", fields.join(","));
        match (self.is_struct, v.fields.is_empty()) {
            (true, true) => "null".to_owned(),
            (true, false) => object,
            (false, true) => json_string(&v.name),
            (false, false) => format!("{{{}:{object}}}", json_string(&v.name)),
        }
    }
}

/// What one field's value adds to the response.
enum Part {
    None,
    /// A header value, member or instance text.
    Text(String),
    /// A run-time status.
    Code(u16),
    /// `INNER_VALUES[_]`.
    Inner(usize),
}

fn code(pick: Index, form: u8, name: Index) -> Code {
    let c = CODES[pick.index(CODES.len())];
    let entry = registry::lookup(c).expect("registered");
    Code { code: c, written: write_code(entry, form, name) }
}

/// A `#[status(CODE, ..)]`: `expose` only on a 5xx, `expose = false` on any.
fn status() -> BoxedStrategy<Status> {
    (any::<Index>(), 0..11u8, any::<Index>(), 0..4u8)
        .prop_map(|(pick, form, name, expose)| {
            let code = code(pick, form, name);
            let server = registry::lookup(code.code).expect("registered").class == Class::ServerError;
            let expose = match expose {
                0 => Some(false),
                1 if server => Some(true),
                _ => None,
            };
            Status { code, expose, acknowledge: false }
        })
        .boxed()
}

/// A field before the rules: role (0 plain, 1 header, 2 member, 3 instance), header or member
/// pick, Option, integer, named member, a member's function (which path).
type RawField = (u8, Index, bool, bool, bool, Option<usize>);

fn raw_field() -> BoxedStrategy<RawField> {
    let role = prop_oneof![1 => Just(0u8), 4 => Just(1), 3 => Just(2), 1 => Just(3)];
    let with = proptest::option::weighted(0.35, 0..6usize);
    (role, any::<Index>(), any::<bool>(), any::<bool>(), any::<bool>(), with).boxed()
}

/// The extra fields of a variant: header names and member names distinct, one instance.
fn fields_of(raw: &[RawField]) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for (j, &(role, pick, opt, int, named, with)) in raw.iter().enumerate() {
        let name = format!("f{j}");
        let role = match role {
            1 => {
                let header = pick.index(HEADERS.len());
                if out.iter().any(|f| f.header() == Some(HEADERS[header].1)) {
                    Role::Plain
                } else {
                    Role::Header { header, opt, int: int && !opt }
                }
            }
            2 => {
                let member = pick.index(MEMBERS.len());
                if out.iter().any(|f| f.member() == Some(MEMBERS[member])) {
                    Role::Plain
                } else {
                    Role::Member { member, named, int, with }
                }
            }
            3 if !out.iter().any(|f| matches!(f.role, Role::Instance)) => Role::Instance,
            _ => Role::Plain,
        };
        // An unnamed member is named after its field.
        let name = match role {
            Role::Member { member, named: false, .. } => MEMBERS[member].to_owned(),
            _ => name,
        };
        out.push(Field { name, role });
    }
    out
}

/// Fixed values with distinct names.
fn fixed_of(raw: &[Index], what: &str) -> Vec<Fixed> {
    let mut out: Vec<Fixed> = Vec::new();
    for (n, pick) in raw.iter().enumerate() {
        let header = pick.index(HEADERS.len());
        if !out.iter().any(|f| f.lower() == HEADERS[header].1) {
            out.push(Fixed { header, value: format!("{what}-{n}") });
        }
    }
    out
}

/// Makes the required header fields of `status`'s code present: each missing one as a fixed
/// value on the variant, a field, or an `Option` field beside a fixed value (`how`), or all
/// waived by `acknowledge` when `ack` is given and `how` says so.
fn add_required(v: &mut Variant, type_fixed: &[Fixed], entry: &Entry, how: u8, ack: Option<&mut bool>) {
    let missing: Vec<usize> = entry
        .required_headers
        .iter()
        .map(|r| {
            let lower = r.name.to_ascii_lowercase();
            HEADERS.iter().position(|(w, l)| *l == lower && !w.starts_with('"')).expect("a constant in HEADERS")
        })
        .filter(|&h| {
            let lower = HEADERS[h].1;
            let by_field = v
                .fields
                .iter()
                .any(|f| matches!(f.role, Role::Header { header, opt: false, .. } if HEADERS[header].1 == lower));
            let fixed = v.fixed.iter().chain(type_fixed).any(|f| f.lower() == lower);
            !by_field && !fixed
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    if let (Some(ack), 0) = (ack, how % 4) {
        *ack = true;
        return;
    }
    for h in missing {
        let lower = HEADERS[h].1;
        // A field of that name (an Option one) is replaced or kept beside a fixed value.
        let field = v.fields.iter_mut().find(|f| f.header() == Some(lower));
        match (how % 4, field) {
            (0 | 1, _) => v.fixed.push(Fixed { header: h, value: format!("req-{}", v.name) }),
            (2, Some(f)) => f.role = Role::Header { header: h, opt: false, int: false },
            (2, None) => {
                let name = format!("r{}", v.fields.len());
                v.fields.push(Field { name, role: Role::Header { header: h, opt: false, int: false } });
            }
            (_, Some(_)) => v.fixed.push(Fixed { header: h, value: format!("req-{}", v.name) }),
            (_, None) => {
                let name = format!("r{}", v.fields.len());
                v.fields.push(Field { name, role: Role::Header { header: h, opt: true, int: false } });
                v.fixed.push(Fixed { header: h, value: format!("req-{}", v.name) });
            }
        }
    }
}

/// A variant before the rules: kind (0 code, 1 inherit, 2 `StatusCode` field, 3 `Option`
/// field, 4 transparent field, 5 transparent variant), own status, own `expose` without a
/// code (0 none, 1 expose, 2 expose = false), fixed values, fields, where the deciding field
/// goes, inner type ([`Inner::ALL`]), how required headers are met, salt, the pieces of a
/// detail (0-1 text, 2 `{f}`, 3 `{f:?}`, 4 `{f:>8}`; which text or field).
type RawVariant = (u8, Status, u8, Vec<Index>, Vec<RawField>, Index, Index, u8, u32, Option<Vec<(u8, Index)>>);

fn raw_variant() -> BoxedStrategy<RawVariant> {
    (
        0..6u8,
        status(),
        0..3u8,
        proptest::collection::vec(any::<Index>(), 0..3),
        proptest::collection::vec(raw_field(), 0..4),
        any::<Index>(),
        any::<Index>(),
        any::<u8>(),
        any::<u32>(),
        proptest::option::weighted(0.35, proptest::collection::vec((0..5u8, any::<Index>()), 0..4)),
    )
        .boxed()
}

fn bare_expose(e: u8) -> Own {
    match e {
        1 => Own::Expose(true),
        2 => Own::Expose(false),
        _ => Own::None,
    }
}

/// Builds a variant (or a struct's fields, `is_struct`) from its raw parts. `with`: the type has
/// `#[status(with = path)]` (and no default code).
fn variant(
    name: String,
    raw: RawVariant,
    default: Option<&Status>,
    type_fixed: &[Fixed],
    is_struct: bool,
    with: bool,
) -> Variant {
    let (kind, mut status, expose, fixed, raw_fields, at, inner, how, salt, detail) = raw;
    let inner = Inner::ALL[inner.index(Inner::ALL.len())];
    let fixed = if is_struct { Vec::new() } else { fixed_of(&fixed, &name) };
    let mut fields = fields_of(&raw_fields);
    let mut v = Variant { name, own: Own::None, fixed, fields: Vec::new(), salt, detail: None };
    // A struct's code is the type's; a kind that needs one of its own falls back.
    // With the type's `with`, a variant without a code takes it (a struct always does), and
    // so do most of those that would have a code or a `StatusCode` field of their own.
    let kind = match (kind, default, is_struct) {
        _ if with && is_struct => 1,
        (1, None, false) if with => 1,
        (0, None, false) if with && salt % 3 != 0 => 1,
        (2, None, false) if with && salt % 2 == 0 => 1,
        (0, Some(_), true) => 1,
        (1, None, _) | (0, None, true) => 2,
        (5, _, true) => 4,
        (k, _, _) => k,
    };
    let decider = match kind {
        1 if with => Some(Role::Kind),
        2 => Some(Role::Status { opt: false }),
        3 => Some(Role::Status { opt: true }),
        4 => Some(Role::Transparent(inner)),
        _ => None,
    };
    if kind == 5 {
        v.own = Own::Transparent;
        v.fields = vec![Field { name: "inner".into(), role: Role::Transparent(inner) }];
        return v;
    }
    if let Some(role) = decider {
        let at = at.index(fields.len() + 1);
        let name = if matches!(role, Role::Kind) { "kind" } else { "d" };
        fields.insert(at, Field { name: name.into(), role });
    }
    // A struct's `with` is over the whole value with two fields or more, over its one field
    // (`kind`) otherwise: both, with a function of each kind.
    if with && is_struct {
        if salt % 3 == 0 {
            fields.retain(|f| matches!(f.role, Role::Kind));
        } else if fields.len() < 2 {
            fields.push(Field { name: "p".into(), role: Role::Plain });
        }
    }
    v.fields = fields;
    // A detail: not beside a transparent field (the detail is the inner error's).
    if kind != 4 {
        let eligible: Vec<usize> = (0..v.fields.len()).filter(|&j| v.formats(j).is_some()).collect();
        v.detail = detail.map(|raw| {
            raw.iter()
                .map(|&(what, pick)| match what {
                    2..=4 if !eligible.is_empty() => {
                        let field = eligible[pick.index(eligible.len())];
                        let spec = match (what, v.formats(field)) {
                            (_, Some(false)) | (3, _) => Spec::Debug,
                            (2, _) => Spec::Display,
                            _ => Spec::Right,
                        };
                        Piece::Field { field, spec }
                    }
                    _ => Piece::Text(DETAIL_TEXTS[pick.index(DETAIL_TEXTS.len())]),
                })
                .collect()
        });
    }
    // The `#[status]` of the variant; an inherited code's header fields are the type's
    // concern (a fixed value of the type, or its `acknowledge`).
    let mut own_ack = false;
    let own_code = !is_struct && (kind == 0 || (kind == 3 && (default.is_none() || expose == 0)));
    v.own = match kind {
        _ if own_code => Own::Code(status.clone()),
        // Under the type's `with`, mostly the type's `expose`.
        1 if with && how % 2 == 1 => Own::None,
        1..=3 if !is_struct => bare_expose(expose),
        _ => Own::None,
    };
    if own_code {
        add_required(&mut v, type_fixed, status.entry(), how, Some(&mut own_ack));
    }
    if own_ack {
        status.acknowledge = true;
        v.own = Own::Code(status);
    }
    v
}

/// An enum or a struct named `name` that combines the attributes.
pub fn input(name: &str) -> BoxedStrategy<Input> {
    let name = name.to_owned();
    (
        any::<bool>(),
        proptest::option::weighted(0.6, status()),
        proptest::collection::vec(any::<Index>(), 0..3),
        prop_oneof![
            2 => Just(Format::Default),
            2 => Just(Format::Legacy),
            1 => Just(Format::Silent),
            2 => Just(Format::SerdeJson)
        ],
        proptest::collection::vec(raw_variant(), 1..5),
        any::<u8>(),
        // The type's `#[status(with = path)]` instead of a default code: `expose` (0 none, 1
        // `expose`, 2 `expose = false`), how the path is written.
        proptest::option::weighted(0.3, (0..3u8, 0..3u8)),
    )
        .prop_map(move |(is_struct, mut default, fixed, format, raw, how, with)| {
            let fixed = fixed_of(&fixed, "type");
            if let Some((expose, path)) = with {
                let expose = match expose {
                    1 => Some(true),
                    2 => Some(false),
                    _ => None,
                };
                let status = Some(TypeStatus::With { expose, path });
                let variants: Vec<Variant> = if is_struct {
                    let raw = raw.into_iter().next().expect("one variant at least");
                    vec![variant(name.clone(), raw, None, &fixed, true, true)]
                } else {
                    raw.into_iter()
                        .enumerate()
                        .map(|(i, raw)| variant(format!("V{i}"), raw, None, &fixed, false, true))
                        .collect()
                };
                return Input { name: name.clone(), is_struct, status, fixed, format, variants };
            }
            // The type's code with a required header: a fixed value of the type, or acknowledged.
            if let Some(d) = &mut default {
                let missing: Vec<usize> = d
                    .entry()
                    .required_headers
                    .iter()
                    .map(|r| {
                        let lower = r.name.to_ascii_lowercase();
                        HEADERS.iter().position(|(w, l)| *l == lower && !w.starts_with('"')).expect("in HEADERS")
                    })
                    .filter(|&h| !fixed.iter().any(|f| f.lower() == HEADERS[h].1))
                    .collect();
                if !missing.is_empty() {
                    d.acknowledge = true;
                }
            }
            let mut fixed = fixed;
            if let Some(d) = &mut default {
                if d.acknowledge && how % 2 == 0 {
                    // Meet the rule instead.
                    d.acknowledge = false;
                    for r in d.entry().required_headers {
                        let lower = r.name.to_ascii_lowercase();
                        let h = HEADERS.iter().position(|(_, l)| *l == lower).expect("in HEADERS");
                        if !fixed.iter().any(|f| f.lower() == lower) {
                            fixed.push(Fixed { header: h, value: "type-req".into() });
                        }
                    }
                }
            }
            if is_struct {
                let mut raw = raw.into_iter().next().expect("one variant at least");
                // A struct: its code (`None`: a run-time or transparent field decides), or
                // `#[status(transparent)]` over one field.
                let status = match (&default, raw.0) {
                    (_, 5) => {
                        let v = variant(name.clone(), raw, None, &fixed, false, false);
                        let v = Variant { own: Own::None, fixed: Vec::new(), ..v };
                        return Input {
                            name: name.clone(),
                            is_struct,
                            status: Some(TypeStatus::Transparent),
                            fixed,
                            format,
                            variants: vec![v],
                        };
                    }
                    (Some(_), 2 | 4) => {
                        raw.0 = 1;
                        default.clone()
                    }
                    (Some(_), _) => default.clone(),
                    (None, 3 | 0 | 1) => {
                        raw.0 = 2;
                        None
                    }
                    (None, _) => None,
                };
                let v = variant(name.clone(), raw, status.as_ref(), &fixed, true, false);
                // The type's `expose` beside a field-level transparent is a compile error.
                let status = match (status, v.fields.iter().any(|f| matches!(f.role, Role::Transparent(_)))) {
                    (Some(s), false) => Some(TypeStatus::Code(s)),
                    _ => None,
                };
                return Input { name: name.clone(), is_struct, status, fixed, format, variants: vec![v] };
            }
            let variants: Vec<Variant> = raw
                .into_iter()
                .enumerate()
                .map(|(i, raw)| variant(format!("V{i}"), raw, default.as_ref(), &fixed, false, false))
                .collect();
            Input { name: name.clone(), is_struct, status: default.map(TypeStatus::Code), fixed, format, variants }
        })
        .boxed()
}
