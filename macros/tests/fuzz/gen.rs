//! A generator of `#[derive(HttpStatus)]` inputs that the derive must accept, as a model that
//! knows what each input means: every variant's code (as the registry has it) or its
//! transparent field, its header fields, problem members and whether its detail is shown.
//! [`Input::source`] renders the model as Rust source; [`Input::expect`] says what the
//! response of each variant must be.
//!
//! The inputs follow every rule of the derive: codes are registered, usable 3xx/4xx/5xx
//! codes (by number, in hex or with `_`, or by any accepted name, bare or as a path); a code
//! that needs a header field (401, 405, 407, 426, 301/302/303/307/308) has one unless its
//! `#[status]` says `acknowledge`; `expose` on any code (a variant without a code of its own
//! takes the type's; a variant with one does not); `acknowledge` only on the codes the registry cautions about (402, 407, 425,
//! 511: it silences the compiler warning, see [`Input::warnings`]) or that need a header
//! field; header names are distinct per variant and not reserved; extension members are
//! named, distinct and not RFC 9457 members; a transparent variant has one field that
//! implements `HttpStatus` (`Leaf`, or `T`).
//!
//! Shared by `macros/tests/fuzz/mod.rs` (properties of the expansion) and, through `#[path]`, by
//! `tests/tests/expansions.rs` (compiles a sample and runs it). The includer has `registry`
//! in scope in the parent module (`errstatus_registry` or `errstatus::registry`) and, for the
//! compiled sample, defines `Leaf` as [`LEAF`] says.
// Each includer uses a part.
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::sample::{select, Index};

use super::registry::{self, Class, Entry};

/// The transparent target in generated inputs: `enum Leaf { Gone, Busy }`, with the status,
/// the Display text of each variant, and `statuses()` listing both codes.
pub const LEAF: [(&str, u16, &str); 2] = [("Gone", 410, "leaf gone"), ("Busy", 503, "leaf busy")];

/// The codes the derive accepts: registered, usable, 3xx to 5xx.
pub fn error_entries() -> Vec<&'static Entry> {
    registry::entries()
        .iter()
        .filter(|e| e.is_usable() && matches!(e.class, Class::Redirection | Class::ClientError | Class::ServerError))
        .collect()
}

/// A CODE as written, and the code it means.
#[derive(Clone, Debug)]
pub struct Code {
    pub code: u16,
    pub written: String,
}

/// `entry`'s code in one of the forms the derive and `status!` accept; `form` picks one
/// (0..=10), `name` picks among the entry's names.
pub fn write_code(entry: &Entry, form: u8, name: Index) -> String {
    let c = entry.code;
    let name = (!entry.names.is_empty()).then(|| entry.names[name.index(entry.names.len())]);
    match (form, name) {
        (4, _) => format!("{c:#x}"),
        (5, _) => format!("{}_{:02}", c / 100, c % 100),
        (6 | 7, Some(n)) => n.to_owned(),
        (8, Some(n)) => format!("StatusCode::{n}"),
        (9, Some(n)) => format!("::http::StatusCode::{n}"),
        (10, Some(n)) => format!("r#{n}"),
        _ => c.to_string(),
    }
}

/// Any entry of `entries`, written any accepted way.
pub fn code_from(entries: Vec<&'static Entry>) -> BoxedStrategy<Code> {
    (select(entries), 0..11u8, any::<Index>())
        .prop_map(|(e, form, name)| Code { code: e.code, written: write_code(e, form, name) })
        .boxed()
}

/// `#[status(CODE, ...)]` with a usable error code.
#[derive(Clone, Debug)]
pub struct Status {
    pub code: Code,
    pub expose: bool,
    pub acknowledge: bool,
    /// `acknowledge` before `expose`.
    pub acknowledge_first: bool,
    pub trailing_comma: bool,
}

impl Status {
    pub fn entry(&self) -> &'static Entry {
        registry::lookup(self.code.code).expect("generated codes are registered")
    }

    /// Whether the derive must emit the compiler warning of a questionable code.
    pub fn warns(&self) -> bool {
        self.entry().caution.is_some() && !self.acknowledge
    }

    pub fn attr(&self) -> String {
        let mut args = vec![self.code.written.as_str()];
        let (expose, ack) = (self.expose.then_some("expose"), self.acknowledge.then_some("acknowledge"));
        if self.acknowledge_first {
            args.extend(ack.into_iter().chain(expose));
        } else {
            args.extend(expose.into_iter().chain(ack));
        }
        let comma = if self.trailing_comma { "," } else { "" };
        format!("#[status({}{comma})]", args.join(", "))
    }
}

fn status() -> BoxedStrategy<Status> {
    let ack = (prop::bool::weighted(0.85), prop::bool::weighted(0.3));
    (code_from(error_entries()), any::<bool>(), ack, any::<bool>(), prop::bool::weighted(0.1))
        .prop_map(|(code, expose, (ack_caution, ack_header), acknowledge_first, trailing_comma)| {
            let entry = registry::lookup(code.code).expect("registered");
            let acknowledge =
                (ack_caution && entry.caution.is_some()) || (ack_header && !entry.required_headers.is_empty());
            Status { code, expose, acknowledge, acknowledge_first, trailing_comma }.valid()
        })
        .boxed()
}

