/* batch.c — see batch.h. */
#include "batch.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "emit.h"
#include "ingest.h"
#include "output.h"
#include "policy.h"
#include "progress.h"
#include "report.h"
#include "table.h"
#include "text.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The export files of DIR, sorted; the caller frees each and the array. */
static char **list_exports(const char *dir, size_t *n, struct reach_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	*n = 0;
	if (!d) {
		error_set(err, REACH_EUSAGE, dir, 0, "cannot read the folder: %s", strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0 || strcmp(e->d_name, "consultations.csv") == 0)
			continue;
		names = xrealloc(names, (*n + 1) * sizeof *names);
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

/* The file's SHA-256 in hex; -1 when it cannot be read. */
static int file_sha256(const char *path, char hex[65])
{
	FILE *fp = fopen(path, "rb");
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char buf[1 << 16], digest[32];
	unsigned len = 0;
	size_t n;
	int rc = fp && ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ? 0 : -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, fp)) > 0)
		EVP_DigestUpdate(ctx, buf, n);
	if (rc == 0 && !ferror(fp) && EVP_DigestFinal_ex(ctx, digest, &len))
		for (int i = 0; i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	else
		rc = -1;
	if (fp)
		fclose(fp);
	EVP_MD_CTX_free(ctx);
	return rc;
}

/* The file name without ".csv", lower case, other characters as "-". */
static char *slug_of(const char *name)
{
	size_t len = strlen(name) - 4;
	char *slug = xstrndup(name, len);
	for (char *p = slug; *p; p++)
		*p = isalnum((unsigned char)*p) ? (char)tolower((unsigned char)*p) : '-';
	return slug;
}

/* Sets ERR to "FILE:LINE: COLUMN \"VALUE\" WHY", the value shown with its control characters visible; -1. */
static int meta_error(const struct table *meta, size_t r, const char *column, const char *why, struct reach_error *err)
{
	struct buf shown = { 0 };
	text_visible(table_get(meta, r, column), &shown);
	error_set(err, REACH_EDATA, meta->name, meta->lines[r], "%s \"%.200s\" %s", column, shown.data, why);
	buf_free(&shown);
	return -1;
}

/*
 * Checks every row of consultations.csv as the matching ingest option is
 * checked (--consultation, --title, --platform, --opened, --closed,
 * --min-age), and that no two rows name one file or one slug. 0, or -1 with
 * ERR naming the file and line.
 */
static int check_meta(const struct table *meta, struct reach_error *err)
{
	static const char *const required[] = { "file", NULL };
	long age;
	if (table_require(meta, required, err) < 0)
		return -1;
	for (size_t r = 0; r < meta->nrows; r++) {
		const char *slug = table_get(meta, r, "slug"), *age_text = table_get(meta, r, "min_age");
		if (!*table_get(meta, r, "file"))
			return meta_error(meta, r, "file", "is empty: each row names an export in the folder", err);
		if (*slug && !text_is_code(slug))
			return meta_error(meta, r, "slug", "is not a slug (" TEXT_CODE_RULE ")", err);
		for (int c = 0; c < 2; c++)
			if (!text_is_utf8(table_get(meta, r, c ? "platform" : "title")))
				return meta_error(meta, r, c ? "platform" : "title", "is not UTF-8 text", err);
		for (int c = 0; c < 2; c++) {
			const char *date = table_get(meta, r, c ? "closed" : "opened");
			if (*date && !date_is_iso(date))
				return meta_error(meta, r, c ? "closed" : "opened", "is not a date YYYY-MM-DD", err);
		}
		if (*table_get(meta, r, "opened") && *table_get(meta, r, "closed") &&
		    strcmp(table_get(meta, r, "opened"), table_get(meta, r, "closed")) > 0)
			return meta_error(meta, r, "opened", "is later than closed: swap them, or correct one", err);
		if (*age_text && parse_long(age_text, 0, POLICY_MIN_AGE_MAX, &age) < 0)
			return meta_error(meta, r, "min_age", "is not an age from 0 to " POLICY_TEXT(POLICY_MIN_AGE_MAX), err);
		for (size_t e = 0; e < r; e++)
			for (int c = 0; c < 2; c++) {
				const char *column = c ? "slug" : "file", *v = table_get(meta, r, column);
				if (*v && strcmp(v, table_get(meta, e, column)) == 0) {
					char why[96];
					snprintf(why, sizeof why, "is also on line %ld (one row for each %s)", meta->lines[e], column);
					return meta_error(meta, r, column, why, err);
				}
			}
	}
	return 0;
}

