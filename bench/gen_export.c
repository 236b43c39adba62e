/*
 * gen_export.c — writes a synthetic consultation response export to stdout.
 *
 *   gen_export --layout L --rows N --seed S --year Y [--title T] [--topic K]
 *              [--age FORM] [--ethnic FORM] [--disability FORM] [--min-age N]
 *              [--opened YYYY-MM-DD] [--outreach DAY] [--meta]
 *
 * Every respondent is invented. Names are drawn from short lists of common
 * given names and surnames and paired at random; e-mail addresses use the
 * reserved example.org / example.com / example.net domains; IP addresses come
 * from the documentation ranges of RFC 5737; free text is assembled from
 * generic sentences written for this program. The population weights and
 * response propensities below are illustrative round numbers chosen so that
 * the export shows the pattern real consultations show (young, very old and
 * ethnic-minority residents answer less than their share, people in middle
 * and early old age more). They are not census figures. With --outreach DAY
 * the council reaches out to those groups from that day of the consultation:
 * before it they answer less still, after it more, and more responses arrive
 * in the week the outreach starts, as a targeted campaign brings them.
 *
 * The output is a pure function of the arguments: each row draws from its own
 * splitmix64 stream seeded from (seed, row), so no libc random state is used.
 * Standalone, libc only.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "gen_export"
#define RSQUO "\xe2\x80\x99"   /* ’ right single quotation mark, UTF-8 */
#define POUND "\xc2\xa3"       /* £ pound sign, UTF-8 */
#define EACUTE "\xc3\xa9"      /* é, UTF-8 */
#define NDASH "\xe2\x80\x93"   /* – en dash, UTF-8 */
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ------------------------------------------------------------------------ */
/* Random numbers: splitmix64, one stream per row.                          */

struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* A stream for one row of one purpose; streams of different rows do not overlap in practice. */
static void rng_seed(struct rng *r, uint64_t seed, uint64_t row, uint64_t purpose)
{
	struct rng mix = { seed ^ (purpose * 0xd1b54a32d192ed03u) };
	mix.state = rng_next(&mix) + row * 0x9e3779b97f4a7c15u;
	r->state = rng_next(&mix);
}

/* A uniform integer in [0, n); n > 0. */
static uint64_t rng_below(struct rng *r, uint64_t n)
{
	return rng_next(r) % n;
}

/* True with probability per_mille / 1000. */
static int rng_chance(struct rng *r, int per_mille)
{
	return (int)rng_below(r, 1000) < per_mille;
}

/* An index drawn in proportion to non-negative integer weights (sum > 0). */
static int rng_pick(struct rng *r, const int *weight, int n)
{
	long long total = 0, draw;
	int i;
	for (i = 0; i < n; i++)
		total += weight[i];
	draw = (long long)rng_below(r, (uint64_t)total);
	for (i = 0; i < n - 1; i++) {
		if (draw < weight[i])
			return i;
		draw -= weight[i];
	}
	return n - 1;
}

/* ------------------------------------------------------------------------ */
/* Calendar: days since 1970-01-01 (proleptic Gregorian), local UK time.    */

static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Sunday … 6 = Saturday. */
static int weekday(long z)
{
	return (int)(((z % 7) + 11) % 7);
}

static long last_sunday(int y, int m)
{
	long z = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
	return z - weekday(z);
}

/* True when a local time falls in British Summer Time. */
static int is_bst(long day, int hour)
{
	int y, m, d;
	long start, end;
	civil_from_days(day, &y, &m, &d);
	start = last_sunday(y, 3);
	end = last_sunday(y, 10);
	if (day < start || day > end)
		return 0;
	if (day == start)
		return hour >= 2;
	if (day == end)
		return hour < 1;
	return 1;
}

enum date_format {
	DATE_DMY_DASH_HM,   /* 05-03-2024 14:22          EngagementHQ */
	DATE_ISO,           /* 2024-03-05 14:22:10       Citizen Space, Qualtrics, bench */
	DATE_US_AMPM,       /* 03/05/2024 02:22:10 PM    SurveyMonkey */
	DATE_GOOGLE,        /* 2024/03/05 14:22:10 GMT   Google Forms */
	DATE_UK_EXCEL       /* 05/03/2024 14:22          Excel re-save */
};

/* Formats a local time given as seconds since 1970-01-01 00:00 local. */
static void format_time(char *buf, size_t size, enum date_format f, long long t)
{
	long day = (long)(t / 86400);
	int sod = (int)(t % 86400), y, m, d;
	int hh = sod / 3600, mm = sod / 60 % 60, ss = sod % 60;
	civil_from_days(day, &y, &m, &d);
	switch (f) {
	case DATE_DMY_DASH_HM:
		snprintf(buf, size, "%02d-%02d-%04d %02d:%02d", d, m, y, hh, mm);
		break;
	case DATE_ISO:
		snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, hh, mm, ss);
		break;
	case DATE_US_AMPM:
		snprintf(buf, size, "%02d/%02d/%04d %02d:%02d:%02d %s", m, d, y,
		         hh % 12 == 0 ? 12 : hh % 12, mm, ss, hh < 12 ? "AM" : "PM");
		break;
	case DATE_GOOGLE:
		snprintf(buf, size, "%04d/%02d/%02d %02d:%02d:%02d %s", y, m, d, hh, mm, ss,
		         is_bst(day, hh) ? "GMT+1" : "GMT");
		break;
	case DATE_UK_EXCEL:
		snprintf(buf, size, "%02d/%02d/%04d %02d:%02d", d, m, y, hh, mm);
		break;
	}
}

/* ------------------------------------------------------------------------ */
/* Answer scales and the equality-monitoring wordings.                      */

struct options {
	const char *const *label;
	int n;
};
#define OPTIONS(a) { a, COUNT(a) }

static const char *const LIKERT[] = { "Strongly agree", "Agree", "Neither agree nor disagree",
	"Disagree", "Strongly disagree", "Don't know" };

/* Ethnic group: the person's group is an index into the 19 Census 2021 tick boxes. */
enum { ETH_WHITE_BRITISH, ETH_IRISH, ETH_GYPSY, ETH_ROMA, ETH_OTHER_WHITE, ETH_WBC, ETH_WBA,
	ETH_WA, ETH_OTHER_MIXED, ETH_INDIAN, ETH_PAKISTANI, ETH_BANGLADESHI, ETH_CHINESE,
	ETH_OTHER_ASIAN, ETH_CARIBBEAN, ETH_AFRICAN, ETH_OTHER_BLACK, ETH_ARAB, ETH_OTHER, ETH_N };

static const char *const ETHNIC_2021[] = {
	"White: English, Welsh, Scottish, Northern Irish or British", "White: Irish",
	"White: Gypsy or Irish Traveller", "White: Roma", "White: Any other White background",
	"Mixed or Multiple ethnic groups: White and Black Caribbean",
	"Mixed or Multiple ethnic groups: White and Black African",
	"Mixed or Multiple ethnic groups: White and Asian",
	"Mixed or Multiple ethnic groups: Any other Mixed or Multiple ethnic background",
	"Asian or Asian British: Indian", "Asian or Asian British: Pakistani",
	"Asian or Asian British: Bangladeshi", "Asian or Asian British: Chinese",
	"Asian or Asian British: Any other Asian background",
	"Black, Black British, Caribbean or African: Caribbean",
	"Black, Black British, Caribbean or African: African",
	"Black, Black British, Caribbean or African: Any other Black, Black British or Caribbean background",
	"Other ethnic group: Arab", "Other ethnic group: Any other ethnic group", "Prefer not to say" };
static const int ETHNIC_2021_MAP[ETH_N] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	16, 17, 18 };

static const char *const ETHNIC_2011[] = {
	"White: English/Welsh/Scottish/Northern Irish/British", "White: Irish",
	"White: Gypsy or Irish Traveller", "White: Any other White background",
	"Mixed/multiple ethnic groups: White and Black Caribbean",
	"Mixed/multiple ethnic groups: White and Black African",
	"Mixed/multiple ethnic groups: White and Asian",
	"Mixed/multiple ethnic groups: Any other Mixed/multiple ethnic background",
	"Asian/Asian British: Indian", "Asian/Asian British: Pakistani",
	"Asian/Asian British: Bangladeshi", "Asian/Asian British: Chinese",
	"Asian/Asian British: Any other Asian background",
	"Black/African/Caribbean/Black British: African",
	"Black/African/Caribbean/Black British: Caribbean",
	"Black/African/Caribbean/Black British: Any other Black/African/Caribbean background",
	"Other ethnic group: Arab", "Other ethnic group: Any other ethnic group", "Prefer not to say" };
/* 2011 had no Roma box (Roma wrote in under Any other White) and listed African before Caribbean. */
static const int ETHNIC_2011_MAP[ETH_N] = { 0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 13,
	15, 16, 17 };

static const char *const ETHNIC_BROAD[] = { "White", "Mixed or multiple ethnic groups",
	"Asian or Asian British", "Black, African, Caribbean or Black British", "Other ethnic group",
	"Prefer not to say" };
static const int ETHNIC_BROAD_MAP[ETH_N] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3,
	4, 4 };

/* What people write in an "Other (please specify)" box under ethnic group. */
static const char *const ETHNIC_WRITE_IN[] = { "Polish", "Romanian", "Lithuanian", "Turkish",
	"Kurdish", "Nepalese", "Filipino", "Latin American", "Sri Lankan Tamil", "Greek Cypriot",
	"Mixed White and Chinese", "Iranian" };

/* Age: a band list, or a typed age, year of birth or date of birth. */
enum age_form { AGE_BANDS, AGE_BANDS_TO, AGE_BANDS_85, AGE_BANDS_ENDASH, AGE_YEARS,
	AGE_BIRTH_YEAR, AGE_DOB };
static const char *const AGE_FORM_NAME[] = { "bands", "bands-to", "bands-85", "bands-endash",
	"age", "birth-year", "dob" };

struct age_bands {
	const char *question;
	const char *const *label;   /* the last label is "Prefer not to say" */
	const int *lower;           /* lowest age of each band */
	int n;                      /* bands, not counting the decline label */
};

static const int LOWER_75[] = { 0, 18, 25, 35, 45, 55, 65, 75 };
static const int LOWER_85[] = { 0, 18, 25, 35, 45, 55, 65, 75, 85 };
static const int LOWER_16[] = { 0, 25, 35, 45, 55, 65, 75, 85 };
static const char *const AGE_DASH[] = { "Under 18", "18-24", "25-34", "35-44", "45-54", "55-64",
	"65-74", "75+", "Prefer not to say" };