impl Status {
    /// `acknowledge` only on a code with a caution (it silences the warning) or with a required
    /// header field (it waives the field); `expose` on any code (on a 4xx, the default stated).
    fn valid(mut self) -> Self {
        let entry = self.entry();
        self.acknowledge &= entry.caution.is_some() || !entry.required_headers.is_empty();
        self
    }
}

/// Field types, each with values the compiled sample can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    U64,
    I32,
    U16,
    Str,
    Owned,
    Bool,
    Char,
    Bytes,
    OptU32,
    Leaf,
    BoxLeaf,
    /// The type parameter of a generic input, `Leaf` in the compiled sample.
    T,
}

const TYS: &[Ty] = &[
    Ty::U64,
    Ty::I32,
    Ty::U16,
    Ty::Str,
    Ty::Owned,
    Ty::Bool,
    Ty::Char,
    Ty::Bytes,
    Ty::OptU32,
    Ty::Leaf,
    Ty::BoxLeaf,
    Ty::T,
];

/// A field value: the expression, its Display text, its JSON as a member (empty for a type
/// that is not a member's) and its serde form (the sample's `Leaf` derives `Serialize`).
pub struct Value {
    pub expr: String,
    pub text: String,
    pub json: String,
    pub serde: String,
}

impl Ty {
    pub fn rust(self) -> &'static str {
        match self {
            Ty::U64 => "u64",
            Ty::I32 => "i32",
            Ty::U16 => "u16",
            Ty::Str => "&'static str",
            Ty::Owned => "String",
            Ty::Bool => "bool",
            Ty::Char => "char",
            Ty::Bytes => "Vec<u8>",
            Ty::OptU32 => "Option<u32>",
            Ty::Leaf => "Leaf",
            Ty::BoxLeaf => "Box<Leaf>",
            Ty::T => "T",
        }
    }

    pub fn display(self) -> bool {
        !matches!(self, Ty::Bytes | Ty::OptU32)
    }

    pub fn serialize(self) -> bool {
        !matches!(self, Ty::Leaf | Ty::BoxLeaf | Ty::T)
    }

    /// A value of this type, different for each `seed`.
    pub fn value(self, seed: u32) -> Value {
        let (n, small) = (1000 + seed, seed % 100);
        let leaf = LEAF[seed as usize % 2];
        let v = |expr: String, text: String, json: String| Value { expr, text, serde: json.clone(), json };
        match self {
            Ty::U64 => v(n.to_string(), n.to_string(), n.to_string()),
            Ty::I32 => v(format!("-{n}"), format!("-{n}"), format!("-{n}")),
            Ty::U16 => v(small.to_string(), small.to_string(), small.to_string()),
            Ty::Str => v(format!("\"s{seed}\""), format!("s{seed}"), format!("\"s{seed}\"")),
            Ty::Owned => v(format!("String::from(\"o{seed}\")"), format!("o{seed}"), format!("\"o{seed}\"")),
            Ty::Bool => {
                let b = seed % 2 == 1;
                v(b.to_string(), b.to_string(), b.to_string())
            }
            Ty::Char => {
                let c = char::from(b'a' + (seed % 26) as u8);
                v(format!("'{c}'"), c.to_string(), format!("\"{c}\""))
            }
            Ty::Bytes => v(format!("vec![1, {small}]"), String::new(), format!("[1,{small}]")),
            Ty::OptU32 => match seed % 3 {
                0 => v("None".into(), String::new(), "null".into()),
                _ => v(format!("Some({n})"), String::new(), n.to_string()),
            },
            Ty::Leaf | Ty::T => {
                Value { serde: json_string(leaf.0), ..v(format!("Leaf::{}", leaf.0), leaf.2.into(), String::new()) }
            }
            Ty::BoxLeaf => Value {
                serde: json_string(leaf.0),
                ..v(format!("Box::new(Leaf::{})", leaf.0), leaf.2.into(), String::new())
            },
        }
    }
}

/// What a field is to the derive.
#[derive(Clone, Debug)]
pub enum Role {
    Plain,
    /// `#[header(NAME)]`: NAME as written, and the field name it means (lower case).
    Header {
        written: String,
        lower: String,
    },
    /// `#[problem(extension)]` or `#[problem(extension = "name")]`, written as `how` says.
    Extension {
        name: Option<String>,
        how: How,
    },
    /// `#[problem(instance)]`.
    Instance,
}

/// How an extension member is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// As serde writes the field.
    Serialize,
    /// `display`: the field's Display text as a JSON string.
    Display,
    /// `with = member_display` ([`MEMBER_WITH`]): `"w:"` and the Display text, a JSON string.
    With,
}

/// The function of `#[problem(extension, with = member_display)]` members, for the compiled
/// sample: any Display type (the types that are not `Serialize` too), `"w:"` and its text.
pub const MEMBER_WITH: &str = r#"fn member_display<D: fmt::Display>(d: &D) -> Value {
    Value::from(format!("w:{d}"))
}
"#;

#[derive(Clone, Debug)]
pub struct Field {
    /// `None` in a tuple variant.
    pub name: Option<String>,
    pub ty: Ty,
    pub role: Role,
}

