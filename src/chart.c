/* chart.c — see chart.h. */
#include "chart.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "embedded.h"
#include "output.h"
#include "policy.h"
#include "text.h"
#include "trend.h"
#include "words.h"

/* The furthest a ratio axis runs; an interval past it is drawn to the edge with an arrow and its value. */
#define CHART_AXIS_CAP 5.0

/* Writes LEN bytes of DATA to a new file PATH; 0 or -1. */
static int write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, len, fp);
	return fclose(fp) == 0 && n == len ? 0 : -1;
}

/* Runs gnuplot on the script SCRIPT (no shell between); 0 or -1. */
static int run_gnuplot(const char *script)
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
		execlp("gnuplot", "gnuplot", script, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
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

static int tidy_svg_file(const char *path, const struct chart_caption *caption);

void chart_job_free(struct chart_job *job)
{
	buf_free(&job->script);
	buf_free(&job->data);
}

/*
 * Runs JOB's script, its data file and output named first, as FORMAT into
 * PATH; an SVG file standing alone (CAPTION) takes CAPTION's title. gnuplot
 * draws into a scratch folder and the chart is then put in place whole
 * (output.h). 0; 1 with no rows; -1 with ERR set (the file at PATH left as
 * it was).
 */
static int run_job(const struct chart_job *job, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err)
{
	char dir[] = "/tmp/reach-chart-XXXXXX";
	struct buf file = { 0 }, gp = { 0 }, drawn = { 0 }, script = { 0 };
	int rc = -1;
	if (job->rows == 0)
		return 1;               /* nothing to draw: no chart, and nothing wrong */
	if (!mkdtemp(dir)) {
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: cannot make a scratch folder");
		return -1;
	}
	output_scratch_add(dir);
	buf_printf(&file, "%s/data.tsv", dir);
	buf_printf(&gp, "%s/chart.gp", dir);
	buf_printf(&drawn, "%s/chart.%s", dir, format);
	output_scratch_add(file.data);
	output_scratch_add(gp.data);
	output_scratch_add(drawn.data);
	/* Only names reach made go into the script: the scratch folder's (no quote in them). */
	buf_printf(&script, "data='%s'; output='%s'; term='%s'\n", file.data, drawn.data, format);
	buf_append(&script, job->script.data, job->script.len);
	if (write_file(file.data, job->data.data ? job->data.data : "", job->data.len) < 0 ||
	    write_file(gp.data, script.data, script.len) < 0)
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: cannot write its data");
	else if (run_gnuplot(gp.data) < 0)
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: gnuplot is missing or failed (Debian package gnuplot-nox)");
	else if (caption && strcmp(format, "svg") == 0 && tidy_svg_file(drawn.data, caption) < 0)
		error_set(err, REACH_EPARTIAL, path, 0, "no chart: cannot rewrite its SVG file");
	else if (output_copy(drawn.data, path, 0666, err) == 0)
		rc = 0;
	output_scratch_remove(drawn.data);
	output_scratch_remove(file.data);
	output_scratch_remove(gp.data);
	output_scratch_remove(dir);
	buf_free(&file);
	buf_free(&gp);
	buf_free(&drawn);
	buf_free(&script);
	return rc;
}

/* Appends S to B as a gnuplot string in single quotes, where nothing is expanded: ' doubled, line ends as spaces. */
static void put_string(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; s && *s; s++)
		if (*s == '\'')
			buf_puts(b, "''");
		else
			buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
	buf_putc(b, '\'');
}