static const char *const AGE_TO[] = { "Under 18", "18 to 24", "25 to 34", "35 to 44", "45 to 54",
	"55 to 64", "65 to 74", "75 and over", "Prefer not to say" };
static const char *const AGE_TO85[] = { "Under 18", "18 to 24", "25 to 34", "35 to 44",
	"45 to 54", "55 to 64", "65 to 74", "75 to 84", "85 or over", "Prefer not to say" };
static const char *const AGE_ENDASH[] = { "16" NDASH "24", "25" NDASH "34", "35" NDASH "44",
	"45" NDASH "54", "55" NDASH "64", "65" NDASH "74", "75" NDASH "84", "85 or over",
	"Prefer not to say" };

static const struct age_bands AGE_BAND_SETS[] = {
	{ "What is your age?", AGE_DASH, LOWER_75, 8 },
	{ "Which age group are you in?", AGE_TO, LOWER_75, 8 },
	{ "What is your age group?", AGE_TO85, LOWER_85, 9 },
	{ "Please select your age band", AGE_ENDASH, LOWER_16, 8 },
};

/* Wording that changed around the 2021 Census: sex, orientation, religion, forces, carer. */
struct wording {
	const char *sex_q;
	struct options sex;          /* values: female, male, self-describe, decline */
	const int *sex_map;
	const char *gender_identity_q; /* NULL: not asked */
	const char *orientation_q;
	struct options orientation;
	const int *orientation_map;  /* [orientation * 2 + female] */
	const char *religion_q;
	struct options religion;
	struct options forces;
	const int *forces_map;
	struct options carer;
	const int *carer_map;
	const char *disabled_q;
};

static const char *const SEX_OLD[] = { "Male", "Female", "Prefer to self-describe",
	"Prefer not to say" };
static const int SEX_OLD_MAP[] = { 1, 0, 2 };
static const char *const SEX_NEW[] = { "Female", "Male", "Prefer to self-describe",
	"Prefer not to say" };
static const int SEX_NEW_MAP[] = { 0, 1, 2 };
static const char *const YES_NO_DECLINE[] = { "Yes", "No", "Prefer not to say" };
static const char *const ORIENT_OLD[] = { "Heterosexual / straight", "Gay man",
	"Gay woman / lesbian", "Bisexual", "Other", "Prefer not to say" };
static const int ORIENT_OLD_MAP[] = { 0, 0, 1, 2, 3, 3, 4, 4 };
static const char *const ORIENT_NEW[] = { "Straight or heterosexual", "Gay or lesbian",
	"Bisexual", "Other sexual orientation", "Prefer not to say" };
static const int ORIENT_NEW_MAP[] = { 0, 0, 1, 1, 2, 2, 3, 3 };
static const char *const RELIGION_OLD[] = { "None",
	"Christian (including Church of England, Catholic, Protestant and all other Christian denominations)",
	"Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion or belief",
	"Prefer not to say" };
static const char *const RELIGION_NEW[] = { "No religion", "Christian", "Buddhist", "Hindu",
	"Jewish", "Muslim", "Sikh", "Any other religion", "Prefer not to say" };
static const int FORCES_OLD_MAP[] = { 1, 0, 0 };
static const char *const FORCES_NEW[] = { "No", "Yes, previously served in Regular Armed Forces",
	"Yes, previously served in Reserve Armed Forces", "Prefer not to say" };
static const int FORCES_NEW_MAP[] = { 0, 1, 2 };
static const int CARER_OLD_MAP[] = { 1, 0, 0, 0, 0, 0 };
static const char *const CARER_NEW[] = { "No", "Yes, 9 hours a week or less",
	"Yes, 10 to 19 hours a week", "Yes, 20 to 34 hours a week", "Yes, 35 to 49 hours a week",
	"Yes, 50 or more hours a week", "Prefer not to say" };
static const int CARER_NEW_MAP[] = { 0, 1, 2, 3, 4, 5 };

static const struct wording WORDING_BEFORE_2021 = {
	"What is your gender?", OPTIONS(SEX_OLD), SEX_OLD_MAP, NULL,
	"What is your sexual orientation?", OPTIONS(ORIENT_OLD), ORIENT_OLD_MAP,
	"What is your religion or belief?", OPTIONS(RELIGION_OLD),
	OPTIONS(YES_NO_DECLINE), FORCES_OLD_MAP, OPTIONS(YES_NO_DECLINE), CARER_OLD_MAP,
	"Do you consider yourself to have a disability?"
};
static const struct wording WORDING_FROM_2021 = {
	"What is your sex?", OPTIONS(SEX_NEW), SEX_NEW_MAP,
	"Is the gender you identify with the same as your sex registered at birth?",
	"Which of the following best describes your sexual orientation?", OPTIONS(ORIENT_NEW),
	ORIENT_NEW_MAP, "What is your religion?", OPTIONS(RELIGION_NEW),
	OPTIONS(FORCES_NEW), FORCES_NEW_MAP, OPTIONS(CARER_NEW), CARER_NEW_MAP,
	"Do you consider yourself to be disabled?"
};

static const char *const ETHNIC_Q[] = { "What is your ethnic group?",
	"To which of these groups do you consider you belong?",
	"How would you describe your ethnicity?" };
static const char *const FORCES_Q = "Have you ever served in the UK Armed Forces?";
static const char *const CARER_Q = "Do you look after, or give any help or support to, anyone "
	"because they have long-term physical or mental health conditions or illnesses, or "
	"problems related to old age?";
static const char *const CONDITION_Q = "Do you have any physical or mental health conditions "
	"or illnesses lasting or expected to last 12 months or more?";
static const char *const LIMITATION_Q = "Do any of your conditions or illnesses reduce your "
	"ability to carry out day-to-day activities?";
static const char *const LIMITATION[] = { "Yes, a lot", "Yes, a little", "Not at all",
	"Prefer not to say" };

static const char *const RESPONDING_AS[] = { "As a local resident", "On behalf of a business",
	"On behalf of a community or voluntary organisation", "As a parish or town councillor",
	"Other" };
static const int RESPONDING_AS_W[] = { 935, 25, 20, 5, 15 };

/* ------------------------------------------------------------------------ */
/* Topics: what the consultation is about.                                  */

struct topic {
	const char *key, *title;
	int open_month, open_day, days;
	const char *main_q;          /* a Likert question */
	int main_w[3][6];            /* weights by age group: under 35, 35 to 64, 65 and over */
	const char *second_q;
	struct options second;
	int second_w[8];
	const char *multi_q;
	struct options multi;
	int multi_pm[8];             /* chance of ticking each option, per mille */
	int multi_max;               /* most options a respondent may tick; 0: any */
	const char *free_q;
	const char *const *sentence; /* topic sentences for free text */
	int n_sentence;
};

static const char *const PARKING_2[] = { "Daily", "A few times a week", "About once a week",
	"About once a month", "Less often", "Never" };
static const char *const PARKING_M[] = { "Bus", "Park and Ride", "Walking", "Cycling",
	"Car sharing", "None of these" };
static const char *const PARKING_T[] = {
	"Charges are already too high and shops in the town centre are struggling.",
	POUND "1.50 an hour is reasonable if the money goes back into the town.",
	"Evening charges will put people off coming into town for a meal.",
	"There should be free parking for the first 30 minutes, as in other towns.",
	"Blue Badge holders need more spaces near the shops.",
	"Park and Ride should run later and on Sundays.",
	"I work in town on a low wage and can" RSQUO "t afford higher charges.",
	"Better cycle routes would mean fewer cars, not higher prices.",
	"The pay machines often don" RSQUO "t work; please accept phone payments everywhere.",
	"Residents" RSQUO " permits are too expensive for a second car." };

static const char *const LEISURE_2[] = { "Several times a week", "About once a week",
	"About once a month", "A few times a year", "Never" };
static const char *const LEISURE_M[] = { "Swimming pool", "Gym", "Sports hall",
	"Studio classes", "Climbing wall", "Caf\xc3\xa9", "Soft play" };
static const char *const LEISURE_T[] = {
	"The pool is where my children learned to swim.",
	"A new centre is long overdue; the changing rooms are in a poor state.",
	"Please keep prices affordable for pensioners and families on low incomes.",
	"Accessible changing facilities are essential.",
	"The caf" EACUTE " should serve healthier food.",
	"Bus links to the new site are poor.",
	"Early morning lane swimming is very important to me.",
	"I would use a climbing wall and more studio classes.",
	"Do not sell the land for housing.",
	"Monthly membership at " POUND "35 would be too much for many people." };

static const char *const PLAN_2[] = { "Yes, all of them", "Some of them", "No", "Not sure" };
static const char *const PLAN_M[] = { "Roads and junction improvements", "Schools",
	"GP surgeries and health services", "Public transport", "Parks and open space",
	"Affordable housing", "Shops and community facilities" };
static const char *const PLAN_T[] = {
	"The roads cannot cope with more houses.",
	"We need affordable homes for local young people.",
	"Build on brownfield sites before any green fields.",
	"GP surgeries and schools are already full.",
	"The proposed site floods every winter.",
	"New homes must come with better bus services.",
	"Protect the countryside and the villages" RSQUO " character.",
	"Housing targets are set nationally, so the council should plan for them properly.",
	"Infrastructure must be in place before people move in.",
	"More bungalows are needed for older residents who want to downsize." };

static const char *const BUDGET_2[] = { "Very satisfied", "Fairly satisfied",
	"Neither satisfied nor dissatisfied", "Fairly dissatisfied", "Very dissatisfied" };
static const char *const BUDGET_M[] = { "Waste and recycling", "Parks and open spaces",
	"Housing and homelessness", "Street cleaning", "Leisure and culture", "Planning",
	"Community safety", "Car parking" };
static const char *const BUDGET_T[] = {
	"A 2.99% rise is acceptable if services are protected.",
	"Council Tax is already too high for what we get.",
	"Protect services for vulnerable people first.",
	"Cut senior management costs before front-line services.",
	"Street cleaning has got noticeably worse.",
	"Charge more for garden waste rather than cutting other services.",
	"I" RSQUO "d pay an extra " POUND "5 a month to keep the museum and libraries open.",
	"Use the reserves to get through the next year.",
	"Invest in things that bring money in, such as housing and commercial property.",
	"Parks and open spaces matter more than ever." };

static const char *const TOWN_2[] = { "Daily", "A few times a week", "About once a week",
	"About once a month", "Less often", "Never" };
