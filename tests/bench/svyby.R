# The R side of the benchmark: the item indices of every province with their standard errors and 95%
# intervals, from the platform's own CSV export, by R's survey package — what the engine computes for every
# item row (the engine also builds the node rows, design effects and degrees of freedom on top).
#
#   Rscript tests/bench/svyby.R <responses.csv> <items.csv> <out.csv>
#
# items.csv: item, positive, valid (option codes separated by '|'). Prints one line of JSON with timings.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 3)

t_read <- system.time({
  data <- read.csv(args[1], fileEncoding = "UTF-8-BOM", colClasses = "character", na.strings = character(0))
  items <- read.csv(args[2], colClasses = "character")
})[["elapsed"]]

t_compute <- system.time({
  # Responses without a PSU code are their own PSU, as in the engine.
  data$psu_id <- ifelse(data$psu == "", paste0("r", seq_len(nrow(data))), data$psu)
  data$w <- ifelse(data$weight == "", 1, as.numeric(data$weight))
  data$N <- as.numeric(data$fpc)
  for (i in seq_len(nrow(items))) {
    code <- items$item[i]
    answer <- data[[code]]
    valid <- answer %in% strsplit(items$valid[i], "|", fixed = TRUE)[[1]]
    data[[paste0("v_", code)]] <- as.numeric(valid)
    data[[paste0("y_", code)]] <- as.numeric(valid & answer %in% strsplit(items$positive[i], "|", fixed = TRUE)[[1]])
  }
  # Only the columns the estimates need: svyby copies the design's data for every group.
  keep <- c("unit", "stratum", "psu_id", "w", "N", paste0("y_", items$item), paste0("v_", items$item))
  design <- svydesign(ids = ~psu_id, strata = ~stratum, weights = ~w, fpc = ~N, nest = TRUE, data = data[, keep])
  out <- list()
  for (code in items$item) {
    by <- svyby(as.formula(paste0("~y_", code)), ~unit, design, svyratio, denominator = as.formula(paste0("~v_", code)), na.rm = FALSE)
    ci <- confint(by)
    out[[code]] <- data.frame(group = by$unit, node = code, estimate = 100 * coef(by), se = 100 * SE(by), ci_low = 100 * ci[, 1], ci_high = 100 * ci[, 2])
  }
  result <- do.call(rbind, out)
})[["elapsed"]]

write.csv(result, args[3], row.names = FALSE)
cat(sprintf('{"rows": %d, "items": %d, "groups": %d, "read_s": %.3f, "compute_s": %.3f, "r": "%s", "survey": "%s"}\n',
            nrow(data), nrow(items), length(unique(data$unit)), t_read, t_compute, R.version.string, packageVersion("survey")))
