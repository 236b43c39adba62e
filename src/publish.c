/* publish.c — see publish.h. */
#include "publish.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "emit.h"
#include "words.h"

/* ---- disclosure control ---- */

double publish_extra_count(const struct compare_dimension *d, enum publish_extra e)
{
	double cats = 0;
	switch (e) {
	case PUBLISH_MISSING:
		return d->missing;
	case PUBLISH_DECLINED:
		return d->declined;
	case PUBLISH_UNMATCHED:
		return d->unmatched;
	default:
		for (size_t k = 0; k < d->ncats; k++)
			cats += d->cats[k].n;
		cats = d->responses - cats - d->missing - d->declined - d->unmatched;
		return cats > 0 ? cats : 0;
	}
}

static int rollup_has(const struct tag_rollup *u, const char *code)
{
	for (size_t m = 0; m < u->nmembers; m++)
		if (strcmp(u->members[m], code) == 0)
			return 1;
	return 0;
}

/* Is category K of D a member of group G? */
static int in_group(const struct compare_dimension *d, const struct taxonomy *t, size_t g, size_t k)
{
	const struct compare_category *grp = &d->groups[g], *cat = &d->cats[k];
	if (grp->age_min >= 0)
		return cat->age_min >= grp->age_min && cat->age_max >= 0 &&
		    (grp->age_max < 0 || cat->age_max <= grp->age_max);
	const struct tag_rollup *u;
	size_t n = tag_rollups(t, d->name, &u);
	for (size_t i = 0; i < n; i++)
		if (strcmp(u[i].code, grp->code) == 0)
			return rollup_has(&u[i], cat->code);
	return 0;
}

/*
 * The counts of a dimension under protection: the categories, then the
 * extra counts (publish_extra), each with its value and how it is shown.
 */
struct cells {
	size_t n;
	double *value, most;    /* most: the largest any count can be, the responses */
	enum publish_cell *cell;
	int threshold;
};

/*
 * In one set of counts (MEMBER[i]) whose total is shown: when a hidden
 * count has only one value the total allows, given the other hidden counts'
 * ranges (small: 1 to threshold - 1; withheld: 0 to the responses), the
 * smallest positive shown count is withheld. Returns 1 if it
 * acted, -1 when a count is given away and no positive shown one is left.
 */
static int protect(struct cells *c, const int *member)
{
	double hidden_sum = 0, low = 0, high = 0;
	size_t hidden = 0, pick = (size_t)-1;
	for (size_t i = 0; i < c->n; i++) {
		if (!member[i])
			continue;
		if (c->cell[i] != CELL_SHOWN) {
			hidden++;
			hidden_sum += c->value[i];
			low += c->cell[i] == CELL_SMALL ? 1 : 0;
			high += c->cell[i] == CELL_SMALL ? c->threshold - 1 : c->most;
		} else if (pick == (size_t)-1 || (c->value[i] > 0 &&
		    (c->value[pick] == 0 || c->value[i] < c->value[pick])))
			pick = i;
	}
	if (hidden == 0)
		return 0;
	int pinned = 0;
	for (size_t i = 0; i < c->n && !pinned; i++) {
		if (!member[i] || c->cell[i] == CELL_SHOWN)
			continue;
		double own_low = c->cell[i] == CELL_SMALL ? 1 : 0;
		double own_high = c->cell[i] == CELL_SMALL ? c->threshold - 1 : c->most;
		double from = fmax(own_low, hidden_sum - (high - own_high));
		double to = fmin(own_high, hidden_sum - (low - own_low));
		pinned = from >= to;
	}
	if (!pinned)
		return 0;
	if (pick == (size_t)-1 || c->value[pick] == 0)
		return -1;          /* a withheld 0 would be given away with the rest */
	c->cell[pick] = CELL_WITHHELD;
	return 1;
}

size_t publish_suppress(const struct compare_dimension *d, const struct taxonomy *t, int threshold,
    enum publish_cell *cats, enum publish_cell *groups, enum publish_cell *extras)
{
	struct cells c = { d->ncats + PUBLISH_EXTRAS, NULL, d->responses, NULL, threshold };
	c.value = xcalloc(c.n, sizeof *c.value);
	c.cell = xcalloc(c.n, sizeof *c.cell);
	int *all = xcalloc(c.n, sizeof *all), *member = xcalloc(c.n, sizeof *member), *other = xcalloc(c.n, sizeof *other);
	int *known = xcalloc(c.n, sizeof *known), *rest = xcalloc(c.n, sizeof *rest);
	double sum = 0;
	for (size_t i = 0; i < c.n; i++) {
		c.value[i] = i < d->ncats ? d->cats[i].n : publish_extra_count(d, (enum publish_extra)(i - d->ncats));
		c.cell[i] = threshold > 0 && c.value[i] > 0 && c.value[i] < threshold ? CELL_SMALL : CELL_SHOWN;
		all[i] = 1;
		known[i] = i < d->ncats && (!d->compared || !isnan(d->cats[i].population));
		rest[i] = !known[i];
		sum += c.value[i];
	}
	if (c.most < sum)
		c.most = sum;
	for (size_t g = 0; g < d->ngroups; g++)
		groups[g] = threshold > 0 && d->groups[g].n > 0 && d->groups[g].n < threshold ? CELL_SMALL : CELL_SHOWN;
	/* Categories with a parent (the nineteen ethnic groups) add up to it, shown in another table. */
	const struct tag_category *tax;
	size_t ntax = tag_categories(t, d->name, &tax);
	for (int changed = threshold > 0; changed;) {
		changed = (protect(&c, all) > 0) | (protect(&c, known) > 0) | (protect(&c, rest) > 0);
		for (size_t p = 0; p < ntax; p++) {
			int any = 0;
			for (size_t k = 0; k < c.n; k++) {
				member[k] = 0;
				for (size_t j = 0; j < ntax && k < d->ncats; j++)
					if (tax[j].parent && tax[p].parent && strcmp(tax[j].code, d->cats[k].code) == 0 &&
					    strcmp(tax[j].parent, tax[p].parent) == 0)
						member[k] = any = 1;
			}
			if (any)
				changed |= protect(&c, member) > 0;
		}
		for (size_t g = 0; g < d->ngroups; g++) {
			if (groups[g] != CELL_SHOWN)
				continue;
			/* A shown group total reveals a lone hidden member, or hidden counts outside it. */
			for (size_t k = 0; k < c.n; k++) {
				member[k] = k < d->ncats && in_group(d, t, g, k);
				other[k] = known[k] && !member[k];
			}
			int inside = protect(&c, member), outside = protect(&c, other);
			for (size_t k = 0; k < c.n; k++)
				other[k] = !member[k];
			int beyond = protect(&c, other);
			/* Nothing shown is left to join a count the group gives away: the group is withheld. */
			if (inside < 0 || outside < 0 || beyond < 0)
				groups[g] = CELL_WITHHELD;
			changed |= inside != 0 || outside != 0 || beyond != 0;
		}
	}
	size_t hidden = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (i < d->ncats)
			cats[i] = c.cell[i];
		else if (extras)
			extras[i - d->ncats] = c.cell[i];
		hidden += c.cell[i] != CELL_SHOWN;
	}
	for (size_t g = 0; g < d->ngroups; g++)
		hidden += groups[g] != CELL_SHOWN;
	free(c.value);
	free(c.cell);
	free(all);
	free(member);
	free(other);
	free(known);
	free(rest);
	return hidden;
}