/* What the consultation SLUG holds now: its file's SHA-256, or "" when it does not exist. */
static void held_sha(struct store *s, const char *slug, char out[65])
{
	sqlite3_stmt *st = store_stmt(s, "source_sha_of");
	store_bind_text(st, ":slug", slug);
	out[0] = '\0';
	if (store_step(s, st) == SQLITE_ROW)
		snprintf(out, 65, "%s", (const char *)sqlite3_column_text(st, 0));
}

/*
 * Writes consultation SLUG's JSON (every count, unsuppressed: for analysts)
 * into PRIVATE, then its published HTML (suppressed, with readings that
 * rest on nothing hidden: publish_adjust) into PUBLISHED, and takes
 * away a SLUG.json an earlier run left in PUBLISHED. 0; 1 when charts were
 * skipped; -1 with ERR set.
 */
static int write_reports(struct store *s, const struct taxonomy *t, const char *slug, const struct batch_options *o,
    const char *published, const char *private, struct reach_error *err)
{
	char *one[1] = { (char *)slug };
	struct compare *c = compare_run(s, t, one, 1, &o->compare, err);
	int rc = c ? 0 : -1;
	for (int f = 1; rc >= 0 && f >= 0; f--) {
		struct buf path = { 0 };
		if (f == 0)
			publish_adjust(c, t, &o->publish);
		buf_printf(&path, "%s/%s.%s", f ? private : published, slug, f ? "json" : "html");
		struct output *out = output_open(path.data, f ? 0600 : 0666, err);
		if (!out) {
			rc = -1;
		} else {
			FILE *fp = output_stream(out);
			int r = f ? report_json(s, t, c, fp, err) : publish_report(s, t, c, "html", &o->publish, fp, err);
			if (r < 0)
				output_abandon(out), rc = -1;
			else if (output_commit(out, err) < 0)
				rc = -1;
			else if (r > 0)
				rc = 1;
		}
		buf_free(&path);
	}
	if (rc >= 0) {
		/* An earlier reach wrote the JSON beside the HTML: it has just been written again, privately. */
		struct buf stale = { 0 };
		buf_printf(&stale, "%s/%s.json", published, slug);
		if (unlink(stale.data) == 0)
			fprintf(stderr, "reach: %s: removed: an unsuppressed report has no place in the folder to publish "
			    "(it is in %s)\n", stale.data, private);
		buf_free(&stale);
	}
	compare_free(c);
	return rc;
}

/*
 * Makes the folder PATH with MODE, or takes it as it is; a private one
 * (MODE 0700) that exists is made 0700 again. 0, or -1 with ERR set.
 */
static int make_folder(const char *path, mode_t mode, const char *what, struct reach_error *err)
{
	struct stat st;
	if (mkdir(path, mode) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (mode != 0700 || (st.st_mode & 0777) == 0700 || chmod(path, 0700) == 0)))
		return 0;
	error_set(err, REACH_EDB, path, 0, "cannot make the %s: %s", what, errno == EEXIST ? "not a folder" : strerror(errno));
	return -1;
}

