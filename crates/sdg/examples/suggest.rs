//! Reads text on stdin and prints SDG suggestions as JSON (what
//! `miti sdg suggest` does): `cargo run -p miti-sdg --example suggest < FILE`.

fn main() -> std::process::ExitCode {
    match miti_sdg::suggest_command(std::io::stdin().lock(), std::io::stdout().lock()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sdg suggest: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
