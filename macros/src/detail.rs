//! `#[problem(detail = "...")]`: the format string of a detail, read like thiserror's
//! `#[error("...")]`. Each placeholder names a field (`{0}`, `{name}`), with any format spec
//! (`{name:?}`, `{0:>8}`, `{name:#x}`); the string is rewritten to name the match bindings
//! (`{__field0:?}`), which generated code passes as named arguments. Used by valid.rs.

/// The formatting trait a placeholder's spec asks of its field.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FmtTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    /// `{:p}`: of the binding (a reference), always there.
    Pointer,
}

impl FmtTrait {
    /// The trait's path, for a bound on a generic field type (`None` for `Pointer`).
    pub(crate) fn path(self) -> Option<&'static str> {
        Some(match self {
            FmtTrait::Display => "Display",
            FmtTrait::Debug => "Debug",
            FmtTrait::LowerHex => "LowerHex",
            FmtTrait::UpperHex => "UpperHex",
            FmtTrait::Octal => "Octal",
            FmtTrait::Binary => "Binary",
            FmtTrait::LowerExp => "LowerExp",
            FmtTrait::UpperExp => "UpperExp",
            FmtTrait::Pointer => return None,
        })
    }

    fn of_spec(spec: &str) -> Self {
        match spec.chars().last() {
            Some('?') => FmtTrait::Debug,
            Some('x') => FmtTrait::LowerHex,
            Some('X') => FmtTrait::UpperHex,
            Some('o') => FmtTrait::Octal,
            Some('b') => FmtTrait::Binary,
            Some('e') => FmtTrait::LowerExp,
            Some('E') => FmtTrait::UpperExp,
            Some('p') => FmtTrait::Pointer,
            _ => FmtTrait::Display,
        }
    }
}

/// A detail's format string, rewritten: the text for `write!`, and each placeholder's field
/// (by index among the variant's fields) with the trait it asks for.
#[derive(Debug)]
pub(crate) struct Rewritten {
    pub format: String,
    pub uses: Vec<(usize, FmtTrait)>,
}

/// Rewrites `fmt`; `field` finds the index of the field a placeholder names (`0`, `name`), or
/// `None`. The error is the message for the literal.
pub(crate) fn rewrite(fmt: &str, field: impl Fn(&str) -> Option<usize>) -> Result<Rewritten, String> {
    let mut out = Rewritten { format: String::with_capacity(fmt.len() + 8), uses: Vec::new() };
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.format.push_str("{{");
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.format.push_str("}}");
            }
            '}' => return Err("unmatched `}` in the detail; write `}}` for a literal brace".to_owned()),
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    if c == '{' {
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err("unclosed `{` in the detail; write `{{` for a literal brace".to_owned());
                }
                let (arg, spec) = match inner.split_once(':') {
                    Some((arg, spec)) => (arg, Some(spec)),
                    None => (inner.as_str(), None),
                };
                let arg = arg.trim();
                if arg.is_empty() {
                    return Err("`{}` in a detail names no field: write the field, `{0}` or `{name}`".to_owned());
                }
                let name = crate::names::unraw(arg);
                let Some(index) = field(name) else {
                    return Err(format!("`{{{arg}}}`: no field `{name}` to format in the detail"));
                };
                let spec = spec.unwrap_or("");
                if spec.as_bytes().contains(&b'$') || crate::names::has_substr(spec, ".*") {
                    return Err(format!(
                        "`{{{inner}}}`: a width or precision from an argument (`name$`, `.*`) is not supported in a detail; write a number"
                    ));
                }
                // The trait is checked here, so that a wrong one is an error on the literal.
                let kind = spec.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '?');
                let kind = &spec[kind.len()..];
                if !matches!(kind, "" | "?" | "x?" | "X?" | "x" | "X" | "o" | "b" | "e" | "E" | "p") {
                    return Err(format!(
                        "`{{{inner}}}`: unknown format trait `{kind}`, expected one of `?`, `x`, `X`, `o`, `b`, `e`, `E`, `p` or none (Display)"
                    ));
                }
                let trait_ = FmtTrait::of_spec(spec);
                if !out.uses.contains(&(index, trait_)) {
                    out.uses.push((index, trait_));
                }
                out.format.push_str("{__field");
                out.format.push_str(&index.to_string());
                if !spec.is_empty() {
                    out.format.push(':');
                    out.format.push_str(spec);
                }
                out.format.push('}');
            }
            c => out.format.push(c),
        }
    }
    Ok(out)
}