static const char *const TOWN_M[] = { "More independent shops", "Cheaper parking",
	"Better public transport", "More events and markets", "Feeling safer in the evening",
	"Cleaner streets", "More places to eat and drink" };
static const char *const TOWN_T[] = {
	"Pedestrianising the High Street would make it much more pleasant.",
	"Too many empty shops; business rates should be lower.",
	"Buses must still be able to get close to the shops.",
	"More seating, trees and public toilets please.",
	"Evenings feel unsafe; better lighting and CCTV are needed.",
	"Markets and events bring people in.",
	"Disabled people need to be able to drive and park close to the shops.",
	"We need a better mix of independent shops and caf" EACUTE "s.",
	"Cycle parking is in short supply.",
	"Keep the town centre clean; litter is a real problem." };

static const char *const WASTE_2[] = { "Yes, at " POUND "49 a year",
	"Only if it cost less than " POUND "49", "No", "I don't have a garden" };
static const char *const WASTE_M[] = { "Mixed recycling", "Food waste", "Garden waste", "Glass",
	"Textiles", "Small electricals" };
static const char *const WASTE_T[] = {
	"Fortnightly collections will lead to more fly-tipping.",
	POUND "49 a year for garden waste is too much.",
	"Food waste should be collected every week.",
	"We need larger recycling bins for families.",
	"Please collect soft plastics and cartons.",
	"Collections are often missed in our road.",
	"I" RSQUO "m happy with the current service.",
	"Flats need better recycling facilities.",
	"Make the tip easier to book.",
	"Assisted collections must continue for people who need them." };

static const struct topic TOPICS[] = {
	{ "parking", "Town centre parking charges", 1, 15, 42,
	  "To what extent do you agree or disagree with the proposal to increase charges in council car parks?",
	  { { 10, 22, 20, 22, 20, 6 }, { 6, 16, 14, 28, 34, 2 }, { 5, 14, 12, 30, 37, 2 } },
	  "How often do you use the council's town centre car parks?", OPTIONS(PARKING_2),
	  { 8, 18, 26, 22, 18, 8 },
	  "If parking charges went up, which of these would you use more? (Please tick all that apply)",
	  OPTIONS(PARKING_M), { 250, 300, 300, 120, 80, 300 }, 0,
	  "Please tell us why you agree or disagree, or anything else we should consider.",
	  PARKING_T, COUNT(PARKING_T) },
	{ "leisure", "New leisure centre", 6, 3, 56,
	  "To what extent do you agree or disagree with the proposal to build a new leisure centre to replace the existing one?",
	  { { 30, 32, 15, 10, 8, 5 }, { 26, 34, 14, 12, 11, 3 }, { 18, 30, 20, 14, 14, 4 } },
	  "How often do you use the leisure centre at present?", OPTIONS(LEISURE_2),
	  { 15, 22, 18, 20, 25 },
	  "Which of these facilities would you use at a new centre? (Select all that apply)",
	  OPTIONS(LEISURE_M), { 700, 450, 250, 300, 150, 350, 200 }, 0,
	  "Is there anything else you would like to tell us about the proposed leisure centre?",
	  LEISURE_T, COUNT(LEISURE_T) },
	{ "localplan", "Draft Local Plan", 10, 9, 42,
	  "To what extent do you agree or disagree with the proposed spatial strategy in the draft Local Plan?",
	  { { 10, 24, 26, 16, 14, 10 }, { 5, 16, 20, 24, 30, 5 }, { 4, 14, 18, 26, 34, 4 } },
	  "Do you support the proposed housing allocations?", OPTIONS(PLAN_2), { 10, 30, 45, 15 },
	  "Which of these should be provided alongside new homes? (Tick all that apply)",
	  OPTIONS(PLAN_M), { 650, 450, 700, 450, 400, 350, 250 }, 0,
	  "Please explain your answers and give any other comments on the draft Local Plan.",
	  PLAN_T, COUNT(PLAN_T) },
	{ "budget", "Budget proposals", 11, 28, 35,
	  "To what extent do you agree or disagree with the proposal to increase Council Tax by 2.99%?",
	  { { 8, 24, 22, 20, 20, 6 }, { 8, 28, 16, 22, 24, 2 }, { 10, 32, 16, 20, 20, 2 } },
	  "Overall, how satisfied or dissatisfied are you with the way the council runs things?",
	  OPTIONS(BUDGET_2), { 6, 30, 24, 22, 18 },
	  "Which three services are most important to you? (Select up to three)",
	  OPTIONS(BUDGET_M), { 600, 400, 350, 300, 200, 150, 400, 200 }, 3,
	  "If you have any other comments about the budget proposals, please tell us.",
	  BUDGET_T, COUNT(BUDGET_T) },
	{ "towncentre", "Town centre strategy", 3, 1, 42,
	  "To what extent do you agree or disagree with the proposal to pedestrianise the High Street?",
	  { { 24, 30, 18, 12, 12, 4 }, { 16, 26, 16, 18, 22, 2 }, { 10, 20, 16, 22, 30, 2 } },
	  "How often do you visit the town centre?", OPTIONS(TOWN_2), { 10, 24, 28, 20, 15, 3 },
	  "What would encourage you to visit the town centre more often? (Tick all that apply)",
	  OPTIONS(TOWN_M), { 500, 450, 300, 350, 300, 300, 350 }, 0,
	  "What one thing would most improve the town centre for you?",
	  TOWN_T, COUNT(TOWN_T) },
	{ "waste", "Waste and recycling collections", 7, 10, 49,
	  "To what extent do you agree or disagree with the proposal to collect general waste every two weeks instead of every week?",
	  { { 14, 28, 20, 16, 16, 6 }, { 10, 22, 14, 24, 28, 2 }, { 8, 18, 14, 26, 32, 2 } },
	  "Would you pay for a garden waste collection?", OPTIONS(WASTE_2), { 30, 22, 36, 12 },
	  "Which of these do you put out for collection? (Select all that apply)",
	  OPTIONS(WASTE_M), { 900, 600, 450, 550, 120, 80 }, 0,
	  "Do you have any other comments about waste and recycling collections?",
	  WASTE_T, COUNT(WASTE_T) },
};

static const char *const GENERAL_T[] = {
	"Thank you for the chance to comment.",
	"I don" RSQUO "t think the council listens to residents.",
	"Please publish the results of this consultation.",
	"The questions were difficult to answer on a phone.",
	"I only found out about this consultation from a neighbour.",
	"This should have been advertised more widely, especially to younger people.",
	"Information in other languages and formats would help.",
	"I" RSQUO "m not against change, but it has to be fair.",
	"It feels like a \"done deal\" before the consultation has even started.",
	"Keep up the good work." };

/* The bench layout: a budget-style survey with eight proposals on one agreement scale. */
static const char *const BENCH_ITEMS[] = { "Increase Council Tax by 2.99%",
	"Charge for garden waste collection", "Reduce street cleaning to once a fortnight",
	"Close two public toilets", "Increase parking charges by 10%",
	"Move more services online", "Reduce grants to community groups",
	"Use reserves to protect front-line services" };
static const char *const BENCH_TEXT[] = { "Protect front-line services.", "No more rises please",
	"Fine as it is", "Too much spent on consultants", "Fix the potholes first",
	"Parks, libraries and toilets matter", "Cut councillors' allowances",
	"Happy to pay more for better services", "Bins are collected well", "\"Efficiency\" means cuts",
	"More for young people", "Support older residents", "Keep the museum open",
	"Invest in buses", "Stop wasting money", "Agree with most of it, not all",
	"Council Tax is too high", "Do not close the toilets", "Online is fine for me, not for my mum",
	"Thank you" };

/* ------------------------------------------------------------------------ */
/* The respondents.                                                         */

/*
 * Illustrative adult population weights per single year of age, and response
 * propensities (per cent) — synthetic round numbers, not census figures.
 */
static int population_weight(int age)
{
	if (age < 18) return 20;
	if (age < 25) return 17;
	if (age < 35) return 23;
	if (age < 45) return 23;
	if (age < 55) return 24;
	if (age < 65) return 22;
	if (age < 75) return 18;
	if (age < 85) return 11;
	if (age < 90) return 5;
	if (age < 95) return 2;
	return 1;
}

static int response_propensity(int age)
{
	if (age < 18) return 25;
	if (age < 25) return 30;
	if (age < 35) return 65;
	if (age < 45) return 100;
	if (age < 55) return 130;
	if (age < 65) return 160;
	if (age < 75) return 170;
	if (age < 85) return 70;
	return 30;
}

/* Illustrative ethnic mix of a mostly White British district, per 10,000; not census figures. */
static const int ETHNIC_POPULATION[ETH_N] = { 8200, 60, 60, 15, 650, 55, 35, 75, 65, 120, 30,
	35, 40, 240, 35, 145, 25, 15, 105 };
/* Response propensity per cent: every group but White British answers less. */
static const int ETHNIC_PROPENSITY[ETH_N] = { 100, 90, 25, 25, 50, 50, 50, 50, 50, 45, 45, 45,
	45, 45, 40, 40, 40, 40, 40 };

#define MAX_AGE 99
enum { DIM_AGE, DIM_SEX, DIM_GENDER, DIM_ETHNIC, DIM_DISABILITY, DIM_LIMITATION,
	DIM_ORIENTATION, DIM_RELIGION, DIM_FORCES, DIM_CARER, DIM_N };
enum { ANSWERED, BLANK, DECLINED };
/* Item non-response per mille: left blank, and "Prefer not to say". */
static const int ITEM_BLANK[DIM_N] = { 20, 20, 40, 25, 30, 30, 40, 35, 40, 40 };
static const int ITEM_DECLINE[DIM_N] = { 20, 25, 40, 35, 40, 25, 90, 50, 25, 30 };

struct person {
	int age;
	long birth_day;
	int female, self_describe, trans;
	int ethnic, write_in;
	int condition, limitation;     /* limitation: 0 a lot, 1 a little, 2 not at all */
	int says_disabled;             /* answer to the one-question form */
	int answers_follow_up;         /* said No to a condition yet answered "Not at all" */
	int types_decline;             /* declines a typed age in words rather than leaving it blank */
	int orientation, religion, forces, carer;
	int state[DIM_N];
	int responding_as;
	int main_answer, second_answer;
	unsigned multi;                /* bit i: option i ticked */
	int has_text;
	char text[1024];
	char bench_text;               /* index into BENCH_TEXT + 1; 0: blank */
	int bench_answer[COUNT(BENCH_ITEMS)];
};