impl Field {
    fn attr(&self) -> String {
        match &self.role {
            Role::Plain => String::new(),
            Role::Header { written, .. } => format!("#[header({written})] "),
            Role::Extension { name, how } => {
                let ext = match name {
                    None => "extension".to_owned(),
                    Some(n) => format!("extension = \"{n}\""),
                };
                match how {
                    How::Serialize => format!("#[problem({ext})] "),
                    How::Display => format!("#[problem({ext}, display)] "),
                    How::With => format!("#[problem({ext}, with = member_display)] "),
                }
            }
            Role::Instance => "#[problem(instance)] ".into(),
        }
    }

    /// The extension member name, for an extension field.
    pub fn member(&self) -> Option<String> {
        match (&self.role, &self.name) {
            (Role::Extension { name: Some(n), .. }, _) => Some(n.clone()),
            (Role::Extension { name: None, .. }, Some(f)) => Some(f.strip_prefix("r#").unwrap_or(f).to_owned()),
            _ => None,
        }
    }

    /// The header field name, for a header field.
    pub fn header(&self) -> Option<&str> {
        match &self.role {
            Role::Header { lower, .. } => Some(lower),
            _ => None,
        }
    }
}

/// `#[problem(type = "...", title = "...")]`.
#[derive(Clone, Debug, Default)]
pub struct Problem {
    pub type_: Option<String>,
    pub title: Option<String>,
    /// `#[problem(code = "...")]` (variants only: a code on an enum is an error).
    pub code: Option<String>,
}

impl Problem {
    fn attr(&self) -> String {
        let args: Vec<String> = [("type", &self.type_), ("title", &self.title), ("code", &self.code)]
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} = \"{v}\"")))
            .collect();
        if args.is_empty() {
            String::new()
        } else {
            format!("#[problem({})]", args.join(", "))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Unit,
    Tuple,
    Named,
}

/// The `#[status]` of a variant.
#[derive(Clone, Debug)]
pub enum Own {
    Code(Status),
    /// None: the enum's default (or, in a struct, the type's own `#[status]`).
    Inherit,
    Transparent,
}

#[derive(Clone, Debug)]
pub struct Variant {
    /// The variant's name; the type's name in a struct.
    pub name: String,
    pub own: Own,
    pub problem: Problem,
    pub shape: Shape,
    pub fields: Vec<Field>,
}

/// The `#[status]` on the type.
#[derive(Clone, Debug)]
pub enum TypeStatus {
    Code(Status),
    /// Structs only.
    Transparent,
}

#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    /// `<T>`; `T` is used by at least one field.
    pub generic: bool,
    pub is_struct: bool,
    pub status: Option<TypeStatus>,
    pub problem: Problem,
    /// A struct has exactly one, named as the type.
    pub variants: Vec<Variant>,
    /// `#[errstatus(format = errstatus::SerdeJson)]` with `#[derive(serde::Serialize)]` (the
    /// compiled sample's `Leaf` is `Serialize` too): the body is [`Input::serde_form`].
    pub serde: bool,
}

