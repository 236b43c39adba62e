/* cli.c — see cli.h. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "help.h"

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "reach: %s%s", command ? command : "", command ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, " (see reach help %s)\n", command);
	else
		fputs(" (see reach --help)\n", stderr);
	return REACH_EUSAGE;
}

/* The edits (insert, delete, change, swap two neighbours) from A to B; stops counting at 9. */
static int edits(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int d[40][40];
	if (la >= 40 || lb >= 40)
		return 9;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb] < 9 ? d[la][lb] : 9;
}

const char *cli_nearest(const char *word, const char *const *candidates)
{
	const char *best = NULL, *prefixed = NULL;
	int best_edits = 9, nprefixed = 0;
	size_t len = strlen(word);
	for (const char *const *c = candidates; *c; c++) {
		int e = edits(word, *c);
		if (e < best_edits)
			best_edits = e, best = *c;
		if (len >= 2 && strncmp(word, *c, len) == 0)
			nprefixed++, prefixed = *c;
	}
	/* A slip: one edit in a short word, two in a longer one; else the one word it begins. */
	if (best && best_edits <= (len <= 4 ? 1 : 2))
		return best;
	return nprefixed == 1 ? prefixed : NULL;
}

/* Is ARG the option O ("--name", "--name=…", or "-x" for its short form)? */
static int is_option(const char *arg, const struct help_option *o)
{
	size_t n = strlen(o->name);
	if (o->short_name && arg[0] == '-' && arg[1] == o->short_name && arg[2] == '\0')
		return 1;
	return strncmp(arg, "--", 2) == 0 && strncmp(arg + 2, o->name, n) == 0 && (arg[2 + n] == '\0' || arg[2 + n] == '=');
}

int cli_take_global(int argc, char **argv, int *i, struct cli_globals *g)
{
	struct help_option opts[HELP_MAX_OPTIONS];
	int n = help_options("global", opts);
	const char *arg = argv[*i];
	for (int k = 0; k < n; k++) {
		if (!is_option(arg, &opts[k]))
			continue;
		const char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL, *value = NULL;
		if (opts[k].takes_value && eq) {
			value = eq + 1;
		} else if (opts[k].takes_value && *i + 1 < argc) {
			value = argv[++*i];
		} else if (opts[k].takes_value) {
			return -cli_usage_error(NULL, "--%s needs a value", opts[k].name);
		} else if (eq) {
			return -cli_usage_error(NULL, "--%s takes no value", opts[k].name);
		}
		const char *name = opts[k].name;
		if (strcmp(name, "db") == 0)
			g->db = value;
		else if (strcmp(name, "output") == 0)
			g->output = value;
		else if (strcmp(name, "quiet") == 0)
			g->quiet = 1;
		else if (strcmp(name, "help") == 0)
			g->help = 1;
		else if (strcmp(name, "version") == 0)
			g->version = 1;
		++*i;
		return 1;
	}
	return 0;
}

int cli_take_globals(const char *command, int *argc, char **argv, struct cli_globals *g)
{
	struct help_option opts[HELP_MAX_OPTIONS];
	int nopts = command ? help_options(command, opts) : 0, kept = 0, i = 0;
	while (i < *argc) {
		const char *arg = argv[i];
		int r, own = -1;
		if (strcmp(arg, "--") == 0) {
			while (i < *argc)
				argv[kept++] = argv[i++];
			break;
		}
		for (int k = 0; k < nopts && own < 0; k++)
			if (is_option(arg, &opts[k]))
				own = k;
		if (own >= 0) {
			argv[kept++] = argv[i++];
			if (opts[own].takes_value && !strchr(arg, '=') && i < *argc)
				argv[kept++] = argv[i++];
		} else if ((r = cli_take_global(*argc, argv, &i, g)) < 0) {
			return -r;
		} else if (r == 0) {
			argv[kept++] = argv[i++];
		}
	}
	*argc = kept;
	return 0;
}