/* ---- shared pieces ---- */

/* "<5" or "[c]" for a hidden count, or the count. */
static void count_text(char *out, size_t len, double n, enum publish_cell cell, int threshold)
{
	if (cell == CELL_SMALL)
		snprintf(out, len, "<%d", threshold);
	else if (cell == CELL_WITHHELD)
		snprintf(out, len, "[c]");
	else
		snprintf(out, len, "%.0f", n);
}

/* V with DECIMALS decimals and SUFFIX, or "-" when unknown. */
static void number(char *out, size_t len, double v, int decimals, const char *suffix)
{
	if (isnan(v))
		snprintf(out, len, "-");
	else
		snprintf(out, len, "%.*f%s", decimals, v, suffix);
}

/* The cells of one table row, as text, hidden ones withheld; row_free frees them. */
struct row {
	char count[32], census[32], rate[32];
	struct buf share, ratio;        /* "54.0% (50.1–57.8)", "0.31 (0.22–0.44)" */
	const char *flag;
};

static void make_row(struct row *r, const struct compare_category *c, enum publish_cell cell, int threshold,
    int compared)
{
	const struct stats_interval *share = &c->st.share, *ratio = &c->st.ratio;
	memset(r, 0, sizeof *r);
	count_text(r->count, sizeof r->count, c->n, cell, threshold);
	number(r->census, sizeof r->census, 100 * c->st.population_share, 1, "%");
	if (cell != CELL_SHOWN) {
		buf_puts(&r->share, "[c]");
		buf_puts(&r->ratio, "[c]");
		snprintf(r->rate, sizeof r->rate, "[c]");
		r->flag = words_reading(READING_WITHHELD)->word;
		return;
	}
	emit_interval(&r->share, EMIT_PERCENT, share->estimate, share->lower, share->upper);
	emit_interval(&r->ratio, EMIT_RATIO, ratio->estimate, ratio->lower, ratio->upper);
	number(r->rate, sizeof r->rate, c->st.rate_per_1000, 1, "");
	r->flag = compared ? words_reading(words_reading_of(c, compared))->word : "";
}

static void row_free(struct row *r)
{
	buf_free(&r->share);
	buf_free(&r->ratio);
}

/* Is C's evidence below (-1) or above (1) parity, by the table of readings; 0 when neither. */
static int evidence_side(const struct compare_category *c, int compared)
{
	const char *evidence = words_reading(words_reading_of(c, compared))->evidence;
	return !evidence ? 0 : strcmp(evidence, "below") == 0 ? -1 : strcmp(evidence, "above") == 0;
}

/* One sentence naming who was missed and who was over-represented: the categories whose interval excludes 1. */
static void summary_sentence(const struct compare_dimension *d, const enum publish_cell *cells, struct buf *b)
{
	struct buf under = { 0 }, over = { 0 };
	for (size_t k = 0; k < d->ncats; k++) {
		const struct compare_category *c = &d->cats[k];
		if (cells[k] != CELL_SHOWN || isnan(c->population))
			continue;
		int side = evidence_side(c, d->compared);
		struct buf *to = side < 0 ? &under : side > 0 ? &over : NULL;
		if (!to)
			continue;
		buf_printf(to, "%s%s (ratio ", to->len ? ", " : "", c->code);
		emit_interval(to, EMIT_RATIO, c->st.ratio.estimate, NAN, NAN);
		buf_putc(to, ')');
	}
	buf_reset(b);
	buf_printf(b, "Under-represented: %s. Over-represented: %s.", under.len ? under.data : "none",
	    over.len ? over.data : "none");
	buf_free(&under);
	buf_free(&over);
}

/* The sentence on how many comparisons the report makes, with its full stop; NULL when none (the caller frees). */
static char *comparisons_sentence(const struct compare *c)
{
	if (c->comparisons == 0)
		return NULL;
	char *sentence = words_comparisons(c->comparisons, c->adjust, c->confidence);
	struct buf b = { 0 };
	buf_printf(&b, "%s.", sentence);
	free(sentence);
	return b.data;
}

