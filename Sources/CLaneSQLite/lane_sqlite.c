// RTLD_NEXT (dlfcn.h) is a GNU extension.
#define _GNU_SOURCE
#include "lane_sqlite.h"
#include <sqlite3.h>
#include <dlfcn.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
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

// A region of equal slots: handed out in order, and once given back, again (the last one first).
struct lane_page_region {
    char *mapped;              // what mmap gave: `start` is aligned within it
    size_t mapped_bytes;
    char *start, *end, *next;  // the slots; `next` is the first slot never handed out
    size_t slot;
    void *freed;               // slots given back; each holds the next one's address
    pthread_mutex_t lock;
};

void *lane_page_region_create(int slot_bytes, int slots, int large_pages) {
    if (slot_bytes < (int)sizeof(void *) || slots < 1) return NULL;
    struct lane_page_region *region = calloc(1, sizeof *region);
    if (region == NULL) return NULL;
    region->slot = ((size_t)slot_bytes + 7) & ~(size_t)7;
    size_t bytes = region->slot * (size_t)slots;
    // Large pages are 2 MB on x86-64 (and arm64 with 4 KB base pages); the kernel backs only aligned
    // 2 MB stretches with them, so the slots start on such a boundary. Reserved, not touched: each
    // page is taken (and zeroed) where a slot in it is first handed out.
    size_t align = large_pages ? (size_t)2 << 20 : 0;
    region->mapped_bytes = bytes + align;
    region->mapped = mmap(NULL, region->mapped_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (region->mapped == MAP_FAILED) { free(region); return NULL; }
    region->start = large_pages ? (char *)(((uintptr_t)region->mapped + align - 1) & ~(uintptr_t)(align - 1)) : region->mapped;
    if (large_pages && madvise(region->start, bytes, MADV_HUGEPAGE) != 0) {
        munmap(region->mapped, region->mapped_bytes);
        free(region);
        return NULL;
    }
    region->next = region->start;
    region->end = region->start + bytes;
    pthread_mutex_init(&region->lock, NULL);
    return region;
}

void lane_page_region_destroy(void *opaque) {
    struct lane_page_region *region = opaque;
    if (region == NULL) return;
    munmap(region->mapped, region->mapped_bytes);
    pthread_mutex_destroy(&region->lock);
    free(region);
}

int lane_page_region_contains(const void *opaque, const void *p) {
    const struct lane_page_region *region = opaque;
    return region != NULL && (const char *)p >= region->start && (const char *)p < region->end;
}

static void *lane_page_take(struct lane_page_region *region, int n) {
    // Only a piece about a slot's size: a smaller one would waste most of its slot.
    if (n <= 0 || (size_t)n > region->slot || (size_t)n <= region->slot / 2) return NULL;
    pthread_mutex_lock(&region->lock);
    void *p = region->freed;
    if (p != NULL) {
        region->freed = *(void **)p;
    } else if ((size_t)(region->end - region->next) >= region->slot) {
        p = region->next;
        region->next += region->slot;
    }
    pthread_mutex_unlock(&region->lock);
    return p;
}

static void lane_page_give_back(struct lane_page_region *region, void *p) {
    pthread_mutex_lock(&region->lock);
    *(void **)p = region->freed;
    region->freed = p;
    pthread_mutex_unlock(&region->lock);
}

void *lane_page_region_malloc(void *region, int n) {
    void *p = region != NULL ? lane_page_take(region, n) : NULL;
    return p != NULL ? p : malloc(n > 0 ? (size_t)n : 1);
}

void lane_page_region_free(void *region, void *p) {
    if (p == NULL) return;
    if (lane_page_region_contains(region, p)) lane_page_give_back(region, p); else free(p);
}

int lane_page_region_size(void *opaque, void *p) {
    struct lane_page_region *region = opaque;
    if (p == NULL) return 0;
    return lane_page_region_contains(region, p) ? (int)region->slot : (int)malloc_usable_size(p);
}

void *lane_page_region_realloc(void *opaque, void *p, int n) {
    struct lane_page_region *region = opaque;
    if (!lane_page_region_contains(region, p)) return realloc(p, n > 0 ? (size_t)n : 1);
    if (n > 0 && (size_t)n <= region->slot) return p;
    void *q = malloc(n > 0 ? (size_t)n : 1);
    if (q == NULL) return NULL;  // `p` stays the caller's, as with realloc
    memcpy(q, p, region->slot < (size_t)n ? region->slot : (size_t)n);
    lane_page_give_back(region, p);
    return q;
}

// SQLite's memory (SQLITE_CONFIG_MALLOC): malloc's, except the pieces its page cache asks for (a page of
// the file with its header, one piece each), which come from a region of 2 MB pages. SQLite's own
// buffer for pages (SQLITE_CONFIG_PAGECACHE) writes into every slot when SQLite starts, and once used
// up counts as memory pressure, so the cache would stop growing at the buffer's size.
static struct lane_page_region *lane_sqlite_pages;
static void *lane_memory_malloc(int n) { return lane_page_region_malloc(lane_sqlite_pages, n); }
static void lane_memory_free(void *p) { lane_page_region_free(lane_sqlite_pages, p); }
static void *lane_memory_realloc(void *p, int n) { return lane_page_region_realloc(lane_sqlite_pages, p, n); }
static int lane_memory_size(void *p) { return lane_page_region_size(lane_sqlite_pages, p); }
static int lane_memory_roundup(int n) { return (n + 7) & ~7; }
static int lane_memory_init(void *unused) { (void)unused; return SQLITE_OK; }
static void lane_memory_shutdown(void *unused) { (void)unused; }

// Whether the kernel gives a region that asks for large pages (MADV_HUGEPAGE) large pages: its
// setting reads "always [madvise] never" with the one in force in brackets.
static int lane_large_pages_on_request(void) {
    int fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char setting[128];
    ssize_t n = read(fd, setting, sizeof setting - 1);
    close(fd);
    if (n <= 0) return 0;
    setting[n] = 0;
    return strstr(setting, "[always]") != NULL || strstr(setting, "[madvise]") != NULL;
}

int lane_sqlite_page_cache_in_large_pages(int page_size, int large_pages) {
    if (lane_sqlite_pages != NULL || page_size < 512 || large_pages < 1) return SQLITE_MISUSE;
    // In small pages the region would fault at each 4 KB as malloc's memory does: nothing to gain.
    if (!lane_large_pages_on_request()) return SQLITE_NOMEM;
    int header = 0;
    int rc = sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header);
    if (rc != SQLITE_OK) return rc;
    int slot = (page_size + header + 7) & ~7;
    struct lane_page_region *region = lane_page_region_create(slot, (int)(((size_t)2 << 20) * (size_t)large_pages / (size_t)slot), 1);
    if (region == NULL) return SQLITE_NOMEM;
    static const sqlite3_mem_methods methods = {
        lane_memory_malloc, lane_memory_free, lane_memory_realloc, lane_memory_size,
        lane_memory_roundup, lane_memory_init, lane_memory_shutdown, NULL
    };
    lane_sqlite_pages = region;
    rc = sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
    if (rc != SQLITE_OK) {
        lane_sqlite_pages = NULL;
        lane_page_region_destroy(region);
    }
    return rc;
}

