//! `HttpStatus::__catalog`: the catalogue facts of the type's own variants as one JSON string
//! literal, and a function pointer per transparent variant (see errstatus-core's
//! status/facts.rs for the runtime side). Whatever the number of variants, a few tokens per
//! type: the facts are in the literal, written here, not in tokens for rustc to check.

use proc_macro2::{TokenStream, TokenTree};
use syn::spanned::Spanned;

use crate::ast::Kind;
use crate::attr::MemberHow;
use crate::extras::{key_name, option_inner, Extras};
use crate::impls::Names;
use crate::names::unraw;
use crate::template::{append, toks, toks_into};
use crate::valid::{ArmBody, Model};

/// What `__catalog` passes to `Facts::add`: the literal of the type's own variants and the
/// `__catalog` functions of its transparent ones (the item is in expand.rs's template; `__d`,
/// its parameter, like that of `__openapi`, is a name the expansion shadows, see `impls`).
pub(crate) fn catalog_args(model: &Model, names: &Names) -> (TokenStream, TokenStream) {
    let krate = &names.krate;
    let input = model.input;
    let type_name = input.original.ident.to_string();
    let type_name = unraw(&type_name);
    let mut json = String::from("[");
    // An enum's plain variants are written short (see below), their names after this prefix.
    if input.kind == Kind::Enum {
        string(&mut json, type_name);
        json.push(',');
    }
    let mut inner = Vec::new();
    for (i, arm) in model.arms.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        match &arm.body {
            ArmBody::Transparent(field, extras) => {
                json.push_str("{\"inner\":");
                push_number(&mut json, inner.len() as u32);
                headers(&mut json, extras);
                members(&mut json, extras);
                json.push('}');
                let ty = field.ty;
                inner.push(toks(ty.span(), "< $0 as $1 :: HttpStatus > :: __catalog", &[ty, krate]));
            }
            ArmBody::Own(resp) => {
                let entry = resp.status.entry();
                let shown = match (resp.expose, entry) {
                    (Some(expose), _) => expose,
                    (None, Some(e)) => e.code < 500,
                    (None, None) => true,
                };
                let plain = resp.type_.is_none()
                    && resp.title.is_none()
                    && arm.variant.doc.is_empty()
                    && (!shown || resp.extras.extensions.is_empty())
                    && resp.extras.headers.is_empty()
                    && resp.extras.fixed.is_empty();
                match entry {
                    // The usual variant, as `["Name","CODE",404]` (`,false` after the status
                    // when the detail is hidden): a third of the object's length, for this
                    // crate to write and escape and for rustc to read.
                    Some(e) if plain && input.kind == Kind::Enum => {
                        json.push('[');
                        string(&mut json, unraw(&arm.variant.ident.to_string()));
                        json.push(',');
                        string(&mut json, &resp.code);
                        json.push(',');
                        push_number(&mut json, e.code.into());
                        if !shown {
                            json.push_str(",false");
                        }
                        json.push(']');
                        continue;
                    }
                    _ => {}
                }
                json.push_str("{\"variant\":\"");
                escape(&mut json, type_name);
                if input.kind == Kind::Enum {
                    json.push_str("::");
                    escape(&mut json, unraw(&arm.variant.ident.to_string()));
                }
                json.push_str("\",\"code\":");
                string(&mut json, &resp.code);
                json.push_str(",\"statuses\":[");
                if let Some(e) = entry {
                    push_number(&mut json, e.code.into());
                }
                json.push(']');
                // What is left out has its default: no type URI, the IANA phrase of the status as
                // the title, no description, members or header fields, the detail shown.
                if let Some(uri) = &resp.type_ {
                    json.push_str(",\"type\":");
                    string(&mut json, uri);
                }
                if let Some(title) = &resp.title {
                    json.push_str(",\"title\":");
                    string(&mut json, title);
                }
                if !arm.variant.doc.is_empty() {
                    json.push_str(",\"description\":");
                    string(&mut json, &arm.variant.doc);
                }
                if shown {
                    members(&mut json, &resp.extras);
                } else {
                    json.push_str(",\"detail_shown\":false");
                }
                headers(&mut json, &resp.extras);
                json.push('}');
            }
        }
    }
    json.push(']');
    let mut fns = TokenStream::new();
    for f in inner {
        append(&mut fns, f);
        toks_into(&mut fns, proc_macro2::Span::call_site(), ",", &[]);
    }
    (TokenStream::from(TokenTree::Literal(proc_macro2::Literal::string(&json))), fns)
}

