#ifndef SPEEDWORK_CSHA256_H
#define SPEEDWORK_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the x86 SHA extensions (and SSE4.1), so that
/// speedwork_sha256_blocks can be called; 0 on other processors.
int speedwork_sha256_hardware(void);

/// Runs the SHA-256 compression function of FIPS 180-4 section 6.2.2 over `blocks` 64-byte blocks
/// at `data`, updating the eight working words `state` (H0 first) with the x86 SHA extensions.
/// Only call it when speedwork_sha256_hardware() returned 1.
void speedwork_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
