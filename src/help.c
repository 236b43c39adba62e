/* help.c — see help.h. */
#include "help.h"

#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "util.h"

#define MAX_SECTIONS 32

/* One "@ NAME" section of help/commands.txt. */
struct section {
	char name[24];
	const char *text;       /* its lines after the "@" line */
	size_t len;             /* up to the blank line before the next section */
	struct help_option options[HELP_MAX_OPTIONS];
	int noptions;
};

static struct section sections[MAX_SECTIONS];
static int nsections = -1;
static const char *command_names[MAX_SECTIONS + 1];

/* Reads an option line ("  -o, --output FILE") into O; 0, or -1 when it is none. */
static int read_option(const char *line, size_t len, struct help_option *o)
{
	const char *p = line + 2, *end = line + len;
	memset(o, 0, sizeof *o);
	if (len < 4 || strncmp(line, "  -", 3) != 0)
		return -1;
	if (p[1] != '-') {
		o->short_name = p[1];
		p += 4;                 /* "-o, " */
	}
	if (p + 2 >= end || strncmp(p, "--", 2) != 0)
		return -1;
	p += 2;
	size_t n = strcspn(p, " \n");
	if (p + n > end || n >= sizeof o->name)
		return -1;
	memcpy(o->name, p, n);
	o->takes_value = p + n < end && p[n] == ' ';
	return 0;
}

/* Splits the built-in help into its sections, once; a malformed file is a build fault and aborts. */
static void load(void)
{
	if (nsections >= 0)
		return;
	const struct embedded_file *f = embedded_find("help/commands.txt");
	if (!f) {
		fputs("reach: help/commands.txt is not built in\n", stderr);
		abort();
	}
	nsections = 0;
	struct section *cur = NULL;
	int in_options = 0;
	for (const char *line = f->data; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (len > 2 && strncmp(line, "@ ", 2) == 0 && nsections < MAX_SECTIONS) {
			cur = &sections[nsections++];
			snprintf(cur->name, sizeof cur->name, "%.*s", (int)(len - 2), line + 2);
			cur->text = nl ? nl + 1 : line + len;
			in_options = 0;
		} else if (cur && len > 0) {
			cur->len = (size_t)(line + len + (nl ? 1 : 0) - cur->text);
			if (strncmp(line, "options:", len) == 0 && len == 8)
				in_options = 1;
			else if (line[0] != ' ')
				in_options = 0;
			else if (in_options && cur->noptions < HELP_MAX_OPTIONS &&
			    read_option(line, len, &cur->options[cur->noptions]) == 0)
				cur->noptions++;
		}
		line = nl ? nl + 1 : line + len;
	}
	int n = 0;
	for (int i = 0; i < nsections; i++)
		if (strcmp(sections[i].name, "global") != 0)
			command_names[n++] = sections[i].name;
	command_names[n] = NULL;
}

static const struct section *find(const char *command)
{
	load();
	for (int i = 0; i < nsections; i++)
		if (strcmp(sections[i].name, command) == 0)
			return &sections[i];
	return NULL;
}

int help_options(const char *command, struct help_option *opts)
{
	const struct section *s = find(command);
	if (!s)
		return -1;
	memcpy(opts, s->options, (size_t)s->noptions * sizeof *opts);
	return s->noptions;
}

int help_print(const char *command, FILE *out)
{
	const struct section *s = find(command);
	if (!s)
		return -1;
	fwrite(s->text, 1, s->len, out);
	if (strcmp(command, "global") != 0)
		fputs("\nreach's own options (--db, -o, --quiet) go anywhere on the line; "
		      "see reach(1).\n", out);
	return 0;
}

/* Prints the lines of section S from the one starting with FROM to the one before UNTIL (NULL: the end). */
static void print_part(const struct section *s, const char *from, const char *until, FILE *out)
{
	const char *end = s->text + s->len, *p = s->text;
	int on = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (strncmp(p, from, strlen(from)) == 0)
			on = 1;
		else if (until && strncmp(p, until, strlen(until)) == 0)
			on = 0;
		if (on)
			fwrite(p, 1, len, out);
		p += len;
	}
}

void help_overview(FILE *out)
{
	const struct section *g = find("global");
	print_part(g, "usage:", "options:", out);
	fputs("\ncommands:\n", out);
	for (const char *const *c = help_commands(); *c; c++) {
		const struct section *s = find(*c);
		const char *usage = strstr(s->text, "usage: ");
		if (usage)
			fprintf(out, "  %.*s\n", (int)strcspn(usage + 7, "\n"), usage + 7);
	}
	fputc('\n', out);
	print_part(g, "options:", NULL, out);
	fputs("\nreach help COMMAND (or reach COMMAND --help) gives a command's options and an\n"
	      "example; reach(1) has every command, the exit status and the files.\n", out);
}

const char *const *help_commands(void)
{
	load();
	return command_names;
}
