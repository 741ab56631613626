// The system zlib (https://zlib.net), with the two initialisers that zlib.h defines as macros
// wrapped in functions Swift can call.
#ifndef SPEEDWORK_CZLIB_H
#define SPEEDWORK_CZLIB_H

#include <zlib.h>

/// inflateInit2 with windowBits 16 + MAX_WBITS: expect a gzip wrapper (RFC 1952).
static inline int speedwork_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

/// deflateInit2 with windowBits 16 + MAX_WBITS: write a gzip wrapper (RFC 1952).
static inline int speedwork_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

#endif
