//! `#[errstatus(decode)]` on generated types, compiled and run: a deterministic sample of enums
//! (codes, type URIs of the type and of variants, `expose`, tuple, named and unit variants,
//! fields as serde members of many types, `display` members, the instance, header fields and
//! `Option` header fields, `skip_decode` fields: plain, hidden with a 5xx, written with a
//! function; transparent variants to a decoded `Leaf`, also boxed; `skip_decode` variants),
//! with values drawn for every field, is written into one source file of a small crate, built
//! with cargo and run.
//!
//! For each value the sample checks `E::from_problem` of the response errstatus builds for it
//! against the model here, which follows the documented rule: the type's own variant of the
//! response's type URI and status when there is exactly one (the value, its `skip_decode`
//! fields at their `Default`); else the first transparent variant whose inner type decodes it;
//! else `Undecoded`. A variant that shares its status and type with another therefore comes back
//! `Undecoded` (or as the transparent variant that claims it), never as the other one.
//!
//! The crate is generated under `<target dir>/tests/decode-types/sample` (with a copy of the
//! workspace's `Cargo.lock`) and built with its own target directory next to it; `main.rs` is
//! rewritten only when the sample changed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Codes that need no header field and draw no warning.
const CODES: &[u16] = &[400, 403, 404, 409, 410, 422, 429, 500, 502, 503];

/// The field types, as written, with how to write a value of each and its `Default`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    U64,
    I32,
    Owned,
    Bool,
    Char,
    Bytes,
    OptU32,
    Strings,
}

impl Ty {
    fn rust(self) -> &'static str {
        match self {
            Ty::U64 => "u64",
            Ty::I32 => "i32",
            Ty::Owned => "String",
            Ty::Bool => "bool",
            Ty::Char => "char",
            Ty::Bytes => "Vec<u8>",
            Ty::OptU32 => "Option<u32>",
            Ty::Strings => "Vec<String>",
        }
    }
}

/// A value as a Rust expression; `header`: only text a header value keeps as it is.
fn value(ty: Ty, header: bool) -> BoxedStrategy<String> {
    let text = if header { "[!-~]([ -~]{0,12}[!-~])?".boxed() } else { "\\PC{0,8}|[\"\\\\\n\t]{1,3}".boxed() };
    match ty {
        Ty::U64 => any::<u64>().prop_map(|n| format!("{n}u64")).boxed(),
        Ty::I32 => any::<i32>().prop_map(|n| format!("{n}i32")).boxed(),
        Ty::Owned => text.prop_map(|s| format!("String::from({s:?})")).boxed(),
        Ty::Bool => any::<bool>().prop_map(|b| b.to_string()).boxed(),
        Ty::Char if header => "[!-~]".prop_map(|c| format!("{:?}", c.chars().next().unwrap())).boxed(),
        Ty::Char => any::<char>().prop_map(|c| format!("{c:?}")).boxed(),
        Ty::Bytes => prop::collection::vec(any::<u8>(), 0..4).prop_map(|v| format!("vec!{v:?}")).boxed(),
        Ty::OptU32 => prop::option::of(any::<u32>()).prop_map(|o| format!("{o:?}")).boxed(),
        Ty::Strings => prop::collection::vec(text, 0..3)
            .prop_map(|v| {
                format!("vec![{}]", v.iter().map(|s| format!("String::from({s:?})")).collect::<Vec<_>>().join(", "))
            })
            .boxed(),
    }
}

/// What a field is to the derive, and whether the response carries it.
#[derive(Clone, Debug)]
enum Role {
    /// Display text only: `#[problem(skip_decode)]`.
    Plain,
    /// `#[problem(extension)]`: hidden (and `skip_decode`) in a 5xx without `expose`.
    Member,
    /// `#[problem(extension, display)]`.
    DisplayMember,
    /// `#[problem(extension, with = json)]`: not read back, `skip_decode`.
    WithMember,
    Instance,
    /// `#[header("x-h<n>")]`; an `Option<u32>` field is an optional header field.
    Header,
}

#[derive(Clone, Debug)]
struct Field {
    ty: Ty,
    role: Role,
    value: String,
}

#[derive(Clone, Debug)]
enum Kind {
    Own {
        code: u16,
        expose: bool,
        type_: Option<String>,
        fields: Vec<Field>,
        named: bool,
        skipped: bool,
    },
    /// `Leaf` (or `Box<Leaf>`), with the value `Leaf::Gone` or `Leaf::Busy`.
    Transparent {
        boxed: bool,
        busy: bool,
    },
}

#[derive(Clone, Debug)]
struct Type {
    base: Option<String>,
    variants: Vec<Kind>,
}