/// What a variant resolves to.
pub enum Outcome<'a> {
    Code(&'a Status),
    Transparent(&'a Field),
}

/// The response a variant must produce. For a transparent variant, that of `Leaf`'s value.
#[derive(Debug)]
pub struct Expect {
    pub status: u16,
    /// (lower-case name, value), in field order.
    pub headers: Vec<(String, String)>,
    /// Detail, instance and members are in the body.
    pub exposed: bool,
    pub instance: Option<String>,
    /// (member, JSON).
    pub members: Vec<(String, String)>,
    pub type_: Option<String>,
    pub title: Option<String>,
    /// From a transparent field: `Leaf`'s hand-written impl, a body without detail.
    pub transparent: bool,
}

impl Input {
    pub fn outcome<'a>(&'a self, v: &'a Variant) -> Outcome<'a> {
        match (&v.own, &self.status) {
            (Own::Code(s), _) => Outcome::Code(s),
            (Own::Transparent, _) | (Own::Inherit, Some(TypeStatus::Transparent)) => Outcome::Transparent(&v.fields[0]),
            (Own::Inherit, Some(TypeStatus::Code(s))) => Outcome::Code(s),
            (Own::Inherit, None) => unreachable!("a variant without a code needs a default"),
        }
    }

    /// Every `#[status]` attribute with a code: the type's, then the variants'.
    pub fn statuses(&self) -> Vec<&Status> {
        let own = self.variants.iter().filter_map(|v| match &v.own {
            Own::Code(s) => Some(s),
            _ => None,
        });
        let ty = match &self.status {
            Some(TypeStatus::Code(s)) => Some(s),
            _ => None,
        };
        ty.into_iter().chain(own).collect()
    }

    /// How many compiler warnings (unacknowledged questionable codes) the derive emits.
    pub fn warnings(&self) -> usize {
        self.statuses().iter().filter(|s| s.warns()).count()
    }

    /// `<T>` or nothing.
    pub fn generics(&self) -> &'static str {
        if self.generic {
            "<T>"
        } else {
            ""
        }
    }

    /// The type with `Leaf` for `T`: `Name<Leaf>`.
    pub fn concrete(&self) -> String {
        if self.generic {
            format!("{}<Leaf>", self.name)
        } else {
            self.name.clone()
        }
    }

    /// The input as Rust source, one variant a line, without `#[derive(HttpStatus)]`.
    pub fn source(&self) -> String {
        let mut out = String::new();
        if self.serde {
            out.push_str("#[derive(serde::Serialize)]\n#[errstatus(format = errstatus::SerdeJson)]\n");
        }
        if let Some(s) = &self.status {
            out.push_str(&match s {
                TypeStatus::Code(s) => s.attr(),
                TypeStatus::Transparent => "#[status(transparent)]".into(),
            });
            out.push('\n');
        }
        let problem = self.problem.attr();
        if !problem.is_empty() {
            out.push_str(&problem);
            out.push('\n');
        }
        let (name, g) = (&self.name, self.generics());
        if self.is_struct {
            let v = &self.variants[0];
            match v.shape {
                Shape::Unit => out.push_str(&format!("struct {name}{g};\n")),
                Shape::Tuple => out.push_str(&format!("struct {name}{g}({});\n", fields(v))),
                Shape::Named => out.push_str(&format!("struct {name}{g} {{ {} }}\n", fields(v))),
            }
            return out;
        }
        out.push_str(&format!("enum {name}{g} {{\n"));
        for v in &self.variants {
            let status = match &v.own {
                Own::Code(s) => s.attr() + " ",
                Own::Inherit => String::new(),
                Own::Transparent => "#[status(transparent)] ".into(),
            };
            let body = match v.shape {
                Shape::Unit => String::new(),
                Shape::Tuple => format!("({})", fields(v)),
                Shape::Named => format!(" {{ {} }}", fields(v)),
            };
            let problem = v.problem.attr();
            let problem = if problem.is_empty() { problem } else { problem + " " };
            out.push_str(&format!("    {status}{problem}{}{body},\n", v.name));
        }
        out.push_str("}\n");
        out
    }

    /// An expression of variant `i` (with `Leaf` for `T`).
    pub fn construct(&self, i: usize) -> String {
        let v = &self.variants[i];
        let path = match (self.is_struct, self.generic) {
            (true, false) => self.name.clone(),
            (true, true) => format!("{}::<Leaf>", self.name),
            (false, false) => format!("{}::{}", self.name, v.name),
            (false, true) => format!("{}::<Leaf>::{}", self.name, v.name),
        };
        let values = v.fields.iter().enumerate().map(|(j, f)| (f, f.ty.value(seed(i, j))));
        match v.shape {
            Shape::Unit => path,
            Shape::Tuple => format!("{path}({})", values.map(|(_, x)| x.expr).collect::<Vec<_>>().join(", ")),
            Shape::Named => {
                let inits: Vec<String> =
                    values.map(|(f, x)| format!("{}: {}", f.name.as_deref().expect("named field"), x.expr)).collect();
                format!("{path} {{ {} }}", inits.join(", "))
            }
        }
    }

    /// `serde_json::to_string` of the value [`Input::construct`] makes for variant `i`, as
    /// serde's derive writes it: a unit struct `null`, a newtype struct its field, a tuple
    /// struct an array, a struct with named fields an object; an enum's unit variant its name,
    /// another `{"Name":...}` with the same forms (a raw identifier without its `r#`).
    pub fn serde_form(&self, i: usize) -> String {
        let v = &self.variants[i];
        let values: Vec<String> = v.fields.iter().enumerate().map(|(j, f)| f.ty.value(seed(i, j)).serde).collect();
        let unraw = |n: &str| json_string(n.strip_prefix("r#").unwrap_or(n));
        let content = match (v.shape, values.len()) {
            (Shape::Unit, _) => None,
            (Shape::Tuple, 1) => Some(values[0].clone()),
            (Shape::Tuple, _) => Some(format!("[{}]", values.join(","))),
            (Shape::Named, _) => {
                let members: Vec<String> = v
                    .fields
                    .iter()
                    .zip(&values)
                    .map(|(f, x)| format!("{}:{x}", unraw(f.name.as_deref().expect("named"))))
                    .collect();
                Some(format!("{{{}}}", members.join(",")))
            }
        };
        match (self.is_struct, content) {
            (true, None) => "null".to_owned(),
            (true, Some(c)) => c,
            (false, None) => unraw(&v.name),
            (false, Some(c)) => format!("{{{}:{c}}}", unraw(&v.name)),
        }
    }

    /// The response of the value [`Input::construct`] makes for variant `i`.
    pub fn expect(&self, i: usize) -> Expect {
        let v = &self.variants[i];
        let s = match self.outcome(v) {
            Outcome::Transparent(_) => {
                let leaf = LEAF[seed(i, 0) as usize % 2];
                return Expect {
                    status: leaf.1,
                    headers: Vec::new(),
                    exposed: false,
                    instance: None,
                    members: Vec::new(),
                    type_: None,
                    title: None,
                    transparent: true,
                };
            }
            Outcome::Code(s) => s,
        };
        let entry = s.entry();
        // `expose` of the `#[status]` whose code the variant takes: the type's is a default, it
        // does not reach a variant with a code of its own.
        let mut e = Expect {
            status: entry.code,
            headers: Vec::new(),
            exposed: entry.class != Class::ServerError || s.expose,
            instance: None,
            members: Vec::new(),
            type_: None,
            title: None,
            transparent: false,
        };
        for (j, f) in v.fields.iter().enumerate() {
            let value = f.ty.value(seed(i, j));
            match &f.role {
                Role::Plain => {}
                Role::Header { lower, .. } => e.headers.push((lower.clone(), value.text)),
                Role::Instance => e.instance = Some(value.text),
                Role::Extension { how, .. } => {
                    let json = match how {
                        How::Serialize => value.json,
                        How::Display => json_string(&value.text),
                        How::With => json_string(&format!("w:{}", value.text)),
                    };
                    e.members.push((f.member().expect("extension"), json));
                }
            }
        }
        e.type_ = match (&v.problem.type_, &self.problem.type_) {
            (Some(t), _) => Some(t.clone()),
            (None, Some(base)) if !self.is_struct => Some(format!("{base}{}", kebab(&v.name))),
            (None, t) => t.clone(),
        };
        e.title = v.problem.title.clone().or_else(|| self.problem.title.clone());
        e
    }
}

