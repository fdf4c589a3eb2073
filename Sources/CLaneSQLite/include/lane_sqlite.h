// What LaneStore needs of SQLite's C API that Swift cannot do: sqlite3_db_config is variadic,
// and the busy handler keeps per-thread state (see SQLiteStore's opening and closing).
// The connection is passed untyped, so this header does not bring a second
// copy of sqlite3.h's declarations beside GRDBSQLite's.
#ifndef LANE_SQLITE_H
#define LANE_SQLITE_H

/// The connection (a `sqlite3 *`) never checkpoints at its close (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE)
/// and keeps the WAL file (SQLITE_FCNTL_PERSIST_WAL). Returns SQLITE_OK (0) or the first failure.
int lane_sqlite_keep_wal_at_close(void *connection);

/// Stops the statement the connection is running (SQLITE_INTERRUPT); safe from another thread.
/// A call that comes when no statement runs has no effect on the next one (SQLite clears the flag
/// when a statement starts on an idle connection).
void lane_sqlite_interrupt(void *connection);

/// Waits up to `milliseconds` for a lock another connection holds, trying again every 0.5 to 2 ms
/// (at random, so waiting processes take turns), then gives up with SQLITE_BUSY; 0 gives up at once.
/// SQLite's own busy timeout sleeps longer the longer a connection has waited (up to 100 ms a try), so
/// with several shells writing one file the one that has waited longest looks least often and could
/// lose every turn until its timeout ran out. Returns SQLITE_OK (0) or SQLite's failure.
int lane_sqlite_wait_when_busy(void *connection, int milliseconds);

/// Steps a prepared statement (a `sqlite3_stmt *` whose arguments GRDB has bound) once: SQLITE_ROW
/// (100), SQLITE_DONE (101) or the failure. The hot reads step by hand and decode each column with
/// GRDB's `fromStatement`, as GRDB's rows cost more per query than the order's whole decoding.
int lane_sqlite_step(void *statement);

/// Resets the statement so its read ends (its bindings stay).
void lane_sqlite_reset(void *statement);

/// The message of the statement's connection for its last failure.
const char *lane_sqlite_statement_error(void *statement);

#endif
