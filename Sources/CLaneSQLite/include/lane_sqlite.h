// SQLite's sqlite3_db_config is variadic, which Swift cannot call: this wraps
// the one use LaneStore makes of it (see SQLiteStore's opening and closing).
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

#endif