/* Appends a category label as a data field: never with tabs, line ends or quotes. */
static void put_label(struct buf *data, const char *label)
{
	for (const char *p = label; *p; p++)
		buf_putc(data, *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' ? ' ' : *p);
}

/* The reading of a charted figure as its number in the chart's arrays (1 to READING_CHARTED). */
static int reading_number(enum reading r)
{
	return r < READING_CHARTED ? (int)r + 1 : (int)READING_LOW_N + 1;
}

/*
 * The definitions every chart's template reads, before it: literal text;
 * each reading's marker shape, colour and words (arrays indexed by
 * reading_number) and whether it is drawn (SHOWN, or NULL: none); the
 * palette's other colours; the axis end TOP; the longest label; and, for a
 * chart standing alone, its title, n (N_TEXT) and the census credit.
 */
static void put_definitions(struct buf *b, const int *shown, double top, size_t label_width,
    const struct chart_caption *caption, const char *n_text)
{
	buf_puts(b, "set termoption noenhanced\n");
	const char *arrays[] = { "shape", "colour", "word", "shown" };
	for (int a = 0; a < 4; a++) {
		buf_printf(b, "array %s[%d] = [", arrays[a], READING_CHARTED);
		for (enum reading r = 0; r < READING_CHARTED; r++) {
			const struct reading_words *w = words_reading(r);
			buf_puts(b, r ? ", " : "");
			if (a == 0)
				buf_printf(b, "%d", w->shape);
			else if (a == 1)
				buf_printf(b, "0x%s", words_colour(w->colour)->hex + 1);
			else if (a == 2)
				put_string(b, w->word);
			else
				buf_printf(b, "%d", shown && shown[r]);
		}
		buf_puts(b, "]\n");
	}
	buf_printf(b, "respondents_colour = '%s'; reference_colour = '%s'\n", words_colour(COLOUR_RESPONDENTS)->hex,
	    words_colour(COLOUR_REFERENCE)->hex);
	buf_printf(b, "top = %.4g; label_width = %zu; standalone = %d\n", top, label_width, caption != NULL);
	buf_puts(b, "title = ");
	put_string(b, caption ? caption->title : "");
	buf_puts(b, "; subtitle = ");
	put_string(b, caption ? caption->subtitle : "");
	buf_puts(b, "; footnote = ");
	put_string(b, caption ? n_text : "");
	buf_puts(b, " . \"\\n\" . ");
	struct buf credit = { 0 };
	if (caption)
		buf_printf(&credit, "Census figures: %s.", caption->credit ? caption->credit : "");
	put_string(b, credit.data ? credit.data : "");
	buf_free(&credit);
	buf_putc(b, '\n');
}

/* Appends the template charts/NAME.gp to B. */
static void put_template(struct buf *b, const char *name)
{
	char path[64];
	snprintf(path, sizeof path, "charts/%s.gp", name);
	const struct embedded_file *template = embedded_find(path);
	if (template)
		buf_append(b, template->data, template->len);
}

/* Ends the script of JOB, a chart of D's categories: its rows, definitions (n the answers compared) and TEMPLATE. */
static void finish_dimension_job(struct chart_job *job, const struct compare_dimension *d, const int *shown, double top,
    size_t width, const struct chart_caption *caption, const char *template)
{
	struct buf n = { 0 };
	buf_printf(&n, "n = %.0f answers compared with the census", d->known);
	buf_printf(&job->script, "rows = %zu\n", job->rows);
	put_definitions(&job->script, shown, top, width, caption, n.data);
	put_template(&job->script, template);
	buf_free(&n);
}

/* The axis end for intervals up to HIGHEST: at least FLOOR, past the highest a little, never past CHART_AXIS_CAP. */
static double axis_top(double highest, double floor)
{
	double top = highest * 1.05;
	if (top < floor)
		top = floor;
	return top > CHART_AXIS_CAP ? CHART_AXIS_CAP : top;
}

void chart_prepare_ratios(const struct compare_dimension *d, const int *show, const struct chart_caption *caption,
    struct chart_job *job)
{
	int shown[READING_CHARTED] = { 0 };
	double highest = 0, estimate_high = 0;
	size_t width = 0;
	memset(job, 0, sizeof *job);
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if ((show && !show[k]) || isnan(c->st.ratio.estimate))
			continue;
		if (c->st.ratio.upper > highest)
			highest = c->st.ratio.upper;
		if (c->st.ratio.estimate > estimate_high)
			estimate_high = c->st.ratio.estimate;
	}
	double top = axis_top(highest, 2);
	if (estimate_high * 1.15 > top)
		top = estimate_high * 1.15;     /* every point on the axis; only intervals are clipped */
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if ((show && !show[k]) || isnan(c->st.ratio.estimate))
			continue;
		enum reading r = words_reading_of(c, d->compared);
		if (r < READING_CHARTED)
			shown[r] = 1;
		put_label(&job->data, c->label);
		buf_printf(&job->data, "\t%.6f\t%.6f\t%.6f\t%d\t%d\n", c->st.ratio.estimate, c->st.ratio.lower,
		    c->st.ratio.upper, reading_number(r), c->st.ratio.upper > top);
		if (strlen(c->label) > width)
			width = strlen(c->label);
		job->rows++;
	}
	finish_dimension_job(job, d, shown, top, width, caption, "ratios");
}

int chart_ratios(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err)
{
	struct chart_job job;
	chart_prepare_ratios(d, show, caption, &job);
	int rc = run_job(&job, format, path, caption, err);
	chart_job_free(&job);
	return rc;
}