int lane_sqlite_pages_handed_out(void) {
    struct lane_page_region *region = lane_sqlite_pages;
    if (region == NULL) return -1;
    pthread_mutex_lock(&region->lock);
    int n = (int)((size_t)(region->next - region->start) / region->slot);
    pthread_mutex_unlock(&region->lock);
    return n;
}

// GRDB registers one authorizer on each connection it opens, and SQLite calls it for every column a
// statement names while compiling it. GRDB notes each one (a Swift string, added to a set of the
// table's columns) for its observers, which lane does not use: 6.1M instructions of a service
// manager's first `today` at 1M vehicles, where SQLite's own compiling was 3.8M. GRDB has no
// switch for it, so this file defines `sqlite3_set_authorizer` itself: the executable's definition is the
// one every call in it reaches (GRDB's included), and it hands SQLite a trampoline in place of the
// first authorizer it is given (GRDB's). The trampoline passes every call on, but answers SQLITE_OK at
// once while its thread compiles quietly (lane_sqlite_compile_quietly). Swapping the authorizer off
// and on around a compile instead would make SQLite compile every kept statement again: setting an
// authorizer expires the connection's statements.
typedef int (*lane_authorizer)(void *, int, const char *, const char *, const char *, const char *);
typedef int (*lane_set_authorizer)(sqlite3 *, lane_authorizer, void *);

static _Thread_local int lane_compiling_quietly;
static _Atomic(lane_authorizer) lane_trampolined;

static lane_set_authorizer lane_sqlite_set_authorizer_itself(void) {
    static _Atomic(lane_set_authorizer) found;
    lane_set_authorizer f = atomic_load_explicit(&found, memory_order_acquire);
    if (f == NULL) {
        f = (lane_set_authorizer)dlsym(RTLD_NEXT, "sqlite3_set_authorizer");
        atomic_store_explicit(&found, f, memory_order_release);
    }
    return f;
}

static int lane_authorize(void *context, int action, const char *a, const char *b, const char *c, const char *d) {
    if (lane_compiling_quietly) return SQLITE_OK;
    return atomic_load_explicit(&lane_trampolined, memory_order_acquire)(context, action, a, b, c, d);
}

int sqlite3_set_authorizer(sqlite3 *db, lane_authorizer callback, void *context) {
    lane_set_authorizer set = lane_sqlite_set_authorizer_itself();
    if (set == NULL) return SQLITE_MISUSE;
    if (callback == NULL) return set(db, NULL, context);
    lane_authorizer none = NULL;
    atomic_compare_exchange_strong(&lane_trampolined, &none, callback);
    // Another authorizer than the first is SQLite's to call directly: never quieted.
    return set(db, atomic_load(&lane_trampolined) == callback ? lane_authorize : callback, context);
}

int lane_sqlite_set_authorizer_directly(void *connection, lane_authorizer callback, void *context) {
    lane_set_authorizer set = lane_sqlite_set_authorizer_itself();
    return set == NULL ? SQLITE_MISUSE : set((sqlite3 *)connection, callback, context);
}

void lane_sqlite_compile_quietly(int on) {
    lane_compiling_quietly = on;
}

int lane_sqlite_authorizer_trampolined(void) {
    return atomic_load(&lane_trampolined) != NULL;
}
