//! `miti`: one binary for the server and its operations.

mod backup;
mod config;
mod dev;
mod serve;

use clap::{Args, Parser, Subcommand};
use config::{FileSettings, Settings};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: under load the server allocates on
/// the SQLite connection threads and frees on the async workers, and glibc's
/// per-thread arenas then contend on their locks and hold on to memory
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "miti",
    version,
    about = "Operations platform of the Metropolis International Training Institute network"
)]
struct Cli {
    /// Settings file (default: ./miti.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// Settings any command that opens the database accepts.
#[derive(Args, Clone, Default)]
struct DbArgs {
    /// sqlite://miti.db (default) or postgres://user@host/db. Env: MITI_DATABASE_URL.
    #[arg(long)]
    database_url: Option<String>,
    /// Folder of the object store (uploaded documents). Env: MITI_DATA_DIR.
    #[arg(long)]
    data_dir: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (creates and migrates the database at start).
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address to listen on. Env: MITI_BIND. Default 127.0.0.1:8080.
        #[arg(long)]
        bind: Option<String>,
        /// Base URL used in emailed links. Env: MITI_PUBLIC_URL.
        #[arg(long)]
        public_url: Option<String>,
        /// Plain cookie names without Secure, for plain-http development on a
        /// non-localhost address. Env: MITI_INSECURE_COOKIES=true.
        #[arg(long)]
        insecure_cookies: bool,
        /// Seed the demo network when the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Create a network administrator (the Secretariat); asks for the password,
    /// or reads it from MITI_ADMIN_PASSWORD.
    CreateAdmin {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Network administrator")]
        name: String,
        /// Slug of the organisation the admin belongs to (created as the
        /// Secretariat if the database has none).
        #[arg(long, default_value = "metropolis")]
        organisation: String,
    },
    /// Load data into the database.
    Seed {
        #[command(flatten)]
        db: DbArgs,
        /// The demo network: real organisations and one account per role.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Write a consistent backup of the SQLite database and the stored files
    /// to FILE (a tar archive), while the server keeps running.
    Backup {
        #[command(flatten)]
        db: DbArgs,
        file: PathBuf,
    },
    /// Restore a backup made by `miti backup` (stop the server first).
    Restore {
        #[command(flatten)]
        db: DbArgs,
        file: PathBuf,
        /// Replace an existing database and data folder.
        #[arg(long)]
        force: bool,
    },
    /// Select cohorts under the network's rules: JSON in, JSON out (docs/selection.md).
    Select {
        #[arg(long)]
        input: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Helpers for tests and benchmarks on a throwaway database.
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
    /// The UN SDG tools.
    Sdg {
        #[command(subcommand)]
        command: SdgCommand,
    },
}

#[derive(Subcommand)]
enum DevCommand {
    /// Make applicant accounts PREFIX-001..PREFIX-COUNT@applicants.test with
    /// one password (from MITI_DEV_PASSWORD), held in a member city.
    Applicants {
        #[command(flatten)]
        db: DbArgs,
        /// How many accounts.
        #[arg(long, default_value_t = 64)]
        count: u32,
        /// The addresses' first part.
        #[arg(long, default_value = "applicant")]
        email_prefix: String,
        /// Slug of the member city the applicants belong to.
        #[arg(long, default_value = "dakar")]
        city: String,
    },
    /// A large synthetic network for load tests (bench/http): organisations,
    /// programmes over several years with open calls, applications with
    /// their documents' metadata, accounts sharing one password (from
    /// MITI_DEV_PASSWORD), on an empty or demo-seeded database.
    Dataset {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, default_value_t = 150)]
        organisations: u32,
        #[arg(long, default_value_t = 300)]
        programmes: u32,
        /// Years of programmes, ending with next year.
        #[arg(long, default_value_t = 5)]
        years: u32,
        #[arg(long, default_value_t = 20_000)]
        applications: u64,
        /// Accounts (raised if the applications need more applicants).
        #[arg(long, default_value_t = 2_000)]
        users: u64,
        /// The generator's seed: a seed gives the same dataset.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Applications per transaction.
        #[arg(long, default_value_t = 5_000)]
        batch: usize,
        /// Applicants of the bench call listed in the manifest.
        #[arg(long, default_value_t = 64)]
        bench_applicants: u32,
        /// Write the bench call, its staff account and applicants here.
        #[arg(long)]
        manifest: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum SdgCommand {
    /// Suggest goals for the text on stdin; prints JSON, best first.
    Suggest,
    /// Judge CSV rows `id,text,sdg`; prints CSV `id,prediction`.
    Judge {
        #[arg(long)]
        input: PathBuf,
    },
}

fn settings(cli_config: &Option<PathBuf>, flags: FileSettings) -> Result<Settings, String> {
    let file = match cli_config {
        Some(p) => Settings::read_file(p, true)?,
        None => Settings::read_file(std::path::Path::new("miti.toml"), false)?,
    };
    Settings::resolve(flags, &|k| std::env::var(k).ok(), file)
}

fn db_flags(db: &DbArgs) -> FileSettings {
    FileSettings {
        database_url: db.database_url.clone(),
        data_dir: db.data_dir.clone(),
        ..Default::default()
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve {
            db,
            bind,
            public_url,
            insecure_cookies,
            demo,
        } => {
            let flags = FileSettings {
                bind,
                public_url,
                insecure_cookies: insecure_cookies.then_some(true),
                ..db_flags(&db)
            };
            serve::serve(settings(&cli.config, flags)?, demo).await
        }
        Command::Migrate { db } => {
            let s = settings(&cli.config, db_flags(&db))?;
            serve::open_store(&s.database_url).await?;
            println!("database migrated: {}", serve::redact(&s.database_url));
            Ok(())
        }
        Command::CreateAdmin {
            db,
            email,
            name,
            organisation,
        } => {
            let s = settings(&cli.config, db_flags(&db))?;
            let services = serve::services(&s).await?;
            let password = match std::env::var("MITI_ADMIN_PASSWORD") {
                Ok(p) => p,
                Err(_) => rpassword::prompt_password("Password (12+ characters): ")
                    .map_err(|e| e.to_string())?,
            };
            serve::create_admin(&services, &email, &name, &organisation, &password).await?;
            println!("created network administrator {email}");
            Ok(())
        }
        Command::Seed { db, demo: _ } => {
            let s = settings(&cli.config, db_flags(&db))?;
            let services = serve::services(&s).await?;
            serve::seed_demo(&services).await
        }
        Command::Backup { db, file } => {
            let s = settings(&cli.config, db_flags(&db))?;
            println!("{}", backup::backup(&s, &file).await?);
            Ok(())
        }
        Command::Restore { db, file, force } => {
            let s = settings(&cli.config, db_flags(&db))?;
            println!("{}", backup::restore(&s, &file, force).await?);
            Ok(())
        }
        Command::Select { input, output } => {
            let text =
                std::fs::read_to_string(&input).map_err(|e| format!("{}: {e}", input.display()))?;
            let out = miti_selection::solve_json(&text)
                .map_err(|e| format!("{}: {e}", input.display()))?;
            match output {
                Some(p) => {
                    std::fs::write(&p, out + "\n").map_err(|e| format!("{}: {e}", p.display()))
                }
                None => {
                    println!("{out}");
                    Ok(())
                }
            }
        }
        Command::Dev { command } => match command {
            DevCommand::Applicants {
                db,
                count,
                email_prefix,
                city,
            } => {
                let s = settings(&cli.config, db_flags(&db))?;
                let services = serve::services(&s).await?;
                let password = std::env::var("MITI_DEV_PASSWORD")
                    .map_err(|_| "set MITI_DEV_PASSWORD to the accounts' password".to_string())?;
                let done =
                    dev::applicants(&services, count, &email_prefix, &city, &password).await?;
                println!("{done}");
                Ok(())
            }
            DevCommand::Dataset {
                db,
                organisations,
                programmes,
                years,
                applications,
                users,
                seed,
                batch,
                bench_applicants,
                manifest,
            } => {
                let s = settings(&cli.config, db_flags(&db))?;
                let services = serve::services(&s).await?;
                let password = std::env::var("MITI_DEV_PASSWORD")
                    .map_err(|_| "set MITI_DEV_PASSWORD to the accounts' password".to_string())?;
                let options = dev::dataset::Options {
                    organisations,
                    programmes,
                    years,
                    applications,
                    users,
                    seed,
                    batch,
                    bench_applicants,
                    manifest,
                };
                println!(
                    "{}",
                    dev::dataset::generate(&services, &options, &password).await?
                );
                Ok(())
            }
        },
        Command::Sdg { command } => match command {
            SdgCommand::Suggest => {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .map_err(|e| e.to_string())?;
                miti_sdg::suggest_command(text.as_bytes(), std::io::stdout().lock())
                    .map_err(|e| e.to_string())
            }
            SdgCommand::Judge { input } => {
                let f =
                    std::fs::File::open(&input).map_err(|e| format!("{}: {e}", input.display()))?;
                miti_sdg::judge_command(std::io::BufReader::new(f), std::io::stdout().lock())
                    .map_err(|e| format!("{}: {e}", input.display()))
            }
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("miti: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("miti: {e}");
            ExitCode::FAILURE
        }
    }
}
