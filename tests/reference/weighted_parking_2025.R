# Reference values for tests/cases/report-weighted-matches-r: the parking-2025
# sample raked to Maidstone's census margins (age in the consultation's bands
# and sex, residents 16 and over; the five ethnic groups, all ages), without a
# weight cap, with R's survey package, from the export and the census seed
# files alone.
#   Rscript tests/reference/weighted_parking_2025.R > tests/cases/report-weighted-matches-r/expected.out
# R 4.2.2, survey 4.1-1.
suppressMessages(library(survey))
x <- read.csv("seeds/samples/synthetic_2025_letstalk_parking.csv", check.names = FALSE,
              stringsAsFactors = FALSE, encoding = "UTF-8")
age <- read.csv("seeds/baselines/E07000110_TS007_age.csv", stringsAsFactors = FALSE)
eth <- read.csv("seeds/baselines/E07000110_TS021_ethnicity.csv", stringsAsFactors = FALSE)
sex <- read.csv("seeds/baselines/E07000110_TS009_sex.csv", stringsAsFactors = FALSE)
residents <- function(lo, hi) sum(age$count[age$min_age >= lo & age$min_age <= hi])

bands <- c("16–24", "25–34", "35–44", "45–54", "55–64", "65–74", "75–84", "85 or over")
lo <- c(16, 25, 35, 45, 55, 65, 75, 85); hi <- c(24, 34, 44, 54, 64, 74, 84, 200)
groups5 <- c(asian = "Asian or Asian British", black = "Black, Black British, Caribbean or African",
             mixed = "Mixed or Multiple ethnic groups", white = "White", other = "Other ethnic group")
d <- data.frame(
  age = factor(x[["Please select your age band"]], levels = bands),
  sex = factor(x[["What is your sex?"]], levels = c("Female", "Male")),
  eth = factor(sub(":.*", "", x[["What is your ethnic group?"]]), levels = groups5),
  agree = x[["To what extent do you agree or disagree with the proposal to increase charges in council car parks?"]],
  stringsAsFactors = FALSE)
d <- d[complete.cases(d[, c("age", "sex", "eth")]), ]
cat(sprintf("raked %d\n", nrow(d)))

# Margins, each scaled to the total of the first (age), as reach does.
age_pop <- as.numeric(mapply(residents, lo, hi)); total <- sum(age_pop)
# Sex: residents aged 16 and over (TS009 by single year of age: 16 … 89 and 90 and over).
sex_pop <- as.numeric(c(sum(sex$count[sex$category == "female" & sex$min_age >= 16]),
                        sum(sex$count[sex$category == "male" & sex$min_age >= 16])))
parent <- sub("_.*", "", eth$category)
eth_pop <- as.numeric(sapply(names(groups5), function(p) sum(eth$count[parent == p])))
m_age <- data.frame(age = factor(bands, levels = bands), Freq = age_pop)
m_sex <- data.frame(sex = factor(c("Female", "Male")), Freq = sex_pop * total / sum(sex_pop))
m_eth <- data.frame(eth = factor(groups5, levels = groups5), Freq = eth_pop * total / sum(eth_pop))

des <- svydesign(ids = ~1, weights = ~1, data = d)
raked <- rake(des, list(~age, ~sex, ~eth), list(m_age, m_sex, m_eth),
              control = list(maxit = 2000, epsilon = 1e-10))
w <- weights(raked)
cat(sprintf("design effect %.4f effective n %.2f max weight ratio %.4f\n",
            length(w) * sum(w^2) / sum(w)^2, sum(w)^2 / sum(w^2), max(w) / mean(w)))
# reach's interval treats the raked weights as fixed, as a design with those
# weights does (svydesign(weights = ~w)): it does not credit the raking, so it
# is a little wider than svymean on the raked design itself, shown last.
d$w <- w
fixed <- svydesign(ids = ~1, weights = ~w, data = d)
for (a in c("Strongly disagree", "Disagree", "Agree", "Neither agree nor disagree", "Strongly agree", "Don't know")) {
  d$y <- ifelse(d$agree == "", NA, as.numeric(d$agree == a))
  m <- svymean(~y, update(fixed, y = d$y), na.rm = TRUE)
  calibrated <- svymean(~y, update(raked, y = d$y), na.rm = TRUE)
  cat(sprintf("%s: %.6f se %.5f (raked design: se %.5f)\n", a, coef(m), SE(m), SE(calibrated)))
}
