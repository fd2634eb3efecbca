//! A throw-away PostgreSQL cluster for the tests, started by the tests themselves.
//!
//! One cluster per test binary, started on first use from Debian's binaries
//! (`/usr/lib/postgresql/<version>/bin`): `initdb` in a temp dir, a free port on 127.0.0.1,
//! a socket in that dir, durability off (a test cluster needs no fsync). PostgreSQL refuses
//! to run as root, so as root every server command runs as the `postgres` user (`runuser`);
//! otherwise directly. Each test gets its own database ([`Cluster::new_database`]), so tests
//! run in parallel. The cluster lives in a static, which Rust never drops, so a watcher
//! process started beside it stops the server and removes the dir once this test process has
//! exited, even after a panic or abort; [`Cluster`]'s `Drop` does the same for an owned one.
//!
//! Missing binaries are a visible skip, or a failure when `CLAIMLINT_REQUIRE_POSTGRES=1`
//! (set by `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// A running test cluster.
pub struct Cluster {
    root: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres_user: bool,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static DATABASES: AtomicU32 = AtomicU32::new(0);

/// The shared cluster, or `None` (with a SKIPPED line on stderr) when PostgreSQL is not
/// installed. Panics when it is required, or installed but would not start.
pub fn cluster() -> Option<&'static Cluster> {
    let started = CLUSTER.get_or_init(|| match find_bin() {
        None => Err("no PostgreSQL binaries in /usr/lib/postgresql/*/bin".to_owned()),
        Some(bin) => Ok(Cluster::start(bin)),
    });
    match started {
        Ok(cluster) => Some(cluster),
        Err(why) if std::env::var("CLAIMLINT_REQUIRE_POSTGRES").as_deref() == Ok("1") => {
            panic!("CLAIMLINT_REQUIRE_POSTGRES=1 but {why} (apt-get install postgresql)")
        }
        Err(why) => {
            eprintln!("SKIPPED (PostgreSQL engine): {why}; apt-get install postgresql to run it");
            None
        }
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin` holding `initdb`.
fn find_bin() -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    let output = Command::new("id").arg("-u").output().expect("run id -u");
    String::from_utf8_lossy(&output.stdout).trim() == "0"
}

impl Cluster {
    fn start(bin: PathBuf) -> Cluster {
        let as_postgres_user = is_root();
        let root = tempfile::Builder::new()
            .prefix("claimlint-pg-")
            .tempdir()
            .expect("temp dir for the cluster")
            .keep();
        if as_postgres_user {
            run(Command::new("chown").arg("postgres:").arg(&root), "chown");
        }
        let mut cluster = Cluster {
            root,
            bin,
            port: 0,
            as_postgres_user,
        };
        let data = cluster.root.join("data");
        cluster.run_server_tool(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "postgres".as_ref(),
                "--auth=trust".as_ref(),
                "--encoding=UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        // A port free a moment ago may be taken by the time the server binds it: try again.
        for attempt in 0.. {
            cluster.port = free_port();
            let options = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                cluster.port,
                cluster.root.display()
            );
            let log = cluster.root.join("server.log");
            let started = cluster
                .server_tool("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(&log)
                .args(["-w", "-t", "60", "-o", &options, "start"])
                .stdout(Stdio::null())
                .status()
                .expect("run pg_ctl start");
            if started.success() {
                break;
            }
            assert!(
                attempt < 3,
                "pg_ctl start failed; server log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        cluster.watch_this_process();
        cluster
    }

    /// `program` from the PostgreSQL bin dir, as the `postgres` user when we are root.
    fn server_tool(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres_user {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn run_server_tool(&self, program: &str, args: &[&std::ffi::OsStr]) {
        let mut command = self.server_tool(program);
        command.args(args).stdout(Stdio::null());
        run(&mut command, program);
    }

    /// Starts a detached shell that waits for this process to end, then stops the server
    /// and removes the cluster's dir.
    // The watcher must outlive this process, so it is never waited for; init reaps it.
    #[allow(clippy::zombie_processes)]
    fn watch_this_process(&self) {
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf '{root}'",
            pid = std::process::id(),
            stop = self.stop_command(),
            root = self.root.display()
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the cluster watcher");
    }

    fn stop_command(&self) -> String {
        let runner = if self.as_postgres_user {
            "runuser -u postgres -- "
        } else {
            ""
        };
        format!(
            "{runner}'{}' -D '{}' stop -m immediate -w",
            self.bin.join("pg_ctl").display(),
            self.root.join("data").display()
        )
    }

    /// The path of a client tool (`pg_dump`, `pg_restore` …) of this cluster's version.
    pub fn tool(&self, program: &str) -> PathBuf {
        self.bin.join(program)
    }

    /// A new empty database on this cluster; its URL, for `--db` or `Store::open`.
    pub fn new_database(&self) -> String {
        let name = format!(
            "claimlint_test_{}_{}",
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test cluster");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create a test database");
        self.url(&name)
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .args(["-c", &self.stop_command()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

fn run(command: &mut Command, what: &str) {
    let output = command
        .output()
        .unwrap_or_else(|err| panic!("run {what}: {err}"));
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// True when `path` is a database URL (used by helpers that must not touch a file).
pub fn is_url(path: &Path) -> bool {
    path.to_str()
        .is_some_and(|path| path.starts_with("postgres"))
}
