//! A fast reader of the derive's input, in front of syn's.
//!
//! `syn::DeriveInput`'s parser reads every field type and every attribute in full, through a
//! token buffer of the whole input: on a large enum that is half of the derive's own time. This
//! reader walks the tokens once and builds the same `syn::DeriveInput` for the shapes error
//! types have (no generics, no where clause, no discriminant), with two shortcuts:
//!
//! - an attribute `#[name]`, `#[name(...)]` or `#[name = literal]` (a doc comment) becomes its
//!   `Meta` directly; any other form goes through syn's `Meta` parser;
//! - the type of a field without attributes stays tokens (`syn::Type::Verbatim`): the derive
//!   only prints it, walks its tokens or, for a `#[status(transparent)]` default, reads it with
//!   `ast::with_parsed_type`. A field with an attribute (whose rules look at its type) gets syn's
//!   `Type`.
//!
//! Anything else returns `None`, and the caller runs syn's parser, which also reports syntax
//! errors. The input reached the derive as a struct, enum or union rustc parsed, so the shapes
//! below are the whole grammar of what is read here. The unit and property tests (tests/unit/,
//! tests/fuzz/) check that both readers give the same expansion.

// `let ... else` rather than `?` on an `Option`: each `Option` type under `?` is one more
// function built into this crate (and a call in the unoptimized derive).
#![allow(clippy::question_mark)]

use proc_macro2::{Delimiter, Group, Ident, Spacing, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
// Tokens built as their structs (`token::Semi { spans }`), not through `Token![;](span)`: each
// of those is one more generic constructor built into this crate.
use syn::{token, Token};

/// The input as `syn::DeriveInput`, or `None` for syn's parser to read.
pub(crate) fn derive_input(tokens: TokenStream) -> Option<syn::DeriveInput> {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    let mut cur = Cursor { tts: &tts, pos: 0 };
    let Some(attrs) = cur.attrs() else { return None };
    let Some(vis) = cur.vis() else { return None };
    let Some(keyword) = cur.ident() else { return None };
    let Some(ident) = cur.ident() else { return None };
    let data = if keyword == "enum" {
        let Some(body) = cur.group(Delimiter::Brace) else { return None };
        let Some(variants) = variants(body) else { return None };
        syn::Data::Enum(syn::DataEnum {
            enum_token: token::Enum { span: keyword.span() },
            brace_token: token::Brace { span: body.delim_span() },
            variants,
        })
    } else if keyword == "struct" {
        // `let ... else`, not `?`: each `?` on another `Option` type is one more generic
        // function built into this crate, and a call in the (unoptimized) derive.
        let (fields, semi_token) = match cur.next() {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                let Some(fields) = fields(g) else { return None };
                (fields, None)
            }
            Some(TokenTree::Group(g)) => {
                let Some(fields) = fields(g) else { return None };
                let Some(semi) = cur.punct(';') else { return None };
                (fields, Some(token::Semi { spans: [semi] }))
            }
            Some(TokenTree::Punct(p)) if p.as_char() == ';' => {
                (syn::Fields::Unit, Some(token::Semi { spans: [p.span()] }))
            }
            _ => return None,
        };
        syn::Data::Struct(syn::DataStruct { struct_token: token::Struct { span: keyword.span() }, fields, semi_token })
    } else {
        return None;
    };
    if cur.next().is_some() {
        return None;
    }
    Some(syn::DeriveInput { attrs, vis, ident, generics: syn::Generics::default(), data })
}

