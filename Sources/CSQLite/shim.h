#include <sqlite3.h>
// SQLITE_TRANSIENT is a function-pointer-cast macro Swift cannot import.
static inline sqlite3_destructor_type kt_sqlite_transient(void) { return SQLITE_TRANSIENT; }