static char *title_of(const struct compare *c)
{
	struct buf b = { 0 };
	if (c->nconsultations == 1)
		buf_puts(&b, *c->consultations[0].title ? c->consultations[0].title : c->consultations[0].slug);
	else
		buf_printf(&b, "%zu consultations", c->nconsultations);
	return b.data;
}

static const char *const suppress_note =
    "Counts from 1 to %d are shown as \"<%d\", and further figures are withheld (\"[c]\") so that no total "
    "gives them away; their shares, ratios and rates are withheld too.";

/* One dimension as published: how each count is shown, and how many are hidden. */
struct published {
	enum publish_cell *cats, *groups, extras[PUBLISH_EXTRAS];
	size_t hidden;
	int threshold;
};

static void published_open(struct published *p, const struct compare_dimension *d, const struct taxonomy *t,
    int threshold)
{
	p->cats = xcalloc(d->ncats + 1, sizeof *p->cats);
	p->groups = xcalloc(d->ngroups + 1, sizeof *p->groups);
	p->threshold = threshold;
	p->hidden = publish_suppress(d, t, threshold, p->cats, p->groups, p->extras);
}

static void published_close(struct published *p)
{
	free(p->cats);
	free(p->groups);
}

/* The extra counts' codes in CSV and their words in sentences (publish_extra order). */
static const char *const extra_code[PUBLISH_EXTRAS] = { "missing", "declined", "unmatched", "left_out" };

/*
 * "1010 of 1200 responses compared with the census; 152 missing, 38
 * declined, 0 unmatched." with hidden counts as "<5" or "[c]", and the
 * answers left out otherwise when there are any.
 */
static void answers_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b)
{
	char text[PUBLISH_EXTRAS][32];
	for (int e = 0; e < PUBLISH_EXTRAS; e++)
		count_text(text[e], sizeof text[e], publish_extra_count(d, (enum publish_extra)e), p->extras[e], p->threshold);
	buf_printf(b, "%.0f of %.0f responses %s; %s missing, %s declined, %s unmatched", d->known, d->responses,
	    d->compared ? "compared with the census" : "answered", text[PUBLISH_MISSING], text[PUBLISH_DECLINED],
	    text[PUBLISH_UNMATCHED]);
	if (p->extras[PUBLISH_LEFT_OUT] != CELL_SHOWN || publish_extra_count(d, PUBLISH_LEFT_OUT) > 0)
		buf_printf(b, "; %s left out otherwise", text[PUBLISH_LEFT_OUT]);
	buf_putc(b, '.');
}

/*
 * The test and scores of a shown, compared dimension in words; when some
 * count is hidden, the sentence saying they are withheld; empty otherwise.
 */
static void test_sentence(const struct compare_dimension *d, const struct published *p, struct buf *b)
{
	if (!d->compared || d->warning != COMPARE_SHOWN || isnan(d->test.statistic))
		return;
	if (p->hidden) {
		buf_puts(b, "Some counts here are withheld, so the test, effect size and summary score are not shown: "
			    "with the counts shown they would give the withheld ones away.");
		return;
	}
	buf_printf(b, "Chi-square goodness of fit %.2f on %ld degrees of freedom, p %s%.4f; effect size w %.2f. "
		      "Lowest group response rate over highest, of the groups with respondents: %.2f.",
	    d->test.statistic, d->test.df, d->test.p_value < 0.0001 ? "< " : "",
	    d->test.p_value < 0.0001 ? 0.0001 : d->test.p_value, d->test.effect_w, d->scores.min_max_answered);
}

/*
 * Note I of D as published: a note that begins with a count of answers
 * ("6 answers are in categories …") gives that count as the table does when
 * it is small or equals a hidden count, and every other count in it as
 * "[c]". The note naming the categories nobody
 * chose is left out when some count is hidden: it would say a withheld count
 * is 0, and it explains the scores, withheld then too. B is left empty then.
 */
static void note_text(const struct compare_dimension *d, const struct published *p, size_t i, struct buf *b)
{
	const char *note = d->notes[i];
	if (p->hidden && strncmp(note, "no respondent in ", 17) == 0)
		return;
	char *end;
	double v = strtod(note, &end);
	int hide = 0;
	if (end != note && note[0] >= '0' && note[0] <= '9' && p->threshold > 0) {
		hide = v > 0 && v < p->threshold;
		for (size_t k = 0; k < d->ncats && !hide; k++)
			hide = p->cats[k] != CELL_SHOWN && d->cats[k].n == v;
		for (int e = 0; e < PUBLISH_EXTRAS && !hide; e++)
			hide = p->extras[e] != CELL_SHOWN && publish_extra_count(d, (enum publish_extra)e) == v;
	}
	if (!hide) {
		buf_puts(b, note);
		return;
	}
	char text[32];
	count_text(text, sizeof text, v, v > 0 && v < p->threshold ? CELL_SMALL : CELL_WITHHELD, p->threshold);
	/* Its other counts ("of the 6 answers given") would give it back: each is "[c]". */
	buf_puts(b, text);
	for (const char *s = end; *s;) {
		if (*s >= '0' && *s <= '9' && s[-1] == ' ') {
			buf_puts(b, "[c]");
			while (*s >= '0' && *s <= '9')
				s++;
		} else
			buf_putc(b, *s++);
	}
}

/*
 * The sentences at the head of every published report on disclosure
 * control: that it is off, or how many dimensions have counts withheld
 * (NULL when neither; the caller frees).
 */
