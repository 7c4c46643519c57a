//! `sdg-eval`: measures the SDG judge on a benchmark CSV (`id,text,sdg,label`),
//! cross-validates the training procedure, or retrains the shipped model.
//!
//! ```text
//! sdg-eval FILE.csv                       # shipped model on FILE
//! sdg-eval --cv 5 [--seed N] [--repeats R] FILE.csv
//!                                         # k-fold CV, refit per fold
//! sdg-eval --train FILE.csv --out crates/sdg/data/model.json
//! ```

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use miti_sdg::eval::{BenchRow, cross_validate, fit, format_report, read_bench, score};
use miti_sdg::lexicon::Lexicon;
use miti_sdg::model::TrainParams;
use miti_sdg::{Sdg, SdgError};

struct Args {
    file: String,
    cv: Option<usize>,
    seed: u64,
    repeats: u64,
    train_out: Option<String>,
    params: TrainParams,
}

fn usage() -> String {
    "usage: sdg-eval [--cv K [--seed N] [--repeats R]] [--train --out MODEL.json] \
     [--l2-shared X] [--l2-goal Y] FILE.csv"
        .to_string()
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        file: String::new(),
        cv: None,
        seed: 1,
        repeats: 1,
        train_out: None,
        params: TrainParams::default(),
    };
    let mut train = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--cv" => a.cv = Some(val("--cv")?.parse().map_err(|e| format!("--cv: {e}"))?),
            "--seed" => a.seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--repeats" => {
                a.repeats = val("--repeats")?
                    .parse()
                    .map_err(|e| format!("--repeats: {e}"))?;
            }
            "--train" => train = true,
            "--out" => a.train_out = Some(val("--out")?),
            "--l2-shared" => {
                a.params.l2_shared = val("--l2-shared")?
                    .parse()
                    .map_err(|e| format!("--l2-shared: {e}"))?;
            }
            "--l2-goal" => {
                a.params.l2_goal = val("--l2-goal")?
                    .parse()
                    .map_err(|e| format!("--l2-goal: {e}"))?;
            }
            "-h" | "--help" => return Err(usage()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{}", usage())),
            s => a.file = s.to_string(),
        }
    }
    if a.file.is_empty() {
        return Err(usage());
    }
    if train && a.train_out.is_none() {
        return Err("--train needs --out MODEL.json".into());
    }
    if !train {
        a.train_out = None;
    }
    Ok(a)
}

fn load(path: &str) -> Result<Vec<BenchRow>, SdgError> {
    read_bench(BufReader::new(File::open(path)?))
}

fn throughput(engine: &Sdg, rows: &[BenchRow]) -> Result<f64, SdgError> {
    let start = Instant::now();
    let mut n = 0usize;
    let mut positives = 0usize;
    while start.elapsed().as_secs_f64() < 1.0 || n < rows.len() {
        for r in rows {
            positives += usize::from(engine.judge(&r.text, r.goal)?);
            n += 1;
        }
    }
    std::hint::black_box(positives);
    Ok(n as f64 / start.elapsed().as_secs_f64())
}

fn run(a: Args) -> Result<(), SdgError> {
    let rows = load(&a.file)?;
    let lexicon = Lexicon::embedded()?;
    if let Some(out) = &a.train_out {
        let engine = Sdg::embedded()?;
        let analyses: Vec<_> = rows.iter().map(|r| engine.analyze(&r.text)).collect();
        let name = std::path::Path::new(&a.file)
            .file_name()
            .map_or_else(|| a.file.clone(), |n| n.to_string_lossy().into_owned());
        let model = fit(
            &analyses.iter().collect::<Vec<_>>(),
            &rows.iter().collect::<Vec<_>>(),
            a.params,
            &format!("{name} ({} rows)", rows.len()),
        )?;
        std::fs::write(out, model.to_json()? + "\n")?;
        println!("wrote {out} (fitted on {} rows)", rows.len());
        return Ok(());
    }
    if let Some(k) = a.cv {
        let mut accs = Vec::new();
        for rep in 0..a.repeats.max(1) {
            let seed = a.seed + rep;
            let pred = cross_validate(&lexicon, &rows, k, seed, a.params)?;
            let triples: Vec<(u8, bool, bool)> = rows
                .iter()
                .zip(&pred)
                .map(|(r, &p)| (r.goal, r.label, p))
                .collect();
            let report = score(&triples);
            accs.push(report.accuracy);
            println!(
                "## {k}-fold cross-validation, seed {seed} (held-out predictions; model refitted on each training fold)\n"
            );
            println!("{}", format_report(&report));
        }
        if accs.len() > 1 {
            let mean = accs.iter().sum::<f64>() / accs.len() as f64;
            println!(
                "mean accuracy over {} repeats: {:.1}% (min {:.1}%, max {:.1}%)",
                accs.len(),
                mean * 100.0,
                accs.iter().copied().fold(f64::INFINITY, f64::min) * 100.0,
                accs.iter().copied().fold(0.0, f64::max) * 100.0
            );
        }
        return Ok(());
    }
    let engine = Sdg::get()?;
    let mut triples = Vec::with_capacity(rows.len());
    for r in &rows {
        triples.push((r.goal, r.label, engine.judge(&r.text, r.goal)?));
    }
    let report = score(&triples);
    println!(
        "## Shipped model on {} ({} rows; model trained on: {})\n",
        a.file,
        rows.len(),
        engine.model().trained_on
    );
    println!("{}", format_report(&report));
    let tps = throughput(engine, &rows)?;
    println!("throughput: {tps:.0} texts/s (one core, judge incl. tokenisation)");
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sdg-eval: {e}");
            ExitCode::FAILURE
        }
    }
}
