# Reference values for the readings of tests/unit/test_stats.c (test_readings,
# test_parity_p, test_p_adjust): each case's representation-ratio interval
# (the Wilson interval of n_k / n_known, divided by q), the size band and
# evidence it gives, and the parity p-value and its adjustments.
#   Rscript tests/reference/readings.R > tests/reference/readings.out
# R 4.2.2, base stats only (prop.test, p.adjust).
reading <- function(k, n, q) {
  ci <- if (n > 0) prop.test(k, n, correct = FALSE)$conf.int else c(NA, NA)
  rr <- if (n > 0 && q > 0) (k / n) / q else NA
  lo <- ci[1] / q; hi <- ci[2] / q
  size <- if (is.na(rr)) "unknown" else if (rr < 0.5) "under_half" else if (rr < 0.8) "below_four_fifths" else
    if (rr <= 1.25) "near_parity" else "over"
  evidence <- if (is.na(rr)) "-" else if (hi < 1) "below" else if (lo > 1) "above" else "unclear"
  too_few <- !(n * q > 0) || is.na(rr) || (lo < 0.5 && hi > 1.25)
  cat(sprintf("k %g n %g q %g: ratio %.6f (%.6f-%.6f) expected %.2f size %s evidence %s%s\n", k, n, q, rr, lo, hi,
              n * q, size, evidence, if (too_few) " too few to say" else ""))
}
reading(6, 138, 0.1)       # 6 seen against 13.8 expected
reading(5, 600, 0.05)      # an 85+ group at a sixth of its share
reading(30, 400, 0.15)
reading(12, 100, 0.16)
reading(80, 200, 0.2)
reading(50, 200, 0.25)
reading(12, 40, 0.1)
reading(9, 30, 0.5)
reading(0, 200, 0.2)
reading(1, 10, 0.1)
reading(850, 10000, 0.1)
reading(1100, 10000, 0.1)
reading(15, 100, 0.1)
reading(20, 200, 0)

cat("\nparity p-values, prop.test(k, n, p = q, correct = FALSE)$p.value:\n")
parity <- function(k, n, q) {
  p <- suppressWarnings(prop.test(k, n, p = q, correct = FALSE)$p.value)
  cat(sprintf("k %g n %g q %g: p %.10g\n", k, n, q, p))
  p
}
p <- c(parity(6, 138, 0.1), parity(30, 400, 0.15), parity(12, 100, 0.16), parity(80, 200, 0.2),
       parity(50, 200, 0.25), parity(0, 200, 0.2), parity(15, 100, 0.1), parity(850, 10000, 0.1))

cat("\nthe eight above with an NA fourth, p.adjust:\n")
v <- c(p[1:3], NA, p[4:8])
cat(sprintf("holm %s\n", paste(sprintf("%.10g", p.adjust(v, "holm")), collapse = " ")))
cat(sprintf("BH   %s\n", paste(sprintf("%.10g", p.adjust(v, "BH")), collapse = " ")))
cat("\nties, p.adjust(c(0.01, 0.04, 0.04, 0.03, 0.5)):\n")
t <- c(0.01, 0.04, 0.04, 0.03, 0.5)
cat(sprintf("holm %s\n", paste(sprintf("%.10g", p.adjust(t, "holm")), collapse = " ")))
cat(sprintf("BH   %s\n", paste(sprintf("%.10g", p.adjust(t, "BH")), collapse = " ")))
