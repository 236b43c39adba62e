/* chart.c — see chart.h. */
#include "chart.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "embedded.h"
#include "policy.h"
#include "text.h"
#include "trend.h"
#include "words.h"

/* Writes LEN bytes of DATA to a new file PATH; 0 or -1. */
static int write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, len, fp);
	return fclose(fp) == 0 && n == len ? 0 : -1;
}

/* Runs gnuplot on TEMPLATE with the definitions DEFS (no shell between); 0 or -1. */
static int run_gnuplot(const char *defs, const char *template)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execlp("gnuplot", "gnuplot", "-e", defs, template, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/*
 * Why gnuplot cannot be given PATH as a chart's file, or NULL when it can:
 * gnuplot reads it inside '…' on its command line, so a quote or a control
 * character there would end the string (or the command), and a name or path
 * too long for the system would fail with nothing said.
 */
static const char *unusable_path(const char *path)
{
	if (strlen(path) >= PATH_MAX)
		return "the path is too long";
	for (const char *name = path; *name; name += strcspn(name, "/"), name += *name == '/')
		if (strcspn(name, "/") > NAME_MAX)
			return "a name in the path is too long (over " POLICY_TEXT(NAME_MAX) " bytes)";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '\'')
			return "the path has a quote ('), which gnuplot cannot be given";
		if (*p < 0x20 || *p == 0x7F)
			return "the path has a control character, which gnuplot cannot be given";
	}
	return NULL;
}

int chart_file(struct buf *path, const char *dir, const char *format, struct reach_error *err, const char *part, ...)
{
	va_list ap;
	va_start(ap, part);
	buf_reset(path);
	buf_printf(path, "%s/", dir);
	for (const char *p = part; p; p = va_arg(ap, const char *)) {
		if (!text_is_code(p)) {
			struct buf shown = { 0 };
			text_visible(p, &shown);
			error_set(err, REACH_EPARTIAL, dir, 0, "no chart: \"%.100s\" cannot name a chart's file (" TEXT_CODE_RULE ")",
			    shown.data);
			buf_free(&shown);
			va_end(ap);
			return -1;
		}
		buf_printf(path, "%s%s", p == part ? "" : "-", p);
	}
	va_end(ap);
	buf_printf(path, ".%s", format);
	return 0;
}

/*
 * Draws DATA (ROWS rows) with the template charts/TEMPLATE.gp as FORMAT into
 * PATH, the y or x axis running to TOP; EXTRA (numbers only, or NULL) adds
 * definitions. 0; 1 with no rows; -1 with ERR set.
 */
static int draw(const char *template_name, const struct buf *data, size_t rows, double top, const char *extra,
    const char *format, const char *path, struct reach_error *err)
{
	char dir[] = "/tmp/reach-chart-XXXXXX", name[64];
	struct buf file = { 0 }, gp = { 0 }, defs = { 0 };
	snprintf(name, sizeof name, "charts/%s.gp", template_name);
	const struct embedded_file *template = embedded_find(name);
	int rc = -1;
	const char *unusable = unusable_path(path);
	if (rows == 0)
		return 1;               /* nothing to draw: no chart, and nothing wrong */
	if (unusable) {
		struct buf shown = { 0 };
		text_visible(path, &shown);
		error_set(err, REACH_EPARTIAL, shown.data, 0, "no chart: %s", unusable);
		buf_free(&shown);
		return -1;
	}
	if (!template || !mkdtemp(dir)) {
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: cannot make a scratch folder");
		return -1;
	}
	buf_printf(&file, "%s/data.tsv", dir);
	buf_printf(&gp, "%s/chart.gp", dir);
	if (write_file(file.data, data->data, data->len) < 0 || write_file(gp.data, template->data, template->len) < 0) {
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: cannot write its data");
	} else {
		buf_printf(&defs, "data='%s'; output='%s'; term='%s'; rows=%zu; top=%.2f%s", file.data, path, format, rows, top,
		    extra ? extra : "");
		if (run_gnuplot(defs.data, gp.data) < 0)
			error_set(err, REACH_EPARTIAL, path, 0, "no chart: gnuplot is missing or failed (Debian package gnuplot-nox)");
		else
			rc = 0;
	}
	unlink(file.data);
	unlink(gp.data);
	rmdir(dir);
	buf_free(&file);
	buf_free(&gp);
	buf_free(&defs);
	return rc;
}

/* Appends a category code as a data label: ours ("16-24"), but never with tabs, line ends or quotes. */
static void put_label(struct buf *data, const char *code)
{
	for (const char *p = code; *p; p++)
		buf_putc(data, *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' ? ' ' : *p);
}

int chart_ratios(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    struct reach_error *err)
{
	struct buf data = { 0 };
	size_t rows = 0;
	double top = 2;
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if ((show && !show[k]) || isnan(c->st.ratio.estimate))
			continue;
		put_label(&data, c->code);
		buf_printf(&data, "\t%.6f\t%.6f\t%.6f\t%d\n", c->st.ratio.estimate, c->st.ratio.lower, c->st.ratio.upper,
		    words_reading(words_reading_of(c, d->compared))->colour);
		if (c->st.ratio.estimate * 1.15 > top)
			top = c->st.ratio.estimate * 1.15;
		rows++;
	}
	int rc = draw("ratios", &data, rows, top > 5 ? 5 : top, NULL, format, path, err);
	buf_free(&data);
	return rc;
}

