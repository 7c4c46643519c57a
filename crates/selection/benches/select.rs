#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `cargo bench -p miti-selection`
//!
//! (a) one programme, 5,000 candidates; (b) a cycle of 50 programmes,
//! 20,000 candidates with 3 preferences each. Set `MITI_BENCH_FULL=1` to
//! also time (b) with the exhaustive id tie-break (slow: ~20 s per run).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use miti_selection::{SolveOptions, solve, solve_with};

fn bench(c: &mut Criterion) {
    let single = common::single_instance(5_000, 7);
    let cycle = common::cycle_instance(50, 20_000, 7);
    let mut g = c.benchmark_group("select");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("single_5000", |b| b.iter(|| solve(&single).unwrap()));
    let fast = SolveOptions {
        id_tie_break: false,
        ..SolveOptions::default()
    };
    g.bench_function("cycle_50x20000_optimal", |b| {
        b.iter(|| {
            let out = solve_with(&cycle, &fast).unwrap();
            assert!(out.optimal);
            out
        })
    });
    if std::env::var_os("MITI_BENCH_FULL").is_some() {
        g.measurement_time(Duration::from_secs(60));
        g.bench_function("cycle_50x20000_full_tie_break", |b| {
            b.iter(|| solve(&cycle).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
