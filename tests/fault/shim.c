/*
 * shim.c — a fault injector loaded with LD_PRELOAD in front of reach, for
 * tests/fault/run.sh. It stands between reach (and SQLite) and the C
 * library's write and read calls, and is steered by the environment:
 *
 *   FAULT_DIR=DIR        writes to files under DIR are counted (others never fail)
 *   FAULT_AFTER=N        after N bytes written there, every further write fails
 *   FAULT_ERRNO=ENOSPC   with this error: ENOSPC (a full disk, the default) or EIO;
 *                        fsync and fdatasync fail with it too once the limit is passed
 *   FAULT_CHANGE=FILE    the export: once FAULT_CHANGE_AT bytes of it have been read
 *   FAULT_CHANGE_AT=N    (fread), FILE is cut to half its size (FAULT_CHANGE_HOW=truncate,
 *   FAULT_CHANGE_HOW=    the default) or FAULT_CHANGE_LINE (else a blank line) is
 *                        added at its end (append)
 *
 * write, pwrite, pwrite64 and writev are what SQLite's unix VFS calls by
 * name, so they reach this shim; the C library's own stdio does not, and an
 * output error is made with /dev/full instead.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long long written;       /* bytes written under FAULT_DIR so far */
static long long read_from;     /* bytes fread so far */
static int changed;

static long long env_number(const char *name, long long fallback)
{
	const char *v = getenv(name);
	return v && *v ? atoll(v) : fallback;
}

static int fault_errno(void)
{
	const char *v = getenv("FAULT_ERRNO");
	return v && strcmp(v, "EIO") == 0 ? EIO : ENOSPC;
}

/* 1 when FD is a file under FAULT_DIR. */
static int watched(int fd)
{
	const char *dir = getenv("FAULT_DIR");
	char link[64], path[4096];
	if (!dir || !*dir)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return strncmp(path, dir, strlen(dir)) == 0;
}

/* 0 when LEN more bytes may be written to FD; -1 with errno set when the "disk" is full. */
static int may_write(int fd, size_t len)
{
	if (!watched(fd))
		return 0;
	long long limit = env_number("FAULT_AFTER", -1);
	if (limit >= 0 && written + (long long)len > limit) {
		errno = fault_errno();
		return -1;
	}
	written += (long long)len;
	return 0;
}

#define NEXT(type, name, args) static type (*next) args; if (!next) next = (type (*) args)dlsym(RTLD_NEXT, name)

ssize_t write(int fd, const void *buf, size_t len)
{
	NEXT(ssize_t, "write", (int, const void *, size_t));
	return may_write(fd, len) < 0 ? -1 : next(fd, buf, len);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t at)
{
	NEXT(ssize_t, "pwrite", (int, const void *, size_t, off_t));
	return may_write(fd, len) < 0 ? -1 : next(fd, buf, len, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off_t at)
{
	NEXT(ssize_t, "pwrite64", (int, const void *, size_t, off_t));
	return may_write(fd, len) < 0 ? -1 : next(fd, buf, len, at);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	size_t len = 0;
	NEXT(ssize_t, "writev", (int, const struct iovec *, int));
	for (int i = 0; i < n; i++)
		len += iov[i].iov_len;
	return may_write(fd, len) < 0 ? -1 : next(fd, iov, n);
}

/* A sync fails once writes have begun to fail: the disk is full or broken. */
static int may_sync(int fd)
{
	long long limit = env_number("FAULT_AFTER", -1);
	if (limit >= 0 && written >= limit && watched(fd)) {
		errno = fault_errno();
		return -1;
	}
	return 0;
}

int fsync(int fd)
{
	NEXT(int, "fsync", (int));
	return may_sync(fd) < 0 ? -1 : next(fd);
}

int fdatasync(int fd)
{
	NEXT(int, "fdatasync", (int));
	return may_sync(fd) < 0 ? -1 : next(fd);
}

/* Changes the export once, as another program writing it while reach reads it. */
static void change_export(void)
{
	const char *file = getenv("FAULT_CHANGE"), *how = getenv("FAULT_CHANGE_HOW");
	struct stat st;
	if (changed || !file || stat(file, &st) < 0)
		return;
	changed = 1;
	if (how && strcmp(how, "append") == 0) {
		FILE *fp = fopen(file, "a");
		if (fp) {
			const char *line = getenv("FAULT_CHANGE_LINE");
			fprintf(fp, "%s\n", line ? line : "");
			fclose(fp);
		}
	} else if (truncate(file, st.st_size / 2) < 0) {
		perror("shim: truncate");
	}
}

size_t fread(void *buf, size_t size, size_t n, FILE *fp)
{
	NEXT(size_t, "fread", (void *, size_t, size_t, FILE *));
	size_t got = next(buf, size, n, fp);
	read_from += (long long)(got * size);
	long long at = env_number("FAULT_CHANGE_AT", -1);
	if (at >= 0 && read_from >= at)
		change_export();
	return got;
}