/// `,"headers":[...]`: the names of the header fields and fixed values, each once; nothing
/// when there are none.
fn headers(json: &mut String, extras: &Extras) {
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: String| {
        if !names.contains(&name) {
            names.push(name);
        }
    };
    for h in &extras.headers {
        add(key_name(&h.key));
    }
    for f in &extras.fixed {
        add(key_name(&f.key));
    }
    if names.is_empty() {
        return;
    }
    json.push_str(",\"headers\":[");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        string(json, name);
    }
    json.push(']');
}

/// `,"members":[...]`: the extension members, `{"name":...,"schema":{"type":...}}` (`{}`: not
/// known); nothing when there are none.
fn members(json: &mut String, extras: &Extras) {
    if extras.extensions.is_empty() {
        return;
    }
    json.push_str(",\"members\":[");
    for (i, (name, field, how)) in extras.extensions.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str("{\"name\":");
        string(json, name);
        json.push_str(",\"schema\":{");
        let ty = match how {
            MemberHow::Serialize => crate::ast::with_parsed_type(field.ty, schema_type),
            MemberHow::Display => Some("string"),
            MemberHow::With(_) => None,
        };
        if let Some(ty) = ty {
            json.push_str("\"type\":");
            string(json, ty);
        }
        json.push_str("}}");
    }
    json.push(']');
}

/// The standard types by the JSON Schema type serde writes them as: a table, not a `match` of
/// strings (a comparison each, compiled into this crate).
const SCHEMA_TYPES: &[(&[&str], &str)] = &[
    (&["String", "str", "char", "PathBuf"], "string"),
    (
        &[
            "u8",
            "u16",
            "u32",
            "u64",
            "u128",
            "usize",
            "i8",
            "i16",
            "i32",
            "i64",
            "i128",
            "isize",
            "NonZeroU8",
            "NonZeroU16",
            "NonZeroU32",
            "NonZeroU64",
            "NonZeroU128",
            "NonZeroUsize",
            "NonZeroI8",
            "NonZeroI16",
            "NonZeroI32",
            "NonZeroI64",
            "NonZeroI128",
            "NonZeroIsize",
        ],
        "integer",
    ),
    (&["f32", "f64"], "number"),
    (&["bool"], "boolean"),
    (&["Vec", "VecDeque", "LinkedList", "BinaryHeap", "HashSet", "BTreeSet", "IndexSet"], "array"),
    (&["HashMap", "BTreeMap", "IndexMap"], "object"),
];

/// The JSON Schema type of a value of `ty`, as serde writes the standard types, read from the
/// type as written; `None` for any other type (the user's own, a generic parameter).
pub(crate) fn schema_type(ty: &syn::Type) -> Option<&'static str> {
    match ty {
        syn::Type::Reference(r) => schema_type(&r.elem),
        syn::Type::Paren(p) => schema_type(&p.elem),
        syn::Type::Group(g) => schema_type(&g.elem),
        syn::Type::Slice(_) | syn::Type::Array(_) => Some("array"),
        syn::Type::Tuple(t) if !t.elems.is_empty() => Some("array"),
        syn::Type::Path(p) if p.qself.is_none() => {
            let seg = p.path.segments.last()?;
            let name = seg.ident.to_string();
            for (names, schema) in SCHEMA_TYPES {
                for n in *names {
                    if *n == name {
                        return Some(schema);
                    }
                }
            }
            match name.as_str() {
                "Option" => match option_inner(ty) {
                    Some(inner) => schema_type(inner),
                    None => None,
                },
                "Box" | "Rc" | "Arc" | "Cow" => {
                    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else { return None };
                    // The first type argument (`Cow<'a, str>`: `str`).
                    for a in &args.args {
                        if let syn::GenericArgument::Type(t) = a {
                            return schema_type(t);
                        }
                    }
                    None
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `n` in decimal, without the formatting machinery.
fn push_number(json: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        json.push(char::from(d));
    }
}

/// `s` as a JSON string: `"` and `\` escaped, control characters as `\u00XX`.
pub(crate) fn string(json: &mut String, s: &str) {
    json.push('"');
    escape(json, s);
    json.push('"');
}

/// `s` escaped for a JSON string.
fn escape(json: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            c if (c as u32) < 0x20 => json.push_str(&format!("\\u{:04x}", c as u32)),
            c => json.push(c),
        }
    }
}