struct config {
	const char *layout;
	long rows;
	uint64_t seed;
	int year;
	const char *title;
	const struct topic *topic;
	int age_form;                  /* an enum age_form */
	int ethnic_form;               /* 0: Census 2021, 1: Census 2011, 2: five broad groups */
	int two_question_disability;
	int min_age;
	long opened, closed;           /* days since 1970 */
	const struct wording *wording;
	long long *age_cum;            /* cumulative respondent weights by age */
	int outreach;                  /* day of the consultation (0: the first) the outreach starts; -1: none */
	long long *age_cum_late;       /* with outreach: the weights once it has started (age_cum: before) */
};

/*
 * Targeted outreach (--outreach): the groups it targets (ages under 35 and
 * 75 and over, every ethnic group but White British) answer at this many per
 * cent of their usual propensity before it starts, and after.
 */
#define OUTREACH_BEFORE 60
#define OUTREACH_AFTER 250

/* Is a respondent of AGE one the outreach targets? */
static int outreach_targets_age(int age)
{
	return age < 35 || age >= 75;
}

/* The per cent of the usual propensity for a targeted group submitting on DAY; 100 without outreach. */
static int outreach_factor(const struct config *c, long day)
{
	if (c->outreach < 0)
		return 100;
	return day >= c->opened + c->outreach ? OUTREACH_AFTER : OUTREACH_BEFORE;
}

static int pick_religion(struct rng *r, const struct person *p)
{
	/* weights: none, Christian, Buddhist, Hindu, Jewish, Muslim, Sikh, other */
	static const int indian[] = { 8, 12, 0, 45, 0, 12, 20, 3 };
	static const int muslim_majority[] = { 5, 2, 0, 0, 0, 90, 0, 3 };
	static const int arab[] = { 12, 15, 0, 0, 0, 70, 0, 3 };
	static const int other_asian[] = { 15, 20, 20, 25, 0, 15, 0, 5 };
	static const int chinese[] = { 55, 20, 15, 0, 0, 0, 0, 10 };
	static const int african[] = { 8, 70, 0, 0, 0, 20, 0, 2 };
	static const int caribbean[] = { 30, 60, 0, 0, 0, 5, 0, 5 };
	static const int mixed[] = { 50, 38, 2, 0, 0, 6, 0, 4 };
	static const int white_young[] = { 550, 400, 5, 0, 5, 10, 0, 30 };
	static const int white_mid[] = { 400, 560, 5, 0, 5, 5, 0, 25 };
	static const int white_old[] = { 180, 780, 5, 0, 5, 5, 0, 25 };
	const int *w;
	switch (p->ethnic) {
	case ETH_INDIAN: w = indian; break;
	case ETH_PAKISTANI: case ETH_BANGLADESHI: w = muslim_majority; break;
	case ETH_ARAB: w = arab; break;
	case ETH_OTHER_ASIAN: case ETH_OTHER: w = other_asian; break;
	case ETH_CHINESE: w = chinese; break;
	case ETH_AFRICAN: w = african; break;
	case ETH_CARIBBEAN: case ETH_OTHER_BLACK: w = caribbean; break;
	case ETH_WBC: case ETH_WBA: case ETH_WA: case ETH_OTHER_MIXED: w = mixed; break;
	default: w = p->age < 35 ? white_young : p->age < 65 ? white_mid : white_old; break;
	}
	return rng_pick(r, w, 8);
}

static int disability_chance(int age)
{
	if (age < 25) return 140;
	if (age < 45) return 160;
	if (age < 65) return 240;
	if (age < 75) return 320;
	if (age < 85) return 450;
	return 600;
}

static void make_free_text(struct rng *r, const struct topic *t, char *out, size_t size)
{
	int sentences = 1 + (int)rng_below(r, 3), i;
	size_t len = 0;
	out[0] = '\0';
	for (i = 0; i < sentences; i++) {
		const char *s = rng_chance(r, 250) ? GENERAL_T[rng_below(r, COUNT(GENERAL_T))]
		                                   : t->sentence[rng_below(r, (uint64_t)t->n_sentence)];
		const char *gap = i == 0 ? "" : rng_chance(r, 120) ? "\n" : " ";
		int n = snprintf(out + len, size - len, "%s%s", gap, s);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
}

/* Draws one respondent; every layout sees the same people for the same seed and row. */
static void person_make(struct person *p, const struct config *c, long row, long long submitted)
{
	struct rng r;
	long long draw;
	int lo, hi, i, ticked, weights[ETH_N], group;
	long submit_day = (long)(submitted / 86400);
	int outreach = outreach_factor(c, submit_day);
	const long long *age_cum = outreach > 100 ? c->age_cum_late : c->age_cum;

	rng_seed(&r, c->seed, (uint64_t)row, 1);
	draw = (long long)rng_below(&r, (uint64_t)age_cum[MAX_AGE - c->min_age]);
	lo = 0;
	hi = MAX_AGE - c->min_age;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (age_cum[mid] > draw) hi = mid; else lo = mid + 1;
	}
	p->age = c->min_age + lo;
	p->birth_day = submit_day - (long)p->age * 365 - p->age / 4 - (long)rng_below(&r, 365);
	p->female = rng_chance(&r, 540);
	p->self_describe = rng_chance(&r, 4);
	p->trans = rng_chance(&r, 5);

	for (i = 0; i < ETH_N; i++) {
		int age_mult = p->age < 35 ? 150 : p->age < 55 ? 110 : p->age < 75 ? 60 : 35;
		weights[i] = ETHNIC_POPULATION[i] * ETHNIC_PROPENSITY[i] *
		             (i == ETH_WHITE_BRITISH ? 100 : age_mult) / 100;
		if (i != ETH_WHITE_BRITISH)
			weights[i] = weights[i] * outreach / 100;
	}
	p->ethnic = rng_pick(&r, weights, ETH_N);
	p->write_in = (int)rng_below(&r, COUNT(ETHNIC_WRITE_IN));
	if (p->write_in >= 0 && !rng_chance(&r, 500))
		p->write_in = -1;

	p->condition = rng_chance(&r, disability_chance(p->age));
	{
		static const int split[] = { 30, 45, 25 };
		p->limitation = p->condition ? rng_pick(&r, split, 3) : 2;
	}
	/* Not everyone whose activities are limited calls themself disabled, and a few without say so. */
	p->says_disabled = p->limitation == 0 ? rng_chance(&r, 950)
	                 : p->limitation == 1 ? rng_chance(&r, 700)
	                 : rng_chance(&r, p->condition ? 80 : 5);
	p->answers_follow_up = rng_chance(&r, 200);
	p->types_decline = rng_chance(&r, 500);
	{
		static const int young[] = { 880, 40, 60, 20 }, mid[] = { 940, 30, 15, 15 },
		                 old[] = { 970, 20, 5, 5 };
		p->orientation = rng_pick(&r, p->age < 35 ? young : p->age < 65 ? mid : old, 4);
	}
	p->religion = pick_religion(&r, p);
	{
		int served = !p->female ? (p->age >= 55 ? 140 : p->age >= 35 ? 50 : 10)
		                        : (p->age >= 55 ? 15 : 8);
		p->forces = rng_chance(&r, served) ? (rng_chance(&r, 800) ? 1 : 2) : 0;
	}
	{
		static const int hours[] = { 40, 20, 12, 8, 20 };
		int caring = p->age < 25 ? 60 : p->age < 45 ? 80 : p->age < 65 ? 160 : p->age < 75 ? 140 : 100;
		p->carer = rng_chance(&r, caring) ? 1 + rng_pick(&r, hours, 5) : 0;
	}

	p->responding_as = rng_pick(&r, RESPONDING_AS_W, COUNT(RESPONDING_AS_W));
	{
		int skip_all = p->responding_as != 0 || rng_chance(&r, 30);
		for (i = 0; i < DIM_N; i++) {
			int u = (int)rng_below(&r, 1000);
			p->state[i] = skip_all ? BLANK : u < ITEM_BLANK[i] ? BLANK
			            : u < ITEM_BLANK[i] + ITEM_DECLINE[i] ? DECLINED : ANSWERED;
		}
	}

	group = p->age < 35 ? 0 : p->age < 65 ? 1 : 2;
	p->main_answer = rng_chance(&r, 15) ? -1 : rng_pick(&r, c->topic->main_w[group], 6);
	p->second_answer = rng_chance(&r, 25) ? -1
		: rng_pick(&r, c->topic->second_w, c->topic->second.n);
	p->multi = 0;
	for (i = 0, ticked = 0; i < c->topic->multi.n; i++) {
		if (rng_chance(&r, c->topic->multi_pm[i]) &&
		    (c->topic->multi_max == 0 || ticked < c->topic->multi_max)) {
			p->multi |= 1u << i;
			ticked++;
		}
	}
	p->has_text = rng_chance(&r, 550);
	if (p->has_text)
		make_free_text(&r, c->topic, p->text, sizeof p->text);
	else
		p->text[0] = '\0';
	p->bench_text = (char)(rng_chance(&r, 400) ? 1 + (int)rng_below(&r, COUNT(BENCH_TEXT)) : 0);
	for (i = 0; i < COUNT(BENCH_ITEMS); i++)
		p->bench_answer[i] = rng_chance(&r, 30) ? -1 : rng_pick(&r, c->topic->main_w[group], 6);
}

/* ------------------------------------------------------------------------ */
/* Output: a buffered CSV writer, optionally re-encoding to Windows-1252.   */

struct out {
	char buf[1 << 16];
	size_t len;
	int cp1252;        /* re-encode UTF-8 text to Windows-1252 */
	int quote_all;     /* quote every field (Google Forms) */
	const char *eol;   /* between records */
	int fields;        /* fields written in the current record */
};

static void out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, stdout) != o->len) {
		fprintf(stderr, "%s: write error: %s\n", PROG, strerror(errno));
		exit(1);
	}
	o->len = 0;
}

static void out_byte(struct out *o, char ch)
{
	if (o->len == sizeof o->buf)
		out_flush(o);
	o->buf[o->len++] = ch;
}

