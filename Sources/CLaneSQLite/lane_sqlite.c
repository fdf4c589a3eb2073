#include "lane_sqlite.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int lane_sqlite_keep_wal_at_close(void *connection) {
    sqlite3 *db = connection;
    int on = 1;
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &on);
    if (rc != SQLITE_OK) return rc;
    int persist = 1;
    return sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
}

void lane_sqlite_interrupt(void *connection) {
    sqlite3_interrupt((sqlite3 *)connection);
}

int lane_sqlite_step(void *statement) {
    return sqlite3_step((sqlite3_stmt *)statement);
}

void lane_sqlite_reset(void *statement) {
    sqlite3_reset((sqlite3_stmt *)statement);
}

const char *lane_sqlite_statement_error(void *statement) {
    return sqlite3_errmsg(sqlite3_db_handle((sqlite3_stmt *)statement));
}

// When the wait the calling thread is in began. SQLite calls a connection's busy handler on the
// thread running its statement, with count 0 at the first try of each wait, so one thread's
// waits never mix with another's.
static _Thread_local struct timespec lane_busy_since;
static _Thread_local unsigned int lane_busy_seed;

static int lane_busy_wait(void *limit, int count) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (count == 0) {
        lane_busy_since = now;
        if (lane_busy_seed == 0) lane_busy_seed = ((unsigned int)getpid() ^ (unsigned int)now.tv_nsec) | 1u;
    }
    int64_t waited = (int64_t)(now.tv_sec - lane_busy_since.tv_sec) * 1000
        + (now.tv_nsec - lane_busy_since.tv_nsec) / 1000000;
    if (waited >= (int64_t)(intptr_t)limit) return 0;
    struct timespec pause = { 0, (long)(500 + rand_r(&lane_busy_seed) % 1500) * 1000 };
    nanosleep(&pause, NULL);
    return 1;
}

int lane_sqlite_wait_when_busy(void *connection, int milliseconds) {
    return sqlite3_busy_handler((sqlite3 *)connection, milliseconds > 0 ? lane_busy_wait : NULL,
                                (void *)(intptr_t)milliseconds);
}