struct Cursor<'t> {
    tts: &'t [TokenTree],
    pos: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<&'t TokenTree> {
        self.tts.get(self.pos)
    }

    fn next(&mut self) -> Option<&'t TokenTree> {
        let Some(tt) = self.tts.get(self.pos) else { return None };
        self.pos += 1;
        Some(tt)
    }

    fn ident(&mut self) -> Option<Ident> {
        match self.next() {
            Some(TokenTree::Ident(ident)) => Some(ident.clone()),
            _ => None,
        }
    }

    fn group(&mut self, delimiter: Delimiter) -> Option<&'t Group> {
        match self.next() {
            Some(TokenTree::Group(g)) if g.delimiter() == delimiter => Some(g),
            _ => None,
        }
    }

    fn punct(&mut self, c: char) -> Option<proc_macro2::Span> {
        match self.next() {
            Some(TokenTree::Punct(p)) if p.as_char() == c => Some(p.span()),
            _ => None,
        }
    }

    /// Outer attributes: `#[...]`, doc comments included (rustc hands them on as `#[doc = ...]`).
    fn attrs(&mut self) -> Option<Vec<syn::Attribute>> {
        let mut attrs = Vec::new();
        while let Some(TokenTree::Punct(pound)) = self.peek() {
            if pound.as_char() != '#' {
                break;
            }
            self.pos += 1;
            let Some(bracket) = self.group(Delimiter::Bracket) else { return None };
            let pound_token = token::Pound { spans: [pound.span()] };
            let bracket_token = token::Bracket { span: bracket.delim_span() };
            let Some(meta) = meta(bracket.stream()) else { return None };
            attrs.push(syn::Attribute { pound_token, style: syn::AttrStyle::Outer, bracket_token, meta });
        }
        Some(attrs)
    }

    /// `pub`, `pub(crate)`, `pub(self)`, `pub(super)` or nothing; `pub(in path)` is left to syn.
    fn vis(&mut self) -> Option<syn::Visibility> {
        let Some(TokenTree::Ident(kw)) = self.peek() else { return Some(syn::Visibility::Inherited) };
        if kw != "pub" {
            return Some(syn::Visibility::Inherited);
        }
        self.pos += 1;
        let pub_token = token::Pub { span: kw.span() };
        if let Some(TokenTree::Group(g)) = self.peek() {
            if g.delimiter() == Delimiter::Parenthesis {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                match inner.as_slice() {
                    [TokenTree::Ident(scope)] if scope == "crate" || scope == "self" || scope == "super" => {
                        self.pos += 1;
                        return Some(syn::Visibility::Restricted(syn::VisRestricted {
                            pub_token,
                            paren_token: token::Paren { span: g.delim_span() },
                            in_token: None,
                            path: Box::new(syn::Path::from(scope.clone())),
                        }));
                    }
                    [TokenTree::Ident(kw), ..] if kw == "in" => return None,
                    // `pub (u8, u16)`: a tuple field's type.
                    _ => {}
                }
            }
        }
        Some(syn::Visibility::Public(pub_token))
    }
}

/// The attribute's content: `name`, `name(...)` (any delimiter) and `name = literal` directly,
/// the rest by syn.
fn meta(content: TokenStream) -> Option<syn::Meta> {
    let tts: Vec<TokenTree> = content.into_iter().collect();
    match tts.as_slice() {
        [TokenTree::Ident(name)] => Some(syn::Meta::Path(syn::Path::from(name.clone()))),
        [TokenTree::Ident(name), TokenTree::Group(g)] => {
            let delimiter = match g.delimiter() {
                Delimiter::Parenthesis => syn::MacroDelimiter::Paren(token::Paren { span: g.delim_span() }),
                Delimiter::Brace => syn::MacroDelimiter::Brace(token::Brace { span: g.delim_span() }),
                Delimiter::Bracket => syn::MacroDelimiter::Bracket(token::Bracket { span: g.delim_span() }),
                Delimiter::None => return reparse(&tts),
            };
            Some(syn::Meta::List(syn::MetaList { path: syn::Path::from(name.clone()), delimiter, tokens: g.stream() }))
        }
        // `doc = "..."` (every doc comment line) and other `name = literal`.
        [TokenTree::Ident(name), TokenTree::Punct(eq), TokenTree::Literal(lit)] if eq.as_char() == '=' => {
            Some(syn::Meta::NameValue(syn::MetaNameValue {
                path: syn::Path::from(name.clone()),
                eq_token: token::Eq { spans: [eq.span()] },
                value: syn::Expr::Lit(syn::ExprLit { attrs: Vec::new(), lit: syn::Lit::new(lit.clone()) }),
            }))
        }
        _ => reparse(&tts),
    }
}