/* Re-encodes the UTF-8 sequence at s (length returned in *used) to one Windows-1252 byte. */
static unsigned char to_cp1252(const unsigned char *s, int *used)
{
	static const unsigned char punct[][2] = { { 0x93, 0x96 }, { 0x94, 0x97 }, { 0x98, 0x91 },
		{ 0x99, 0x92 }, { 0x9c, 0x93 }, { 0x9d, 0x94 }, { 0xa6, 0x85 } };
	int i;
	*used = 1;
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] == 0xc2 || s[0] == 0xc3) && s[1] >= 0x80 && s[1] <= 0xbf) {
		*used = 2;
		return (unsigned char)(s[0] == 0xc2 ? s[1] : s[1] + 0x40);
	}
	if (s[0] == 0xe2 && s[1] == 0x80 && s[2]) {
		*used = 3;
		for (i = 0; i < COUNT(punct); i++)
			if (punct[i][0] == s[2])
				return punct[i][1];
		return '?';
	}
	if (s[0] == 0xe2 && s[1] == 0x82 && s[2] == 0xac) {
		*used = 3;
		return 0x80;
	}
	while ((s[*used] & 0xc0) == 0x80)
		(*used)++;
	return '?';
}

static void out_field(struct out *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int quote = o->quote_all || strpbrk(s, ",\"\r\n") != NULL;
	if (o->fields++ > 0)
		out_byte(o, ',');
	if (quote)
		out_byte(o, '"');
	while (*p) {
		if (*p == '"' && quote)
			out_byte(o, '"');
		if (o->cp1252 && *p >= 0x80) {
			int used;
			out_byte(o, (char)to_cp1252(p, &used));
			p += used;
		} else {
			out_byte(o, (char)*p++);
		}
	}
	if (quote)
		out_byte(o, '"');
}

static void out_record_end(struct out *o)
{
	const char *e;
	for (e = o->eol; *e; e++)
		out_byte(o, *e);
	o->fields = 0;
}

/* ------------------------------------------------------------------------ */
/* Columns: what each column of an export holds.                            */

enum role {
	R_CONST, R_SEQ_ID, R_EHQ_ID, R_CS_ID, R_SM_ID, R_SM_COLLECTOR, R_QX_ID, R_START, R_END,
	R_DURATION, R_EMAIL, R_EMAIL_SOMETIMES, R_EMAIL_OPTIONAL, R_FIRST, R_LAST, R_FULL_NAME,
	R_LOGIN, R_IP, R_LAT, R_LON, R_POSTCODE, R_RESPONDING_AS, R_MAIN, R_SECOND, R_MULTI_JOINED,
	R_MULTI_OPTION, R_FREE_TEXT, R_AGE, R_SEX, R_GENDER_ID, R_ETHNIC, R_ETHNIC_WRITE_IN,
	R_DISABLED, R_CONDITION, R_LIMITATION, R_ORIENTATION, R_RELIGION, R_FORCES, R_CARER,
	R_BENCH_ITEM, R_BENCH_TEXT
};

struct column {
	char header[320];    /* question text: the header row, SurveyMonkey row 1, Qualtrics row 2 */
	const char *sub;     /* SurveyMonkey row 2: Response, Open-Ended Response, an option; NULL: blank */
	int continues;       /* SurveyMonkey: continues the block to its left (row 1 blank) */
	char tag[24];        /* Qualtrics row 1 export tag */
	char import_id[80];  /* Qualtrics row 3 */
	enum role role;
	int arg;             /* option index, item index */
	const char *value;   /* R_CONST */
};

#define MAX_COLUMNS 96

struct survey {
	struct column col[MAX_COLUMNS];
	int n;
	int question;            /* Qualtrics question counter */
	int header_rows;         /* 1, 2 (SurveyMonkey) or 3 (Qualtrics) */
	enum date_format date;
	const char *multi_sep;   /* separator of a joined multi-select answer */
	int multi_trailing;      /* Microsoft Forms ends a joined answer with the separator */
	int per_option_multi;    /* SurveyMonkey: one column per option, and "Other (please specify)" */
};

static struct column *add(struct survey *s, const char *header, enum role role)
{
	struct column *c;
	if (s->n == MAX_COLUMNS) {
		fprintf(stderr, "%s: too many columns\n", PROG);
		exit(1);
	}
	c = &s->col[s->n++];
	memset(c, 0, sizeof *c);
	snprintf(c->header, sizeof c->header, "%s", header);
	c->role = role;
	return c;
}

/* A Qualtrics-style metadata column: tag, label and ImportId. */
static void add_meta(struct survey *s, const char *tag, const char *label, const char *import,
                     enum role role, const char *value, int dated)
{
	struct column *c = add(s, label, role);
	snprintf(c->tag, sizeof c->tag, "%s", tag);
	snprintf(c->import_id, sizeof c->import_id,
	         dated ? "{\"ImportId\":\"%s\",\"timeZone\":\"Europe/London\"}" : "{\"ImportId\":\"%s\"}",
	         import);
	c->value = value;
}

/* A question column; numbers it for Qualtrics and sets SurveyMonkey's row 2. */
static struct column *add_question(struct survey *s, const char *text, enum role role, int is_text)
{
	struct column *c = add(s, text, role);
	s->question++;
	snprintf(c->tag, sizeof c->tag, "Q%d", s->question);
	snprintf(c->import_id, sizeof c->import_id, is_text ? "{\"ImportId\":\"QID%d_TEXT\"}"
	                                                    : "{\"ImportId\":\"QID%d\"}", s->question);
	c->sub = is_text ? "Open-Ended Response" : "Response";
	return c;
}

static void add_multi(struct survey *s, const struct topic *t)
{
	int i;
	if (!s->per_option_multi) {
		struct column *c = add_question(s, t->multi_q, R_MULTI_JOINED, 0);
		if (s->header_rows == 3)
			snprintf(c->header, sizeof c->header, "%s - Selected Choice", t->multi_q);
		return;
	}
	for (i = 0; i < t->multi.n; i++) {
		struct column *c = i == 0 ? add_question(s, t->multi_q, R_MULTI_OPTION, 0)
		                          : add(s, t->multi_q, R_MULTI_OPTION);
		c->arg = i;
		c->sub = t->multi.label[i];
		c->continues = i > 0;
	}
}

static void add_topic_questions(struct survey *s, const struct config *c, int with_responding_as)
{
	const struct topic *t = c->topic;
	if (with_responding_as)
		add_question(s, "In what capacity are you responding to this consultation?",
		             R_RESPONDING_AS, 0);
	add_question(s, t->main_q, R_MAIN, 0);
	add_question(s, t->second_q, R_SECOND, 0);
	add_multi(s, t);
	add_question(s, t->free_q, R_FREE_TEXT, 1);
}

static void add_equality_questions(struct survey *s, const struct config *c)
{
	const struct wording *w = c->wording;
	int typed = c->age_form >= AGE_YEARS;
	const char *age_q = c->age_form == AGE_YEARS ? "How old are you?"
	                  : c->age_form == AGE_BIRTH_YEAR ? "What is your year of birth?"
	                  : c->age_form == AGE_DOB ? "What is your date of birth? (dd/mm/yyyy)"
	                  : AGE_BAND_SETS[c->age_form].question;

	add_question(s, age_q, R_AGE, typed);
	add_question(s, w->sex_q, R_SEX, 0);
	if (w->gender_identity_q)
		add_question(s, w->gender_identity_q, R_GENDER_ID, 0);
	add_question(s, ETHNIC_Q[c->ethnic_form], R_ETHNIC, 0);
	if (s->per_option_multi) {
		struct column *col = add(s, ETHNIC_Q[c->ethnic_form], R_ETHNIC_WRITE_IN);
		col->sub = "Other (please specify)";
		col->continues = 1;
	}
	if (c->two_question_disability) {
		add_question(s, CONDITION_Q, R_CONDITION, 0);
		add_question(s, LIMITATION_Q, R_LIMITATION, 0);
	} else {
		add_question(s, w->disabled_q, R_DISABLED, 0);
	}
	add_question(s, w->orientation_q, R_ORIENTATION, 0);
	add_question(s, w->religion_q, R_RELIGION, 0);
	add_question(s, FORCES_Q, R_FORCES, 0);
	add_question(s, CARER_Q, R_CARER, 0);
}

static void build_letstalk(struct survey *s, const struct config *c)
{
	s->date = DATE_DMY_DASH_HM;
	s->multi_sep = ", ";
	add(s, "Response No.", R_EHQ_ID);
	add(s, "Date of Contribution", R_END);
	add(s, "Login", R_LOGIN);
	add(s, "Email", R_EMAIL);
	add_topic_questions(s, c, 1);
	add_question(s, "What is your postcode?", R_POSTCODE, 1);
	add_equality_questions(s, c);
}

static void build_citizenspace(struct survey *s, const struct config *c)
{
	s->date = DATE_ISO;
	s->multi_sep = ", ";
	add(s, "Response ID", R_CS_ID);
	add(s, "Submitted", R_END);
	add(s, "What is your name?", R_FULL_NAME);
	add(s, "What is your email address?", R_EMAIL_OPTIONAL);
	add_question(s, "Please provide your postcode", R_POSTCODE, 1);
	add_topic_questions(s, c, 1);
	add_equality_questions(s, c);
}

static void build_surveymonkey(struct survey *s, const struct config *c)
{
	s->date = DATE_US_AMPM;
	s->header_rows = 2;
	s->per_option_multi = 1;
	add(s, "Respondent ID", R_SM_ID);
	add(s, "Collector ID", R_SM_COLLECTOR);
	add(s, "Start Date", R_START);
	add(s, "End Date", R_END);
	add(s, "IP Address", R_IP);
	add(s, "Email Address", R_EMAIL_SOMETIMES);
	add(s, "First Name", R_FIRST);
	add(s, "Last Name", R_LAST);
	add(s, "Custom Data 1", R_CONST)->value = "";
	add_topic_questions(s, c, 0);
	add_question(s, "What is your postcode?", R_POSTCODE, 1);
	add_equality_questions(s, c);
}

