/*
 * test_output.c — files written whole or not at all (output.c): a committed
 * output replaces its target, a failed or abandoned one leaves it as it was
 * and no scratch file behind, a symbolic link at the target is replaced and
 * its own target untouched, and a full disk (a file size limit, RLIMIT_FSIZE,
 * which fails writes as a full disk does) is an error, never an empty file,
 * and a SIGTERM leaves no scratch file behind.
 */
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "output.h"

static char dir[] = "/tmp/test-output-XXXXXX";

/* The whole content of PATH (the caller frees), or NULL when it cannot be read. */
static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *s = xcalloc(1 << 16, 1);
	size_t n = fread(s, 1, (1 << 16) - 1, fp);
	s[n] = '\0';
	fclose(fp);
	return s;
}

/* How many entries DIR holds, "." and ".." left out. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
}

static void test_commit_replaces(void)
{
	struct reach_error err = { 0 };
	char path[256];
	snprintf(path, sizeof path, "%s/a.html", dir);
	put(path, "old");
	struct output *o = output_open(path, 0644, &err);
	CHECK(o != NULL);
	fputs("new", output_stream(o));
	char *during = slurp(path);
	CHECK_STR(during, "old");               /* nothing seen until the commit */
	free(during);
	CHECK_INT(entries(), 2);                /* the target and its scratch file */
	CHECK_INT(output_commit(o, &err), 0);
	char *after = slurp(path);
	CHECK_STR(after, "new");
	free(after);
	CHECK_INT(entries(), 1);
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == (0644 & ~022));
	unlink(path);
}

static void test_abandon_leaves_target(void)
{
	struct reach_error err = { 0 };
	char path[256];
	snprintf(path, sizeof path, "%s/b.html", dir);
	put(path, "old");
	struct output *o = output_open(path, 0644, &err);
	fputs("half a report", output_stream(o));
	output_abandon(o);
	char *after = slurp(path);
	CHECK_STR(after, "old");
	free(after);
	CHECK_INT(entries(), 1);
	output_abandon(NULL);
	unlink(path);
}

static void test_symlink_replaced_not_followed(void)
{
	struct reach_error err = { 0 };
	char path[256], victim[256];
	snprintf(path, sizeof path, "%s/c.html", dir);
	snprintf(victim, sizeof victim, "%s/victim", dir);
	put(victim, "precious");
	CHECK(symlink(victim, path) == 0);
	struct output *o = output_open(path, 0644, &err);
	fputs("report", output_stream(o));
	CHECK_INT(output_commit(o, &err), 0);
	char *kept = slurp(victim), *written = slurp(path);
	CHECK_STR(kept, "precious");
	CHECK_STR(written, "report");
	struct stat st;
	CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
	free(kept);
	free(written);
	unlink(path);
	unlink(victim);
}

static void test_missing_folder(void)
{
	struct reach_error err = { 0 };
	char path[256], want[512];
	snprintf(path, sizeof path, "%s/no-such/d.html", dir);
	CHECK(output_open(path, 0644, &err) == NULL);
	CHECK_INT(err.code, REACH_EDB);
	snprintf(want, sizeof want, "%s: cannot write: the folder %s/no-such does not exist", path, dir);
	CHECK_STR(err.msg, want);
	struct reach_error folder = { 0 };
	CHECK(output_open(dir, 0644, &folder) == NULL);
	CHECK(strstr(folder.msg, "it is a folder") != NULL);
}

static void test_full_disk(void)
{
	struct reach_error err = { 0 };
	struct rlimit old, small;
	char path[256];
	snprintf(path, sizeof path, "%s/e.html", dir);
	put(path, "old");
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 4096;
	struct output *o = output_open(path, 0644, &err);
	setrlimit(RLIMIT_FSIZE, &small);
	for (int i = 0; i < 2000; i++)
		fputs("a line of a long report\n", output_stream(o));
	CHECK_INT(output_commit(o, &err), -1);
	setrlimit(RLIMIT_FSIZE, &old);
	CHECK_INT(err.code, REACH_EDB);
	CHECK(strstr(err.msg, "File too large; left as it was") != NULL);
	char *after = slurp(path);
	CHECK_STR(after, "old");
	free(after);
	CHECK_INT(entries(), 1);
	unlink(path);
}

static void test_copy(void)
{
	struct reach_error err = { 0 };
	char src[256], path[256];
	snprintf(src, sizeof src, "%s/chart.svg", dir);
	snprintf(path, sizeof path, "%s/f.svg", dir);
	put(src, "<svg/>");
	CHECK_INT(output_copy(src, path, 0644, &err), 0);
	char *copied = slurp(path);
	CHECK_STR(copied, "<svg/>");
	free(copied);
	unlink(src);
	CHECK_INT(output_copy(src, path, 0644, &err), -1);
	unlink(path);
}

static void test_scratch_registry(void)
{
	char sub[256];
	snprintf(sub, sizeof sub, "%s/scratch", dir);
	CHECK(mkdir(sub, 0700) == 0);
	output_scratch_add(sub);
	output_scratch_remove(sub);
	CHECK_INT(entries(), 0);
	output_scratch_remove(NULL);
}

/* A SIGTERM while an output and a scratch file are open removes both, and still ends the process by the signal. */
static void test_signal_removes_scratch(void)
{
	char path[256], scratch[256];
	snprintf(path, sizeof path, "%s/g.html", dir);
	snprintf(scratch, sizeof scratch, "%s/chart.tsv", dir);
	pid_t pid = fork();
	if (pid == 0) {
		struct reach_error err = { 0 };
		struct output *o = output_open(path, 0644, &err);
		put(scratch, "1\t2\n");
		output_scratch_add(scratch);
		fputs("half a report", output_stream(o));
		fflush(output_stream(o));
		raise(SIGTERM);
		_exit(0);       /* not reached */
	}
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	CHECK_INT(entries(), 0);
}

int main(void)
{
	umask(022);
	if (!mkdtemp(dir))
		return 1;
	RUN(test_commit_replaces);
	RUN(test_abandon_leaves_target);
	RUN(test_symlink_replaced_not_followed);
	RUN(test_missing_folder);
	RUN(test_full_disk);
	RUN(test_copy);
	RUN(test_scratch_registry);
	RUN(test_signal_removes_scratch);
	rmdir(dir);
	return check_summary();
}
