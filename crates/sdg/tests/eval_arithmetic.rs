#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The benchmark's scoring on a hand-made fixture with hand-computed values.

use miti_sdg::eval::{read_bench, score};

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

/// (goal, label, prediction)
///
/// Goal 1: TT, TF, FF, FT, TT  → TP 2, FN 1, TN 1, FP 1
///         acc 3/5, prec 2/3, rec 2/3, F1 2/3
/// Goal 2: TT, FF, FF, FT      → TP 1, FP 1, TN 2, FN 0
///         acc 3/4, prec 1/2, rec 1, F1 2/3
/// Goal 3: TF, FF              → TP 0, FP 0, TN 1, FN 1
///         acc 1/2, prec 0 (nothing predicted), rec 0, F1 0
/// Mean over the 3 goals: acc (0.6+0.75+0.5)/3 = 0.616667,
/// prec (2/3+1/2+0)/3 = 0.388889, rec (2/3+1+0)/3 = 0.555556,
/// F1 (2/3+2/3+0)/3 = 0.444444.
const FIXTURE: &[(u8, bool, bool)] = &[
    (1, true, true),
    (1, true, false),
    (1, false, false),
    (1, false, true),
    (1, true, true),
    (2, true, true),
    (2, false, false),
    (2, false, false),
    (2, false, true),
    (3, true, false),
    (3, false, false),
];

#[test]
fn per_goal_metrics() {
    let r = score(FIXTURE);
    assert_eq!(r.per_goal.len(), 3);
    let g1 = &r.per_goal[0];
    assert_eq!(g1.goal, 1);
    assert_eq!(
        (
            g1.confusion.tp,
            g1.confusion.fp,
            g1.confusion.tn,
            g1.confusion.fn_
        ),
        (2, 1, 1, 1)
    );
    assert!(close(g1.accuracy, 0.6));
    assert!(close(g1.precision, 2.0 / 3.0));
    assert!(close(g1.recall, 2.0 / 3.0));
    assert!(close(g1.f1, 2.0 / 3.0));
    let g2 = &r.per_goal[1];
    assert_eq!(
        (
            g2.confusion.tp,
            g2.confusion.fp,
            g2.confusion.tn,
            g2.confusion.fn_
        ),
        (1, 1, 2, 0)
    );
    assert!(close(g2.accuracy, 0.75));
    assert!(close(g2.precision, 0.5));
    assert!(close(g2.recall, 1.0));
    assert!(close(g2.f1, 2.0 / 3.0));
    let g3 = &r.per_goal[2];
    assert_eq!(
        (
            g3.confusion.tp,
            g3.confusion.fp,
            g3.confusion.tn,
            g3.confusion.fn_
        ),
        (0, 0, 1, 1)
    );
    assert!(close(g3.accuracy, 0.5));
    assert!(close(g3.precision, 0.0));
    assert!(close(g3.recall, 0.0));
    assert!(close(g3.f1, 0.0));
}

#[test]
fn unweighted_mean_over_goals() {
    let r = score(FIXTURE);
    assert!(close(r.accuracy, (0.6 + 0.75 + 0.5) / 3.0));
    assert!((r.accuracy - 0.616_667).abs() < 1e-6);
    assert!((r.precision - 0.388_889).abs() < 1e-6);
    assert!((r.recall - 0.555_556).abs() < 1e-6);
    assert!((r.f1 - 0.444_444).abs() < 1e-6);
    // Not the pooled (micro) accuracy, which would be 7/11.
    assert!(!close(r.accuracy, 7.0 / 11.0));
}

#[test]
fn reads_benchmark_csv_and_names_bad_cells() {
    let csv = "id,text,sdg,label\n1,\"a, b\",6,True\n2,c,11,False\n";
    let rows = read_bench(csv.as_bytes()).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].text.as_str(), rows[0].goal, rows[0].label),
        ("a, b", 6, true)
    );
    assert_eq!((rows[1].goal, rows[1].label), (11, false));
    let e = read_bench("id,text,sdg,label\n1,a,6,perhaps\n".as_bytes()).unwrap_err();
    assert!(e.to_string().contains("row 1, column label"), "{e}");
    let e = read_bench("id,text,sdg\n1,a,6\n".as_bytes()).unwrap_err();
    assert!(e.to_string().contains("\"label\""), "{e}");
}