void chart_prepare_shares(const struct compare_dimension *d, const int *show, const struct chart_caption *caption,
    struct chart_job *job)
{
	double top = 0;
	size_t width = 0;
	memset(job, 0, sizeof *job);
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if ((show && !show[k]) || isnan(c->st.share.estimate) || isnan(c->st.population_share))
			continue;
		put_label(&job->data, c->label);
		buf_printf(&job->data, "\t%.3f\t%.3f\n", 100 * c->st.share.estimate, 100 * c->st.population_share);
		if (100 * c->st.share.estimate > top)
			top = 100 * c->st.share.estimate;
		if (100 * c->st.population_share > top)
			top = 100 * c->st.population_share;
		if (strlen(c->label) > width)
			width = strlen(c->label);
		job->rows++;
	}
	finish_dimension_job(job, d, NULL, top * 1.2 + 1, width, caption, "shares");
}

int chart_shares(const struct compare_dimension *d, const int *show, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err)
{
	struct chart_job job;
	chart_prepare_shares(d, show, caption, &job);
	int rc = run_job(&job, format, path, caption, err);
	chart_job_free(&job);
	return rc;
}

void chart_prepare_progress(const char *const *labels, size_t nseries, const double *x, size_t npoints,
    const double *y, double close, const struct chart_caption *caption, const char *n_text, struct chart_job *job)
{
	double highest = 0, right = close > 0 ? close : 0;
	size_t width = 0, drawn = 0;
	memset(job, 0, sizeof *job);
	buf_puts(&job->data, "weeks");
	for (size_t s = 0; s < nseries; s++) {
		buf_putc(&job->data, '\t');
		put_label(&job->data, labels[s]);
		if (strlen(labels[s]) > width)
			width = strlen(labels[s]);
	}
	buf_putc(&job->data, '\n');
	for (size_t i = 0; i < npoints; i++) {
		buf_printf(&job->data, "%.4f", x[i]);
		for (size_t s = 0; s < nseries; s++) {
			double v = y[s * npoints + i];
			if (isnan(v)) {
				buf_puts(&job->data, "\t?");
				continue;
			}
			buf_printf(&job->data, "\t%.6f", v);
			drawn++;
			if (v > highest)
				highest = v;
		}
		buf_putc(&job->data, '\n');
		if (x[i] > right)
			right = x[i];
	}
	job->rows = drawn ? npoints : 0;
	buf_printf(&job->script, "rows = %zu; series = %zu; close = %.4f; right = %.4f; target = %g\n", job->rows, nseries,
	    close, right + 0.5, POLICY_PARITY_TARGET);
	put_definitions(&job->script, NULL, axis_top(highest * 1.1, 1.5), width, caption, n_text);
	put_template(&job->script, "progress");
}

int chart_progress(const char *const *labels, size_t nseries, const double *x, size_t npoints, const double *y,
    double close, const char *format, const char *path, const struct chart_caption *caption, const char *n_text,
    struct reach_error *err)
{
	struct chart_job job;
	chart_prepare_progress(labels, nseries, x, npoints, y, close, caption, n_text, &job);
	int rc = run_job(&job, format, path, caption, err);
	chart_job_free(&job);
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

/* gnuplot names its plot groups ("<title>gnuplot_plot_1</title>"): no use to a reader. Drops every title but the first. */
static void drop_plot_titles(struct buf *svg)
{
	char *first = strstr(svg->data, "</title>"), *t;
	while (first && (t = strstr(first + 8, "<title>")) != NULL) {
		char *end = strstr(t, "</title>");
		if (!end)
			break;
		memmove(t, end + 8, strlen(end + 8) + 1);
	}
	svg->len = strlen(svg->data);
}

/* Reads the file PATH into B; 0, or -1 when it cannot be read. */
static int read_file(const char *path, struct buf *b)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return -1;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_append(b, chunk, n);
	fclose(fp);
	return b->data ? 0 : -1;
}

/*
 * The SVG file PATH standing alone: its title and description those of
 * CAPTION, not gnuplot's ("Gnuplot", "Produced by GNUPLOT …"), and no plot
 * group named "gnuplot_plot_1". 0, or -1 when it cannot be rewritten.
 */
static int tidy_svg_file(const char *path, const struct chart_caption *caption)
{
	struct buf svg = { 0 };
	if (read_file(path, &svg) < 0)
		return -1;
	replace_element(&svg, "title", caption->title);
	replace_element(&svg, "desc", caption->subtitle);
	drop_plot_titles(&svg);
	int rc = write_file(path, svg.data, svg.len);
	buf_free(&svg);
	return rc;
}

