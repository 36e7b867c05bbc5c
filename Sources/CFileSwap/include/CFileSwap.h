// Swapping two folders in one step, so that a reader (a web server, a person,
// a build killed half-way) only ever sees the old folder or the new one.
#ifndef WEGWEISER_CFILESWAP_H
#define WEGWEISER_CFILESWAP_H

/// Exchanges the directory entries `a` and `b` atomically (Linux:
/// renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set;
/// errno is ENOSYS or EINVAL where the system or file system cannot.
int wegweiser_exchange(const char *a, const char *b);

#endif