/// An attribute's content that [`meta`] leaves to syn.
fn reparse(tts: &[TokenTree]) -> Option<syn::Meta> {
    let mut tokens = TokenStream::new();
    tokens.extend(tts.iter().cloned());
    syn::parse2(tokens).ok()
}

/// The items of a group separated by commas, without empty ones (a trailing comma). For
/// fields (`angles`), commas inside angle brackets do not separate (`->` is not a bracket), and
/// an `=` outside them (a field's default value) is left to syn.
fn split(group: &Group, angles: bool) -> Option<Vec<Vec<TokenTree>>> {
    let mut items = Vec::new();
    let mut item = Vec::new();
    let mut depth = 0usize;
    let mut after_minus = false;
    for tt in group.stream() {
        if let TokenTree::Punct(p) = &tt {
            let c = p.as_char();
            if c == ',' && depth == 0 {
                items.push(std::mem::take(&mut item));
                after_minus = false;
                continue;
            }
            if angles {
                if c == '=' && depth == 0 {
                    return None;
                } else if c == '<' {
                    depth += 1;
                } else if c == '>' && !after_minus {
                    depth = depth.saturating_sub(1);
                }
            }
            after_minus = c == '-' && p.spacing() == Spacing::Joint;
        } else {
            after_minus = false;
        }
        item.push(tt);
    }
    if !item.is_empty() {
        items.push(item);
    }
    Some(items)
}

fn variants(body: &Group) -> Option<Punctuated<syn::Variant, Token![,]>> {
    let mut out = Punctuated::new();
    let Some(items) = split(body, false) else { return None };
    for item in items {
        let mut cur = Cursor { tts: &item, pos: 0 };
        let Some(attrs) = cur.attrs() else { return None };
        let Some(ident) = cur.ident() else { return None };
        let fields = match cur.next() {
            None => syn::Fields::Unit,
            Some(TokenTree::Group(g)) => match fields(g) {
                Some(fields) => fields,
                None => return None,
            },
            // A discriminant, a visibility, ...: syn's.
            Some(_) => return None,
        };
        if cur.next().is_some() {
            return None;
        }
        out.push(syn::Variant { attrs, ident, fields, discriminant: None });
    }
    Some(out)
}

/// The fields of a `{ ... }` (named) or `( ... )` (tuple) group.
fn fields(group: &Group) -> Option<syn::Fields> {
    let named = match group.delimiter() {
        Delimiter::Brace => true,
        Delimiter::Parenthesis => false,
        _ => return None,
    };
    let mut fields = Punctuated::new();
    let Some(items) = split(group, true) else { return None };
    for item in items {
        let mut cur = Cursor { tts: &item, pos: 0 };
        let Some(attrs) = cur.attrs() else { return None };
        let Some(vis) = cur.vis() else { return None };
        let (ident, colon_token) = match named {
            true => {
                let Some(ident) = cur.ident() else { return None };
                let Some(colon) = cur.punct(':') else { return None };
                (Some(ident), Some(token::Colon { spans: [colon] }))
            }
            false => (None, None),
        };
        let ty = &item[cur.pos..];
        if ty.is_empty() {
            return None;
        }
        // Extended, not collected: the tokens are handed to rustc only if the expansion uses them.
        let mut tokens = TokenStream::new();
        tokens.extend(ty.iter().cloned());
        let ty = if attrs.is_empty() {
            syn::Type::Verbatim(tokens)
        } else {
            match syn::parse2(tokens) {
                Ok(ty) => ty,
                Err(_) => return None,
            }
        };
        fields.push(syn::Field {
            attrs,
            vis,
            modifiers: syn::FieldModifiers::default(),
            ident,
            colon_token,
            ty,
            default: None,
        });
    }
    Some(match named {
        true => syn::Fields::Named(syn::FieldsNamed {
            brace_token: token::Brace { span: group.delim_span() },
            named: fields,
        }),
        false => syn::Fields::Unnamed(syn::FieldsUnnamed {
            paren_token: token::Paren { span: group.delim_span() },
            unnamed: fields,
        }),
    })
}
