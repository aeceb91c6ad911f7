//! Run-time cost of errstatus against hand-written code: `status()`, the conversion to
//! `http::Response<String>`, and the axum response. `cargo bench -p errstatus-benches`;
//! see README.md for results.

use std::hint::black_box;
use std::time::Duration;

use axum_core::body::Body;
use criterion::{criterion_group, criterion_main, Criterion};
use errstatus_benches::{derived_response, derived_status, samples, SAMPLE_NAMES};

fn status(c: &mut Criterion) {
    let (derived, hand) = samples();
    let mut g = c.benchmark_group("status");
    g.bench_function("errstatus", |b| {
        b.iter(|| black_box(&derived).iter().map(|e| derived_status(black_box(e)).as_u16()).sum::<u16>());
    });
    g.bench_function("hand", |b| {
        b.iter(|| black_box(&hand).iter().map(|e| black_box(e).status().as_u16()).sum::<u16>());
    });
    g.finish();
}

fn http_response(c: &mut Criterion) {
    let (derived, hand) = samples();
    let mut g = c.benchmark_group("http");
    g.bench_function("all/errstatus", |b| {
        b.iter(|| {
            for e in black_box(&derived) {
                black_box(derived_response::<String>(e));
            }
        });
    });
    g.bench_function("all/hand", |b| {
        b.iter(|| {
            for e in black_box(&hand) {
                black_box(e.response::<String>());
            }
        });
    });
    for ((d, h), name) in derived.iter().zip(&hand).zip(SAMPLE_NAMES) {
        g.bench_function(format!("{name}/errstatus"), |b| b.iter(|| derived_response::<String>(black_box(d))));
        g.bench_function(format!("{name}/hand"), |b| b.iter(|| black_box(h).response::<String>()));
    }
    g.finish();
}

fn axum_response(c: &mut Criterion) {
    let (derived, hand) = samples();
    let mut g = c.benchmark_group("axum");
    g.bench_function("all/errstatus", |b| {
        b.iter(|| {
            for e in black_box(&derived) {
                black_box(derived_response::<Body>(e));
            }
        });
    });
    g.bench_function("all/hand", |b| {
        b.iter(|| {
            for e in black_box(&hand) {
                black_box(e.response::<Body>());
            }
        });
    });
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = status, http_response, axum_response
}
criterion_main!(benches);
