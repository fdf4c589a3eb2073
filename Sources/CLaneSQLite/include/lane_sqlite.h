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

/// SQLite's page cache (every connection's pages of the file, `page_size` bytes each) takes its memory
/// from a region of `large_pages` 2 MB pages, where the kernel gives them; all else SQLite allocates, and
/// pages beyond the region, come from malloc as before. A page read into fresh malloc memory costs a
/// fault for each 4 KB, about 1.7 µs on the 2-core machine: 0.9 ms of a session's first list at 1M
/// vehicles, where one 2 MB page costs about 0.15 ms (docs/performance.md, fifteenth round).
/// Must come before SQLite's first use in the process, while one thread runs (SQLITE_MISUSE
/// otherwise, and nothing changes). Returns SQLITE_OK (0), or why nothing changed.
int lane_sqlite_page_cache_in_large_pages(int page_size, int large_pages);

/// Slots of the page cache's region ever handed out (a slot given back and handed out again counts
/// once); -1 when SQLite's memory is malloc's alone. For `lane`'s start-up measurement and its tests.
int lane_sqlite_pages_handed_out(void);

/// The region behind `lane_sqlite_page_cache_in_large_pages`, as values, so its tests need no SQLite:
/// `slots` slots of `slot_bytes` (rounded up to 8), on 2 MB boundaries asking for large pages when
/// `large_pages` is not 0. NULL when it cannot be had.
void *lane_page_region_create(int slot_bytes, int slots, int large_pages);
void lane_page_region_destroy(void *region);
int lane_page_region_contains(const void *region, const void *p);
/// A slot for a piece of more than half a slot up to a whole one while slots last; malloc otherwise.
void *lane_page_region_malloc(void *region, int n);
void lane_page_region_free(void *region, void *p);
/// The bytes `p` may hold: its slot's, or what malloc gave.
int lane_page_region_size(void *region, void *p);
/// As realloc: a slot keeps a piece that still fits; a larger one moves to malloc and its slot is freed.
void *lane_page_region_realloc(void *region, void *p, int n);

/// While `on` is not 0, statements this thread compiles on a GRDB connection skip GRDB's authorizer
/// (see lane_sqlite.c): their `Statement` reports no region, no transaction effect and no change to
/// the schema, which is right only for statements that read or change rows. Called around one
/// compile, and back to 0 after it.
void lane_sqlite_compile_quietly(int on);

/// Sets an authorizer SQLite calls directly, never quieted: for the plugin guard, whose verdict is the
/// authorizer's report. Returns SQLITE_OK (0) or SQLITE_MISUSE when SQLite's own function is not found.
int lane_sqlite_set_authorizer_directly(void *connection,
    int (*callback)(void *, int, const char *, const char *, const char *, const char *), void *context);

/// Whether an authorizer (GRDB's, the first one set) is behind the trampoline: for tests.
int lane_sqlite_authorizer_trampolined(void);

#endif