/// The seed of field `j` of variant `i`: distinct values across an input.
fn seed(i: usize, j: usize) -> u32 {
    (i * 8 + j) as u32
}

fn fields(v: &Variant) -> String {
    let fields: Vec<String> = v
        .fields
        .iter()
        .map(|f| match &f.name {
            Some(n) => format!("{}{n}: {}", f.attr(), f.ty.rust()),
            None => format!("{}{}", f.attr(), f.ty.rust()),
        })
        .collect();
    fields.join(", ")
}

/// The suffix of a problem type URI that a variant inherits from the enum (`OutOfCredit3` ->
/// `out-of-credit3`), for the variant names [`input`] makes. The reference is a table written
/// out by hand, not a second copy of valid.rs' `kebab`, so a bug there shows up here.
pub fn kebab(ident: &str) -> String {
    const EXPECTED: &[(&str, &str)] =
        &[("OutOfCredit", "out-of-credit"), ("HTTPError", "h-t-t-p-error"), ("r#match", "match"), ("V", "v")];
    let stem = ident.trim_end_matches(|c: char| c.is_ascii_digit());
    match EXPECTED.iter().find(|(name, _)| *name == stem) {
        Some((_, kebab)) => format!("{kebab}{}", &ident[stem.len()..]),
        None => panic!("no expected kebab-case for the variant name `{ident}`: add it to the table"),
    }
}

/// Header names for `#[header]` fields: as written, and the field name.
const HEADERS: &[(&str, &str)] = &[
    ("RETRY_AFTER", "retry-after"),
    ("http::header::CACHE_CONTROL", "cache-control"),
    ("header::VARY", "vary"),
    ("::http::header::LINK", "link"),
    ("ETAG", "etag"),
    ("X_FRAME_OPTIONS", "x-frame-options"),
    ("\"x-request-id\"", "x-request-id"),
    ("\"X-Trace-Id\"", "x-trace-id"),
    ("\"Retry-After\"", "retry-after"),
    ("WWW_AUTHENTICATE", "www-authenticate"),
    ("LOCATION", "location"),
    ("\"location\"", "location"),
    ("ALLOW", "allow"),
    ("UPGRADE", "upgrade"),
];

/// A field before the rules are applied: type, role (0 plain, 1 header, 2 extension, 3
/// instance, 4 `display` extension, 5 `with` extension), header, whether an extension names its
/// member.
type RawField = (Ty, u8, Index, bool);

fn raw_field() -> BoxedStrategy<RawField> {
    let role = prop_oneof![4 => Just(0u8), 2 => Just(1), 2 => Just(2), 1 => Just(3), 1 => Just(4), 1 => Just(5)];
    (select(TYS), role, any::<Index>(), any::<bool>()).boxed()
}

fn problem(p: f64, variant: bool) -> BoxedStrategy<Problem> {
    let type_ = if variant { "https://errors.example.com/v" } else { "https://errors.example.com/" };
    let some = (any::<bool>(), any::<bool>(), any::<bool>(), 0..100u8).prop_map(move |(t, title, code, n)| Problem {
        type_: (t || !title).then(|| format!("{type_}{n}")),
        title: title.then(|| format!("Title {n}")),
        code: (variant && code).then(|| format!("CODE_{n}")),
    });
    proptest::option::weighted(p, some).prop_map(Option::unwrap_or_default).boxed()
}

/// A variant before the rules are applied: name pick, `#[status]` pick (0..=5 own code,
/// 6..=7 inherited, 8 transparent), code, problem kind, shape, fields, and whether to take
/// the code of an earlier variant (which one, written how).
type RawVariant = (u8, u8, Status, Problem, Shape, Vec<RawField>, Option<(Index, u8, Index)>);

fn shape() -> BoxedStrategy<Shape> {
    prop_oneof![2 => Just(Shape::Unit), 2 => Just(Shape::Tuple), 3 => Just(Shape::Named)].boxed()
}