char *chart_inline_svg(const char *path, const char *title, const char *desc)
{
	struct buf svg = { 0 };
	if (read_file(path, &svg) < 0)
		return NULL;
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
	drop_plot_titles(&out);
	return out.data;
}

void chart_prepare_trend(const struct trend_series *t, double confidence, const struct chart_caption *caption,
    struct chart_job *job)
{
	int shown[READING_CHARTED] = { 0 };
	double highest = 0, x0 = 0, x1 = 0, known = 0;
	memset(job, 0, sizeof *job);
	for (size_t k = 0; k < t->npoints; k++)
		if (!t->points[k].withheld && t->points[k].ratio.upper > highest)
			highest = t->points[k].ratio.upper;
	double top = axis_top(highest, 1.5);
	for (size_t k = 0; k < t->npoints; k++) {
		const struct trend_point *p = &t->points[k];
		if (p->withheld)
			continue;               /* a count withheld is never drawn */
		enum reading r = words_reading_flag(stats_flag_category(p->known * p->population_share, &p->ratio, NAN,
		    confidence));
		if (r < READING_CHARTED)
			shown[r] = 1;
		buf_printf(&job->data, "%.4f\t%.6f\t%.6f\t%.6f\t%d\t%d\n", p->year, p->ratio.estimate, p->ratio.lower,
		    p->ratio.upper, reading_number(r), p->ratio.upper > top);
		if (p->ratio.estimate * 1.1 > top)
			top = p->ratio.estimate * 1.1;
		if (job->rows++ == 0 || p->year < x0)
			x0 = p->year;
		if (p->year > x1)
			x1 = p->year;
		known += p->known;
	}
	/* The fitted ratio exp(a + b (x - first)), from the first year fitted to the last; b NaN: no line. */
	const struct stats_ratio_trend *f = &t->fit;
	int line = !isnan(f->line.slope);
	char slope[32];
	if (line)
		snprintf(slope, sizeof slope, "%.10g", f->line.slope);
	else
		snprintf(slope, sizeof slope, "NaN");
	struct buf n = { 0 };
	buf_printf(&n, "n = %zu consultation%s shown, %.0f answers compared", job->rows, job->rows == 1 ? "" : "s", known);
	if (t->nwithheld)
		buf_printf(&n, "; %zu withheld", t->nwithheld);
	buf_printf(&job->script, "rows = %zu; a = %.10g; b = %s; first = %.4f; last = %.4f; x0 = %.4f; x1 = %.4f; target = %g\n",
	    job->rows, line ? f->line.intercept : 0, slope, line ? f->year0 : 0, line ? f->year1 : 0, x0, x1,
	    POLICY_PARITY_TARGET);
	put_definitions(&job->script, shown, top, 0, caption, n.data);
	put_template(&job->script, "trend");
	buf_free(&n);
}

int chart_trend(const struct trend_series *t, double confidence, const char *format, const char *path,
    const struct chart_caption *caption, struct reach_error *err)
{
	struct chart_job job;
	chart_prepare_trend(t, confidence, caption, &job);
	int rc = run_job(&job, format, path, caption, err);
	chart_job_free(&job);
	return rc;
}

int chart_trends(const struct trend *tr, const char *dir, FILE *warn)
{
	int partial = 0;
	for (size_t i = 0; i < tr->nseries; i++) {
		const struct trend_series *s = &tr->series[i];
		struct buf title = { 0 };
		buf_printf(&title, "%s: %s", words_dimension_title(s->dimension), s->label);
		struct buf subtitle = { 0 };
		buf_printf(&subtitle, "representation ratio in each consultation, compared with %s", tr->geography);
		struct chart_caption caption = { title.data, subtitle.data, tr->source };
		for (int f = 0; f < 2; f++) {
			const char *format = f ? "png" : "svg";
			struct buf path = { 0 };
			struct reach_error err = { 0 };
			if ((chart_file(&path, dir, format, &err, "trend", s->dimension, s->code, (char *)NULL) < 0 ||
			    chart_trend(s, tr->confidence, format, path.data, &caption, &err) < 0) && !partial) {
				fprintf(warn, "reach: warning: %s\n", err.msg);
				partial = 1;
			}
			buf_free(&path);
		}
		buf_free(&title);
		buf_free(&subtitle);
	}
	return partial;
}
