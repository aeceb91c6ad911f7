//! Fixed Rust text with holes, filled with tokens: the expansion's boilerplate (the impls
//! around the method bodies) written as a string, not a `quote!`.
//!
//! A `quote!` compiles into a call per token, so its boilerplate is most of this crate's own
//! code to build. Here a template is one string literal: the compiler lexes it when the derive
//! runs (a few hundred characters per derived type) and its holes, `$name`, are replaced by the
//! streams the caller gives. Only the groups with a hole inside are taken apart, so the
//! template costs about as much at run time as the `quote!` did. The tokens of the text have
//! the call site's span, as `quote!`'s do.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};

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
                match args.iter().find(|(key, _)| *key == name) {
                    // As a stream: appended whole, not walked tree by tree (a hole may be a
                    // match of a thousand arms).
                    Some((_, value)) => out.extend(core::iter::once((*value).clone())),
                    None => out.extend([TokenTree::Punct(p), TokenTree::Ident(Ident::new(&name, Span::call_site()))]),
                }
            }
            TokenTree::Group(g) => {
                let at = *next;
                *next += 1;
                if !shape.hole.get(at).copied().unwrap_or(true) {
                    *next += shape.nested.get(at).copied().unwrap_or(0);
                    out.extend([TokenTree::Group(g)]);
                    continue;
                }
                let mut inner = TokenStream::new();
                fill_into(&mut inner, g.stream(), args, shape, next);
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(g.span());
                out.extend([TokenTree::Group(group)]);
            }
            tree => out.extend([tree]),
        }
    }
}
