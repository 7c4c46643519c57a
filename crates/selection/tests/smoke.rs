#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

#[test]
#[ignore]
fn smoke_cycle() {
    let n_prog: usize = std::env::var("NP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let n: usize = std::env::var("NC")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20000);
    let input = if n_prog == 1 {
        common::single_instance(n, 7)
    } else {
        common::cycle_instance(n_prog, n, 7)
    };
    let t = std::time::Instant::now();
    let out = miti_selection::solve(&input).unwrap();
    eprintln!(
        "time {:?} optimal {} objective {} rank {} stats {:?}",
        t.elapsed(),
        out.optimal,
        out.objective,
        out.rank_sum,
        out.stats
    );
    for p in out.programmes.iter().take(3) {
        eprintln!(
            "{} {:?} wl {:?} v {:?}",
            p.id,
            p.selected,
            p.waitlist.len(),
            p.violations
        );
    }
}