static void build_qualtrics(struct survey *s, const struct config *c)
{
	s->date = DATE_ISO;
	s->header_rows = 3;
	s->multi_sep = ",";
	add_meta(s, "StartDate", "Start Date", "startDate", R_START, NULL, 1);
	add_meta(s, "EndDate", "End Date", "endDate", R_END, NULL, 1);
	add_meta(s, "Status", "Response Type", "status", R_CONST, "IP Address", 0);
	add_meta(s, "IPAddress", "IP Address", "ipAddress", R_IP, NULL, 0);
	add_meta(s, "Progress", "Progress", "progress", R_CONST, "100", 0);
	add_meta(s, "Duration (in seconds)", "Duration (in seconds)", "duration", R_DURATION, NULL, 0);
	add_meta(s, "Finished", "Finished", "finished", R_CONST, "True", 0);
	add_meta(s, "RecordedDate", "Recorded Date", "recordedDate", R_END, NULL, 1);
	add_meta(s, "ResponseId", "Response ID", "_recordId", R_QX_ID, NULL, 0);
	add_meta(s, "RecipientLastName", "Recipient Last Name", "recipientLastName", R_CONST, "", 0);
	add_meta(s, "RecipientFirstName", "Recipient First Name", "recipientFirstName", R_CONST, "", 0);
	add_meta(s, "RecipientEmail", "Recipient Email", "recipientEmail", R_CONST, "", 0);
	add_meta(s, "ExternalReference", "External Data Reference", "externalDataReference",
	         R_CONST, "", 0);
	add_meta(s, "LocationLatitude", "Location Latitude", "locationLatitude", R_LAT, NULL, 0);
	add_meta(s, "LocationLongitude", "Location Longitude", "locationLongitude", R_LON, NULL, 0);
	add_meta(s, "DistributionChannel", "Distribution Channel", "distributionChannel",
	         R_CONST, "anonymous", 0);
	add_meta(s, "UserLanguage", "User Language", "userLanguage", R_CONST, "EN-GB", 0);
	add_topic_questions(s, c, 1);
	add_question(s, "Please enter your postcode", R_POSTCODE, 1);
	add_equality_questions(s, c);
}

static void build_googleforms(struct survey *s, const struct config *c)
{
	s->date = DATE_GOOGLE;
	s->multi_sep = ", ";
	add(s, "Timestamp", R_END);
	add(s, "Email address", R_EMAIL);
	add_question(s, "Postcode", R_POSTCODE, 1);
	add_topic_questions(s, c, 0);
	add_equality_questions(s, c);
}

static void build_msforms(struct survey *s, const struct config *c)
{
	s->date = DATE_UK_EXCEL;
	s->multi_sep = ";";
	s->multi_trailing = 1;
	add(s, "ID", R_SEQ_ID);
	add(s, "Start time", R_START);
	add(s, "Completion time", R_END);
	add(s, "Email", R_CONST)->value = "anonymous";
	add(s, "Name", R_CONST)->value = "";
	if (c->year >= 2023)
		add(s, "Last modified time", R_CONST)->value = "";
	add_topic_questions(s, c, 1);
	add_question(s, "What is your postcode?", R_POSTCODE, 1);
	add_question(s, "If you would like updates on this consultation, please give your email address (optional)",
	             R_EMAIL_OPTIONAL, 1);
	add_equality_questions(s, c);
}

static void build_bench(struct survey *s, const struct config *c)
{
	int i;
	s->date = DATE_ISO;
	add(s, "Response ID", R_SEQ_ID);
	add(s, "Date submitted", R_END);
	add(s, "In what capacity are you responding to this consultation?", R_RESPONDING_AS);
	add(s, "What is your postcode?", R_POSTCODE);
	for (i = 0; i < COUNT(BENCH_ITEMS); i++) {
		char text[320];
		snprintf(text, sizeof text, "To what extent do you agree or disagree with each "
		         "proposal? - %s", BENCH_ITEMS[i]);
		add(s, text, R_BENCH_ITEM)->arg = i;
	}
	add(s, "Do you have any other comments on the proposals?", R_BENCH_TEXT);
	add(s, AGE_BAND_SETS[AGE_BANDS].question, R_AGE);
	add(s, c->wording->sex_q, R_SEX);
	add(s, ETHNIC_Q[c->ethnic_form], R_ETHNIC);
	add(s, c->wording->disabled_q, R_DISABLED);
	add(s, c->wording->religion_q, R_RELIGION);
	add(s, c->wording->orientation_q, R_ORIENTATION);
	add(s, CARER_Q, R_CARER);
}

struct layout {
	const char *name, *platform;
	void (*build)(struct survey *, const struct config *);
	const char *eol;
	int cp1252, quote_all;
	enum age_form age_form;
	int two_question_disability;
};

static const struct layout LAYOUTS[] = {
	{ "letstalk", "letstalk", build_letstalk, "\r\n", 0, 0, AGE_BANDS_85, 1 },
	{ "citizenspace", "citizenspace", build_citizenspace, "\n", 0, 0, AGE_BANDS, 0 },
	{ "surveymonkey", "surveymonkey", build_surveymonkey, "\n", 0, 0, AGE_BANDS_TO, 0 },
	{ "qualtrics", "qualtrics", build_qualtrics, "\n", 0, 0, AGE_BIRTH_YEAR, 0 },
	{ "googleforms", "googleforms", build_googleforms, "\n", 0, 1, AGE_YEARS, 1 },
	{ "msforms_excel", "msforms", build_msforms, "\r\n", 1, 0, AGE_DOB, 0 },
	{ "bench", "bench", build_bench, "\n", 0, 0, AGE_BANDS, 0 },
};

/* ------------------------------------------------------------------------ */
/* Rendering one row.                                                       */

static const char *const GIVEN_F[] = { "Olivia", "Amelia", "Emily", "Sophie", "Jessica", "Ruth",
	"Margaret", "Susan", "Patricia", "Aisha", "Priya", "Zofia", "Chloe", "Hannah", "Grace",
	"Karen", "Helen", "Joanne", "Fatima", "Mei", "Lucy", "Sarah", "Janet", "Elizabeth" };
static const char *const GIVEN_M[] = { "Oliver", "Jack", "Harry", "George", "Thomas", "James",
	"David", "John", "Peter", "Michael", "Arjun", "Mohammed", "Tomasz", "Daniel", "Samuel",
	"Robert", "Paul", "Stephen", "Kwame", "Wei", "Andrew", "Richard", "Mark", "Alan" };
static const char *const SURNAMES[] = { "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
	"Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
	"Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Nowak", "Okafor", "Chen",
	"Singh", "Hughes", "Edwards", "Turner", "Baker", "Harris", "Ward", "King", "Cooper",
	"Morris", "Bell", "Shah", "Murphy", "Kelly", "Price" };
static const char *const EMAIL_DOMAINS[] = { "example.org", "example.com", "example.net" };
static const char *const LOGIN_A[] = { "blue", "quiet", "sunny", "red", "green", "happy", "old",
	"busy", "north", "river" };
static const char *const LOGIN_B[] = { "finch", "oak", "walker", "badger", "kite", "meadow",
	"cyclist", "reader", "robin", "heron" };
static const char *const DISTRICTS[] = { "ME14", "ME15", "ME16", "ME17", "ME18", "ME19", "ME20",
	"ME5", "TN12", "TN27" };
static const int DISTRICT_W[] = { 16, 24, 14, 14, 5, 4, 6, 3, 4, 2 };
static const char UNIT_LETTERS[] = "ABDEFGHJLNPQRSTUWXYZ";

struct row_context {
	const struct config *cfg;
	const struct survey *s;
	const struct person *p;
	long row;
	long long start, end;       /* local seconds since 1970 */
	struct rng r;               /* per-row stream for layout details */
	int given, family, domain, email_number, email_style;
	char postcode[16];
};

static void make_postcode(struct row_context *x)
{
	char sector = (char)('0' + rng_below(&x->r, 10));
	char a = UNIT_LETTERS[rng_below(&x->r, sizeof UNIT_LETTERS - 1)];
	char b = UNIT_LETTERS[rng_below(&x->r, sizeof UNIT_LETTERS - 1)];
	const char *district = DISTRICTS[rng_pick(&x->r, DISTRICT_W, COUNT(DISTRICT_W))];
	int style = (int)rng_below(&x->r, 100), i;
	if (style < 5)
		x->postcode[0] = '\0';
	else if (style < 10)
		snprintf(x->postcode, sizeof x->postcode, "%s", district);
	else if (style < 20)
		snprintf(x->postcode, sizeof x->postcode, "%s%c%c%c", district, sector, a, b);
	else
		snprintf(x->postcode, sizeof x->postcode, "%s %c%c%c", district, sector, a, b);
	if (style >= 80 && style < 92)
		for (i = 0; x->postcode[i]; i++)
			if (x->postcode[i] >= 'A' && x->postcode[i] <= 'Z')
				x->postcode[i] = (char)(x->postcode[i] - 'A' + 'a');
}

static const char *name_given(const struct row_context *x)
{
	return x->p->female ? GIVEN_F[x->given % COUNT(GIVEN_F)] : GIVEN_M[x->given % COUNT(GIVEN_M)];
}

static const char *render_email(const struct row_context *x, char *buf, size_t size)
{
	const char *g = name_given(x), *f = SURNAMES[x->family];
	const char *d = EMAIL_DOMAINS[x->domain];
	char lower_g[32], lower_f[32];
	int i;
	for (i = 0; g[i] && i < 31; i++)
		lower_g[i] = (char)(g[i] >= 'A' && g[i] <= 'Z' ? g[i] - 'A' + 'a' : g[i]);
	lower_g[i] = '\0';
	for (i = 0; f[i] && i < 31; i++)
		lower_f[i] = (char)(f[i] >= 'A' && f[i] <= 'Z' ? f[i] - 'A' + 'a' : f[i]);
	lower_f[i] = '\0';
	switch (x->email_style) {
	case 0: snprintf(buf, size, "%s.%s@%s", lower_g, lower_f, d); break;
	case 1: snprintf(buf, size, "%c%s%d@%s", lower_g[0], lower_f, x->email_number, d); break;
	default: snprintf(buf, size, "%s%s%d@%s", lower_g, lower_f, x->email_number % 100, d); break;
	}
	return buf;
}

/* The answer to a closed question as a label, "" when blank, "Prefer not to say" when declined. */
static const char *closed(const struct options *o, int state, int index)
{
	if (state == BLANK || index < 0)
		return "";
	if (state == DECLINED)
		return o->label[o->n - 1];
	return o->label[index];
}

static const char *render_age(const struct row_context *x, char *buf, size_t size)
{
	const struct person *p = x->p;
	int state = p->state[DIM_AGE], y, m, d, i;
	const struct config *c = x->cfg;
	/* the bench layout always asks in bands */
	int form = strcmp(c->layout, "bench") == 0 ? (int)AGE_BANDS : c->age_form;
	if (form <= AGE_BANDS_ENDASH) {
		const struct age_bands *b = &AGE_BAND_SETS[form];
		struct options o;
		o.label = b->label;
		o.n = b->n + 1;
		for (i = b->n - 1; i > 0 && p->age < b->lower[i]; i--)
			;
		return closed(&o, state, i);
	}
	if (state == BLANK)
		return "";
	if (state == DECLINED)
		return p->types_decline ? "Prefer not to say" : "";
	civil_from_days(p->birth_day, &y, &m, &d);
	if (form == AGE_YEARS)
		snprintf(buf, size, "%d", p->age);
	else if (form == AGE_BIRTH_YEAR)
		snprintf(buf, size, "%d", y);
	else
		snprintf(buf, size, "%02d/%02d/%04d", d, m, y);
	return buf;
}

