# Reference values for test_ratio_trend in tests/unit/test_stats.c: a
# representation ratio's trend as a straight line in log RR, weighted by
# each point's count (1 / var(log RR) = x n / (n - x), the delta method for a
# share p = x / n of n known answers), the year centred at the first year.
#   Rscript tests/reference/ratio_trend_unit.R > tests/reference/ratio_trend_unit.out
# R 4.2.2, base stats only (lm, confint, predict).
year <- c(2018.15, 2019.57, 2020.88, 2021.28, 2023.00, 2023.65, 2025.15)
x    <- c(34, 15, 19, 14, 43, 18, 52)          # respondents in the group
n    <- c(620, 410, 515, 390, 760, 345, 1010)  # known answers
q    <- c(0.095, 0.097, 0.099, 0.100, 0.100, 0.100, 0.100)  # census share
p <- function(v) cat(sprintf("%-22s %.15g\n", deparse(substitute(v)), v))

fit <- function(keep, level = 0.95) {
  y <- log(x / n / q)[keep]; t <- year[keep]; w <- (x * n / (n - x))[keep]
  t0 <- min(t); t1 <- max(t)
  f <- lm(y ~ I(t - t0), weights = w)
  s <- summary(f)$coefficients
  ci <- confint(f, level = level)[2, ]
  ends <- exp(predict(f, data.frame(t = c(t0, t1)), interval = "confidence", level = level))
  cat(sprintf("# points %s, level %.2f\n", paste(which(keep), collapse = " "), level))
  cat(sprintf("weight %s\n", paste(sprintf("%.15g", w), collapse = " ")))
  cat(sprintf("slope %.15g se %.15g ci %.15g %.15g\n", s[2, 1], s[2, 2], ci[1], ci[2]))
  cat(sprintf("intercept %.15g se %.15g df %d\n", s[1, 1], s[1, 2], f$df.residual))
  cat(sprintf("change %.15g ci %.15g %.15g\n", exp(s[2, 1]) - 1, exp(ci[1]) - 1, exp(ci[2]) - 1))
  cat(sprintf("first %.15g %.15g %.15g\n", ends[1, 1], ends[1, 2], ends[1, 3]))
  cat(sprintf("last %.15g %.15g %.15g\n", ends[2, 1], ends[2, 2], ends[2, 3]))
}
fit(rep(TRUE, 7))
fit(rep(TRUE, 7), level = 0.90)
fit(c(FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE))
# The weight of one point from its definition, 1 / var(log p) with var(log p) = (1 - p) / (n p), p = 34 / 620.
cat(sprintf("weight(34, 620) %.15g\n", 1 / ((1 - 34 / 620) / (620 * 34 / 620))))
