#!/usr/bin/env python3
"""Why one `check --all --worker` is slow (issue 15): where a worker's wall time goes.

Starts a throw-away cluster as benches/pg_scale.py does (its `Cluster` and corpus generator,
default durability), with `pg_stat_statements` loaded; adds N generated articles with 4
writers; then runs 1 worker, 2 workers and 1 worker again (`check --all --worker --jobs 1`),
each on a fresh `CREATE DATABASE … TEMPLATE` copy of the added archive. For each run it prints
the wall time, each worker's CPU time and context switches (`wait4`), the statements that
took the most server time (`pg_stat_statements`, per database) and whether autovacuum had
analyzed `rule_runs` and `findings` by the end; after the first run it prints the plan of the
worker's per-draft `rule_runs` lookup before and after an `ANALYZE`. Needs the release build
(`cargo build --release --bin claimlint --example gen-corpus`) and Debian's `postgresql`.

    python3 benches/pg_worker_probe.py --articles 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pg_scale  # noqa: E402  (the benchmark's cluster, generator and command line)

THIS_DATABASE = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
LOOKUP = ("SELECT id, rule_suite_hash, reference_snapshot, rule_error_count, finding_count "
          "FROM rule_runs WHERE draft_id = 5000 ORDER BY id DESC LIMIT 1")


class ProbeCluster(pg_scale.Cluster):
    """The benchmark's cluster with `pg_stat_statements` loaded."""

    def start(self) -> None:
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        subprocess.run(self.tool("initdb") + ["-D", str(self.data), "-U", "postgres",
                       "--auth=trust", "--encoding=UTF8", "--locale=C"],
                       check=True, stdout=subprocess.DEVNULL)
        self.port = pg_scale.free_port()
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=50 -c shared_preload_libraries=pg_stat_statements")
        subprocess.run(self.tool("pg_ctl") + ["-D", str(self.data), "-l",
                       str(self.root / "server.log"), "-w", "-t", "60", "-o", options,
                       "start"], check=True, stdout=subprocess.DEVNULL)
        self.started = True


def timed(commands: list[list[str]]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL) for command in commands]
    usage = []
    for process in processes:
        _, status, rusage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"a worker exited {os.waitstatus_to_exitcode(status)}")
        usage.append(f"user {rusage.ru_utime:.1f} s, sys {rusage.ru_stime:.1f} s, "
                     f"{rusage.ru_nvcsw} voluntary context switches")
    return time.perf_counter() - started, usage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    cluster = ProbeCluster(None)
    workdir = Path(tempfile.mkdtemp(prefix="claimlint-pgprobe-"))
    try:
        cluster.start()
        parts, _ = pg_scale.generate(workdir / "corpus", args.articles)
        cluster.sql("CREATE DATABASE added")
        wall, _ = timed([[str(pg_scale.BINARY), "--db", cluster.url("added"), "add", str(part)]
                         for part in parts])
        print(f"add, {pg_scale.WRITERS} writers: {wall:.1f} s", flush=True)
        for index, workers in enumerate((1, 2, 1)):
            name = f"run_{index}"
            cluster.sql(f"CREATE DATABASE {name} TEMPLATE added")
            cluster.sql("CREATE EXTENSION pg_stat_statements", name)
            cluster.sql("SELECT pg_stat_statements_reset()", name)
            load = os.getloadavg()[0]
            wall, usage = timed([pg_scale.check_command(cluster.url(name), 1, True)
                                 for _ in range(workers)])
            print(f"\n{workers} worker(s): {wall:.1f} s wall, {args.articles / wall:.0f} "
                  f"articles/s (load average {load:.1f} before)", flush=True)
            for line in usage:
                print(f"  worker: {line}")
            report = "\n".join(cluster.sql(statement, name) for statement in (
                "SELECT round(total_exec_time::numeric) || ' ms, ' || calls || ' calls: '"
                " || left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements"
                f" WHERE {THIS_DATABASE} ORDER BY total_exec_time DESC LIMIT 6",
                "SELECT 'all statements: ' || round(sum(total_exec_time)::numeric) || ' ms, '"
                f" || sum(calls) || ' calls' FROM pg_stat_statements WHERE {THIS_DATABASE}",
                "SELECT relname || ' autoanalyzed: ' || coalesce(last_autoanalyze::text, 'no')"
                " FROM pg_stat_user_tables WHERE relname IN ('rule_runs', 'findings') ORDER BY 1",
            ))
            print(textwrap.indent(report, "  "), flush=True)
            if index == 0:
                for moment in ("as the run left it", "after ANALYZE"):
                    if moment == "after ANALYZE":
                        cluster.sql("ANALYZE rule_runs", name)
                    plan = cluster.sql(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {LOOKUP}", name)
                    print(f"  the per-draft rule_runs lookup, {moment}:")
                    print("\n".join("    " + line for line in plan.splitlines()), flush=True)
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