static const char *render_ethnic(const struct row_context *x)
{
	static const struct options sets[] = { OPTIONS(ETHNIC_2021), OPTIONS(ETHNIC_2011),
		OPTIONS(ETHNIC_BROAD) };
	static const int *const maps[] = { ETHNIC_2021_MAP, ETHNIC_2011_MAP, ETHNIC_BROAD_MAP };
	int form = x->cfg->ethnic_form;
	return closed(&sets[form], x->p->state[DIM_ETHNIC], maps[form][x->p->ethnic]);
}

static int is_any_other(int ethnic)
{
	return ethnic == ETH_OTHER_WHITE || ethnic == ETH_OTHER_MIXED ||
	       ethnic == ETH_OTHER_ASIAN || ethnic == ETH_OTHER_BLACK || ethnic == ETH_OTHER;
}

static const char *render_multi(const struct row_context *x, char *buf, size_t size)
{
	const struct topic *t = x->cfg->topic;
	size_t len = 0;
	int i, first = 1;
	buf[0] = '\0';
	for (i = 0; i < t->multi.n; i++) {
		if (!(x->p->multi & (1u << i)))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", first ? "" : x->s->multi_sep,
		                        t->multi.label[i]);
		first = 0;
		if (len >= size)
			return buf;
	}
	if (!first && x->s->multi_trailing)
		snprintf(buf + len, size - len, "%s", x->s->multi_sep);
	return buf;
}

static const char *render(struct row_context *x, const struct column *col, char *buf, size_t size)
{
	const struct person *p = x->p;
	const struct config *c = x->cfg;
	const struct wording *w = c->wording;
	const struct topic *t = c->topic;
	static const struct options likert = OPTIONS(LIKERT), limitation = OPTIONS(LIMITATION),
		yes_no = OPTIONS(YES_NO_DECLINE), responding = OPTIONS(RESPONDING_AS);

	switch (col->role) {
	case R_CONST:
		return col->value;
	case R_SEQ_ID:
		snprintf(buf, size, "%ld", x->row + 1);
		return buf;
	case R_EHQ_ID:
		snprintf(buf, size, "%ld", 20417 + x->row * 3 + (long)rng_below(&x->r, 3));
		return buf;
	case R_CS_ID: {
		static const char alnum[] = "ABCDEFGHJKMNPQRSTUVWXYZ123456789";
		char k[10];
		int i;
		for (i = 0; i < 9; i++)
			k[i] = alnum[rng_below(&x->r, sizeof alnum - 1)];
		snprintf(buf, size, "ANON-%.4s-%.4s-%c", k, k + 4, k[8]);
		return buf;
	}
	case R_SM_ID:
		snprintf(buf, size, "%lld", 11203984512LL + (long long)x->row * 37 +
		         (long long)rng_below(&x->r, 37));
		return buf;
	case R_SM_COLLECTOR:
		return x->email_style == 0 ? "418766532" : "418766115";
	case R_QX_ID: {
		static const char alnum[] =
			"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		int i;
		buf[0] = 'R';
		buf[1] = '_';
		for (i = 0; i < 15; i++)
			buf[2 + i] = alnum[rng_below(&x->r, sizeof alnum - 1)];
		buf[17] = '\0';
		return buf;
	}
	case R_START:
		format_time(buf, size, x->s->date, x->start);
		return buf;
	case R_END:
		format_time(buf, size, x->s->date, x->end);
		return buf;
	case R_DURATION:
		snprintf(buf, size, "%lld", x->end - x->start);
		return buf;
	case R_EMAIL:
		return render_email(x, buf, size);
	case R_EMAIL_SOMETIMES:   /* SurveyMonkey: only the e-mail collector knows who answered */
		return x->email_style == 0 ? render_email(x, buf, size) : "";
	case R_EMAIL_OPTIONAL:
		return x->email_number % 3 == 0 ? render_email(x, buf, size) : "";
	case R_FIRST:
		return x->email_style == 0 ? name_given(x) : "";
	case R_LAST:
		return x->email_style == 0 ? SURNAMES[x->family] : "";
	case R_FULL_NAME:
		if (x->email_number % 5 >= 2)
			return "";
		snprintf(buf, size, "%s %s", name_given(x), SURNAMES[x->family]);
		return buf;
	case R_LOGIN:
		snprintf(buf, size, "%s%s%d", LOGIN_A[x->given % COUNT(LOGIN_A)],
		         LOGIN_B[x->family % COUNT(LOGIN_B)], x->email_number % 100);
		return buf;
	case R_IP: {
		static const char *const nets[] = { "192.0.2", "198.51.100", "203.0.113" };
		snprintf(buf, size, "%s.%d", nets[rng_below(&x->r, 3)], 1 + (int)rng_below(&x->r, 254));
		return buf;
	}
	case R_LAT:
		snprintf(buf, size, "51.%04d", 2200 + (int)rng_below(&x->r, 1400));
		return buf;
	case R_LON:
		snprintf(buf, size, "0.%04d", 3800 + (int)rng_below(&x->r, 3000));
		return buf;
	case R_POSTCODE:
		return p->responding_as == 0 || p->responding_as == 3 ? x->postcode : "";
	case R_RESPONDING_AS:
		return closed(&responding, ANSWERED, p->responding_as);
	case R_MAIN:
		return closed(&likert, ANSWERED, p->main_answer);
	case R_SECOND:
		return closed(&t->second, ANSWERED, p->second_answer);
	case R_MULTI_JOINED:
		return render_multi(x, buf, size);
	case R_MULTI_OPTION:
		return p->multi & (1u << col->arg) ? t->multi.label[col->arg] : "";
	case R_FREE_TEXT:
		return p->text;
	case R_AGE:
		return render_age(x, buf, size);
	case R_SEX:
		return closed(&w->sex, p->state[DIM_SEX],
		              w->sex_map[p->self_describe ? 2 : p->female ? 0 : 1]);
	case R_GENDER_ID:
		return closed(&yes_no, p->state[DIM_GENDER], p->trans ? 1 : 0);
	case R_ETHNIC:
		return render_ethnic(x);
	case R_ETHNIC_WRITE_IN:
		return p->state[DIM_ETHNIC] == ANSWERED && is_any_other(p->ethnic) && p->write_in >= 0
		       ? ETHNIC_WRITE_IN[p->write_in] : "";
	case R_DISABLED:
		return closed(&yes_no, p->state[DIM_DISABILITY], p->says_disabled ? 0 : 1);
	case R_CONDITION:
		return closed(&yes_no, p->state[DIM_DISABILITY], p->condition ? 0 : 1);
	case R_LIMITATION:
		if (p->state[DIM_DISABILITY] != ANSWERED)
			return "";
		if (!p->condition)   /* skip logic: most who said No never see this question */
			return p->answers_follow_up ? LIMITATION[2] : "";
		return closed(&limitation, p->state[DIM_LIMITATION], p->limitation);
	case R_ORIENTATION:
		return closed(&w->orientation, p->state[DIM_ORIENTATION],
		              w->orientation_map[p->orientation * 2 + p->female]);
	case R_RELIGION:
		return closed(&w->religion, p->state[DIM_RELIGION], p->religion);
	case R_FORCES:
		return closed(&w->forces, p->state[DIM_FORCES], w->forces_map[p->forces]);
	case R_CARER:
		return closed(&w->carer, p->state[DIM_CARER], w->carer_map[p->carer]);
	case R_BENCH_ITEM:
		return closed(&likert, ANSWERED, p->bench_answer[col->arg]);
	case R_BENCH_TEXT:
		return p->bench_text ? BENCH_TEXT[p->bench_text - 1] : "";
	}
	return "";
}

static void write_headers(struct out *o, const struct survey *s)
{
	int i;
	if (s->header_rows == 3) {
		for (i = 0; i < s->n; i++)
			out_field(o, s->col[i].tag[0] ? s->col[i].tag : s->col[i].header);
		out_record_end(o);
	}
	for (i = 0; i < s->n; i++)
		out_field(o, s->col[i].continues ? "" : s->col[i].header);
	out_record_end(o);
	if (s->header_rows == 2) {
		for (i = 0; i < s->n; i++)
			out_field(o, s->col[i].sub ? s->col[i].sub : "");
		out_record_end(o);
	}
	if (s->header_rows == 3) {
		for (i = 0; i < s->n; i++)
			out_field(o, s->col[i].import_id);
		out_record_end(o);
	}
}

/* ------------------------------------------------------------------------ */
/* When responses arrive: more at the start and the end, by day and evening.*/

struct timeline {
	long opened;          /* first day */
	int outreach;         /* day the outreach starts (0: the first), or -1 */
	int minutes;          /* minutes in the window */
	uint64_t *cum;        /* cumulative weight per minute */
};

static int minute_weight(const struct timeline *tl, int minute)
{
	static const int hour_w[24] = { 3, 2, 1, 1, 1, 2, 8, 20, 40, 60, 70, 70, 75, 70, 65, 60,
		55, 55, 60, 75, 85, 75, 45, 20 };
	int day = minute / 1440, hour = minute % 1440 / 60;
	int days = tl->minutes / 1440, w;
	if (day == 0 && hour < 9)
		return 0;   /* opens at 09:00 */
	w = day < 3 ? 300 : day < 7 ? 180 : day >= days - 2 ? 220 : 100;
	if (tl->outreach >= 0 && day >= tl->outreach && day < tl->outreach + 7)
		w = w * 16 / 10;   /* the outreach week brings more */
	if (weekday(tl->opened + day) == 0 || weekday(tl->opened + day) == 6)
		w = w * 8 / 10;
	return w * hour_w[hour];
}

static void timeline_init(struct timeline *tl, long opened, long closed, int outreach)
{
	int i;
	uint64_t total = 0;
	tl->opened = opened;
	tl->outreach = outreach;
	tl->minutes = (int)(closed - opened + 1) * 1440;
	tl->cum = malloc((size_t)tl->minutes * sizeof *tl->cum);
	if (!tl->cum) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		exit(1);
	}
	for (i = 0; i < tl->minutes; i++) {
		total += (uint64_t)minute_weight(tl, i);
		tl->cum[i] = total;
	}
}