static char *disclosure_sentence(const struct compare *c, const struct taxonomy *t, int threshold)
{
	struct buf b = { 0 };
	if (threshold <= 0) {
		buf_puts(&b, "Disclosure control is off: small counts are shown.");
		return b.data;
	}
	size_t withheld = 0;
	for (size_t i = 0; i < c->ndims; i++) {
		struct published p;
		published_open(&p, &c->dims[i], t, threshold);
		withheld += p.hidden > 0;
		published_close(&p);
	}
	if (withheld == 1)
		buf_puts(&b, "In 1 dimension some counts are withheld; its test and scores are not shown.");
	else if (withheld)
		buf_printf(&b, "In %zu dimensions some counts are withheld; their tests and scores are not shown.", withheld);
	return b.data;
}
/* ---- Markdown ---- */

static void md_rows(FILE *out, const struct compare_dimension *d, const struct compare_category *cats, size_t n,
    const enum publish_cell *cells, int threshold)
{
	for (size_t k = 0; k < n; k++) {
		struct row r;
		make_row(&r, &cats[k], cells[k], threshold, d->compared);
		emit_md_cell(out, cats[k].definition ? cats[k].label : cats[k].code);
		emit_md_cell(out, r.count);
		emit_md_cell(out, r.share.data);
		if (d->compared) {
			emit_md_cell(out, r.census);
			emit_md_cell(out, r.ratio.data);
			emit_md_cell(out, r.rate);
			emit_md_cell(out, r.flag);
		}
		emit_md_row_end(out);
		row_free(&r);
	}
}

/* How the ages of the residents in the header are said: " aged 16 and over", and where that holds. */
static void base_phrase(const struct compare *c, struct buf *b)
{
	buf_printf(b, " aged %d and over", c->min_age);
	if (!compare_bases_match(c))
		buf_printf(b, " where the census gives figures by age (otherwise as each dimension says)");
}

/* " Responses per 1,000 residents aged 16 and over: 8.4.": the crude rate; nothing without single years of age. */
static void rate_sentence(const struct compare *c, struct buf *b)
{
	double rate = c->crude_rate_per_1000;
	if (!isnan(rate))
		buf_printf(b, " Responses per 1,000 residents aged %d and over: %.*f.", c->min_age, rate < 1 ? 2 : 1, rate);
}

/*
 * The sentence under a shown dimension's heading when its census figures do not
 * cover exactly the ages invited (MIN_AGE and over); empty otherwise.
 */
static void base_sentence(const struct compare_dimension *d, int min_age, struct buf *b)
{
	if (!d->compared || d->warning != COMPARE_SHOWN || d->base_min_age < 0 || d->base_min_age == min_age)
		return;
	if (d->base_min_age == 0)
		buf_printf(b, "The census figures here cover residents of all ages, "
			      "not only those aged %d and over invited.", min_age);
	else
		buf_printf(b, "The census figures here cover residents aged %d and over; the consultation invited "
			      "residents aged %d and over.", d->base_min_age, min_age);
}

static void md_notes(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	int first = 1;
	for (size_t i = 0; i < d->nnotes; i++) {
		struct buf note = { 0 };
		note_text(d, p, i, &note);
		if (note.len)
			fprintf(out, "%s- %s\n", first ? "\n" : "", note.data), first = 0;
		buf_free(&note);
	}
}

static void md_dimension(FILE *out, const struct compare_dimension *d, int min_age, const struct taxonomy *t,
    const struct publish_options *o, const char *chart)
{
	struct published p;
	struct buf sentence = { 0 };
	published_open(&p, d, t, o->suppress);
	fprintf(out, "\n## %s\n\n", words_dimension_title(d->name));
	base_sentence(d, min_age, &sentence);
	if (sentence.len)
		fprintf(out, "%s\n\n", sentence.data);
	buf_reset(&sentence);
	answers_sentence(d, &p, &sentence);
	fprintf(out, "%s\n", sentence.data);
	if (d->warning != COMPARE_SHOWN) {
		fputs("\n**", out);
		fputs(words_warning(d->warning), out);
		fputs("**\n", out);
		md_notes(out, d, &p);
		buf_free(&sentence);
		published_close(&p);
		return;
	}
	if (d->compared) {
		summary_sentence(d, p.cats, &sentence);
		fprintf(out, "%s\n", sentence.data);
	}
	if (chart)
		fprintf(out, "\n![Representation ratios for %s, with 95%% intervals: the table below gives the figures](%s)\n",
		    words_dimension_title(d->name), chart);
	fputs(d->compared ? "\n| Category | Respondents | Share (95% CI) | Residents | Ratio (95% CI) | Per 1,000 | |\n"
			    "|---|---:|---:|---:|---:|---:|---|\n"
			  : "\n| Category | Respondents | Share (95% CI) |\n|---|---:|---:|\n", out);
	md_rows(out, d, d->cats, d->ncats, p.cats, o->suppress);
	md_rows(out, d, d->groups, d->ngroups, p.groups, o->suppress);
	buf_reset(&sentence);
	test_sentence(d, &p, &sentence);
	if (sentence.len)
		fprintf(out, "\n%s\n", sentence.data);
	md_notes(out, d, &p);
	buf_free(&sentence);
	published_close(&p);
}

/* ---- CSV ---- */

/* The codes of D's categories in group G, space-separated, into B. */
static void group_members(const struct compare_dimension *d, const struct taxonomy *t, size_t g, struct buf *b)
{
	for (size_t k = 0; k < d->ncats; k++)
		if (in_group(d, t, g, k))
			buf_printf(b, "%s%s", b->len ? " " : "", d->cats[k].code);
}

