//! One function per command; errors carry context up to `main`, which reports them.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use tracing::info;
use wenjin::answer::{self, Response};
use wenjin::console::{self, Marks};
use wenjin::search::{self, BuildOptions, Engine};

use crate::cli::{Cli, Command, EvalArgs, Paths};

/// Logs go to stderr (stdout is for answers and JSON), at the level RUST_LOG sets (warn by
/// default), as JSON lines when asked.
pub fn init_tracing(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Writes a line to stdout; a closed pipe (`wenjin ask … | head`) ends the program quietly.
fn say(text: impl std::fmt::Display) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let paths = cli.paths;
    match cli.command {
        Command::Index { full, json } => index(&paths, full, json),
        Command::Ask { json, question } => ask(&paths, json, question),
        Command::Chat => chat(&paths),
        Command::Bot {
            webhook_url,
            webhook_listen,
            http,
            watch,
        } => bot(&paths, webhook_url, webhook_listen, http, watch),
        Command::Explain { json, question } => explain(&paths, json, &question),
        Command::Health { url } => health(&url),
        Command::Eval(args) => eval(&paths, args),
        Command::Bench {
            work,
            squad,
            limit,
            json,
        } => bench(&paths, work, &squad, limit, json),
    }
}

/// Progress for `index`: a bar on a terminal, a log line every 10% otherwise.
fn progress_reporter() -> impl Fn(usize, usize) + Sync {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    });
    move |done: usize, total: usize| match &bar {
        Some(bar) => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done == total {
                bar.finish_and_clear();
            }
        }
        None => {
            let step = (total / 10).max(1);
            if done.is_multiple_of(step) || done == total {
                info!(done, total, "indexing");
            }
        }
    }
}

