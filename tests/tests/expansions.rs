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
//! extension members exactly when the detail is shown). A transparent variant must answer
//! as the `Leaf` inside it, whose `HttpStatus` impl is hand-written. The build must have no
//! warning but one per unacknowledged questionable code, each saying so.
//!
//! The sample is drawn with proptest's deterministic runner: at least 24 types, more until
//! every feature listed in `coverage` is in it. The crate is generated under
//! `target/tests/expansions/sample` (with a copy of the workspace's `Cargo.lock`) and built
//! with its own target directory next to it; `main.rs` is rewritten only when the sample
//! changed, so a second run rebuilds nothing. Cold (errstatus and its dependencies built
//! first, for this target directory) the build takes 15-30 s on two busy cores; warm, well
//! under a second.

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

/// The package (and binary) name of the generated crate.
const CRATE: &str = "errstatus-expansions-sample";

/// At least this many types, more until the sample covers every feature in `coverage`.
const MIN_TYPES: usize = 24;
const MAX_TYPES: usize = 60;

/// The features the sample must cover, each as a test over all sampled inputs.
#[allow(clippy::type_complexity)]
fn coverage() -> Vec<(&'static str, Box<dyn Fn(&gen::Input) -> bool>)> {
    use gen::{Outcome, Own, Role, Shape, TypeStatus};
    let codes = |i: &gen::Input, f: &dyn Fn(&gen::Status) -> bool| i.statuses().into_iter().any(f);
    let fields = |i: &gen::Input, f: &dyn Fn(&gen::Field) -> bool| i.variants.iter().flat_map(|v| &v.fields).any(f);
    let header = |f: &gen::Field, literal: bool| match &f.role {
        Role::Header { written, .. } => written.starts_with('"') == literal,
        _ => false,
    };
    vec![
        ("a code by number", Box::new(move |i| codes(i, &|s| s.code.written.bytes().all(|b| b.is_ascii_digit())))),
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
        ("a struct with a code", Box::new(|i| matches!(i.status, Some(TypeStatus::Code(_))) && i.is_struct)),
        ("a unit variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Unit))),
        ("a tuple variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Tuple))),
        ("a named variant", Box::new(|i| !i.is_struct && i.variants.iter().any(|v| v.shape == Shape::Named))),
    ]
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
fn main_rs(inputs: &[gen::Input]) -> String {
    let mut s = String::new();
    s.push_str(PRELUDE);
    let leaf = gen::LEAF;
    let _ = writeln!(
        s,
        "#[derive(Debug)]\nenum Leaf {{ {0}, {1} }}\n\n\
         impl fmt::Display for Leaf {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        \
         f.write_str(match self {{ Leaf::{0} => {2:?}, Leaf::{1} => {3:?} }})\n    }}\n}}\n\n\
         /// Hand-written, independent of the derive.\n\
         impl HttpStatus for Leaf {{\n    fn status(&self) -> StatusCode {{\n        \
         StatusCode::from_u16(match self {{ Leaf::{0} => {4}, Leaf::{1} => {5} }}).unwrap()\n    }}\n\n    \
         fn statuses() -> Vec<StatusCode> {{\n        \
         vec![StatusCode::from_u16({4}).unwrap(), StatusCode::from_u16({5}).unwrap()]\n    }}\n}}\n",
        leaf[0].0, leaf[1].0, leaf[0].2, leaf[1].2, leaf[0].1, leaf[1].1
    );
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
                "    check(|| {}, Want {{ what: {:?}, status: {}, headers: &[{}], exposed: {}, \
                 instance: {:?}, members: &[{}], type_: {:?}, title: {:?} }});\n    values += 1;",
                input.construct(i),
                what(input, i),
                e.status,
                pairs(&e.headers),
                e.exposed,
                e.instance,
                pairs(&e.members),
                e.type_,
                e.title,
            );
        }
    }
    let _ = writeln!(s, "    println!(\"checked {{values}} values of {} types\");\n}}", inputs.len());
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
}

fn check_statuses<E: HttpStatus>(what: &str, want: &[u16]) {
    let got: Vec<u16> = E::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(got, want, "{what}::statuses()");
}

fn check<E>(make: impl Fn() -> E, want: Want)
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
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir.parent().expect("tests/ is in the workspace");
    let root = workspace.join("target/tests/expansions");
    let dir = root.join("sample");
    std::fs::create_dir_all(dir.join("src")).expect("create the sample crate");
    let runtime: PathBuf = workspace.join("runtime").canonicalize().expect("runtime/");
    let manifest = format!(
        "# Generated by tests/tests/expansions.rs. Do not edit.\n[package]\nname = \"{CRATE}\"\nversion = \"0.0.0\"\n\
         edition = \"2021\"\npublish = false\n\n[dependencies]\nerrstatus = {{ path = '{}' }}\nhttp = \"1\"\n\
         serde_json = \"1\"\n\n[workspace]\n",
        runtime.display()
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest);
    // The workspace's versions: nothing to resolve or download that the workspace lacks.
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).expect("Cargo.lock");
    write_if_changed(&dir.join("Cargo.lock"), &lock);
    let main = main_rs(&inputs);
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
    println!("built the sample of {} types in {:.1?}", inputs.len(), started.elapsed());

    let mut warned = cautions_warned(&messages);
    let mut expected: Vec<&str> = inputs
        .iter()
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