fn field() -> BoxedStrategy<(Ty, Role)> {
    let tys = [Ty::U64, Ty::I32, Ty::Owned, Ty::Bool, Ty::Char, Ty::Bytes, Ty::OptU32, Ty::Strings];
    let text_tys = [Ty::U64, Ty::I32, Ty::Owned, Ty::Bool, Ty::Char];
    prop_oneof![
        prop::sample::select(tys.to_vec()).prop_map(|t| (t, Role::Plain)),
        prop::sample::select(tys.to_vec()).prop_map(|t| (t, Role::Member)),
        prop::sample::select(tys.to_vec()).prop_map(|t| (t, Role::Member)),
        prop::sample::select(text_tys.to_vec()).prop_map(|t| (t, Role::DisplayMember)),
        prop::sample::select(tys.to_vec()).prop_map(|t| (t, Role::WithMember)),
        prop::sample::select(text_tys.to_vec()).prop_map(|t| (t, Role::Instance)),
        prop::sample::select([Ty::U64, Ty::I32, Ty::Owned, Ty::Bool, Ty::Char, Ty::OptU32].to_vec())
            .prop_map(|t| (t, Role::Header)),
    ]
    .boxed()
}

fn kind() -> BoxedStrategy<Kind> {
    let own = (
        prop::sample::select(CODES),
        any::<bool>(),
        prop::option::weighted(0.3, Just(())),
        prop::collection::vec(field(), 0..4),
        any::<bool>(),
        prop::bool::weighted(0.1),
    )
        .prop_flat_map(|(code, expose, own_type, fields, named, skipped)| {
            // One instance per variant.
            let mut seen_instance = false;
            let fields: Vec<(Ty, Role)> = fields
                .into_iter()
                .map(|(ty, role)| match role {
                    Role::Instance if seen_instance => (ty, Role::Plain),
                    Role::Instance => {
                        seen_instance = true;
                        (ty, Role::Instance)
                    }
                    other => (ty, other),
                })
                .collect();
            let values: Vec<BoxedStrategy<String>> =
                fields.iter().map(|(ty, role)| value(*ty, matches!(role, Role::Header))).collect();
            (Just((code, expose, own_type, fields, named, skipped)), values)
        })
        .prop_map(|((code, expose, own_type, fields, named, skipped), values)| Kind::Own {
            code,
            expose,
            // A variant that is never decoded has a type URI of its own, so that no other variant
            // answers for its responses.
            type_: (own_type.is_some() || skipped).then(String::new),
            fields: fields.into_iter().zip(values).map(|((ty, role), value)| Field { ty, role, value }).collect(),
            named,
            skipped,
        });
    prop_oneof![
        4 => own,
        1 => (any::<bool>(), any::<bool>()).prop_map(|(boxed, busy)| Kind::Transparent { boxed, busy }),
    ]
    .boxed()
}

fn type_() -> BoxedStrategy<Type> {
    (any::<bool>(), prop::collection::vec(kind(), 1..6))
        .prop_map(|(base, variants)| Type { base: base.then(String::new), variants })
        .boxed()
}

impl Type {
    /// A variant's type URI: its own (unique in the sample), else the type's base and its name.
    fn uri(&self, n: usize, i: usize) -> Option<String> {
        let Kind::Own { type_, .. } = &self.variants[i] else { return None };
        match (type_, &self.base) {
            (Some(_), _) => Some(format!("https://e.example/t{n}/own-{i}")),
            (None, Some(_)) => Some(format!("https://e.example/t{n}/v{i}")),
            (None, None) => None,
        }
    }

    /// Whether a field comes back from the response.
    fn carried(kind: &Kind, f: &Field) -> bool {
        let Kind::Own { code, expose, .. } = kind else { return true };
        let shown = *code < 500 || *expose;
        match f.role {
            Role::Plain | Role::WithMember => false,
            Role::Member | Role::DisplayMember | Role::Instance => shown,
            Role::Header => true,
        }
    }

