# Checks tests/cases/readings-adjust from its own JSON reports: every
# category's and group's p-value of parity recomputed from its counts with
# prop.test, and the Holm and BH adjustments across all of them with p.adjust.
#   (in a copy of the case, after its cmd) Rscript tests/reference/readings_adjust.R
# R 4.2.2 with jsonlite; prints the number of comparisons and the largest
# relative differences from reach's values (readings_adjust.out).
library(jsonlite)
rows <- function(file) {
  r <- fromJSON(file, simplifyVector = FALSE)
  out <- NULL
  for (d in r$dimensions) for (c in c(d$categories, d$groups))
    if (!is.null(c$p)) out <- rbind(out, data.frame(n = c$n, known = d$n_known, q = c$population_share,
                                                    p = c$p, adj = c$p_adjusted))
  out
}
none <- rows("none.json"); holm <- rows("holm.json"); bh <- rows("bh.json")
p <- mapply(function(k, n, q) suppressWarnings(prop.test(k, n, p = q, correct = FALSE)$p.value),
            none$n, none$known, none$q)
rel <- function(got, want) max(abs(got - want) / pmax(want, 1e-300))
cat(sprintf("comparisons %d\n", length(p)))
cat(sprintf("p: largest relative difference %.1e\n", rel(none$p, p)))
cat(sprintf("holm: largest relative difference %.1e\n", rel(holm$adj, p.adjust(p, "holm"))))
cat(sprintf("BH: largest relative difference %.1e\n", rel(bh$adj, p.adjust(p, "BH"))))
