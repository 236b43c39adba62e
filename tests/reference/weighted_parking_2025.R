# Reference values for tests/cases/report-weighted-matches-r: the parking-2025
# sample raked to Maidstone's census margins (age in the consultation's bands
# and sex, residents 16 and over; ethnic group, all ages) with R's survey
# package, from the export and the census seed files alone.
#   Rscript tests/reference/weighted_parking_2025.R > tests/cases/report-weighted-matches-r/expected.out
# R 4.2.2, survey 4.1-1.
#
# Every respondent is raked. On each margin a respondent whose category is
# not known (blank, "Prefer not to say", or a category the census has no
# figure for, such as "Prefer to self-describe") is in a group of its own,
# whose target is its share of respondents times the population total; the
# known groups share the rest in the census's proportions. Groups of fewer
# than 20 respondents are merged first: the band 85 or over (5) with 75-84;
# the four ethnic groups other than White (17, 13, 12, 10) pooled.
# The weights are calibrate(calfun = "raking") from equal start weights (the
# mean), and each share is svymean on that calibrated design (linearisation
# with the calibration residuals) with confint() for its interval.
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
known <- function(v, levels, merged) {
  v <- ifelse(v %in% levels, merged[match(v, levels)], "not known")
  factor(v, levels = c(unique(merged), "not known"))
}
age_groups <- c(bands[1:6], "75 or over", "75 or over")
eth_groups <- c("pooled", "pooled", "pooled", "White", "pooled")
d <- data.frame(
  age = known(x[["Please select your age band"]], bands, age_groups),
  sex = known(x[["What is your sex?"]], c("Female", "Male"), c("Female", "Male")),
  eth = known(sub(":.*", "", x[["What is your ethnic group?"]]), groups5, eth_groups),
  agree = x[["To what extent do you agree or disagree with the proposal to increase charges in council car parks?"]],
  stringsAsFactors = FALSE)
n <- nrow(d)
cat(sprintf("raked %d\n", n))

age_pop <- as.numeric(mapply(residents, lo, hi)); total <- sum(age_pop)
sex_pop <- as.numeric(c(sum(sex$count[sex$category == "female" & sex$min_age >= 16]),
                        sum(sex$count[sex$category == "male" & sex$min_age >= 16])))
parent <- sub("_.*", "", eth$category)
eth_pop <- as.numeric(sapply(names(groups5), function(p) sum(eth$count[parent == p])))
# Known groups in the census's proportions of the known share; "not known" its share.
margin <- function(v, pop, merged) {
  unknown <- mean(v == "not known")
  g <- tapply(pop, factor(merged, levels = unique(merged)), sum)
  c(total * (1 - unknown) * g / sum(g), "not known" = total * unknown)
}
t_age <- margin(d$age, age_pop, age_groups)
t_sex <- margin(d$sex, sex_pop, c("Female", "Male"))
t_eth <- margin(d$eth, eth_pop, eth_groups)
population <- c("(Intercept)" = total, t_age[-1], t_sex[-1], t_eth[-1])
names(population) <- c("(Intercept)", paste0("age", names(t_age)[-1]), paste0("sex", names(t_sex)[-1]),
                       paste0("eth", names(t_eth)[-1]))

d$start <- total / n
des <- svydesign(ids = ~1, weights = ~start, data = d)
cal <- function(bounds) calibrate(des, ~age + sex + eth, population, calfun = "raking", bounds = bounds,
                                  maxit = 2000, epsilon = 1e-12)
report <- function(raked) {
  w <- weights(raked)
  cat(sprintf("design effect %.4f effective n %.2f max weight ratio %.4f\n",
              length(w) * sum(w^2) / sum(w)^2, sum(w)^2 / sum(w^2), max(w) / mean(w)))
  for (a in c("Strongly disagree", "Disagree", "Agree", "Neither agree nor disagree", "Strongly agree", "Don't know")) {
    y <- ifelse(d$agree == "", NA, as.numeric(d$agree == a))
    m <- svymean(~y, update(raked, y = y), na.rm = TRUE)
    ci <- confint(m)
    cat(sprintf("%s: %.6f se %.6f ci %.6f %.6f\n", a, coef(m), SE(m), max(0, ci[1]), min(1, ci[2])))
  }
}
cat("no cap\n")
report(cal(c(-Inf, Inf)))
# The weights bounded at 3 times the mean (reach --weight-cap 3): the start
# weights are the mean, so the bounds are multiples of it.
cat("cap 3\n")
report(cal(c(0, 3)))