    fn source(&self, n: usize) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]\n#[errstatus(decode)]");
        if self.base.is_some() {
            let _ = writeln!(s, "#[problem(type = \"https://e.example/t{n}/\")]");
        }
        let _ = writeln!(s, "pub enum T{n} {{");
        for (i, kind) in self.variants.iter().enumerate() {
            match kind {
                Kind::Transparent { boxed, .. } => {
                    let ty = if *boxed { "Box<Leaf>" } else { "Leaf" };
                    let _ = writeln!(s, "    #[error(transparent)] #[status(transparent)] V{i}({ty}),");
                }
                Kind::Own { code, expose, type_, fields, named, skipped } => {
                    let expose = if *expose { ", expose" } else { "" };
                    let type_ = match type_ {
                        Some(_) => format!(" #[problem(type = \"https://e.example/t{n}/own-{i}\")]"),
                        None => String::new(),
                    };
                    let skipped = if *skipped { " #[problem(skip_decode)]" } else { "" };
                    let fields: Vec<String> = fields
                        .iter()
                        .enumerate()
                        .map(|(j, f)| {
                            let carried = Self::carried(kind, f);
                            let skip = if carried { "" } else { "skip_decode" };
                            let attr = match f.role {
                                Role::Plain => "#[problem(skip_decode)]".to_owned(),
                                Role::Member => format!(
                                    "#[problem(extension = \"m{j}\"{})]",
                                    if carried { "" } else { ", skip_decode" }
                                ),
                                Role::DisplayMember => format!(
                                    "#[problem(extension = \"m{j}\", display{})]",
                                    if carried { "" } else { ", skip_decode" }
                                ),
                                Role::WithMember => format!("#[problem(extension = \"m{j}\", with = json, {skip})]"),
                                Role::Instance => {
                                    format!("#[problem(instance{})]", if carried { "" } else { ", skip_decode" })
                                }
                                Role::Header => format!("#[header(\"x-h{j}\")]"),
                            };
                            let name = if *named { format!("f{j}: ") } else { String::new() };
                            format!("{attr} {name}{}", f.ty.rust())
                        })
                        .collect();
                    let body = match (fields.is_empty(), named) {
                        (true, _) => String::new(),
                        (false, true) => format!(" {{ {} }}", fields.join(", ")),
                        (false, false) => format!("({})", fields.join(", ")),
                    };
                    let _ = writeln!(s, "    #[error(\"v{i}\")] #[status({code}{expose})]{type_}{skipped} V{i}{body},");
                }
            }
        }
        s.push_str("}\n");
        s
    }

    /// Variant `i`'s value; `decoded`: as it comes back (`skip_decode` fields at `Default`).
    fn value(&self, n: usize, i: usize, decoded: bool) -> String {
        match &self.variants[i] {
            Kind::Transparent { boxed, busy } => {
                let leaf = if *busy { "Leaf::Busy" } else { "Leaf::Gone" };
                let leaf = if *boxed { format!("Box::new({leaf})") } else { leaf.to_owned() };
                format!("T{n}::V{i}({leaf})")
            }
            kind @ Kind::Own { fields, named, .. } => {
                let values: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(j, f)| {
                        let v = if decoded && !Self::carried(kind, f) {
                            "Default::default()".to_owned()
                        } else {
                            f.value.clone()
                        };
                        if *named {
                            format!("f{j}: {v}")
                        } else {
                            v
                        }
                    })
                    .collect();
                match (fields.is_empty(), named) {
                    (true, _) => format!("T{n}::V{i}"),
                    (false, true) => format!("T{n}::V{i} {{ {} }}", values.join(", ")),
                    (false, false) => format!("T{n}::V{i}({})", values.join(", ")),
                }
            }
        }
    }

    /// The status and type URI of variant `i`'s response.
    fn sent(&self, n: usize, i: usize) -> (u16, Option<String>) {
        match &self.variants[i] {
            Kind::Transparent { busy, .. } => (if *busy { 503 } else { 410 }, None),
            Kind::Own { code, .. } => (*code, self.uri(n, i)),
        }
    }

    /// What `from_problem` of variant `i`'s response gives: `Some(expression)` or `None`
    /// (`Undecoded`), as the documented rule says.
    fn expected(&self, n: usize, i: usize) -> Option<String> {
        let (status, uri) = self.sent(n, i);
        let own: Vec<usize> = (0..self.variants.len())
            .filter(|&j| matches!(&self.variants[j], Kind::Own { skipped: false, .. }))
            .filter(|&j| self.sent(n, j) == (status, uri.clone()))
            .collect();
        if let [j] = own[..] {
            // Picked: it decodes when the response is its own; another variant's response
            // (a transparent one's) lacks what it needs unless it needs nothing.
            if j == i {
                return Some(self.value(n, i, true));
            }
            let Kind::Own { fields, .. } = &self.variants[j] else { unreachable!() };
            let kind = &self.variants[j];
            let needs = fields
                .iter()
                .any(|f| Self::carried(kind, f) && !(f.ty == Ty::OptU32 && matches!(f.role, Role::Header)));
            if needs {
                return None;
            }
            let values: Vec<String> = fields
                .iter()
                .map(|f| if Self::carried(kind, f) { "None".into() } else { "Default::default()".into() })
                .collect();
            return Some(match (fields.is_empty(), matches!(kind, Kind::Own { named: true, .. })) {
                (true, _) => format!("T{n}::V{j}"),
                (false, true) => format!(
                    "T{n}::V{j} {{ {} }}",
                    values.iter().enumerate().map(|(k, v)| format!("f{k}: {v}")).collect::<Vec<_>>().join(", ")
                ),
                (false, false) => format!("T{n}::V{j}({})", values.join(", ")),
            });
        }
        // The transparent variants, in order: `Leaf` decodes an about:blank 410 or 503.
        let leaf = match (status, &uri) {
            (410, None) => "Leaf::Gone",
            (503, None) => "Leaf::Busy",
            _ => return None,
        };
        self.variants.iter().enumerate().find_map(|(j, k)| match k {
            Kind::Transparent { boxed: true, .. } => Some(format!("T{n}::V{j}(Box::new({leaf}))")),
            Kind::Transparent { boxed: false, .. } => Some(format!("T{n}::V{j}({leaf})")),
            Kind::Own { .. } => None,
        })
    }
}