fn raw_variant() -> BoxedStrategy<RawVariant> {
    let reuse = proptest::option::weighted(0.25, (any::<Index>(), 0..11u8, any::<Index>()));
    (0..10u8, 0..9u8, status(), problem(0.2, true), shape(), proptest::collection::vec(raw_field(), 0..4), reuse)
        .boxed()
}

/// Applies the rules to raw fields: a header only on a Display type and once per name, an
/// extension only on a Serialize type (`display` or `with`: a Display type), one instance, `T`
/// only in a generic input.
fn fields_of(raw: &[RawField], shape: Shape, generic: bool) -> Vec<Field> {
    if shape == Shape::Unit {
        return Vec::new();
    }
    let mut out: Vec<Field> = Vec::new();
    for (j, &(ty, role, header, named_member)) in raw.iter().enumerate() {
        let ty = if ty == Ty::T && !generic { Ty::U64 } else { ty };
        let name = match shape {
            // A raw identifier whose member name is `match`.
            Shape::Named if j == 0 && !named_member && role == 2 => Some("r#match".to_owned()),
            Shape::Named => Some(format!("f{j}")),
            _ => None,
        };
        let role = match role {
            1 if ty.display() => {
                let (written, lower) = HEADERS[header.index(HEADERS.len())];
                if out.iter().any(|f| f.header() == Some(lower)) {
                    Role::Plain
                } else {
                    Role::Header { written: written.into(), lower: lower.into() }
                }
            }
            2 if ty.serialize() => Role::Extension {
                name: (name.is_none() || named_member).then(|| format!("member{j}")),
                how: How::Serialize,
            },
            4 if ty.display() => Role::Extension {
                name: (name.is_none() || named_member).then(|| format!("member{j}")),
                how: How::Display,
            },
            // A generic function over a Display type: not over `T`, which has no such bound.
            5 if ty.display() && ty != Ty::T => {
                Role::Extension { name: (name.is_none() || named_member).then(|| format!("member{j}")), how: How::With }
            }
            3 if ty.display() && !out.iter().any(|f| matches!(f.role, Role::Instance)) => Role::Instance,
            _ => Role::Plain,
        };
        out.push(Field { name, ty, role });
    }
    out
}

/// Adds a header field for each header the code of `status` requires that `v` lacks, unless
/// `acknowledge` waives them (then only if `pick`).
fn add_required(v: &mut Variant, status: &Status, pick: bool) {
    if status.acknowledge && !pick {
        return;
    }
    for req in status.entry().required_headers {
        let lower = req.name.to_ascii_lowercase();
        if v.fields.iter().any(|f| f.header() == Some(&lower)) {
            continue;
        }
        if v.shape == Shape::Unit {
            v.shape = Shape::Named;
        }
        let written = if pick { req.constant.to_owned() } else { format!("\"{}\"", req.name) };
        let name = (v.shape == Shape::Named).then(|| format!("h{}", v.fields.len()));
        let ty = if pick { Ty::Owned } else { Ty::Str };
        v.fields.push(Field { name, ty, role: Role::Header { written, lower } });
    }
}

/// Whether `T` is used by a field.
fn uses_t(variants: &[Variant]) -> bool {
    variants.iter().flat_map(|v| &v.fields).any(|f| f.ty == Ty::T)
}