fn index(paths: &Paths, full: bool, json: bool) -> Result<ExitCode> {
    let progress = progress_reporter();
    let report = search::build(
        &paths.corpus,
        &paths.index,
        &BuildOptions {
            full,
            progress: Some(&progress),
            memory_mb: paths.index_memory_mb(),
        },
    )
    .with_context(|| {
        format!(
            "indexing {} into {}",
            paths.corpus.display(),
            paths.index.display()
        )
    })?;
    if json {
        say(serde_json::to_string(&report)?)?;
    } else {
        println!(
            "added {} · changed {} · removed {} · unchanged {} · skipped {} · {} passages written · {} articles · {:.2}s",
            report.added,
            report.changed,
            report.removed,
            report.unchanged,
            report.skipped.len(),
            report.passages,
            report.articles,
            report.elapsed.as_secs_f64()
        );
        for (file, why) in &report.skipped {
            println!("  skipped {file}: {why}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the index, building it from the corpus first when there is none yet.
fn open_engine(paths: &Paths) -> Result<Engine> {
    let warm = wenjin::text::segment::warm_up();
    if !Engine::exists(&paths.index) {
        info!(corpus = %paths.corpus.display(), index = %paths.index.display(), "no index yet: building it");
        eprintln!(
            "wenjin: building the index from {} into {} (first use)…",
            paths.corpus.display(),
            paths.index.display()
        );
        let options = BuildOptions {
            memory_mb: paths.index_memory_mb(),
            ..Default::default()
        };
        search::build(&paths.corpus, &paths.index, &options)
            .with_context(|| format!("building the index from {}", paths.corpus.display()))?;
    }
    let engine = Engine::open_with(&paths.index, paths.index_io)
        .with_context(|| format!("opening {}", paths.index.display()))?;
    let _ = warm.join();
    Ok(engine)
}

fn marks() -> Marks {
    if std::io::stdout().is_terminal() {
        Marks::Bold
    } else {
        Marks::Brackets
    }
}

fn ask(paths: &Paths, json: bool, question: Option<String>) -> Result<ExitCode> {
    let engine = open_engine(paths)?;
    let answerer = answer::Answerer::new(&engine);
    match (question, json) {
        (Some(q), true) => {
            let r = answerer.ask(&q)?;
            say(serde_json::to_string(&r)?)?;
        }
        (Some(q), false) => {
            let r = answerer.ask(&q)?;
            say(console::format(&r, marks()).trim_end())?;
        }
        (None, true) => batch(&answerer, std::io::stdin().lock(), std::io::stdout().lock())?,
        (None, false) => {
            anyhow::bail!("give a question, or use --json to read questions from standard input")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// JSON Lines batch: exactly one output line per input line, in order, flushed per line.
fn batch(answerer: &answer::Answerer<'_>, input: impl BufRead, mut out: impl Write) -> Result<()> {
    for line in input.split(b'\n') {
        let bytes = line.context("reading standard input")?;
        let text = String::from_utf8_lossy(&bytes);
        let q = text.trim_end_matches('\r');
        let r = if q.trim().is_empty() {
            Response::error(q, "empty question")
        } else if q.chars().count() > answer::question::MAX_QUESTION_CHARS {
            Response::error(
                q,
                format!(
                    "question longer than {} characters",
                    answer::question::MAX_QUESTION_CHARS
                ),
            )
        } else {
            match answerer.ask(q) {
                Ok(r) => r,
                Err(e) => Response::error(q, e.to_string()),
            }
        };
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
        out.flush()?;
    }
    Ok(())
}

fn chat(paths: &Paths) -> Result<ExitCode> {
    let engine = open_engine(paths)?;
    console::chat(
        &engine,
        std::io::stdin().lock(),
        std::io::stdout().lock(),
        marks(),
    )?;
    Ok(ExitCode::SUCCESS)
}

fn explain(paths: &Paths, json: bool, question: &str) -> Result<ExitCode> {
    let engine = open_engine(paths)?;
    let Some(explanation) = answer::Answerer::new(&engine).explain(question)? else {
        println!("nothing searchable in the question");
        return Ok(ExitCode::SUCCESS);
    };
    if json {
        say(explanation.json()?)?;
        return Ok(ExitCode::SUCCESS);
    }
    say(explanation.text().trim_end())?;
    Ok(ExitCode::SUCCESS)
}

#[allow(dead_code)]
fn exists(p: &Path) -> bool {
    p.exists()
}

/// A plain HTTP/1.1 GET with a timeout: enough for a health check, no client library needed.
fn health(url: &str) -> Result<ExitCode> {
    use std::io::Read;
    use std::net::{TcpStream, ToSocketAddrs};
    use std::time::Duration;
    let rest = url
        .strip_prefix("http://")
        .context("only http:// URLs are supported")?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
    let addr = host
        .to_socket_addrs()
        .with_context(|| format!("resolving {host}"))?
        .next()
        .context("no address")?;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(3))?;
    stream.set_read_timeout(Some(Duration::from_secs(3)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let ok = response.starts_with("HTTP/1.1 200") || response.starts_with("HTTP/1.0 200");
    println!("{}", response.lines().next().unwrap_or("no response"));
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn bench(
    paths: &Paths,
    work: Option<std::path::PathBuf>,
    squad: &[std::path::PathBuf],
    limit: usize,
    json: bool,
) -> Result<ExitCode> {
    // Without --work, the index goes to a temporary folder removed at the end.
    let scratch = match &work {
        Some(_) => None,
        None => Some(wenjin::eval::Scratch::new("bench")?),
    };
    let work = work
        .or_else(|| scratch.as_ref().map(|s| s.0.clone()))
        .unwrap_or_default();
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let questions = wenjin::bench::squad_questions(squad, limit)?;
    let r = wenjin::bench::run(
        &paths.corpus,
        &work,
        &questions,
        paths.index_io,
        paths.index_memory_mb(),
    )?;
    if json {
        say(serde_json::to_string(&r)?)?;
    } else {
        println!("{r:#?}");
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(paths: &Paths, args: EvalArgs) -> Result<ExitCode> {
    use wenjin::eval::{self, EvalReport, System};
    let EvalArgs {
        squad,
        distractors,
        questions,
        baseline,
        limit,
        json,
        report: report_file,
        spans,
        passages,
    } = args;
    let baseline = baseline.is_some();
    let dumps = eval::Dumps {
        spans: spans.as_deref(),
        passages: passages.as_deref(),
    };
    let distractors = &distractors[..];
    let system = if baseline {
        System::JiebaBm25
    } else {
        System::Wenjin
    };
    let records = match (squad, questions) {
        (Some(f), _) => eval::squad(&f, distractors, limit, system, dumps)
            .with_context(|| format!("evaluating {}", f.display()))?,
        (None, Some(f)) => eval::questions(&f, &paths.corpus, limit, system, dumps)
            .with_context(|| format!("evaluating {}", f.display()))?,
        (None, None) => anyhow::bail!("give --squad FILE or --questions FILE"),
    };
    if let Some(path) = report_file {
        let mut lines = String::new();
        for r in &records {
            lines.push_str(&serde_json::to_string(r)?);
            lines.push('\n');
        }
        std::fs::write(&path, lines).with_context(|| format!("writing {}", path.display()))?;
    }
    let report = EvalReport::from_records(&records);
    if json {
        say(serde_json::to_string(&report)?)?;
    } else {
        println!(
            "{} questions · top-1 {:.3} · top-5 {:.3} · EM {:.3} · F1 {:.3}{}",
            report.questions,
            report.top1,
            report.top5,
            report.em,
            report.f1,
            if baseline {
                " (baseline: jieba BM25)"
            } else {
                ""
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn bot(
    paths: &Paths,
    webhook_url: Option<String>,
    webhook_listen: std::net::SocketAddr,
    http: Option<std::net::SocketAddr>,
    watch: bool,
) -> Result<ExitCode> {
    use wenjin::bot::serve::{self, ServeError};
    let admins = match serve::check_environment() {
        Ok(admins) => admins,
        Err(e @ ServeError::NoToken) => {
            eprintln!("wenjin bot: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    let options = serve::Options {
        webhook_url,
        webhook_listen,
        http,
        watch,
        data: paths.data.clone(),
        config: wenjin::bot::Config {
            admins,
            index_memory_mb: paths.index_memory_mb(),
            corpus: paths.corpus.clone(),
        },
    };
    let paths = paths.clone();
    serve::run(options, move || open_engine(&paths).map_err(Into::into))?;
    Ok(ExitCode::SUCCESS)
}
