//! Cost of `errstatus::axum::ProblemLayer`: the same axum `Router` with and without the layer,
//! in the same run, for a 2xx (passed on), axum's 404 for an unknown route (made
//! problem+json) and a derived error's 410 (passed on: built by errstatus). For scale, the
//! router with a layer that does nothing (axum boxes every layered route) and the router
//! inside a `ProblemService` (not re-boxed). Also a derived error's `IntoResponse` against
//! `errstatus::response`, which builds the same response without the check for the mark.
//!
//! `cargo bench -p errstatus-benches --bench problem_layer [-- --warm-up-time 1 --measurement-time 3]`
//!
//! Before criterion runs, the allocations of one request on each router are counted (a
//! counting global allocator) and printed: the layer adds none to a 2xx.

use std::alloc::{GlobalAlloc, Layout, System};
use std::convert::Infallible;
use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use criterion::{criterion_group, criterion_main, Criterion};
use errstatus::axum::{ProblemLayer, ProblemService};
use errstatus::HttpStatus;
use tower_layer::Identity;
use tower_service::Service;

/// The system allocator, counting allocations.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Derived {
    #[error("order 7 is gone")]
    #[status(410)]
    Gone,
}

fn routes() -> Router {
    Router::new().route("/users", get(|| async { "[]" })).route("/gone", get(|| async { Derived::Gone }))
}

/// The result of a future that is ready at once (every handler here is): no runtime needed.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the future is not ready"),
    }
}

/// One request through `service` (each one here is always ready: no `poll_ready`).
fn call<S>(service: &mut S, uri: &'static str) -> Response
where
    S: Service<Request<Body>, Response = Response, Error = Infallible>,
{
    let request = Request::get(uri).body(Body::empty()).unwrap();
    match now(service.call(request)) {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// Allocations (and reallocations) of one request, response dropped.
fn allocations<S>(service: &mut S, uri: &'static str) -> usize
where
    S: Service<Request<Body>, Response = Response, Error = Infallible>,
{
    drop(call(service, uri)); // warm: lazily built state
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    drop(black_box(call(service, uri)));
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

/// The four set-ups: the bare router; with a layer that does nothing (`Identity`: what axum's
/// `Router::layer` costs by itself, boxing the layered routes); with `ProblemLayer`; and with
/// `ProblemService` around the whole router (no re-boxing by axum).
struct Setups {
    bare: Router,
    identity: Router,
    layer: Router,
    outside: ProblemService<Router>,
}

fn setups() -> Setups {
    Setups {
        bare: routes(),
        identity: routes().layer(Identity::new()),
        layer: routes().layer(ProblemLayer::new()),
        outside: ProblemService::new(routes()),
    }
}

const CASES: [(&str, &str); 3] = [("2xx", "/users"), ("404", "/nowhere"), ("derived_410", "/gone")];

fn print_allocations() {
    let mut s = setups();
    println!("allocations per request (request, routing, response):");
    println!("  {:<12} {:>5} {:>9} {:>13} {:>17}", "", "bare", "Identity", "ProblemLayer", "ProblemService");
    for (name, uri) in CASES {
        let counts = [
            allocations(&mut s.bare, uri),
            allocations(&mut s.identity, uri),
            allocations(&mut s.layer, uri),
            allocations(&mut s.outside, uri),
        ];
        println!("  {name:<12} {:>5} {:>9} {:>13} {:>17}", counts[0], counts[1], counts[2], counts[3]);
    }
    let count = |f: &dyn Fn() -> Response| {
        drop(f());
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        drop(black_box(f()));
        ALLOCATIONS.load(Ordering::Relaxed) - before
    };
    let unmarked = count(&|| errstatus::response::<_, Body>(&Derived::Gone));
    let into = count(&|| Derived::Gone.into_response());
    println!("  a derived 410 alone: errstatus::response {unmarked}, IntoResponse {into}");
}

/// Median time per call of `a` and `b`, and the median of their per-round ratio, from rounds
/// of alternating ~1 ms slices: noise from other processes hits both sides alike (criterion
/// measures one after the other). As `benches/ab.rs` does, shorter.
fn interleaved(mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64, f64) {
    fn per_call(iters: u32, f: &mut dyn FnMut()) -> f64 {
        let start = Instant::now();
        for _ in 0..iters {
            f();
        }
        start.elapsed().as_nanos() as f64 / f64::from(iters)
    }
    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }
    let mut iters = 1;
    while per_call(iters, &mut a) * f64::from(iters) < 1e6 {
        iters *= 2;
    }
    let (mut ta, mut tb, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..300 {
        let (x, y) = if round % 2 == 0 {
            let x = per_call(iters, &mut a);
            (x, per_call(iters, &mut b))
        } else {
            let y = per_call(iters, &mut b);
            (per_call(iters, &mut a), y)
        };
        ta.push(x);
        tb.push(y);
        ratios.push(x / y);
    }
    (median(ta), median(tb), median(ratios))
}

fn print_ratios() {
    let mut s = setups();
    println!("interleaved, median per request, ratio to the bare router:");
    for (name, uri) in CASES {
        let mut bare = s.bare.clone();
        let (_, base, identity) = interleaved(|| drop(call(&mut s.identity, uri)), || drop(call(&mut bare, uri)));
        let (_, _, layer) = interleaved(|| drop(call(&mut s.layer, uri)), || drop(call(&mut bare, uri)));
        let (_, _, outside) = interleaved(|| drop(call(&mut s.outside, uri)), || drop(call(&mut bare, uri)));
        println!("  {name:<12} bare {base:>6.0} ns   Identity {identity:.2}x   ProblemLayer {layer:.2}x   ProblemService {outside:.2}x");
    }
    let (a, b, r) = interleaved(
        || drop(black_box(Derived::Gone).into_response()),
        || drop(errstatus::response::<_, Body>(black_box(&Derived::Gone))),
    );
    println!("  a derived 410 alone: IntoResponse {a:.0} ns, errstatus::response {b:.0} ns, {r:.2}x");
}

fn layer(c: &mut Criterion) {
    print_allocations();
    print_ratios();
    let mut s = setups();
    let mut g = c.benchmark_group("problem_layer");
    for (name, uri) in CASES {
        g.bench_function(format!("{name}/bare"), |b| b.iter(|| call(&mut s.bare, black_box(uri))));
        g.bench_function(format!("{name}/identity"), |b| b.iter(|| call(&mut s.identity, black_box(uri))));
        g.bench_function(format!("{name}/layer"), |b| b.iter(|| call(&mut s.layer, black_box(uri))));
        g.bench_function(format!("{name}/outside"), |b| b.iter(|| call(&mut s.outside, black_box(uri))));
    }
    g.finish();
}

fn marker(c: &mut Criterion) {
    let mut g = c.benchmark_group("derived_response");
    g.bench_function("errstatus::response", |b| b.iter(|| errstatus::response::<_, Body>(black_box(&Derived::Gone))));
    g.bench_function("into_response", |b| b.iter(|| black_box(Derived::Gone).into_response()));
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = layer, marker
}
criterion_main!(benches);