/* Are A and B one folder? */
static int same_folder(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int batch_run(struct store *s, const struct taxonomy *t, const char *dir, const struct batch_options *o, FILE *out,
    struct reach_error *err)
{
	size_t n;
	char **files = list_exports(dir, &n, err);
	struct buf folder = { 0 }, private = { 0 }, path = { 0 };
	struct table *meta = NULL;
	int failed = 0;
	if (!files && err->code)
		return -1;
	buf_printf(&path, "%s/consultations.csv", dir);
	if (access(path.data, R_OK) == 0 && (!(meta = table_file(path.data, err)) || check_meta(meta, err) < 0)) {
		strings_free(files, n);
		table_free(meta);
		buf_free(&path);
		return -1;
	}
	if (o->reports)
		buf_puts(&folder, o->reports);
	else
		buf_printf(&folder, "%s/reports", dir);
	if (o->private)
		buf_puts(&private, o->private);
	else
		buf_printf(&private, "%s/reports-private", dir);
	if (make_folder(folder.data, 0777, "reports folder", err) < 0 ||
	    make_folder(private.data, 0700, "private reports folder", err) < 0) {
		failed = -1;
	} else if (same_folder(folder.data, private.data)) {
		error_set(err, REACH_EUSAGE, private.data, 0, "the private reports folder cannot be the folder to publish");
		failed = -1;
	}
	for (size_t i = 0; failed >= 0 && i < n; i++) {
		struct ingest_meta m = { 0 };
		struct load_options lo = { 0 };
		struct ingest_result result;
		struct reach_error e = { 0 };
		char sha[65], held[65];
		char *slug = slug_of(files[i]), bands_from[64];
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, files[i]);
		m.slug = slug;
		m.min_age = POLICY_MIN_AGE_DEFAULT;
		for (size_t r = 0; meta && r < meta->nrows; r++)
			if (strcmp(table_get(meta, r, "file"), files[i]) == 0) {
				long age;       /* every value was checked by check_meta */
				if (*table_get(meta, r, "slug"))
					m.slug = table_get(meta, r, "slug");
				m.title = *table_get(meta, r, "title") ? table_get(meta, r, "title") : NULL;
				m.platform = *table_get(meta, r, "platform") ? table_get(meta, r, "platform") : NULL;
				m.opened = *table_get(meta, r, "opened") ? table_get(meta, r, "opened") : NULL;
				m.closed = *table_get(meta, r, "closed") ? table_get(meta, r, "closed") : NULL;
				if (parse_long(table_get(meta, r, "min_age"), 0, POLICY_MIN_AGE_MAX, &age) == 0)
					m.min_age = age;
				m.age_bands_offered = *table_get(meta, r, "age_bands") ? table_get(meta, r, "age_bands") : NULL;
				snprintf(bands_from, sizeof bands_from, "consultations.csv:%ld: age_bands", meta->lines[r]);
				m.age_bands_from = bands_from;
			}
		if (!text_is_code(m.slug)) {
			error_set(&e, REACH_EDATA, path.data, 0, "its name gives no slug (" TEXT_CODE_RULE "): "
			    "give it one in consultations.csv");
			error_print(&e);
			failed = 1;
			free(slug);
			continue;
		}
		held_sha(s, m.slug, held);
		if (file_sha256(path.data, sha) < 0) {
			error_set(&e, REACH_EDATA, path.data, 0, "cannot read it");
		} else if (strcmp(sha, held) == 0) {
			fprintf(out, "%s: unchanged (%s)\n", m.slug, files[i]);
		} else {
			m.replace = *held != '\0';
			lo.taxonomy = t;
			if (ingest_file(s, path.data, &m, &lo, t, &result, &e) == 0) {
				fprintf(out, "%s: %s %llu responses from %s\n", m.slug, m.replace ? "replaced with" : "ingested",
				    (unsigned long long)result.counts.responses, files[i]);
				for (size_t k = 0; k < result.ndoubts; k++) {
					fprintf(stderr, "reach: %s: warning: column %zu \"", files[i], result.doubts[k].column);
					emit_term(stderr, result.doubts[k].header, 0);
					fputs("\": ", stderr);
					emit_term(stderr, result.doubts[k].why, 0);
					fputc('\n', stderr);
				}
			}
		}
		if (!e.code && write_reports(s, t, m.slug, o, folder.data, private.data, &e) < 0 && !e.code)
			error_set(&e, REACH_EDB, m.slug, 0, "cannot write its reports");
		if (!e.code)
			(void)progress_batch_page(s, t, m.slug, o->as_of, &o->compare, o->publish.suppress, folder.data, out, &e);
		if (e.code) {
			error_print(&e);
			failed = e.code == REACH_EDB ? REACH_EDB : failed > 0 ? failed : 1;
		}
		free(slug);
	}
	if (failed >= 0 && o->compare.round > 0)
		fprintf(out, "reports to publish in %s (HTML, every count rounded to the nearest %d)\n"
		    "not to publish: %s (JSON, rounded too, but keep it with the analysts)\n", folder.data, o->compare.round,
		    private.data);
	else if (failed >= 0 && o->publish.suppress > 0)
		fprintf(out, "reports to publish in %s (HTML, counts from 1 to %d withheld)\n"
		    "not to publish: %s (JSON, every count)\n", folder.data, o->publish.suppress - 1, private.data);
	else if (failed >= 0)
		fprintf(out, "reports in %s (HTML, disclosure control off: small counts shown, not to publish)\n"
		    "not to publish: %s (JSON, every count)\n", folder.data, private.data);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	table_free(meta);
	buf_free(&folder);
	buf_free(&private);
	buf_free(&path);
	return failed;
}
