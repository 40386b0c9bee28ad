//! Command-line entry point: serve the emulator until interrupted.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use openrouter_mock::{MockConfig, MockServer};

const USAGE: &str = "\
Usage: openrouter-mock [--addr HOST:PORT]

Serves a local emulator of the OpenRouter API under http://HOST:PORT/api/v1.

Options:
  --addr HOST:PORT   address to listen on (default 127.0.0.1:8080; port 0 picks a free port)
  -h, --help         print this help
";

enum Command {
    Serve(SocketAddr),
    Help,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut addr = SocketAddr::from(([127, 0, 0, 1], 8080));
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--addr" => args
                .next()
                .ok_or("--addr needs a value such as 127.0.0.1:8080")?,
            other => match other.strip_prefix("--addr=") {
                Some(v) => v.to_owned(),
                None => return Err(format!("unknown argument `{other}`")),
            },
        };
        addr = value
            .parse()
            .map_err(|_| format!("`{value}` is not an address such as 127.0.0.1:8080"))?;
    }
    Ok(Command::Serve(addr))
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[tokio::main]
#[allow(clippy::print_stdout)] // printing the listening line is this binary's job
async fn main() -> ExitCode {
    let addr = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Serve(addr)) => addr,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("openrouter-mock: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let server = match MockServer::start_with(MockConfig::default().addr(addr)).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("openrouter-mock: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on {}", server.base_url());
    if let Err(e) = std::io::stdout().flush() {
        eprintln!("openrouter-mock: cannot write to stdout: {e}");
        return ExitCode::FAILURE;
    }
    wait_for_signal().await;
    drop(server);
    ExitCode::SUCCESS
}
