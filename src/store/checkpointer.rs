//! Background checkpoints for bulk writes: the WAL is copied back into the database file by a
//! helper thread with its own connection, so the writer never waits in a checkpoint's `fsync`.
//!
//! With `synchronous=NORMAL` a commit does not sync; the syncs happen when a checkpoint copies
//! the WAL into the database file (the WAL first, then the file). SQLite runs those
//! checkpoints in the committing connection, so during a bulk `add` the one thread that reads
//! and extracts the next files also sat in them: 0.10–0.14 s of a 1.1 s `add` of 5,000
//! articles (`strace -f -e trace=fsync -T`). Here the writer's automatic checkpoints are off and
//! a thread checkpoints every [`INTERVAL`] instead (PASSIVE: as far as it can without waiting
//! for anyone). The waiting then overlaps the writer's work; the copying itself is the kernel's.
//! [`BackgroundCheckpointer::finish`] stops the thread and gives the writer its automatic
//! checkpoints back; dropping it does the same, minus restoring the setting.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError};

/// How often the helper thread checkpoints.
const INTERVAL: Duration = Duration::from_millis(100);
/// SQLite's default `wal_autocheckpoint`, given back to the writer afterwards.
const DEFAULT_AUTOCHECKPOINT_PAGES: i64 = 1000;

/// The running helper thread; see the module documentation.
pub struct BackgroundCheckpointer {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Store {
    /// Starts checkpointing this database from a helper thread and turns this connection's
    /// automatic checkpoints off until [`BackgroundCheckpointer::finish`].
    pub fn checkpoint_in_background(&mut self) -> Result<BackgroundCheckpointer, StoreError> {
        // Before opening anything: for PostgreSQL `path` is a URL, not a file to create.
        self.sqlite("background WAL checkpoints")?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&self.path, flags).map_err(|cause| StoreError::Open {
                path: self.path.clone(),
                cause,
            })?;
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("claimlint-checkpoint".to_owned())
            .spawn(move || {
                while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(INTERVAL) {
                    // Busy (another checkpoint running) or any other failure: the next tick
                    // or the writer's final checkpoint does the work.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .map_err(|cause| StoreError::Io {
                path: self.path.clone(),
                cause,
            })?;
        let checkpointer = BackgroundCheckpointer {
            stop: Some(stop),
            thread: Some(thread),
        };
        self.sqlite("background WAL checkpoints")?
            .pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(checkpointer)
    }
}

impl BackgroundCheckpointer {
    /// Stops the helper thread (after the checkpoint it may be running) and gives `store`
    /// back its automatic checkpoints.
    pub fn finish(mut self, store: &mut Store) -> Result<(), StoreError> {
        self.stop_thread();
        store.sqlite("background WAL checkpoints")?.pragma_update(
            None,
            "wal_autocheckpoint",
            DEFAULT_AUTOCHECKPOINT_PAGES,
        )?;
        Ok(())
    }

    fn stop_thread(&mut self) {
        // Dropping the sender wakes the thread, which then sees the channel closed.
        self.stop.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for BackgroundCheckpointer {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn autocheckpoint(store: &Store) -> i64 {
        store
            .sqlite("test")
            .unwrap()
            .query_row("PRAGMA wal_autocheckpoint", [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn the_writer_checkpoints_by_itself_again_after_finish() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("x.db")).unwrap();
        assert_eq!(autocheckpoint(&store), DEFAULT_AUTOCHECKPOINT_PAGES);
        let checkpointer = store.checkpoint_in_background().unwrap();
        assert_eq!(autocheckpoint(&store), 0);
        std::thread::sleep(INTERVAL * 2);
        checkpointer.finish(&mut store).unwrap();
        assert_eq!(autocheckpoint(&store), DEFAULT_AUTOCHECKPOINT_PAGES);
    }
}