static void csv_row(FILE *out, const struct compare_dimension *d, const struct compare_category *c, const char *kind,
    enum publish_cell cell, int threshold, const char *members)
{
	char count[32];
	count_text(count, sizeof count, c->n, cell, threshold);
	emit_csv_cell(out, d->name);
	fprintf(out, ",%s,", kind);
	emit_csv_cell(out, c->code);
	fputc(',', out);
	emit_csv_cell(out, c->label);
	fputc(',', out);
	emit_csv_cell(out, count);
	double v[] = { c->st.share.estimate, c->st.share.lower, c->st.share.upper, c->population,
		c->st.population_share, c->st.ratio.estimate, c->st.ratio.lower, c->st.ratio.upper, c->st.rate_per_1000 };
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		fputc(',', out);
		int reveals = i != 3 && i != 4;        /* the population is the census's own */
		if (cell != CELL_SHOWN && reveals)
			fputs("[c]", out);
		else
			emit_csv_number(out, v[i]);
	}
	enum reading reading = cell != CELL_SHOWN ? READING_WITHHELD : words_reading_of(c, d->compared);
	fprintf(out, ",%s,%s,", words_reading(reading)->code,
	    cell == CELL_SHOWN ? "" : cell == CELL_SMALL ? "small" : "secondary");
	emit_csv_cell(out, members);
	fputc('\n', out);
}

/* A row of DIMENSION (NULL: the report) that is not a category: KIND, CODE, LABEL, the figure N and why it is hidden. */
static void csv_line(FILE *out, const char *dimension, const char *kind, const char *code, const char *label,
    const char *n, const char *suppressed)
{
	emit_csv_cell(out, dimension);
	fprintf(out, ",%s,", kind);
	emit_csv_cell(out, code);
	fputc(',', out);
	emit_csv_cell(out, label);
	fputc(',', out);
	emit_csv_cell(out, n);
	fprintf(out, ",,,,,,,,,,,%s,\n", suppressed);
}

/* D's answers: responses, known, and each extra count (publish_extra), hidden as the table hides them. */
static void csv_answers(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	char text[32];
	snprintf(text, sizeof text, "%.0f", d->responses);
	csv_line(out, d->name, "answers", "responses", "responses to the consultations that asked it", text, "");
	snprintf(text, sizeof text, "%.0f", d->known);
	csv_line(out, d->name, "answers", "known", d->compared ? "compared with the census: the base of every share"
							       : "answered: the base of every share", text, "");
	for (int e = 0; e < PUBLISH_EXTRAS; e++) {
		count_text(text, sizeof text, publish_extra_count(d, (enum publish_extra)e), p->extras[e], p->threshold);
		csv_line(out, d->name, "answers", extra_code[e], extra_code[e], text,
		    p->extras[e] == CELL_SHOWN ? "" : p->extras[e] == CELL_SMALL ? "small" : "secondary");
	}
}

/* D's test and scores, one figure a row in the n column; one row saying they are withheld when some count is hidden. */
static void csv_test(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	struct buf sentence = { 0 };
	test_sentence(d, p, &sentence);
	if (p->hidden && sentence.len)
		csv_line(out, d->name, "test", "withheld", sentence.data, "[c]", "secondary");
	else if (sentence.len) {
		const char *code[] = { "chi_square", "df", "p_value", "effect_w", "min_max_answered" };
		double v[] = { d->test.statistic, (double)d->test.df, d->test.p_value, d->test.effect_w,
			d->scores.min_max_answered };
		for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
			char text[32];
			snprintf(text, sizeof text, "%.6g", v[i]);
			csv_line(out, d->name, "test", code[i], code[i], isnan(v[i]) ? "" : text, "");
		}
	}
	buf_free(&sentence);
}

static void write_csv(const struct compare *c, const struct taxonomy *t, const struct publish_options *o, FILE *out)
{
	fputs("dimension,kind,code,label,n,share,share_lower,share_upper,population,population_share,"
	      "ratio,ratio_lower,ratio_upper,rate_per_1000,reading,suppressed,members\n", out);
	char *disclosure = disclosure_sentence(c, t, o->suppress);
	if (disclosure)
		csv_line(out, NULL, "note", "disclosure", disclosure, NULL, "");
	free(disclosure);
	for (size_t i = 0; i < c->ndims; i++) {
		const struct compare_dimension *d = &c->dims[i];
		struct published p;
		published_open(&p, d, t, o->suppress);
		csv_answers(out, d, &p);
		if (d->warning != COMPARE_SHOWN) {
			/* One row in place of the table: the warning, with the unmatched count. */
			char text[32];
			count_text(text, sizeof text, d->unmatched, p.extras[PUBLISH_UNMATCHED], p.threshold);
			emit_csv_cell(out, d->name);
			fputs(",warning,", out);
			emit_csv_cell(out, words_warning_code(d->warning));
			fputc(',', out);
			emit_csv_cell(out, words_warning(d->warning));
			fputc(',', out);
			emit_csv_cell(out, text);
			fprintf(out, ",,,,,,,,,,%s,,\n", words_reading(READING_NOT_COMPARED)->code);
		} else {
			for (size_t k = 0; k < d->ncats; k++)
				csv_row(out, d, &d->cats[k], "category", p.cats[k], o->suppress, NULL);
			for (size_t g = 0; g < d->ngroups; g++) {
				struct buf members = { 0 };
				group_members(d, t, g, &members);
				csv_row(out, d, &d->groups[g], "group", p.groups[g], o->suppress, members.data ? members.data : "");
				buf_free(&members);
			}
			csv_test(out, d, &p);
		}
		for (size_t n = 0; n < d->nnotes; n++) {
			struct buf note = { 0 };
			note_text(d, &p, n, &note);
			if (note.len)
				csv_line(out, d->name, "note", NULL, note.data, NULL, "");
			buf_free(&note);
		}
		published_close(&p);
	}
}

/* ---- HTML ---- */

