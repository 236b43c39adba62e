/*
 * cli.h — the command line's grammar: reach's own options anywhere on the
 * line, each command's options (those its help lists: help.h), "did you
 * mean" for a mistyped command, option or value, and usage errors.
 */
#ifndef REACH_CLI_H
#define REACH_CLI_H

#include "util.h"

/* reach's own options, taken wherever they are on the line. */
struct cli_globals {
	const char *db;         /* --db FILE */
	const char *output;     /* -o, --output FILE; NULL: standard output */
	int quiet;              /* --quiet: no progress line */
	int help;               /* -h, --help */
	int version;            /* --version */
};

/* One option of a command: "--name VALUE" or "--name=VALUE" into *VALUE, or a flag into *FLAG. */
struct cli_option {
	const char *name;
	const char **value;
	int *flag;
};

/*
 * Takes the option of reach's own at ARGV[*I] (of ARGC) into G: 1 when it
 * was one (*I then past it and its value), 0 when it is not, or minus the
 * exit status of a usage error (printed).
 */
int cli_take_global(int argc, char **argv, int *i, struct cli_globals *g);

/*
 * Takes reach's own options out of ARGV (*ARGC of them: a command's
 * arguments, COMMAND its name; NULL for those before the command) into G,
 * wherever they are, leaving the rest in order and *ARGC their number. The
 * value of one of COMMAND's options (as its help lists them) is kept with
 * it, whatever it looks like; everything after "--" is kept. 0, or the exit
 * status of a usage error (printed).
 */
int cli_take_globals(const char *command, int *argc, char **argv, struct cli_globals *g);

/*
 * Reads ARGV (ARGC of them, reach's own options taken out) against COMMAND's
 * OPTIONS, which must be those its help lists (else an internal error);
 * other arguments ("-" among them) go to POSITIONAL (at most MAX), *NPOS
 * their number. 0, or the exit status of a usage error (printed, with the
 * nearest option when one is close).
 */
int cli_parse(const char *command, int argc, char **argv, const struct cli_option *options, char **positional,
    int max, int *npos);

/* Says on stderr what is wrong with COMMAND's arguments (FMT, as printf), pointing to its help; returns REACH_EUSAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) REACH_PRINTF(2, 3);

/*
 * Checks VALUE of COMMAND's --OPTION against ALLOWED (NULL-terminated): 0,
 * or a usage error listing the values allowed (and the nearest one).
 */
int cli_check_choice(const char *command, const char *option, const char *value, const char *const *allowed);

/* The one of CANDIDATES (NULL-terminated) a typing slip away from WORD, or NULL. */
const char *cli_nearest(const char *word, const char *const *candidates);

#endif