/* Submission time of row i of n: stratified draws through the inverse CDF, so rows come in time order. */
static long long timeline_at(const struct timeline *tl, struct rng *r, long i, long n)
{
	uint64_t total = tl->cum[tl->minutes - 1];
	uint64_t target = ((uint64_t)i * total + rng_below(r, total)) / (uint64_t)n;
	int lo = 0, hi = tl->minutes - 1;
	uint64_t before, weight;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (tl->cum[mid] > target) hi = mid; else lo = mid + 1;
	}
	before = lo ? tl->cum[lo - 1] : 0;
	weight = tl->cum[lo] - before;
	return (long long)tl->opened * 86400 + (long long)lo * 60 +
	       (long long)((target - before) * 60 / weight);
}

/* ------------------------------------------------------------------------ */
/* Command line.                                                            */

static void usage(FILE *f)
{
	fprintf(f,
	"usage: %s --layout L --rows N --seed S --year Y [--title T] [--topic K]\n"
	"                  [--age FORM] [--ethnic FORM] [--disability one|two] [--min-age N]\n"
	"                  [--opened YYYY-MM-DD] [--outreach DAY] [--meta]\n"
	"Writes a synthetic consultation response export to stdout.\n"
	"  --layout   letstalk citizenspace surveymonkey qualtrics googleforms msforms_excel bench\n"
	"  --rows     number of responses (data rows)\n"
	"  --seed     any unsigned number; the same arguments give the same bytes\n"
	"  --year     year the consultation opens; from 2021 the sex, sexual orientation,\n"
	"             religion, armed forces and carer questions use Census 2021 wording\n"
	"  --topic    parking leisure localplan budget towncentre waste (default parking;\n"
	"             budget for the bench layout)\n"
	"  --age      bands bands-to bands-85 bands-endash age birth-year dob (default by layout)\n"
	"  --ethnic   2021 2011 broad (default 2021 from 2022, else 2011)\n"
	"  --disability  one: \"Do you consider yourself ...\"; two: Equality Act two-question form\n"
	"  --min-age  youngest respondent (11 to 18, default 16)\n"
	"  --opened   first day (default: the topic's usual month in --year)\n"
	"  --outreach day of the consultation (0: the first) targeted outreach starts: the\n"
	"             young, the oldest and ethnic minorities answer less before it, more after\n"
	"  --title    consultation title, printed by --meta (default from topic and year)\n"
	"  --meta     print title,platform,opened,closed,min_age as one CSV line instead\n", PROG);
}

static _Noreturn void die_usage(const char *msg, const char *arg)
{
	fprintf(stderr, "%s: %s%s%s\nTry '%s --help'.\n", PROG, msg, arg ? ": " : "", arg ? arg : "",
	        PROG);
	exit(2);
}

static long parse_number(const char *s, long lo, long hi, const char *what)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		die_usage(what, s);
	return v;
}

/* A date YYYY-MM-DD as days since 1970; a date that is not in the calendar is misuse. */
static long parse_date(const char *s)
{
	int y, m, d, y2, m2, d2;
	char tail;
	long day;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		die_usage("bad date (want YYYY-MM-DD)", s);
	day = days_from_civil(y, m, d);
	civil_from_days(day, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		die_usage("no such date", s);
	return day;
}

static int lookup(const char *const *names, int n, const char *s, const char *what)
{
	int i;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	die_usage(what, s);
}

static void print_csv_cell(const char *s, int last)
{
	const char *p;
	if (strpbrk(s, ",\"\r\n")) {
		putchar('"');
		for (p = s; *p; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	} else {
		fputs(s, stdout);
	}
	putchar(last ? '\n' : ',');
}

int main(int argc, char **argv)
{
	static const char *const ethnic_names[] = { "2021", "2011", "broad" };
	static const char *const disability_names[] = { "one", "two" };
	const char *layout_name = NULL, *topic_name = NULL, *age_name = NULL, *ethnic_name = NULL;
	const char *disability_name = NULL, *opened_arg = NULL;
	const struct layout *layout = NULL;
	struct config c;
	static struct survey s;
	static struct out o;
	static struct person p;
	struct timeline tl;
	char title[200], buf[1200];
	int i, have_rows = 0, have_seed = 0, have_year = 0, meta = 0;
	long row;

	memset(&c, 0, sizeof c);
	c.min_age = 16;
	c.outreach = -1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--meta") == 0) {
			meta = 1;
			continue;
		}
		if (i + 1 >= argc)
			die_usage("missing value or unknown option", a);
		if (strcmp(a, "--layout") == 0) layout_name = argv[++i];
		else if (strcmp(a, "--rows") == 0) { c.rows = parse_number(argv[++i], 0, 100000000, "bad --rows"); have_rows = 1; }
		else if (strcmp(a, "--seed") == 0) { c.seed = (uint64_t)parse_number(argv[++i], 0, LONG_MAX, "bad --seed"); have_seed = 1; }
		else if (strcmp(a, "--year") == 0) { c.year = (int)parse_number(argv[++i], 1990, 2100, "bad --year"); have_year = 1; }
		else if (strcmp(a, "--title") == 0) c.title = argv[++i];
		else if (strcmp(a, "--topic") == 0) topic_name = argv[++i];
		else if (strcmp(a, "--age") == 0) age_name = argv[++i];
		else if (strcmp(a, "--ethnic") == 0) ethnic_name = argv[++i];
		else if (strcmp(a, "--disability") == 0) disability_name = argv[++i];
		else if (strcmp(a, "--min-age") == 0) c.min_age = (int)parse_number(argv[++i], 11, 18, "bad --min-age");
		else if (strcmp(a, "--opened") == 0) opened_arg = argv[++i];
		else if (strcmp(a, "--outreach") == 0) c.outreach = (int)parse_number(argv[++i], 0, 365, "bad --outreach");
		else die_usage("unknown option", a);
	}
	if (!layout_name || !have_rows || !have_seed || !have_year)
		die_usage("--layout, --rows, --seed and --year are required", NULL);
	for (i = 0; i < COUNT(LAYOUTS); i++)
		if (strcmp(LAYOUTS[i].name, layout_name) == 0)
			layout = &LAYOUTS[i];
	if (!layout)
		die_usage("unknown layout", layout_name);

	c.layout = layout->name;
	if (!topic_name)
		topic_name = strcmp(layout->name, "bench") == 0 ? "budget" : "parking";
	for (i = 0; i < COUNT(TOPICS); i++)
		if (strcmp(TOPICS[i].key, topic_name) == 0)
			c.topic = &TOPICS[i];
	if (!c.topic)
		die_usage("unknown topic", topic_name);
	c.age_form = (int)layout->age_form;
	if (age_name)
		c.age_form = lookup(AGE_FORM_NAME, COUNT(AGE_FORM_NAME), age_name, "unknown age form");
	c.ethnic_form = ethnic_name ? lookup(ethnic_names, 3, ethnic_name, "unknown ethnic form")
	                            : c.year >= 2022 ? 0 : 1;
	c.two_question_disability = disability_name
		? lookup(disability_names, 2, disability_name, "unknown disability form")
		: layout->two_question_disability;
	c.wording = c.year >= 2021 ? &WORDING_FROM_2021 : &WORDING_BEFORE_2021;
	c.opened = opened_arg ? parse_date(opened_arg)
	                      : days_from_civil(c.year, c.topic->open_month, c.topic->open_day);
	c.closed = c.opened + c.topic->days - 1;
	if (c.outreach > c.topic->days - 1)
		die_usage("--outreach is after the closing day", NULL);
	if (!c.title) {
		snprintf(title, sizeof title, "%s %d", c.topic->title, c.year);
		c.title = title;
	}

	if (meta) {
		int y, m, d;
		char date[16];
		print_csv_cell(c.title, 0);
		print_csv_cell(layout->platform, 0);
		civil_from_days(c.opened, &y, &m, &d);
		snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
		print_csv_cell(date, 0);
		civil_from_days(c.closed, &y, &m, &d);
		snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
		print_csv_cell(date, 0);
		printf("%d\n", c.min_age);
		return ferror(stdout) ? 1 : 0;
	}

	c.age_cum = malloc((size_t)(MAX_AGE - c.min_age + 1) * sizeof *c.age_cum);
	c.age_cum_late = malloc((size_t)(MAX_AGE - c.min_age + 1) * sizeof *c.age_cum_late);
	if (!c.age_cum || !c.age_cum_late) {
		fprintf(stderr, "%s: out of memory\n", PROG);
		return 1;
	}
	{
		long long total = 0, late = 0;
		int age;
		for (age = c.min_age; age <= MAX_AGE; age++) {
			long long w = population_weight(age) * response_propensity(age);
			int targeted = c.outreach >= 0 && outreach_targets_age(age);
			total += targeted ? w * OUTREACH_BEFORE / 100 : w;
			late += targeted ? w * OUTREACH_AFTER / 100 : w;
			c.age_cum[age - c.min_age] = total;
			c.age_cum_late[age - c.min_age] = late;
		}
	}
	s.header_rows = 1;
	layout->build(&s, &c);
	timeline_init(&tl, c.opened, c.closed, c.outreach);

	o.cp1252 = layout->cp1252;
	o.quote_all = layout->quote_all;
	o.eol = layout->eol;
	write_headers(&o, &s);

	for (row = 0; row < c.rows; row++) {
		struct row_context x;
		int d;
		memset(&x, 0, sizeof x);
		x.cfg = &c;
		x.s = &s;
		x.p = &p;
		x.row = row;
		rng_seed(&x.r, c.seed, (uint64_t)row, 2);
		x.end = timeline_at(&tl, &x.r, row, c.rows);
		{
			static const int spread[] = { 20, 45, 25, 10 };
			static const int base[] = { 120, 300, 720, 1500 };
			d = rng_pick(&x.r, spread, 4);
			x.start = x.end - base[d] - (long long)rng_below(&x.r, (uint64_t)base[d]);
		}
		x.given = (int)rng_below(&x.r, 1000);
		x.family = (int)rng_below(&x.r, COUNT(SURNAMES));
		x.domain = (int)rng_below(&x.r, COUNT(EMAIL_DOMAINS));
		x.email_number = (int)rng_below(&x.r, 1000);
		x.email_style = (int)rng_below(&x.r, 7) == 0 ? 0 : 1 + (int)rng_below(&x.r, 2);
		make_postcode(&x);
		person_make(&p, &c, row, x.end);
		for (i = 0; i < s.n; i++)
			out_field(&o, render(&x, &s.col[i], buf, sizeof buf));
		out_record_end(&o);
	}
	out_flush(&o);
	free(tl.cum);
	free(c.age_cum);
	free(c.age_cum_late);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error: %s\n", PROG, strerror(errno));
		return 1;
	}
	return 0;
}