static const char html_style[] =
    "body{font-family:system-ui,sans-serif;line-height:1.5;color:#111;background:#fff;max-width:60rem;"
    "margin:0 auto;padding:1rem}\n"
    "table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.25rem 0}\n"
    "th,td{border:1px solid #666;padding:.25rem .5rem;vertical-align:top}td.n{text-align:right}\n"
    "thead th{background:#eee}.under{color:#a63d00;font-weight:bold}.over{color:#00558a;font-weight:bold}\n"
    "tbody th{text-align:left;font-weight:normal}figure{margin:1rem 0}svg{max-width:100%;height:auto}.notes{font-size:.95rem}\n"
    "a:focus,a:hover{outline:3px solid #ffbf47}\n"
    "@media print{nav{display:none}section{break-inside:avoid-page}a{color:#000}}\n";

/* One table cell, <td ATTRS>TEXT</td>, TEXT escaped. */
static void html_cell(FILE *out, const char *attrs, const char *text)
{
	fprintf(out, "<td%s>", attrs);
	emit_html_text(out, text);
	fputs("</td>", out);
}

static void html_rows(FILE *out, const struct compare_dimension *d, const struct compare_category *cats, size_t n,
    const enum publish_cell *cells, int threshold)
{
	for (size_t k = 0; k < n; k++) {
		struct row r;
		make_row(&r, &cats[k], cells[k], threshold, d->compared);
		fputs("<tr><th scope=\"row\">", out);
		emit_html_text(out, cats[k].definition ? cats[k].label : cats[k].code);
		fputs("</th>", out);
		html_cell(out, " class=\"n\"", r.count);
		html_cell(out, " class=\"n\"", r.share.data);
		if (d->compared) {
			int side = cells[k] == CELL_SHOWN ? evidence_side(&cats[k], d->compared) : 0;
			const char *cls = side < 0 ? " class=\"under\"" : side > 0 ? " class=\"over\"" : "";
			html_cell(out, " class=\"n\"", r.census);
			html_cell(out, " class=\"n\"", r.ratio.data);
			html_cell(out, " class=\"n\"", r.rate);
			html_cell(out, cls, r.flag);
		}
		fputs("</tr>\n", out);
		row_free(&r);
	}
}

/* A kind of chart: how to draw it, what it is called, what it shows. */
struct chart_kind {
	int (*draw)(const struct compare_dimension *d, const int *show, const char *format, const char *path,
	    struct reach_error *err);
	const char *suffix;     /* of its file name in --charts, after the dimension */
	const char *title;      /* after the dimension's name */
	const char *desc;
	const char *caption;
	int legend;             /* the caption names each reading's colour (charts/ratios.gp) */
};

static const struct chart_kind ratio_chart = {
	chart_ratios, "", "representation ratios with 95% intervals",
	"One point per category, with its interval, against the dashed parity line at 1. The table that follows "
	"gives every figure.",
	"representation ratio of each category (share of respondents divided by share of residents) with its 95% "
	"interval; the dashed line at 1 is parity.", 1,
};

static const struct chart_kind share_chart = {
	chart_shares, "-shares", "respondents and residents",
	"Two bars per category: its share of the respondents and its share of the residents. The table that "
	"follows gives every figure.",
	"each category's share of the respondents (blue) beside its share of the residents (orange).", 0,
};

/* Draws one chart of D; returns the inline SVG (the caller frees), or NULL when skipped (*SKIPPED set). */
static char *html_chart(const struct compare *c, const struct compare_dimension *d, const enum publish_cell *cats,
    const struct publish_options *o, const struct chart_kind *kind, int *skipped)
{
	struct reach_error err = { 0 };
	char path[] = "/tmp/reach-svg-XXXXXX";
	int fd = mkstemp(path), *show = xcalloc(d->ncats + 1, sizeof *show);
	char *svg = NULL;
	for (size_t k = 0; k < d->ncats; k++)
		show[k] = cats[k] == CELL_SHOWN;
	if (fd >= 0)
		close(fd);
	int drawn = fd >= 0 ? kind->draw(d, show, "svg", path, &err) : -1;
	if (drawn == 0) {
		struct buf title = { 0 };
		buf_printf(&title, "%s: %s", words_dimension_title(d->name), kind->title);
		svg = chart_inline_svg(path, title.data, kind->desc);
		buf_free(&title);
	} else if (drawn < 0 && !*skipped) {
		fputs("reach: warning: charts left out: gnuplot is missing or failed (Debian package gnuplot-nox)\n", stderr);
		*skipped = 1;
	}
	if (fd >= 0)
		unlink(path);
	for (int f = 0; svg && o->charts_dir && f < 2; f++) {
		struct buf file = { 0 };
		buf_printf(&file, "%s/%s-%s%s.%s", o->charts_dir, c->nconsultations == 1 ? c->consultations[0].slug : "pooled",
		    d->name, kind->suffix, f ? "png" : "svg");
		if (kind->draw(d, show, f ? "png" : "svg", file.data, &err) < 0 && !*skipped) {
			fprintf(stderr, "reach: warning: %s\n", err.msg);
			*skipped = 1;
		}
		buf_free(&file);
	}
	free(show);
	return svg;
}

/*
 * The colours of charts/ratios.gp in words, from the table of readings: each
 * colour once, naming the readings drawn in it (" vermilion: well
 * under-represented or under-represented; orange: …"). Nothing unless SHOWN.
 */
static void html_legend(FILE *out, int shown)
{
	for (enum reading r = 0; shown && r < READING_CHARTED; r++) {
		const struct reading_words *w = words_reading(r);
		enum reading first = 0;
		while (words_reading(first)->colour != w->colour)
			first++;
		if (first != r)
			continue;               /* named with the first reading of its colour */
		fprintf(out, "%s%s: ", r ? "; " : " ", w->colour_name);
		for (enum reading same = r; same < READING_CHARTED; same++)
			if (words_reading(same)->colour == w->colour) {
				fputs(same == r ? "" : " or ", out);
				emit_html_text(out, words_reading(same)->word);
			}
	}
}

