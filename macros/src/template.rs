//! Fixed Rust text with holes, filled with tokens: the expansion written as strings, not as
//! `quote!`s. A `quote!` compiles into a call per token, so its uses were most of this crate's
//! own code to build.
//!
//! - [`fill`]: the boilerplate (the impls around the method bodies). A template is one string
//!   literal that the compiler lexes when the derive runs (a few hundred characters per derived
//!   type); its holes, `$name`, are replaced by the streams the caller gives. Only the groups
//!   with a hole inside are taken apart, so the template costs about as much at run time as the
//!   `quote!` did. The tokens of the text have the call site's span, as `quote!`'s do.
//! - [`toks`]: the small pieces, per variant or per field (`$0 . status ( $1 , self ) ;`), at a
//!   span of the caller's choice as `quote_spanned!` gives. No lexer runs: the text is written
//!   token by token with spaces between, and each word becomes its token directly.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// `src` with each `$name` replaced by the stream of `name` in `args`. A hole without an
/// argument stays as written, which rustc then reports: the templates are this crate's own
/// text (no delimiter or `$` in a literal or comment), and the tests expand each of them.
pub(crate) fn fill(src: &str, args: &[(&str, &TokenStream)]) -> TokenStream {
    let shape = Shape::of(src);
    let mut out = TokenStream::new();
    let mut next = 0;
    fill_into(&mut out, lex(src), args, &shape, &mut next);
    out
}

/// `src` lexed by the compiler when the derive runs in it: proc-macro2's own lexer, which it
/// runs first to check the text, is built without optimizations here and takes a thousand
/// times longer. The unit tests, outside the compiler, take proc-macro2's.
fn lex(src: &str) -> TokenStream {
    if proc_macro::is_available() {
        if let Ok(tokens) = src.parse::<proc_macro::TokenStream>() {
            return tokens.into();
        }
    }
    src.parse().unwrap_or_default()
}

/// The template's groups in the order their opening delimiters appear (the order a walk of
/// the tokens meets them): whether each has a hole inside, and how many groups it holds.
struct Shape {
    hole: Vec<bool>,
    nested: Vec<usize>,
}

impl Shape {
    fn of(src: &str) -> Shape {
        let mut shape = Shape { hole: Vec::new(), nested: Vec::new() };
        let mut open: Vec<usize> = Vec::new();
        for b in src.bytes() {
            match b {
                b'(' | b'[' | b'{' => {
                    open.push(shape.hole.len());
                    shape.hole.push(false);
                    shape.nested.push(0);
                }
                b')' | b']' | b'}' => {
                    if let Some(group) = open.pop() {
                        shape.nested[group] = shape.hole.len() - group - 1;
                        if let (true, Some(&outer)) = (shape.hole[group], open.last()) {
                            shape.hole[outer] = true;
                        }
                    }
                }
                b'$' => {
                    if let Some(&group) = open.last() {
                        shape.hole[group] = true;
                    }
                }
                _ => {}
            }
        }
        shape
    }
}

fn fill_into(out: &mut TokenStream, src: TokenStream, args: &[(&str, &TokenStream)], shape: &Shape, next: &mut usize) {
    let mut trees = src.into_iter();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                let Some(TokenTree::Ident(name)) = trees.next() else { continue };
                let name = name.to_string();
                let mut value = None;
                for (key, v) in args {
                    if *key == name {
                        value = Some(*v);
                        break;
                    }
                }
                match value {
                    // As a stream: appended whole, not walked tree by tree (a hole may be a
                    // match of a thousand arms).
                    Some(value) => append(out, value.clone()),
                    None => push(out, &[TokenTree::Punct(p), TokenTree::Ident(Ident::new(&name, Span::call_site()))]),
                }
            }
            TokenTree::Group(g) => {
                let at = *next;
                *next += 1;
                if !shape.hole.get(at).copied().unwrap_or(true) {
                    *next += shape.nested.get(at).copied().unwrap_or(0);
                    push(out, &[TokenTree::Group(g)]);
                    continue;
                }
                let mut inner = TokenStream::new();
                fill_into(&mut inner, g.stream(), args, shape, next);
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(g.span());
                push(out, &[TokenTree::Group(group)]);
            }
            tree => push(out, &[tree]),
        }
    }
}

