/* plan.c — see plan.h. (Being written: every call reports that it is not ready.) */
#include "plan.h"

static int not_ready(struct reach_error *err)
{
	error_set(err, REACH_EDB, NULL, 0, "plans are not available in this build");
	return -1;
}

int plan_seed(struct store *s, struct reach_error *err)
{
	(void)s;
	(void)err;
	return 0;
}

int plan_import(struct store *s, const struct taxonomy *t, const char *path, FILE *out, struct reach_error *err)
{
	(void)s, (void)t, (void)path, (void)out;
	return not_ready(err);
}

int plan_list(struct store *s, FILE *out, struct reach_error *err)
{
	(void)s, (void)out;
	return not_ready(err);
}

int plan_actions(struct store *s, const struct taxonomy *t, const struct plan_actions_options *o, FILE *out,
    struct reach_error *err)
{
	(void)s, (void)t, (void)o, (void)out;
	return not_ready(err);
}

int plan_evidence(struct store *s, const struct taxonomy *t, const struct compare *c, int json, FILE *out,
    struct reach_error *err)
{
	(void)s, (void)t, (void)c, (void)json, (void)out, (void)err;
	return 0;
}