/* The chart as a figure with its caption. */
static void html_figure(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const enum publish_cell *cats, const struct publish_options *o, const struct chart_kind *kind, int *skipped)
{
	char *svg = html_chart(c, d, cats, o, kind, skipped);
	if (!svg)
		return;
	fputs("<figure>\n", out);
	fputs(svg, out);
	fputs("\n<figcaption>", out);
	emit_html_text(out, words_dimension_title(d->name));
	fputs(": ", out);
	emit_html_text(out, kind->caption);
	html_legend(out, kind->legend);
	fputs(kind->legend ? ". The table below gives the figures.</figcaption>\n</figure>\n"
			   : " The table below gives the figures.</figcaption>\n</figure>\n", out);
	free(svg);
}

static void html_notes(FILE *out, const struct compare_dimension *d, const struct published *p)
{
	if (!d->nnotes)
		return;
	fputs("<ul class=\"notes\">\n", out);
	for (size_t i = 0; i < d->nnotes; i++) {
		struct buf note = { 0 };
		note_text(d, p, i, &note);
		if (note.len) {
			fputs("<li>", out);
			emit_html_text(out, note.data);
			fputs("</li>\n", out);
		}
		buf_free(&note);
	}
	fputs("</ul>\n", out);
}

static void html_dimension(FILE *out, const struct compare *c, const struct compare_dimension *d,
    const struct taxonomy *t, const struct publish_options *o, int *skipped)
{
	struct published p;
	struct buf sentence = { 0 };
	published_open(&p, d, t, o->suppress);
	fprintf(out, "<section aria-labelledby=\"d-%s\">\n<h2 id=\"d-%s\">", d->name, d->name);
	emit_html_text(out, words_dimension_title(d->name));
	fputs("</h2>\n", out);
	base_sentence(d, c->min_age, &sentence);
	if (sentence.len) {
		fputs("<p>", out);
		emit_html_text(out, sentence.data);
		fputs("</p>\n", out);
	}
	buf_reset(&sentence);
	answers_sentence(d, &p, &sentence);
	fputs("<p>", out);
	emit_html_text(out, sentence.data);
	if (d->compared && d->warning == COMPARE_SHOWN) {
		summary_sentence(d, p.cats, &sentence);
		fputs(" ", out);
		emit_html_text(out, sentence.data);
	}
	fputs("</p>\n", out);
	if (d->warning != COMPARE_SHOWN) {
		fputs("<p><strong>", out);
		emit_html_text(out, words_warning(d->warning));
		fputs("</strong></p>\n", out);
		html_notes(out, d, &p);
		fputs("</section>\n", out);
		buf_free(&sentence);
		published_close(&p);
		return;
	}
	if (d->compared) {
		html_figure(out, c, d, p.cats, o, &ratio_chart, skipped);
		if (strcmp(d->name, "age") == 0)
			html_figure(out, c, d, p.cats, o, &share_chart, skipped);
	}
	fputs("<table>\n<caption>", out);
	emit_html_text(out, words_dimension_title(d->name));
	fputs(d->compared ? ": respondents and residents</caption>\n<thead><tr><th scope=\"col\">Category</th>"
			    "<th scope=\"col\">Respondents</th><th scope=\"col\">Share (95% CI)</th>"
			    "<th scope=\"col\">Residents' share</th><th scope=\"col\">Ratio (95% CI)</th>"
			    "<th scope=\"col\">Per 1,000 residents</th><th scope=\"col\">Reading</th></tr></thead>\n<tbody>\n"
			  : ": respondents (no census figures held)</caption>\n<thead><tr><th scope=\"col\">Category</th>"
			    "<th scope=\"col\">Respondents</th><th scope=\"col\">Share (95% CI)</th></tr></thead>\n<tbody>\n",
	    out);
	html_rows(out, d, d->cats, d->ncats, p.cats, o->suppress);
	html_rows(out, d, d->groups, d->ngroups, p.groups, o->suppress);
	fputs("</tbody>\n</table>\n", out);
	buf_reset(&sentence);
	test_sentence(d, &p, &sentence);
	if (sentence.len) {
		fputs("<p>", out);
		emit_html_text(out, sentence.data);
		fputs("</p>\n", out);
	}
	html_notes(out, d, &p);
	fputs("</section>\n", out);
	buf_free(&sentence);
	published_close(&p);
}

