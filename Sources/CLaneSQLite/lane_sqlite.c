#include "lane_sqlite.h"
#include <sqlite3.h>

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
