# Reference values for tests/cases/report-matches-r: the parking-2025 sample
# consultation compared with Maidstone's census population, computed
# independently of reach, from the export file and the census seed files.
#   Rscript tests/reference/report_parking_2025.R > tests/cases/report-matches-r/expected.out
# R 4.2.2, base stats only (prop.test, chisq.test).
x <- read.csv("seeds/samples/synthetic_2025_letstalk_parking.csv", check.names = FALSE,
              stringsAsFactors = FALSE, encoding = "UTF-8")
age <- read.csv("seeds/baselines/E07000110_TS007_age.csv", stringsAsFactors = FALSE)
eth <- read.csv("seeds/baselines/E07000110_TS021_ethnicity.csv", stringsAsFactors = FALSE)
sex <- read.csv("seeds/baselines/E07000110_TS009_sex.csv", stringsAsFactors = FALSE)
dis <- read.csv("seeds/baselines/E07000110_TS038_disability.csv", stringsAsFactors = FALSE)
residents <- function(lo, hi) sum(age$count[age$min_age >= lo & age$min_age <= hi])

report <- function(dim, codes, n, pop, groups = list()) {
  known <- sum(n); total <- sum(pop)
  row <- function(code, k, N) {
    ci <- prop.test(k, known, correct = FALSE)$conf.int
    q <- N / total
    cat(sprintf("%s %s %d %.6f %.6f %.6f %.6f %.6f %.6f %.4f\n", dim, code, k, k / known, ci[1], ci[2],
                (k / known) / q, ci[1] / q, ci[2] / q, 1000 * k / N))
  }
  for (i in seq_along(codes)) row(codes[i], n[i], pop[i])
  for (g in names(groups)) row(g, sum(n[groups[[g]]]), sum(pop[groups[[g]]]))
  t <- suppressWarnings(chisq.test(n, p = pop / total))
  cat(sprintf("%s test %.4f %d %.6g %.4f\n", dim, t$statistic, t$parameter, t$p.value, sqrt(t$statistic / known)))
}

# Age, in the consultation's own bands (16–24 … 75–84, 85 or over), residents aged 16 and over.
a <- x[["Please select your age band"]]
bands <- c("16–24", "25–34", "35–44", "45–54", "55–64", "65–74", "75–84", "85 or over")
lo <- c(16, 25, 35, 45, 55, 65, 75, 85); hi <- c(24, 34, 44, 54, 64, 74, 84, 200)
codes <- c("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+")
n <- sapply(bands, function(b) sum(a == b))
pop <- mapply(residents, lo, hi)
report("age", codes, n, pop, list("75+" = 7:8))

# Sex: female, male ("Prefer to self-describe" is not compared), residents aged 16 and over
# (TS009 by single year of age: 16 … 89 and 90 and over).
s <- x[["What is your sex?"]]
adults <- function(code) sum(sex$count[sex$category == code & sex$min_age >= 16])
report("sex", c("female", "male"), c(sum(s == "Female"), sum(s == "Male")),
       c(adults("female"), adults("male")))

# Ethnic group, five groups from the nineteen tick boxes by their heading; BME = all but White.
e <- x[["What is your ethnic group?"]]
heading <- sub(":.*", "", e)
groups5 <- c("Asian or Asian British", "Black, Black British, Caribbean or African",
             "Mixed or Multiple ethnic groups", "White", "Other ethnic group")
n <- sapply(groups5, function(h) sum(heading == h))
parent <- sub("_.*", "", eth$category)
pop <- sapply(c("asian", "black", "mixed", "white", "other"), function(p) sum(eth$count[parent == p]))
report("ethnicity", c("asian", "black", "mixed", "white", "other"), n, pop, list(bme = c(1, 2, 3, 5)))

# Disability, the Equality Act two-question form: disabled when a condition limits activities.
cond <- x[["Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?"]]
lim <- x[["Do any of your conditions or illnesses reduce your ability to carry out day-to-day activities?"]]
disabled <- sum(cond == "Yes" & lim %in% c("Yes, a lot", "Yes, a little"))
not_disabled <- sum(cond == "No" | (cond == "Yes" & lim == "Not at all"))
report("disability", c("disabled", "not_disabled"), c(disabled, not_disabled),
       c(dis$count[dis$category == "disabled"], dis$count[dis$category == "not_disabled"]))