static void write_html(const struct compare *c, const struct taxonomy *t, const struct publish_options *o, FILE *out,
    int *skipped)
{
	char *title = title_of(c);
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Who did we reach? ", out);
	emit_html_text(out, title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>Who did we reach? ", html_style);
	emit_html_text(out, title);
	fputs("</h1>\n<p>", out);
	if (c->nconsultations == 1) {
		const struct compare_consultation *cc = &c->consultations[0];
		fputs("Consultation ", out);
		emit_html_text(out, cc->slug);
		if (cc->opened && cc->closed)
			fprintf(out, ", open %s to %s", cc->opened, cc->closed);
		else if (cc->closed)
			fprintf(out, ", closed %s", cc->closed);
		fprintf(out, ": %llu responses.", (unsigned long long)cc->responses);
	} else {
		fprintf(out, "%llu responses to %zu consultations:", (unsigned long long)c->responses, c->nconsultations);
		for (size_t i = 0; i < c->nconsultations; i++) {
			fputs(i ? ", " : " ", out);
			emit_html_text(out, c->consultations[i].slug);
		}
		fputs(".", out);
	}
	struct buf ages = { 0 };
	base_phrase(c, &ages);
	fputs(" Compared with the usual residents of ", out);
	emit_html_text(out, c->geography_name);
	fprintf(out, " (%s)", c->geography);
	emit_html_text(out, ages.data);
	fputs(", Census 2021.", out);
	struct buf rate = { 0 };
	rate_sentence(c, &rate);
	emit_html_text(out, rate.data);
	buf_free(&rate);
	fputs("</p>\n</header>\n<nav aria-label=\"Contents\">\n<ul>\n", out);
	buf_free(&ages);
	for (size_t i = 0; i < c->ndims; i++) {
		fprintf(out, "<li><a href=\"#d-%s\">", c->dims[i].name);
		emit_html_text(out, words_dimension_title(c->dims[i].name));
		fputs("</a></li>\n", out);
	}
	fputs("</ul>\n</nav>\n<main>\n<p>The <strong>representation ratio</strong> of a group is its share of the "
	      "respondents divided by its share of the residents: 1 means the group answered in proportion, below 1 "
	      "that it was missed. Each reading says two things. The evidence: whether the whole 95% interval of the "
	      "ratio lies below 1 (<em>under-represented</em>), above 1 (<em>over-represented</em>) or includes 1. "
	      "The size of the ratio: under 0.5 (<em>well</em> under-represented), 0.5 to under 0.8 (the four-fifths "
	      "line), 0.8 to 1.25 (<em>slightly</em> under- or over-represented when the interval excludes 1, "
	      "<em>no clear difference</em> when it does not), or over 1.25. An interval that includes 1 around a "
	      "ratio under 0.8 or over 1.25 reads <em>perhaps</em> under- or over-represented. <em>Too few to "
	      "say</em> means the interval cannot tell: no residents are expected, or it reaches from under 0.5 to "
	      "over 1.25.</p>\n", out);
	char *comparisons = comparisons_sentence(c);
	if (comparisons) {
		fputs("<p>", out);
		emit_html_text(out, comparisons);
		fputs("</p>\n", out);
	}
	free(comparisons);
	char *disclosure = disclosure_sentence(c, t, o->suppress);
	if (disclosure) {
		fputs("<p><strong>", out);
		emit_html_text(out, disclosure);
		fputs("</strong></p>\n", out);
	}
	free(disclosure);
	for (size_t i = 0; i < c->nnotes; i++) {
		fputs("<p>", out);
		emit_html_text(out, c->notes[i]);
		fputs("</p>\n", out);
	}
	for (size_t i = 0; i < c->ndims; i++)
		html_dimension(out, c, &c->dims[i], t, o, skipped);
	fputs("</main>\n<footer>\n<p>", out);
	if (o->suppress > 0)
		fprintf(out, suppress_note, o->suppress - 1, o->suppress);
	fputs("</p>\n<p>Census figures: ", out);
	emit_html_text(out, c->source);
	fputs(".</p>\n</footer>\n</body>\n</html>\n", out);
	free(title);
}

int publish_report(struct store *s, const struct taxonomy *t, const struct compare *c, const char *format,
    const struct publish_options *o, FILE *out, struct reach_error *err)
{
	int skipped = 0;
	(void)s;
	(void)err;
	if (strcmp(format, "csv") == 0) {
		write_csv(c, t, o, out);
		return 0;
	}
	if (strcmp(format, "html") == 0) {
		write_html(c, t, o, out, &skipped);
		return skipped;
	}
	char *title = title_of(c);
	fprintf(out, "# Who did we reach? %s\n\n", title);
	struct buf ages = { 0 };
	base_phrase(c, &ages);
	struct buf rate = { 0 };
	rate_sentence(c, &rate);
	fprintf(out, "%llu responses to %zu consultation%s, compared with the usual residents of %s (%s)%s, "
		     "Census 2021.%s\n", (unsigned long long)c->responses, c->nconsultations, c->nconsultations == 1 ? "" : "s",
	    c->geography_name, c->geography, ages.data, rate.data ? rate.data : "");
	buf_free(&ages);
	buf_free(&rate);
	for (size_t i = 0; i < c->nnotes; i++)
		fprintf(out, "\n%s\n", c->notes[i]);
	char *comparisons = comparisons_sentence(c);
	if (comparisons)
		fprintf(out, "\n%s\n", comparisons);
	free(comparisons);
	char *disclosure = disclosure_sentence(c, t, o->suppress);
	if (disclosure)
		fprintf(out, "\n**%s**\n", disclosure);
	free(disclosure);
	for (size_t i = 0; i < c->ndims; i++) {
		const struct compare_dimension *d = &c->dims[i];
		char *chart = NULL;
		if (o->charts_dir && d->compared && d->warning == COMPARE_SHOWN) {
			enum publish_cell *cats = xcalloc(d->ncats + 1, sizeof *cats), *groups = xcalloc(d->ngroups + 1, sizeof *groups);
			int *show = xcalloc(d->ncats + 1, sizeof *show);
			struct buf file = { 0 };
			struct reach_error cerr = { 0 };
			publish_suppress(d, t, o->suppress, cats, groups, NULL);
			for (size_t k = 0; k < d->ncats; k++)
				show[k] = cats[k] == CELL_SHOWN;
			buf_printf(&file, "%s/%s-%s.png", o->charts_dir, c->nconsultations == 1 ? c->consultations[0].slug : "pooled",
			    d->name);
			int drawn = chart_ratios(d, show, "png", file.data, &cerr);
			if (drawn == 0)
				chart = xstrdup(file.data);
			else if (drawn < 0 && !skipped)
				fprintf(stderr, "reach: warning: %s\n", cerr.msg), skipped = 1;
			buf_free(&file);
			free(cats);
			free(groups);
			free(show);
		}
		md_dimension(out, d, c->min_age, t, o, chart);
		free(chart);
	}
	fputs("\n---\n\n", out);
	if (o->suppress > 0) {
		fprintf(out, suppress_note, o->suppress - 1, o->suppress);
		fputs("\n\n", out);
	}
	fprintf(out, "Census figures: %s.\n", c->source);
	free(title);
	return skipped;
}
