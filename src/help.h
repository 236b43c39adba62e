/*
 * help.h — the help of reach and of each command, from help/commands.txt
 * (built into the binary; the same text is in reach.1, put there by
 * help/man.sh). The command-line parser takes each command's options from
 * it too, so that what the help lists is what reach accepts.
 */
#ifndef REACH_HELP_H
#define REACH_HELP_H

#include <stdio.h>

/* One option a section lists. */
struct help_option {
	char name[32];          /* "format", without the dashes */
	char short_name;        /* 'o' for "-o, --output"; 0 when none */
	int takes_value;        /* "--format text|json" takes one; "--replace" does not */
};

/* The most options one section may list. */
#define HELP_MAX_OPTIONS 32

/*
 * The options of COMMAND's section ("global": those of reach itself) into
 * OPTS; their number, or -1 when the help has no section COMMAND. OPTS
 * holds HELP_MAX_OPTIONS.
 */
int help_options(const char *command, struct help_option *opts);

/* Prints COMMAND's section to OUT as it is written; 0, or -1 when there is none. */
int help_print(const char *command, FILE *out);

/* Prints the help of reach itself: its usage, every command's usage line and the global options. */
void help_overview(FILE *out);

/* The NULL-terminated names of the commands with a section, in the help's order (static; not "global"). */
const char *const *help_commands(void);

#endif
