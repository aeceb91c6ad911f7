//! `from_problem` allocates in proportion to the body it reads, whatever the body says: no
//! allocation is sized by a length or a number read from the input. A counting allocator
//! (this test binary's global one) records the peak of live bytes while each body of a set of
//! adversarial ones (long arrays and objects, deep nesting, huge numbers and exponents, long
//! strings and escapes, a member that claims a length) is decoded; the peak stays within a fixed
//! multiple of the body's length.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use errstatus::http::{HeaderMap, StatusCode};
use errstatus::{FromProblem, HttpStatus};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[problem(extension)]
        fields: Vec<String>,
        #[problem(extension)]
        sizes: Vec<u64>,
    },
    #[error("gone")]
    #[status(410)]
    Gone,
}

/// The peak of live bytes while `body` is decoded, above what was live before.
fn peak_of(body: &[u8]) -> usize {
    let headers = HeaderMap::new();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = ApiError::from_problem(StatusCode::UNPROCESSABLE_ENTITY, &headers, body);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(result);
    peak
}

#[test]
fn decoding_allocates_in_proportion_to_the_body() {
    let n = 200_000;
    let invalid = r#"{"type":"about:blank","status":422,"#;
    let bodies: Vec<(&str, String)> = vec![
        ("a long array", format!(r#"{invalid}"sizes":[{}1]}}"#, "1,".repeat(n / 2))),
        ("a long array of strings", format!(r#"{invalid}"fields":[{}""]}}"#, r#""","#.repeat(n / 3))),
        ("many members", format!("{{{}\"z\":0}}", (0..n / 10).map(|i| format!("\"{i}\":0,")).collect::<String>())),
        ("deep nesting", format!(r#"{invalid}"sizes":{}"#, "[".repeat(n))),
        ("deep objects", format!(r#"{invalid}"sizes":{}"#, r#"{"a":"#.repeat(n / 5))),
        ("a huge number", format!(r#"{invalid}"sizes":[{}]}}"#, "9".repeat(n))),
        ("a huge exponent", format!(r#"{invalid}"sizes":[1e{}]}}"#, "9".repeat(n))),
        ("a long string", format!(r#"{invalid}"fields":["{}"]}}"#, "x".repeat(n))),
        ("escapes", format!(r#"{invalid}"fields":["{}"]}}"#, r"\u00e9\n".repeat(n / 12))),
        (
            "a member that claims a length",
            format!(r#"{invalid}"fields":[],"sizes":[18446744073709551615],"len":{}}}"#, "9".repeat(40)),
        ),
        ("not JSON", "\u{fffd}".repeat(n / 3)),
    ];
    for (what, body) in &bodies {
        let peak = peak_of(body.as_bytes());
        // Each byte of input becomes at most a few `serde_json::Value`s (32 bytes each) and
        // their containers' growth; the `Undecoded` keeps a copy of the body.
        let bound = 64 * body.len() + (64 << 10);
        println!("{what}: peak {peak} bytes for a body of {} ({:.1}x)", body.len(), peak as f64 / body.len() as f64);
        assert!(peak <= bound, "{what}: {peak} bytes for a body of {}", body.len());
    }
    // And the decoding still works with the allocator counting.
    let sent = ApiError::Invalid { fields: vec!["name".into()], sizes: vec![1, 2] };
    let (parts, body) = errstatus::response::<_, String>(&sent).into_parts();
    assert_eq!(ApiError::from_problem(parts.status, &parts.headers, body.as_bytes()), Ok(sent));
}
