#include <zlib.h>
// deflateInit and inflateInit are macros that pass the library version and
// the stream's size; Swift cannot import function-like macros.
static inline int kt_deflate_init(z_streamp stream, int level) { return deflateInit(stream, level); }
static inline int kt_inflate_init(z_streamp stream) { return inflateInit(stream); }