const PRELUDE: &str = r#"// Generated by tests/tests/decode_types.rs. Do not edit.
#![allow(dead_code, clippy::all)]
use errstatus::{FromProblem, HttpStatus};

fn json<T: std::fmt::Debug>(v: &T) -> serde_json::Value {
    serde_json::Value::String(format!("{v:?}"))
}

#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
pub enum Leaf {
    #[error("leaf gone")]
    #[status(410)]
    Gone,
    #[error("leaf busy")]
    #[status(503)]
    Busy,
}

fn check<E: HttpStatus + FromProblem + PartialEq + std::fmt::Debug>(what: &str, sent: E, want: Option<E>) {
    let (parts, body) = errstatus::response::<_, String>(&sent).into_parts();
    let got = E::from_problem(parts.status, &parts.headers, body.as_bytes());
    match (got, want) {
        (Ok(got), Some(want)) => assert_eq!(got, want, "{what}: {sent:?} sent {body}"),
        (Err(_), None) => {}
        (got, want) => panic!("{what}: {sent:?} sent {body}: got {got:?}, want {want:?}"),
    }
}
"#;

/// The sample: at least 40 types, drawn deterministically, more until each kind of field and
/// of variant is in it.
fn sample() -> Vec<Type> {
    let config = Config { rng_algorithm: RngAlgorithm::ChaCha, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let strategy = type_();
    let mut out: Vec<Type> = Vec::new();
    let covered = |out: &[Type]| {
        let kinds = out.iter().flat_map(|t| &t.variants);
        let roles: Vec<String> = kinds
            .clone()
            .flat_map(|k| match k {
                Kind::Own { fields, .. } => fields.iter().map(|f| format!("{:?}", f.role)).collect(),
                Kind::Transparent { boxed, .. } => vec![format!("transparent {boxed}")],
            })
            .collect();
        [
            "Plain",
            "Member",
            "DisplayMember",
            "WithMember",
            "Instance",
            "Header",
            "transparent true",
            "transparent false",
        ]
        .iter()
        .all(|r| roles.iter().any(|x| x == r))
            && kinds.clone().any(|k| matches!(k, Kind::Own { skipped: true, .. }))
    };
    while out.len() < 40 || !covered(&out) {
        out.push(strategy.new_tree(&mut runner).expect("a type").current());
    }
    out
}

fn main_rs(types: &[Type]) -> String {
    let mut s = PRELUDE.to_owned();
    for (n, t) in types.iter().enumerate() {
        s.push_str(&t.source(n));
    }
    s.push_str("\nfn main() {\n    let mut checked = 0;\n");
    for (n, t) in types.iter().enumerate() {
        for i in 0..t.variants.len() {
            let want = match t.expected(n, i) {
                Some(e) => format!("Some({e})"),
                None => "None".to_owned(),
            };
            let _ = writeln!(s, "    check(\"T{n}::V{i}\", {}, {want});\n    checked += 1;", t.value(n, i, false));
        }
    }
    s.push_str("    println!(\"decoded {checked} values\");\n}\n");
    s
}

fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

#[test]
fn generated_types_decode_what_they_send() {
    let types = sample();
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir.parent().expect("tests/ is in the workspace");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), PathBuf::from);
    let root = target.join("tests/decode-types");
    let dir = root.join("sample");
    std::fs::create_dir_all(dir.join("src")).expect("create the sample crate");
    let runtime: PathBuf = workspace.join("runtime").canonicalize().expect("runtime/");
    let manifest = format!(
        "# Generated by tests/tests/decode_types.rs. Do not edit.\n[package]\nname = \"errstatus-decode-sample\"\n\
         version = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nerrstatus = {{ path = '{}' }}\n\
         serde_json = \"1\"\nthiserror = \"2\"\n\n[workspace]\n",
        runtime.display()
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest);
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).expect("Cargo.lock");
    write_if_changed(&dir.join("Cargo.lock"), &lock);
    write_if_changed(&dir.join("src/main.rs"), &main_rs(&types));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["run", "--quiet"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", root.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the sample ({}) failed:\n{}{}",
        dir.join("src/main.rs").display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    print!("{}", String::from_utf8_lossy(&output.stdout));
}