/// An enum or a struct named `name` that the derive must accept.
pub fn input(name: &str) -> BoxedStrategy<Input> {
    let enum_name = name.to_owned();
    let enum_ = (
        any::<bool>(),
        proptest::option::weighted(0.4, status()),
        problem(0.3, false),
        proptest::collection::vec(raw_variant(), 0..6),
        any::<bool>(),
        prop::bool::weighted(0.25),
    )
        .prop_map(move |(generic, default, problem, raw, pick, serde)| {
            // A 5xx default shows its detail half the time, so that variants with a 5xx code of
            // their own (masked: the type's `expose` does not reach them) meet it.
            let default = default.map(|mut d| {
                d.expose |= pick && d.entry().class == Class::ServerError;
                d
            });
            let type_exposes = default.as_ref().is_some_and(|d| d.expose);
            let mut variants: Vec<Variant> = Vec::new();
            for (i, (name, own, mut status, problem, shape, raw_fields, reuse)) in raw.into_iter().enumerate() {
                // A type URI names one kind of problem (one status, one set of members): each
                // variant writes its own.
                // Codes are unique among a type's variants, too.
                let problem = Problem {
                    type_: problem.type_.map(|t| format!("{t}-{i}")),
                    code: problem.code.map(|c| format!("{c}_{i}")),
                    ..problem
                };
                let earlier: Vec<&'static Entry> = variants
                    .iter()
                    .filter_map(|v| if let Own::Code(s) = &v.own { Some(s.entry()) } else { None })
                    .collect();
                if let (Some((which, form, name)), false) = (reuse, earlier.is_empty()) {
                    // A code shared with an earlier variant, maybe written another way.
                    let entry = earlier[which.index(earlier.len())];
                    status.code = Code { code: entry.code, written: write_code(entry, form, name) };
                    status = status.valid();
                }
                let name = match name {
                    6 => format!("OutOfCredit{i}"),
                    7 => format!("HTTPError{i}"),
                    8 if !variants.iter().any(|v| v.name == "r#match") => "r#match".to_owned(),
                    _ => format!("V{i}"),
                };
                if own == 5 && type_exposes {
                    status = Status { code: Code { code: 503, written: "503".into() }, ..status }.valid();
                    status.expose = false;
                }
                let own = match own {
                    6 | 7 if default.is_some() => Own::Inherit,
                    8 => Own::Transparent,
                    _ => Own::Code(status),
                };
                let v = match own {
                    Own::Transparent => transparent(name, generic && (pick ^ (i % 2 == 1)), shape),
                    own => {
                        let mut v =
                            Variant { name, own, problem, shape, fields: fields_of(&raw_fields, shape, generic) };
                        let status = match (&v.own, &default) {
                            (Own::Code(s), _) | (_, Some(s)) => s.clone(),
                            _ => unreachable!(),
                        };
                        add_required(&mut v, &status, pick ^ (i % 2 == 1));
                        v
                    }
                };
                variants.push(v);
            }
            if generic && !uses_t(&variants) {
                let i = variants.len();
                variants.push(transparent(format!("V{i}"), true, Shape::Tuple));
            }
            Input {
                name: enum_name.clone(),
                generic,
                is_struct: false,
                status: default.map(TypeStatus::Code),
                problem,
                variants,
                serde,
            }
        });
    let struct_name = name.to_owned();
    let struct_ = (
        any::<bool>(),
        proptest::option::weighted(0.7, status()),
        problem(0.3, false),
        shape(),
        proptest::collection::vec(raw_field(), 0..4),
        any::<bool>(),
        prop::bool::weighted(0.25),
    )
        .prop_map(move |(generic, status, problem, shape, raw_fields, pick, serde)| {
            let name = struct_name.clone();
            let (status, v, problem) = match status {
                None => (TypeStatus::Transparent, transparent(name.clone(), generic, shape), Problem::default()),
                Some(s) => {
                    let mut v = Variant {
                        name: name.clone(),
                        own: Own::Inherit,
                        problem: Problem::default(),
                        shape,
                        fields: fields_of(&raw_fields, shape, generic),
                    };
                    add_required(&mut v, &s, pick);
                    if generic && !uses_t(std::slice::from_ref(&v)) {
                        if v.shape == Shape::Unit {
                            v.shape = Shape::Tuple;
                        }
                        let name = (v.shape == Shape::Named).then(|| format!("t{}", v.fields.len()));
                        v.fields.push(Field { name, ty: Ty::T, role: Role::Plain });
                    }
                    (TypeStatus::Code(s), v, problem)
                }
            };
            Input { name, generic, is_struct: true, status: Some(status), problem, variants: vec![v], serde }
        });
    prop_oneof![4 => enum_, 1 => struct_].boxed()
}

/// A variant that wraps `Leaf` (or `T`) with `#[status(transparent)]`.
fn transparent(name: String, generic: bool, shape: Shape) -> Variant {
    let ty = if generic { Ty::T } else { Ty::Leaf };
    let (shape, field) = match shape {
        Shape::Named => (Shape::Named, Some("inner".to_owned())),
        _ => (Shape::Tuple, None),
    };
    Variant {
        name,
        own: Own::Transparent,
        problem: Problem::default(),
        shape,
        fields: vec![Field { name: field, ty, role: Role::Plain }],
    }
}

/// `text` as a JSON string, as the runtime writes a Display member.
pub fn json_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `#[errstatus(decode)]` on the generated inputs (for the compiled sample): the input with
/// `decode` as a twin type, the fields the response does not carry (or whose type does not read
/// back) marked `skip_decode`, and what `from_problem` of each value's response must give.
impl Input {
    /// Whether the input can have `decode`: not generic, problem+json.
    pub fn decodes(&self) -> bool {
        !self.generic && !self.serde
    }

    /// Whether field `j` of variant `i` comes back from the response: sent (a header field; a
    /// member or the instance when the detail is shown and the status has content; the
    /// transparent field) and of a type that reads back (`FromStr`, `Deserialize` without
    /// borrowing).
    pub fn decoded_field(&self, i: usize, j: usize) -> bool {
        let v = &self.variants[i];
        let f = &v.fields[j];
        let s = match self.outcome(v) {
            Outcome::Transparent(_) => return matches!(f.ty, Ty::Leaf | Ty::BoxLeaf),
            Outcome::Code(s) => s,
        };
        let entry = s.entry();
        let shown = (entry.class != Class::ServerError || s.expose) && entry.content;
        let text = matches!(f.ty, Ty::U64 | Ty::I32 | Ty::U16 | Ty::Owned | Ty::Bool | Ty::Char);
        match &f.role {
            Role::Plain => false,
            Role::Header { .. } => text || f.ty == Ty::OptU32,
            Role::Instance => shown && text,
            Role::Extension { how: How::Serialize, .. } => shown && (text || matches!(f.ty, Ty::Bytes | Ty::OptU32)),
            Role::Extension { how: How::Display, .. } => shown && text,
            Role::Extension { how: How::With, .. } => false,
        }
    }