int chart_shares(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    struct reach_error *err)
{
	struct buf data = { 0 };
	size_t rows = 0;
	double top = 0;
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if ((show && !show[k]) || isnan(c->st.share.estimate) || isnan(c->st.population_share))
			continue;
		put_label(&data, c->code);
		buf_printf(&data, "\t%.3f\t%.3f\n", 100 * c->st.share.estimate, 100 * c->st.population_share);
		if (100 * c->st.share.estimate > top)
			top = 100 * c->st.share.estimate;
		if (100 * c->st.population_share > top)
			top = 100 * c->st.population_share;
		rows++;
	}
	int rc = draw("shares", &data, rows, top * 1.2 + 1, NULL, format, path, err);
	buf_free(&data);
	return rc;
}

static void put_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '"')
			buf_puts(b, "&quot;");
		else
			buf_putc(b, *s);
	}
}

/* Replaces the element NAME's text in SVG by TEXT (escaped); SVG is rewritten in place. */
static void replace_element(struct buf *svg, const char *name, const char *text)
{
	char open[32], close[32];
	snprintf(open, sizeof open, "<%s>", name);
	snprintf(close, sizeof close, "</%s>", name);
	char *start = strstr(svg->data, open), *end = start ? strstr(start, close) : NULL;
	if (!start || !end)
		return;
	struct buf out = { 0 };
	buf_append(&out, svg->data, (size_t)(start - svg->data) + strlen(open));
	put_escaped(&out, text);
	buf_puts(&out, end);
	buf_free(svg);
	*svg = out;
}

char *chart_inline_svg(const char *path, const char *title, const char *desc)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return NULL;
	struct buf svg = { 0 };
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_append(&svg, chunk, n);
	fclose(fp);
	char *root = svg.data ? strstr(svg.data, "<svg") : NULL;
	if (!root) {
		buf_free(&svg);
		return NULL;
	}
	struct buf out = { 0 };
	buf_puts(&out, "<svg role=\"img\" aria-label=\"");
	put_escaped(&out, title);
	buf_puts(&out, "\"");
	buf_puts(&out, root + 4);
	buf_free(&svg);
	replace_element(&out, "title", title);
	replace_element(&out, "desc", desc);
	/* gnuplot names its plot groups ("gnuplot_plot_1"): no use to a reader. */
	char *first = strstr(out.data, "</title>"), *t;
	while (first && (t = strstr(first + 8, "<title>")) != NULL) {
		char *end = strstr(t, "</title>");
		if (!end)
			break;
		memmove(t, end + 8, strlen(end + 8) + 1);
	}
	out.len = strlen(out.data);
	return out.data;
}

int chart_trend(const struct trend_series *t, const char *format, const char *path, struct reach_error *err)
{
	struct buf data = { 0 }, extra = { 0 };
	size_t rows = 0;
	double top = 1.5, x0 = 0, x1 = 0;
	for (size_t k = 0; k < t->npoints; k++) {
		const struct trend_point *p = &t->points[k];
		if (p->withheld)
			continue;               /* a count withheld is never drawn */
		buf_printf(&data, "%.4f\t%.6f\t%.6f\t%.6f\n", p->year, p->ratio.estimate, p->ratio.lower, p->ratio.upper);
		if (p->ratio.upper * 1.1 > top)
			top = p->ratio.upper * 1.1;
		if (rows++ == 0 || p->year < x0)
			x0 = p->year;
		if (p->year > x1)
			x1 = p->year;
	}
	/* The fitted ratio exp(a + b (x - first)), from the first year fitted to the last; b NaN: no line. */
	const struct stats_ratio_trend *f = &t->fit;
	int line = !isnan(f->line.slope);
	char slope[32];
	if (line)
		snprintf(slope, sizeof slope, "%.10g", f->line.slope);
	else
		snprintf(slope, sizeof slope, "NaN");
	buf_printf(&extra, "; a=%.10g; b=%s; first=%.4f; last=%.4f; x0=%.4f; x1=%.4f; target=%g",
	    line ? f->line.intercept : 0, slope, line ? f->year0 : 0, line ? f->year1 : 0, x0, x1, POLICY_PARITY_TARGET);
	int rc = draw("trend", &data, rows, top > 5 ? 5 : top, extra.data, format, path, err);
	buf_free(&data);
	buf_free(&extra);
	return rc;
}

int chart_trends(const struct trend *tr, const char *dir, FILE *warn)
{
	int partial = 0;
	for (size_t i = 0; i < tr->nseries; i++)
		for (int f = 0; f < 2; f++) {
			const char *format = f ? "png" : "svg";
			struct buf path = { 0 };
			struct reach_error err = { 0 };
			if ((chart_file(&path, dir, format, &err, "trend", tr->series[i].dimension, tr->series[i].code, (char *)NULL) < 0 ||
			    chart_trend(&tr->series[i], format, path.data, &err) < 0) && !partial) {
				fprintf(warn, "reach: warning: %s\n", err.msg);
				partial = 1;
			}
			buf_free(&path);
		}
	return partial;
}