/// The tokens of `src`, each with `span`, where `src` is written token by token with spaces
/// between (`"$0 . status ( $1 , self ) ;"`): an identifier or keyword, a run of punctuation
/// (one operator: `::`, `=>`, `&`), a lifetime (`'static`), one delimiter, or a hole `$0`..`$9`
/// for `holes[i]`, whose tokens keep their own spans. What `quote_spanned!(span=> ...)` gives
/// for the same tokens, without a call per token built into this crate: for the expansion's
/// per-variant pieces, too small and too many for [`fill`]'s lexing.
pub(crate) fn toks(span: Span, src: &str, holes: &[&dyn Hole]) -> TokenStream {
    let mut out = TokenStream::new();
    toks_into(&mut out, span, src, holes);
    out
}

/// [`toks`] at the call site, as `quote!` gives.
pub(crate) fn q(src: &str, holes: &[&dyn Hole]) -> TokenStream {
    toks(Span::call_site(), src, holes)
}

/// Appends [`toks`]`(span, src, holes)` to `out`.
pub(crate) fn toks_into(out: &mut TokenStream, span: Span, src: &str, holes: &[&dyn Hole]) {
    // The streams of the groups still open, outermost first, with their delimiters.
    let mut open: Vec<(TokenStream, Delimiter)> = Vec::new();
    let mut cur = core::mem::take(out);
    for word in src.split_ascii_whitespace() {
        let bytes = word.as_bytes();
        let delimiter = match bytes {
            b"(" | b")" => Some(Delimiter::Parenthesis),
            b"[" | b"]" => Some(Delimiter::Bracket),
            b"{" | b"}" => Some(Delimiter::Brace),
            _ => None,
        };
        if let Some(delimiter) = delimiter {
            if matches!(bytes[0], b'(' | b'[' | b'{') {
                open.push((core::mem::take(&mut cur), delimiter));
            } else if let Some((outer, delimiter)) = open.pop() {
                let mut group = Group::new(delimiter, core::mem::replace(&mut cur, outer));
                group.set_span(span);
                push(&mut cur, &[TokenTree::Group(group)]);
            }
            continue;
        }
        match bytes[0] {
            b'$' => {
                if let Some(hole) = holes.get(usize::from(bytes[1] - b'0')) {
                    hole.put(&mut cur);
                }
            }
            b'\'' => {
                let mut tick = Punct::new('\'', Spacing::Joint);
                tick.set_span(span);
                push(&mut cur, &[TokenTree::Punct(tick), TokenTree::Ident(Ident::new(&word[1..], span))]);
            }
            b if b == b'_' || b.is_ascii_alphabetic() => push(&mut cur, &[TokenTree::Ident(Ident::new(word, span))]),
            _ => {
                // Punctuation is ASCII.
                for (i, &c) in bytes.iter().enumerate() {
                    let spacing = if i + 1 < bytes.len() { Spacing::Joint } else { Spacing::Alone };
                    let mut punct = Punct::new(char::from(c), spacing);
                    punct.set_span(span);
                    push(&mut cur, &[TokenTree::Punct(punct)]);
                }
            }
        }
    }
    *out = cur;
}

/// What fills a hole of [`toks`]: anything `quote!` interpolates. A trait of one method, so a
/// `&dyn Hole` of each type builds only that method, not the whole of `ToTokens`.
pub(crate) trait Hole {
    fn put(&self, out: &mut TokenStream);
}

impl<T: ToTokens + ?Sized> Hole for T {
    fn put(&self, out: &mut TokenStream) {
        self.to_tokens(out);
    }
}

/// Appends `stream` to `out` whole: `out.extend(stream)` would take it apart tree by tree (the
/// `Extend<TokenTree>` impl), through the compiler.
pub(crate) fn append(out: &mut TokenStream, stream: TokenStream) {
    out.extend(core::iter::once(stream));
}

/// Appends `trees` to `out`. One way to add trees, so `Extend` is built into this crate for one
/// iterator type, not for an array of each length.
pub(crate) fn push(out: &mut TokenStream, trees: &[TokenTree]) {
    out.extend(trees.iter().cloned());
}
