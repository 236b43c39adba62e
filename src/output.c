/* output.c — see output.h. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct output {
	FILE *fp;
	char *path;             /* the target; NULL for standard output */
	char *scratch;          /* the file written, renamed over the target at the end; NULL: written straight */
};

/* The scratch paths a signal removes, newest last; a free slot is NULL. */
#define SCRATCH_SLOTS 64
static char *volatile scratch_paths[SCRATCH_SLOTS];
static volatile sig_atomic_t handlers_set;

/* Removes every registered scratch path, newest first, then lets SIG do what it would have done. */
static void remove_scratch_on_signal(int sig)
{
	for (int i = SCRATCH_SLOTS - 1; i >= 0; i--) {
		char *p = scratch_paths[i];
		if (p && unlink(p) < 0)
			rmdir(p);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void set_handlers(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGXFSZ };
	if (handlers_set)
		return;
	handlers_set = 1;
	for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
		struct sigaction sa, old;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = remove_scratch_on_signal;
		sigemptyset(&sa.sa_mask);
		/* A signal ignored when reach started (nohup) stays ignored. */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
}

void output_scratch_add(const char *path)
{
	set_handlers();
	for (int i = 0; i < SCRATCH_SLOTS; i++)
		if (!scratch_paths[i]) {
			scratch_paths[i] = xstrdup(path);
			return;
		}
	/* All slots taken: the path is still removed on every normal exit path, not on a signal. */
}

void output_scratch_remove(const char *path)
{
	if (!path)
		return;
	if (unlink(path) < 0)
		rmdir(path);
	for (int i = SCRATCH_SLOTS - 1; i >= 0; i--) {
		char *p = scratch_paths[i];
		if (p && strcmp(p, path) == 0) {
			scratch_paths[i] = NULL;
			free(p);
			return;
		}
	}
}

/* The scratch path template beside PATH: "DIR/.NAME.XXXXXX". */
static char *scratch_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct buf b = { 0 };
	if (slash)
		buf_append(&b, path, (size_t)(slash - path) + 1);
	buf_printf(&b, ".%s.XXXXXX", slash ? slash + 1 : path);
	return b.data;
}

struct output *output_open(const char *path, mode_t mode, struct reach_error *err)
{
	struct output *o = xcalloc(1, sizeof *o);
	struct stat st;
	if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) {
		o->fp = stdout;
		return o;
	}
	if (*path == '\0' || path[strlen(path) - 1] == '/' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		error_set(err, REACH_EDB, path, 0, "cannot write: it is a folder; give a file name");
		free(o);
		return NULL;
	}
	if (lstat(path, &st) == 0 && S_ISBLK(st.st_mode)) {
		error_set(err, REACH_EDB, path, 0, "cannot write: it is a disk device");
		free(o);
		return NULL;
	}
	if (lstat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
		/*
		 * A device or pipe itself (/dev/null, a FIFO), not a link to one:
		 * written straight, never replaced by a file.
		 */
		int fd = open(path, O_WRONLY | O_NOCTTY);
		if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
			error_set(err, REACH_EDB, path, 0, "cannot write: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			free(o);
			return NULL;
		}
		o->path = xstrdup(path);
		return o;
	}
	o->scratch = scratch_template(path);
	mode_t mask = umask(0);
	umask(mask);
	int fd = mkstemp(o->scratch);
	if (fd < 0 || fchmod(fd, mode & ~mask) < 0 || !(o->fp = fdopen(fd, "w"))) {
		int e = errno;
		const char *slash = strrchr(path, '/');
		if (fd >= 0) {
			close(fd);
			unlink(o->scratch);
		}
		if (e == ENOENT)
			error_set(err, REACH_EDB, path, 0, "cannot write: the folder %.*s does not exist",
			    slash ? (int)(slash - path) : 1, slash ? path : ".");
		else
			error_set(err, REACH_EDB, path, 0, "cannot write: %s", strerror(e));
		free(o->scratch);
		free(o);
		return NULL;
	}
	output_scratch_add(o->scratch);
	o->path = xstrdup(path);
	return o;
}

FILE *output_stream(const struct output *o)
{
	return o->fp;
}

/* Frees O, whose stream is closed. */
static void output_free(struct output *o)
{
	free(o->path);
	free(o->scratch);
	free(o);
}

int output_commit(struct output *o, struct reach_error *err)
{
	if (!o->path) {
		free(o);
		return output_check_stdout(err);
	}
	errno = 0;
	int failed = fflush(o->fp) != 0 || ferror(o->fp);
	int e = errno;
	if (!failed && o->scratch && fsync(fileno(o->fp)) < 0 && errno != EINVAL && errno != EROFS)
		failed = 1, e = errno;
	if (fclose(o->fp) != 0 && !failed)
		failed = 1, e = errno;
	if (!failed && o->scratch && rename(o->scratch, o->path) < 0)
		failed = 1, e = errno;
	if (failed)
		error_set(err, REACH_EDB, o->path, 0, "cannot write: %s%s", e ? strerror(e) : "the output is incomplete",
		    o->scratch ? "; left as it was" : "");
	if (o->scratch)
		output_scratch_remove(o->scratch);      /* renamed away already when it worked */
	output_free(o);
	return failed ? -1 : 0;
}

void output_abandon(struct output *o)
{
	if (!o)
		return;
	if (o->path) {
		fclose(o->fp);
		if (o->scratch)
			output_scratch_remove(o->scratch);
		output_free(o);
	} else {
		free(o);
	}
}

int output_copy(const char *src, const char *path, mode_t mode, struct reach_error *err)
{
	FILE *in = fopen(src, "rb");
	if (!in) {
		error_set(err, REACH_EDB, src, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	struct output *o = output_open(path, mode, err);
	char buf[1 << 14];
	size_t n;
	while (o && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, o->fp) != n)
			break;
	int read_failed = ferror(in);
	fclose(in);
	if (o && read_failed) {
		output_abandon(o);
		error_set(err, REACH_EDB, src, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	return o ? output_commit(o, err) : -1;
}

int output_check_stdout(struct reach_error *err)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	error_set(err, REACH_EDB, NULL, 0, "standard output: cannot write: %s", errno ? strerror(errno) : "the output is incomplete");
	clearerr(stdout);
	return -1;
}