/* Checks that OPTIONS are the options COMMAND's help lists, each as it lists it; 0, or an internal error's exit status. */
static int check_against_help(const char *command, const struct cli_option *options)
{
	struct help_option opts[HELP_MAX_OPTIONS];
	int n = help_options(command, opts), bound = 0;
	if (n < 0) {
		fprintf(stderr, "reach: internal error: help/commands.txt has no section \"@ %s\"\n", command);
		return REACH_EUSAGE;
	}
	for (const struct cli_option *o = options; o->name; o++, bound++) {
		int k = 0;
		while (k < n && strcmp(opts[k].name, o->name) != 0)
			k++;
		if (k == n || opts[k].takes_value != (o->value != NULL)) {
			fprintf(stderr, "reach: internal error: %s --%s is not in help/commands.txt as it is taken\n", command,
			    o->name);
			return REACH_EUSAGE;
		}
	}
	if (bound != n) {
		fprintf(stderr, "reach: internal error: help/commands.txt lists options %s does not take\n", command);
		return REACH_EUSAGE;
	}
	return 0;
}

/* Says that ARG is no option of COMMAND, with the nearest of its own and reach's options. */
static int unknown_option(const char *command, const char *arg, const struct cli_option *options)
{
	const char *names[2 * HELP_MAX_OPTIONS + 1];
	struct help_option global[HELP_MAX_OPTIONS];
	char word[64];
	int n = 0, ng = help_options("global", global);
	for (const struct cli_option *o = options; o->name && n < HELP_MAX_OPTIONS; o++)
		names[n++] = o->name;
	for (int k = 0; k < ng; k++)
		names[n++] = global[k].name;
	names[n] = NULL;
	snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + strspn(arg, "-"), "="), arg + strspn(arg, "-"));
	const char *near = cli_nearest(word, names);
	if (near)
		return cli_usage_error(command, "unknown option \"%s\"; did you mean --%s?", arg, near);
	return cli_usage_error(command, "unknown option \"%s\"", arg);
}

int cli_parse(const char *command, int argc, char **argv, const struct cli_option *options, char **positional,
    int max, int *npos)
{
	int rc = check_against_help(command, options), rest = 0;
	*npos = 0;
	for (int i = 0; rc == 0 && i < argc; i++) {
		char *arg = argv[i];
		if (!rest && strcmp(arg, "--") == 0) {
			rest = 1;
			continue;
		}
		if (rest || arg[0] != '-' || arg[1] == '\0') {
			if (*npos == max)
				return cli_usage_error(command, "unexpected argument \"%s\"", arg);
			positional[(*npos)++] = arg;
			continue;
		}
		char *eq = strchr(arg, '=');
		size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
		const struct cli_option *o = options;
		while (o->name && (len < 2 || strncmp(arg, "--", 2) != 0 || strlen(o->name) != len - 2 ||
		    strncmp(o->name, arg + 2, len - 2) != 0))
			o++;
		if (!o->name)
			return unknown_option(command, arg, options);
		if (o->flag) {
			if (eq)
				return cli_usage_error(command, "--%s takes no value", o->name);
			*o->flag = 1;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			return cli_usage_error(command, "--%s needs a value", o->name);
		}
	}
	return rc;
}

int cli_check_choice(const char *command, const char *option, const char *value, const char *const *allowed)
{
	struct buf list = { 0 };
	for (const char *const *a = allowed; *a; a++) {
		if (strcmp(value, *a) == 0) {
			buf_free(&list);
			return 0;
		}
		buf_printf(&list, "%s%s", a == allowed ? "" : a[1] ? ", " : " or ", *a);
	}
	const char *near = cli_nearest(value, allowed);
	int rc = near ? cli_usage_error(command, "--%s \"%s\" is not %s; did you mean %s?", option, value, list.data, near)
		      : cli_usage_error(command, "--%s \"%s\" is not %s", option, value, list.data);
	buf_free(&list);
	return rc;
}
