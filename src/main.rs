//! The `stempel` binary: the window without a command, the command line with one.
//!
//! Which front runs is decided here and nowhere else; errors from either become the exit status
//! in `cli::exit_code`.

use std::process::ExitCode;

use stempel::cli;

fn main() -> ExitCode {
    let args = cli::parse();
    #[cfg(feature = "gui")]
    if args.command.is_none() {
        return cli::exit_code(open_window(&args));
    }
    // Without the window, no command is bad input, which `cli::run` says.
    cli::exit_code(cli::run(args))
}

/// The window over the data folder the command line names (`--data-dir`, `STEMPEL_DATA_DIR`).
#[cfg(feature = "gui")]
fn open_window(args: &cli::Cli) -> anyhow::Result<ExitCode> {
    let paths = stempel::config::Paths::resolve(args.data_dir.as_deref())?;
    stempel::app::run(&paths)?;
    Ok(ExitCode::SUCCESS)
}
