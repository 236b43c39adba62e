# Reference values for tests/cases/trend-matches-r: the bme group's trend
# across the seven sample consultations, as a straight line in the log of its
# representation ratio, each consultation weighted by its count.
#   Rscript tests/reference/trend_bme.R > tests/reference/trend_bme.out
# R 4.2.2, base stats only (lm, confint, predict).
# The counts x (bme respondents) of n known ethnic-group answers are those
# reach counts in each consultation (parking-2025's, 52 of 1010, are checked
# against the export by report-matches-r); the census share q and the
# closing dates are taken here from the seed files.
eth <- read.csv("seeds/baselines/E07000110_TS021_ethnicity.csv", stringsAsFactors = FALSE)
eth <- eth[eth$dimension == "ethnicity_detailed", ]
q <- sum(eth$count[!startsWith(eth$category, "white")]) / sum(eth$count)
cons <- read.csv("seeds/samples/consultations.csv", stringsAsFactors = FALSE)
closed <- as.Date(cons$closed)
x <- c(34, 15, 19, 14, 43, 18, 52)
n <- c(602, 408, 507, 378, 754, 340, 1010)
year <- 1970 + as.numeric(closed) / 365.2425
t0 <- min(year); t1 <- max(year)
w <- x * n / (n - x)                     # 1 / var(log RR), var(log RR) = (1 - p) / (n p)
f <- lm(log(x / n / q) ~ I(year - t0), weights = w)
b <- coef(f)[2]; ci <- confint(f)[2, ]
ends <- exp(predict(f, data.frame(year = c(t0, t1)), interval = "confidence"))
cat(sprintf("q %.6f\n", q))
cat(sprintf("weight %s\n", paste(sprintf("%.6f", w), collapse = " ")))
cat(sprintf("se %s\n", paste(sprintf("%.6f", 1 / sqrt(w)), collapse = " ")))
cat(sprintf("log slope %.6f ci %.6f %.6f\n", b, ci[1], ci[2]))
cat(sprintf("change %.6f ci %.6f %.6f\n", exp(b) - 1, exp(ci[1]) - 1, exp(ci[2]) - 1))
cat(sprintf("first %.6f %.6f %.6f\n", ends[1, 1], ends[1, 2], ends[1, 3]))
cat(sprintf("last %.6f %.6f %.6f\n", ends[2, 1], ends[2, 2], ends[2, 3]))
