#ifndef LIAISON_PREFETCH_H
#define LIAISON_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, without waiting for it: a hint, never a
/// fault, whatever the address. The matching engine names the records it will compare a step ahead, so their loads
/// from memory overlap with the comparisons before them.
static inline void liaison_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
