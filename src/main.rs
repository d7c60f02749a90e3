//! The `stempel` binary: the window without arguments, the CLI with them.

fn main() -> std::process::ExitCode {
    stempel::cli::main()
}
