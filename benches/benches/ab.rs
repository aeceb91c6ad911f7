//! Interleaved A/B ratios: errstatus against hand-written code, measured in alternating
//! slices of ~2 ms so that noise from other processes on a shared machine hits both sides
//! alike (criterion measures one side after the other). Prints the median time per call of
//! each side and their ratio. `cargo bench -p errstatus-benches --bench ab [-- FILTER]`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use axum_core::body::Body;
use errstatus_benches::{derived_response, derived_status, samples, SAMPLE_NAMES};

/// Rounds of (A slice, B slice); each slice runs the routine `iters` times.
const ROUNDS: usize = 400;
const SLICE: Duration = Duration::from_millis(2);

fn per_call(iters: u64, f: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed().as_nanos() as f64 / iters as f64
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn ab(name: &str, filter: Option<&str>, mut a: impl FnMut(), mut b: impl FnMut()) {
    if filter.is_some_and(|f| !name.contains(f)) {
        return;
    }
    // For profilers: AB_ONLY=a|b runs one side AB_ITERS times (default 10^7).
    if let Ok(side) = std::env::var("AB_ONLY") {
        let f: &mut dyn FnMut() = if side == "a" { &mut a } else { &mut b };
        let iters = std::env::var("AB_ITERS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000_000);
        let ns = per_call(iters, f);
        println!("| {name} | side {side} | {ns:.1} ns |");
        return;
    }
    // Calibrate: iterations per slice, from a warm-up of side A.
    let mut iters = 1u64;
    while per_call(iters, &mut a) * iters as f64 <= SLICE.as_nanos() as f64 / 2.0 {
        iters *= 2;
    }
    let (mut ta, mut tb, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        // Alternate which side goes first.
        let (x, y) = if round % 2 == 0 {
            (per_call(iters, &mut a), per_call(iters, &mut b))
        } else {
            let y = per_call(iters, &mut b);
            (per_call(iters, &mut a), y)
        };
        ta.push(x);
        tb.push(y);
        ratios.push(x / y);
    }
    let (ma, mb, mr) = (median(ta), median(tb), median(ratios));
    println!("| {name} | {ma:.1} ns | {mb:.1} ns | {mr:.2}x |");
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let filter = filter.as_deref();
    let (derived, hand) = samples();
    println!("| benchmark | errstatus | hand-written | errstatus / hand |");
    println!("|---|---|---|---|");
    ab(
        "status (7 variants)",
        filter,
        || {
            black_box(black_box(&derived).iter().map(|e| derived_status(black_box(e)).as_u16()).sum::<u16>());
        },
        || {
            black_box(black_box(&hand).iter().map(|e| black_box(e).status().as_u16()).sum::<u16>());
        },
    );
    ab(
        "http::Response<String> (7 variants)",
        filter,
        || {
            for e in black_box(&derived) {
                black_box(derived_response::<String>(e));
            }
        },
        || {
            for e in black_box(&hand) {
                black_box(e.response::<String>());
            }
        },
    );
    ab(
        "axum Response (7 variants)",
        filter,
        || {
            for e in black_box(&derived) {
                black_box(derived_response::<Body>(e));
            }
        },
        || {
            for e in black_box(&hand) {
                black_box(e.response::<Body>());
            }
        },
    );
    for ((d, h), name) in derived.iter().zip(&hand).zip(SAMPLE_NAMES) {
        ab(
            &format!("http {name}"),
            filter,
            || {
                black_box(derived_response::<String>(black_box(d)));
            },
            || {
                black_box(black_box(h).response::<String>());
            },
        );
    }
}