    /// The input with `#[errstatus(decode)]`, named `name`, as Rust source (without the derive).
    pub fn decode_source(&self, name: &str) -> String {
        let twin = Input { name: name.to_owned(), ..self.clone() };
        let plain = twin.source();
        // The fields as `source` writes them, then again with `skip_decode` where it is needed.
        let mut out = String::from("#[errstatus(decode)]\n");
        let mut rest = plain.as_str();
        for (i, v) in self.variants.iter().enumerate() {
            let written = fields(v);
            if written.is_empty() {
                continue;
            }
            let marked: Vec<String> = v
                .fields
                .iter()
                .enumerate()
                .map(|(j, f)| {
                    let skip = if self.decoded_field(i, j) { "" } else { "#[problem(skip_decode)] " };
                    match &f.name {
                        Some(n) => format!("{skip}{}{n}: {}", f.attr(), f.ty.rust()),
                        None => format!("{skip}{}{}", f.attr(), f.ty.rust()),
                    }
                })
                .collect();
            let at = rest.find(&written).expect("the variant's fields in the source");
            out.push_str(&rest[..at]);
            out.push_str(&marked.join(", "));
            rest = &rest[at + written.len()..];
        }
        out.push_str(rest);
        out
    }

    /// The value of variant `i` of the twin `name`; `decoded`: as it comes back, the fields
    /// that do not (`skip_decode`) at their `Default`.
    pub fn decode_construct(&self, name: &str, i: usize, decoded: bool) -> String {
        let twin = Input { name: name.to_owned(), ..self.clone() };
        let v = &self.variants[i];
        if !decoded || v.fields.is_empty() {
            return twin.construct(i);
        }
        let values = v.fields.iter().enumerate().map(|(j, f)| {
            let value =
                if self.decoded_field(i, j) { f.ty.value(seed(i, j)).expr } else { "Default::default()".into() };
            (f, value)
        });
        let path = if self.is_struct { name.to_owned() } else { format!("{name}::{}", v.name) };
        match v.shape {
            Shape::Unit => path,
            Shape::Tuple => format!("{path}({})", values.map(|(_, x)| x).collect::<Vec<_>>().join(", ")),
            Shape::Named => {
                let inits: Vec<String> =
                    values.map(|(f, x)| format!("{}: {x}", f.name.as_deref().expect("named field"))).collect();
                format!("{path} {{ {} }}", inits.join(", "))
            }
        }
    }

    /// What `from_problem` of variant `i`'s response gives, as the documented rule says: the
    /// own variant of its type URI and status when exactly one has them (a status without
    /// content, 304, sends no type); else the first transparent variant whose `Leaf` decodes it
    /// (an about:blank 410 or 503); else `None`, `Undecoded`.
    pub fn decode_expect(&self, name: &str, i: usize) -> Option<String> {
        let sent = |k: usize| -> (u16, Option<String>) {
            let e = self.expect(k);
            (e.status, e.type_.filter(|t| t != "about:blank"))
        };
        let (status, uri) = sent(i);
        let content = registry::lookup(status).is_some_and(|e| e.content);
        let own: Vec<usize> = (0..self.variants.len())
            .filter(|&k| matches!(self.outcome(&self.variants[k]), Outcome::Code(_)))
            .filter(|&k| {
                let (s, u) = sent(k);
                s == status && (!content || u == uri)
            })
            .collect();
        if let [k] = own[..] {
            if k == i {
                return Some(self.decode_construct(name, i, true));
            }
            // Another variant's response (a transparent one's: no members, no header fields)
            // decodes into this one only when it needs none of them.
            let needs = (0..self.variants[k].fields.len()).any(|j| {
                self.decoded_field(k, j)
                    && !(self.variants[k].fields[j].ty == Ty::OptU32
                        && matches!(self.variants[k].fields[j].role, Role::Header { .. }))
            });
            if needs {
                return None;
            }
            let v = &self.variants[k];
            let values: Vec<String> = v
                .fields
                .iter()
                .map(
                    |f| if matches!(f.role, Role::Header { .. }) { "None".into() } else { "Default::default()".into() },
                )
                .collect();
            let path = if self.is_struct { name.to_owned() } else { format!("{name}::{}", v.name) };
            return Some(match v.shape {
                Shape::Unit => path,
                Shape::Tuple => format!("{path}({})", values.join(", ")),
                Shape::Named => {
                    let inits: Vec<String> = v
                        .fields
                        .iter()
                        .zip(&values)
                        .map(|(f, x)| format!("{}: {x}", f.name.as_deref().expect("named field")))
                        .collect();
                    format!("{path} {{ {} }}", inits.join(", "))
                }
            });
        }
        let leaf = match (status, &uri) {
            (410, None) => "Leaf::Gone",
            (503, None) => "Leaf::Busy",
            _ => return None,
        };
        let k =
            (0..self.variants.len()).find(|&k| matches!(self.outcome(&self.variants[k]), Outcome::Transparent(_)))?;
        let v = &self.variants[k];
        let path = if self.is_struct { name.to_owned() } else { format!("{name}::{}", v.name) };
        Some(match &v.fields[0].name {
            Some(field) => format!("{path} {{ {field}: {leaf} }}"),
            None => format!("{path}({leaf})"),
        })
    }
}
