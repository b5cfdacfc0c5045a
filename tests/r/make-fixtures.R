#!/usr/bin/env Rscript
## Reference values for the TypeScript index engine (app/domain/indices), computed with R's survey package.
##
##   Rscript tests/r/make-fixtures.R          (from the repository root)
##
## Writes tests/fixtures/r/definition.json and one JSON file per case. Every case holds its data (the records
## the engine reads), the engine options and, for every domain (the whole round and every group) and every
## row (tree nodes and their items), the numbers R gives. The vitest suite tests/unit/indices-vs-r.test.ts
## compares the engine with them and does not need R.
##
## Which R call gives which number:
##   item index            svyratio(~y_item, ~v_item)            (y = positive answer, v = valid answer)
##   items by group        svyby(~y, ~group, design, svyratio, denominator = ~v)   (domain estimation)
##   mean / weighted node  svycontrast() over svyratio(..., covmat = TRUE) of the node's items / pooled children
##   pooled node           svyratio(~(sum of y below), ~(sum of v below))
##   item-rule node        the chosen item's svyratio
##   mean of unit indices  svycontrast(svytotal(per-unit y and v), <nonlinear mean of the unit indices>)
##   Wald interval         confint() (normal quantile)
##   logit interval        svyciprop(~y, subset(design, v == 1), method = "logit", df = Inf) for items (and the
##                         same svyglm fit run to full convergence); for nodes expit(logit(p) +- z se / (p (1 - p))),
##                         the formula svyciprop's fit amounts to
##   design effect         svymean(~y, subset(design, v == 1), deff = "replace") for items; for nodes the same
##                         definition computed from the linearised values (see deff_node below)
## Every node estimate and SE is also recomputed through svytotal() + nonlinear svycontrast() (delta method)
## and checked here; the script stops if the two routes disagree.

suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust") # survey.adjust.domain.lonely keeps its default, FALSE
out_dir <- file.path("tests", "fixtures", "r")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
Z <- qnorm(0.975)

## ---- a small JSON writer: numbers with 17 significant digits, NA/NaN/Inf as null -----------------------------
json_str <- function(s) paste0('"', gsub('"', '\\"', gsub("\\", "\\\\", s, fixed = TRUE), fixed = TRUE), '"')
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0(json_str(k), ":", to_json(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, character(1)), collapse = ","), "]"))
  }
  one <- function(v) {
    if (is.na(v)) return("null")
    if (is.logical(v)) return(if (v) "true" else "false")
    if (is.numeric(v)) return(if (is.finite(v)) sprintf("%.17g", v) else "null")
    json_str(as.character(v))
  }
  if (length(x) == 1) return(one(x))
  paste0("[", paste(vapply(seq_along(x), function(i) one(x[i]), character(1)), collapse = ","), "]")
}
write_json <- function(x, file) writeLines(to_json(x), file.path(out_dir, file), useBytes = TRUE)

## ---- the definition (a throwaway questionnaire, not a shipped one) ---------------------------------------------
lt <- function(vi, en) list(vi = vi, en = en)
opt <- function(code, vi, en, missing = FALSE) {
  o <- list(code = code, label = lt(vi, en))
  if (missing) o$missing <- TRUE
  o
}
sat5 <- list(
  opt("1", "Rất không hài lòng", "Very dissatisfied"), opt("2", "Không hài lòng", "Dissatisfied"),
  opt("3", "Bình thường", "Neutral"), opt("4", "Hài lòng", "Satisfied"), opt("5", "Rất hài lòng", "Very satisfied"),
  opt("9", "Không ý kiến", "No opinion", missing = TRUE)
)
Q <- paste0("Q", 1:9)
H <- c("H1", "H2")
E <- c("E1", "E2")
sat_item <- function(code) list(code = code, type = "satisfaction5", label = lt(paste("Câu", code), paste("Item", code)),
                                scale = "sat5", positive = list("4", "5"))
harass <- list(opt("1", "Không", "None"), opt("2", "Một vài", "Some"), opt("3", "Nhiều", "Many"))
expect <- list(opt("1", "Rất nhiều", "Very much"), opt("2", "Nhiều", "Much"), opt("3", "Ít", "Little"))
definition <- list(
  key = "fixture-sipas", version = "1", title = lt("Bộ câu hỏi kiểm thử", "Test questionnaire"),
  scales = list(sat5 = sat5),
  sections = list(
    list(code = "profile", title = lt("Thông tin", "Profile"), items = list(
      list(code = "sex", type = "demographic", label = lt("Giới tính", "Sex"), options = list(
        opt("M", "Nam", "Male"), opt("F", "Nữ", "Female"), opt("O", "Khác", "Other")))
    )),
    list(code = "service", title = lt("Dịch vụ", "Service"), items = lapply(Q, sat_item)),
    list(code = "assess", title = lt("Đánh giá", "Assessment"), items = lapply(H, function(code)
      list(code = code, type = "level3", label = lt(paste("Câu", code), paste("Item", code)), options = harass,
           positive = list("1")))),
    list(code = "expect", title = lt("Mong đợi", "Expectation"), items = lapply(E, function(code)
      list(code = code, type = "level3", label = lt(paste("Câu", code), paste("Item", code)), options = expect,
           positive = list("1", "2"))))
  ),
  indices = list(
    list(code = "SAT", kind = "satisfaction", label = lt("Chỉ số hài lòng", "Satisfaction index"), rule = "mean",
         children = list(
           list(code = "A", label = lt("Tiếp cận", "Access"), rule = "mean",
                children = list(list(item = "Q1"), list(item = "Q2"), list(item = "Q3"))),
           list(code = "B", label = lt("Thủ tục", "Procedures"), rule = "weighted", weights = c(2, 1),
                children = list(list(item = "Q4"), list(item = "Q5"))),
           list(code = "C", label = lt("Công chức", "Civil servants"), rule = "pooled",
                children = list(list(item = "Q6"), list(item = "Q7"))),
           list(code = "D", label = lt("Kết quả", "Results"), rule = "item", item = "Q8",
                children = list(list(item = "Q8"), list(item = "Q9")))
         )),
    list(code = "ASM", kind = "assessment", label = lt("Đánh giá", "Assessment"), rule = "mean",
         children = list(list(item = "H1"), list(item = "H2"))),
    list(code = "EXP", kind = "expectation", label = lt("Mong đợi", "Expectations"), rule = "pooled",
         children = list(list(item = "E1"), list(item = "E2")))
  )
)
write_json(definition, "definition.json")

item_codes <- c(Q, H, E)
valid_codes <- list()
positive_codes <- list()
for (code in Q) { valid_codes[[code]] <- as.character(1:5); positive_codes[[code]] <- c("4", "5") }
for (code in H) { valid_codes[[code]] <- as.character(1:3); positive_codes[[code]] <- "1" }
for (code in E) { valid_codes[[code]] <- as.character(1:3); positive_codes[[code]] <- c("1", "2") }

## ---- the trees, as R sees them -------------------------------------------------------------------------------
## A "ratio" is an item (y_Q1 / v_Q1) or a pooled node (y_C / v_C, with y_C = y_Q6 + y_Q7). Every other node is a
## linear combination of ratios: coef_of() returns its coefficients, given the ratios that have valid answers in
## the domain (an empty child leaves the mean and the remaining weights are renormalised).
is_leaf <- function(node) !is.null(node$item)  && is.null(node$children)
leaves_below <- function(node) if (is_leaf(node)) node$item else unlist(lapply(node$children, leaves_below))
rname <- function(code) paste0("y_", code, "/v_", code)
coef_of <- function(node, avail) {
  if (is_leaf(node)) {
    nm <- rname(node$item)
    return(if (nm %in% avail) setNames(1, nm) else NULL)
  }
  if (node$rule == "pooled") {
    nm <- rname(node$code)
    return(if (nm %in% avail) setNames(1, nm) else NULL)
  }
  if (node$rule == "item") return(coef_of(list(item = node$item), avail))
  kids <- lapply(node$children, coef_of, avail)
  w <- if (node$rule == "weighted") node$weights else rep(1, length(kids))
  ok <- !vapply(kids, is.null, logical(1)) & w > 0
  if (!any(ok)) return(NULL)
  w <- w[ok] / sum(w[ok])
  kids <- kids[ok]
  nms <- unique(unlist(lapply(kids, names)))
  out <- setNames(numeric(length(nms)), nms)
  for (i in seq_along(kids)) out[names(kids[[i]])] <- out[names(kids[[i]])] + w[i] * kids[[i]]
  out
}
## The items whose answers enter a node's estimate (for its respondent count, weight sum and design effect).
estimate_leaves <- function(node) {
  if (is_leaf(node)) return(node$item)
  if (node$rule == "item") return(node$item)
  w <- if (node$rule == "weighted") node$weights else rep(1, length(node$children))
  unique(unlist(lapply(node$children[w > 0], estimate_leaves)))
}
## Rows in the order the engine reports them: each tree pre-order, a node followed by its children.
rows_of <- function(tree) {
  out <- list()
  walk <- function(node, kind, tree_code) {
    if (is_leaf(node)) {
      out[[length(out) + 1]] <<- list(code = node$item, tree = tree_code, node = node, type = "item")
      return(invisible())
    }
    out[[length(out) + 1]] <<- list(code = node$code, tree = tree_code, node = node, type = "node")
    for (child in node$children) walk(child, kind, tree_code)
  }
  walk(tree, tree$kind, tree$code)
  out
}
all_rows <- unlist(lapply(definition$indices, rows_of), recursive = FALSE)
pooled_nodes <- list()
collect_pooled <- function(node) {
  if (is_leaf(node)) return(invisible())
  if (node$rule == "pooled") pooled_nodes[[node$code]] <<- leaves_below(node)
  for (child in node$children) collect_pooled(child)
}
for (tree in definition$indices) collect_pooled(tree)
ratio_codes <- c(item_codes, names(pooled_nodes))

## ---- data ----------------------------------------------------------------------------------------------------
## One respondent's answers: positive with a probability that varies by person (and so by cluster), then
## some answers are absent (hidden / not given), blank, or "no opinion" (code 9, counted as missing).
make_answers <- function(n, propensity, miss = c(absent = 0.03, blank = 0.02, noopinion = 0.03)) {
  offsets <- c(Q1 = 0.3, Q2 = -0.2, Q3 = 0.1, Q4 = -0.5, Q5 = 0.4, Q6 = 0, Q7 = -0.3, Q8 = 0.2, Q9 = 0.6,
               H1 = 0.5, H2 = -0.4, E1 = -0.8, E2 = 0.3)
  ans <- list()
  for (code in item_codes) {
    pos <- runif(n) < plogis(qlogis(propensity) + offsets[[code]])
    if (code %in% Q) val <- ifelse(pos, sample(c("4", "5"), n, TRUE), sample(c("1", "2", "3"), n, TRUE))
    else if (code %in% H) val <- ifelse(pos, "1", sample(c("2", "3"), n, TRUE))
    else val <- ifelse(pos, sample(c("1", "2"), n, TRUE), "3")
    r <- runif(n)
    val[r < miss[["absent"]]] <- NA
    val[r >= miss[["absent"]] & r < miss[["absent"]] + miss[["blank"]]] <- ""
    if (code %in% Q) val[r >= miss[["absent"]] + miss[["blank"]] & r < sum(miss)] <- "9"
    ans[[code]] <- val
  }
  as.data.frame(ans, stringsAsFactors = FALSE)
}

## Indicator columns y_<code> (positive) and v_<code> (valid), also for pooled nodes (sums over their items).
add_indicators <- function(d) {
  for (code in item_codes) {
    a <- d[[code]]
    d[[paste0("v_", code)]] <- as.numeric(!is.na(a) & a %in% valid_codes[[code]])
    d[[paste0("y_", code)]] <- as.numeric(!is.na(a) & a %in% positive_codes[[code]])
  }
  for (code in names(pooled_nodes)) {
    items <- pooled_nodes[[code]]
    d[[paste0("y_", code)]] <- rowSums(d[paste0("y_", items)])
    d[[paste0("v_", code)]] <- rowSums(d[paste0("v_", items)])
  }
  d
}

## ---- estimation in one domain --------------------------------------------------------------------------------
wsum <- function(design) sum(weights(design))

## The node's design effect against simple random sampling with replacement, as svymean(deff = "replace"):
## V_srs = N / (n - 1) * sum_j w_j d_j^2 over the node's respondents (at least one valid answer to an item that
## enters the node), with d_j the linearised value of respondent j and N their weight sum.
deff_node <- function(d, w, in_domain, coefs, ests, leaves, variance) {
  lin <- numeric(nrow(d))
  for (nm in names(coefs)) {
    code <- sub("^y_(.*)/v_.*$", "\\1", nm)
    vt <- sum(w * in_domain * d[[paste0("v_", code)]])
    lin <- lin + coefs[[nm]] * in_domain * (d[[paste0("y_", code)]] - ests[[nm]] * d[[paste0("v_", code)]]) / vt
  }
  resp <- in_domain & rowSums(d[paste0("v_", leaves)] > 0) > 0 & w > 0
  n <- sum(resp)
  N <- sum(w[resp])
  vsrs <- N / (n - 1) * sum(w[resp] * lin[resp]^2)
  variance / vsrs
}

logit_ci <- function(p, se, q = Z) {
  if (is.na(q)) return(c(NA, NA))
  if (se == 0) return(c(p, p))
  if (is.na(p) || p <= 0 || p >= 1) return(c(NA, NA))
  h <- q * se / (p * (1 - p))
  plogis(qlogis(p) + c(-h, h))
}
wald_ci <- function(p, se, q = Z) if (is.na(q)) c(NA, NA) else c(max(0, p - q * se), min(1, p + q * se))

## Design degrees of freedom of a row in a domain, as degf() counts them for svyciprop(): PSUs holding a respondent
## with a valid answer to an item entering the row, minus the strata holding them. t quantile: qt(0.975, df).
design_df <- function(d, resp) length(unique(d$psu_id[resp])) - length(unique(d$stratum_id[resp]))
t_quantile <- function(df) if (df > 0) qt(0.975, df) else NA

estimate_domain <- function(design, d, in_domain, group) {
  dd <- if (all(in_domain)) design else subset(design, in_domain)
  w <- weights(design) # the full design's weights; in_domain selects
  vt <- vapply(ratio_codes, function(code) sum(w * in_domain * d[[paste0("v_", code)]]), numeric(1))
  avail_codes <- ratio_codes[vt > 0]
  avail <- rname(avail_codes)
  sr <- NULL
  if (length(avail_codes)) {
    num <- as.formula(paste("~", paste(paste0("y_", avail_codes), collapse = "+")))
    den <- as.formula(paste("~", paste(paste0("v_", avail_codes), collapse = "+")))
    sr <- svyratio(num, den, dd, covmat = TRUE)
    tot <- svytotal(as.formula(paste("~", paste(c(paste0("y_", avail_codes), paste0("v_", avail_codes)), collapse = "+"))), dd)
  }
  ests <- if (is.null(sr)) numeric(0) else coef(sr)[avail]
  rows <- list()
  for (row in all_rows) {
    node <- if (row$type == "item") list(item = row$code) else row$node
    coefs <- coef_of(node, avail)
    leaves <- estimate_leaves(node)
    resp <- in_domain & rowSums(d[paste0("v_", leaves)] > 0) > 0 & w > 0
    n_answers <- sum(vapply(leaves, function(code) sum(in_domain & d[[paste0("v_", code)]] > 0 & w > 0), numeric(1)))
    out <- list(group = group, tree = row$tree, code = row$code, type = row$type,
                estimate = NA, se = NA, ciLow = NA, ciHigh = NA, logitLow = NA, logitHigh = NA,
                svycipropLow = NA, svycipropHigh = NA, deff = NA, n = n_answers, respondents = sum(resp), weightSum = sum(w[resp]),
                df = design_df(d, resp), tLow = NA, tHigh = NA, tLogitLow = NA, tLogitHigh = NA, svycipropTLow = NA, svycipropTHigh = NA)
    qt_row <- t_quantile(out$df)
    if (!is.null(coefs)) {
      con <- svycontrast(sr, list(node = coefs))
      est <- as.numeric(coef(con))
      se <- as.numeric(SE(con))
      ## the same figure by the delta method on the totals
      expr <- paste(sprintf("%.17g*(%s)", coefs, names(coefs)), collapse = "+")
      nl <- svycontrast(tot, list(node = parse(text = expr)[[1]]))
      se_nl <- as.numeric(SE(nl)) # NaN when the variance is 0 up to rounding (every answer positive, say)
      stopifnot(isTRUE(all.equal(as.numeric(coef(nl)), est, tolerance = 1e-12)),
                if (se < 1e-9) is.nan(se_nl) || se_nl < 1e-9 else isTRUE(all.equal(se_nl, se, tolerance = 1e-10)))
      ## Every ratio in the row at 0 or 1: each linearised value is exactly 0, so is the variance (R returns
      ## rounding noise, ~1e-18); the fixture records 0, and no design effect (0/0).
      degenerate <- all(ests[names(coefs)] %in% c(0, 1))
      if (degenerate) se <- 0
      ci <- confint(con, level = 0.95)
      if (degenerate) ci <- c(est, est)
      out$estimate <- est
      out$se <- se
      out$ciLow <- max(0, ci[1])
      out$ciHigh <- min(1, ci[2])
      out$deff <- if (degenerate) NA else deff_node(d, w, in_domain, coefs, ests, leaves, se^2)
      ## t intervals with the row's design degrees of freedom
      if (!is.na(qt_row) && !degenerate) {
        tci <- confint(con, level = 0.95, df = out$df)
        stopifnot(isTRUE(all.equal(as.numeric(tci), est + c(-1, 1) * qt_row * se, tolerance = 1e-12)))
      }
      tw <- wald_ci(est, se, qt_row)
      out$tLow <- tw[1]
      out$tHigh <- tw[2]
      tl <- logit_ci(est, se, qt_row)
      out$tLogitLow <- tl[1]
      out$tLogitHigh <- tl[2]
      if (row$type == "item") {
        code <- row$code
        vsub <- eval(bquote(subset(dd, .(as.name(paste0("v_", code))) > 0)))
        ## 0/1 items: svyciprop's logit interval, and the design effect as svymean(deff = "replace") gives it
        if (est > 0 && est < 1) {
          ## svyciprop() fits svyglm(quasibinomial) with glm's default convergence (deviance change < 1e-8), which
          ## leaves ~1e-9 in the bounds; the same fit run to convergence gives the exact bounds, kept as logitLow/High.
          cp <- svyciprop(as.formula(paste0("~y_", code)), vsub, method = "logit", df = Inf)
          out$svycipropLow <- unname(attr(cp, "ci")[1])
          out$svycipropHigh <- unname(attr(cp, "ci")[2])
          fit <- svyglm(as.formula(paste0("y_", code, " ~ 1")), vsub, family = quasibinomial,
                        control = glm.control(epsilon = 1e-15, maxit = 100))
          ci <- as.numeric(plogis(confint(fit, 1, level = 0.95, method = "Wald", ddf = Inf)))
          out$logitLow <- ci[1]
          out$logitHigh <- ci[2]
          stopifnot(isTRUE(all.equal(c(out$logitLow, out$logitHigh), logit_ci(est, se), tolerance = 1e-12)),
                    isTRUE(all.equal(c(out$svycipropLow, out$svycipropHigh), logit_ci(est, se), tolerance = 1e-7)))
          ## svyciprop()'s default: t quantile with degf() of the valid answers in the domain
          stopifnot(degf(vsub) == out$df)
          if (out$df > 0) {
            cpt <- svyciprop(as.formula(paste0("~y_", code)), vsub, method = "logit")
            out$svycipropTLow <- unname(attr(cpt, "ci")[1])
            out$svycipropTHigh <- unname(attr(cpt, "ci")[2])
            cit <- as.numeric(plogis(confint(fit, 1, level = 0.95, method = "Wald", ddf = out$df)))
            ## confint.svyglm() turns the t quantile into a normal level 1 - 2 pnorm(qt(...)), which rounds to 1
            ## for very few degrees of freedom (df = 1: bounds 0 and 1); compared where that round trip is sound.
            if (2 * pnorm(-qt_row) > 1e-8) {
              stopifnot(isTRUE(all.equal(cit, c(out$tLogitLow, out$tLogitHigh), tolerance = 1e-8)),
                        isTRUE(all.equal(c(out$svycipropTLow, out$svycipropTHigh), cit, tolerance = 1e-6)))
            } else {
              out$svycipropTLow <- NA
              out$svycipropTHigh <- NA
            }
          }
        }
        sm <- svymean(as.formula(paste0("~y_", code)), vsub, deff = "replace")
        stopifnot(isTRUE(all.equal(as.numeric(coef(sm)), est, tolerance = 1e-12)))
        if (!degenerate) {
          stopifnot(isTRUE(all.equal(as.numeric(SE(sm)), se, tolerance = 1e-10)),
                    isTRUE(all.equal(as.numeric(deff(sm)), out$deff, tolerance = 1e-10)))
          out$deff <- as.numeric(deff(sm))
        }
      } else {
        lc <- logit_ci(est, se)
        out$logitLow <- lc[1]
        out$logitHigh <- lc[2]
      }
    }
    rows[[length(rows) + 1]] <- out
  }
  rows
}

## Items by group through svyby(), checked against the subset() route that estimate_domain() takes.
check_svyby <- function(design, d, group_var, rows) {
  for (code in item_codes) {
    by <- svyby(as.formula(paste0("~y_", code)), as.formula(paste0("~", group_var)), design, svyratio,
                denominator = as.formula(paste0("~v_", code)))
    for (g in rownames(by)) {
      mine <- Filter(function(r) identical(r$group, g) && r$code == code, rows)[[1]]
      est <- by[g, 2]
      se <- by[g, 3]
      if (is.na(mine$estimate)) stopifnot(is.nan(est)) else
        stopifnot(isTRUE(all.equal(est, mine$estimate, tolerance = 1e-12)),
                  isTRUE(all.equal(se, mine$se, tolerance = 1e-10)))
    }
  }
}

## Mean of unit indices for the whole round: each node is (1/U) sum_u node_u over the units with a value, a
## nonlinear function of the per-unit totals; svycontrast() linearises it (delta method) on svytotal()'s
## covariance, so the covariance between units sharing strata is included.
estimate_mean_of_units <- function(design, d, units) {
  w <- weights(design)
  vars <- character(0)
  for (u in units) for (code in ratio_codes) for (p in c("y_", "v_")) {
    nm <- paste0(p, code, "__", u)
    d[[nm]] <- d[[paste0(p, code)]] * (d$unit == u)
    vars <- c(vars, nm)
  }
  design$variables <- d # the same rows, with the per-unit columns added
  tot <- svytotal(as.formula(paste("~", paste(vars, collapse = "+"))), design)
  rows <- list()
  for (row in all_rows) {
    node <- if (row$type == "item") list(item = row$code) else row$node
    leaves <- estimate_leaves(node)
    parts <- character(0)
    unit_coefs <- list()
    for (u in units) {
      in_u <- d$unit == u
      vt <- vapply(ratio_codes, function(code) sum(w * in_u * d[[paste0("v_", code)]]), numeric(1))
      coefs <- coef_of(node, rname(ratio_codes[vt > 0]))
      if (is.null(coefs)) next
      unit_coefs[[u]] <- coefs
      terms <- sub("^y_(.*)/v_(.*)$", paste0("y_\\1__", u, "/v_\\2__", u), names(coefs))
      parts <- c(parts, paste(sprintf("%.17g*(%s)", coefs, terms), collapse = "+"))
    }
    resp <- rowSums(d[paste0("v_", leaves)] > 0) > 0 & w > 0
    out <- list(group = NULL, tree = row$tree, code = row$code, type = row$type,
                estimate = NA, se = NA, ciLow = NA, ciHigh = NA, logitLow = NA, logitHigh = NA, deff = NA,
                n = sum(vapply(leaves, function(code) sum(d[[paste0("v_", code)]] > 0 & w > 0), numeric(1))),
                respondents = sum(resp), weightSum = sum(w[resp]),
                df = design_df(d, resp), tLow = NA, tHigh = NA, tLogitLow = NA, tLogitHigh = NA)
    if (length(parts)) {
      expr <- sprintf("(%s)/%d", paste(sprintf("(%s)", parts), collapse = "+"), length(parts))
      con <- svycontrast(tot, list(node = parse(text = expr)[[1]]))
      est <- as.numeric(coef(con))
      se <- as.numeric(SE(con))
      ## design effect: the linearised value is the mean over units of each unit's linearised value
      lin <- numeric(nrow(d))
      unit_ratios <- numeric(0)
      for (u in names(unit_coefs)) {
        in_u <- d$unit == u
        for (nm in names(unit_coefs[[u]])) {
          code <- sub("^y_(.*)/v_.*$", "\\1", nm)
          yv <- d[[paste0("y_", code)]]
          vv <- d[[paste0("v_", code)]]
          vt <- sum(w * in_u * vv)
          r <- sum(w * in_u * yv) / vt
          unit_ratios <- c(unit_ratios, r)
          lin <- lin + unit_coefs[[u]][[nm]] / length(unit_coefs) * in_u * (yv - r * vv) / vt
        }
      }
      vsrs <- sum(w[resp]) / (sum(resp) - 1) * sum(w[resp] * lin[resp]^2)
      degenerate <- all(unit_ratios %in% c(0, 1)) # as in estimate_domain()
      if (degenerate) se <- 0
      ci <- est + c(-Z, Z) * se
      lc <- logit_ci(est, se)
      out$estimate <- est
      out$se <- se
      out$ciLow <- max(0, ci[1])
      out$ciHigh <- min(1, ci[2])
      out$logitLow <- lc[1]
      out$logitHigh <- lc[2]
      out$deff <- if (degenerate) NA else se^2 / vsrs
      q <- t_quantile(out$df)
      tw <- wald_ci(est, se, q)
      tl <- logit_ci(est, se, q)
      out$tLow <- tw[1]
      out$tHigh <- tw[2]
      out$tLogitLow <- tl[1]
      out$tLogitHigh <- tl[2]
    }
    rows[[length(rows) + 1]] <- out
  }
  rows
}

## ---- one case: data, design, options, expected rows -----------------------------------------------------------
lonely_strata <- function(d) {
  if (is.null(d$stratum)) return(0)
  psus <- tapply(d$psu_id, d$stratum, function(p) length(unique(p)))
  sum(psus == 1)
}

write_case <- function(name, description, d, design, options, group_var = NULL, mean_of_units = FALSE) {
  d <- add_indicators(d)
  if (is.null(d$psu_id)) d$psu_id <- seq_len(nrow(d))
  d$stratum_id <- if (is.null(d$stratum)) "one" else d$stratum
  design$variables <- cbind(design$variables, d[setdiff(names(d), names(design$variables))])
  rows <- if (mean_of_units) estimate_mean_of_units(design, d, sort(unique(d$unit))) else
    estimate_domain(design, d, rep(TRUE, nrow(d)), NULL)
  if (!is.null(group_var)) {
    group_rows <- list()
    for (g in sort(unique(d[[group_var]]))) group_rows <- c(group_rows, estimate_domain(design, d, d[[group_var]] == g, g))
    check_svyby(design, d, group_var, group_rows)
    rows <- c(rows, group_rows)
  }
  records <- lapply(seq_len(nrow(d)), function(i) {
    answers <- list(sex = d$sex[i])
    for (code in item_codes) if (!is.na(d[[code]][i])) answers[[code]] <- d[[code]][i]
    list(answers = answers,
         unit = if (is.null(d$unit)) NA else d$unit[i],
         stratum = if (is.null(d$stratum)) NA else d$stratum[i],
         psu = if (is.null(d$psu)) NA else d$psu[i],
         weight = if (is.null(d$weight)) NA else d$weight[i],
         fpc = if (is.null(d$fpc)) NA else d$fpc[i])
  })
  write_json(list(
    name = name, description = description,
    generatedBy = "tests/r/make-fixtures.R",
    r = R.version.string, survey = as.character(packageVersion("survey")),
    lonelyPsu = "adjust", lonelyStrata = lonely_strata(d),
    scale = "proportion (engine reports percent)",
    options = options, records = records, expected = rows
  ), paste0(name, ".json"))
  cat(sprintf("%-22s %4d records, %4d expected rows\n", name, nrow(d), length(rows)))
}

## Case 1: unweighted simple random sample, no strata, no clusters, a few missing answers.
set.seed(20240101)
n <- 120
d <- make_answers(n, rep(0.78, n))
d$sex <- sample(c("M", "F"), n, TRUE)
des <- svydesign(ids = ~1, data = add_indicators(d))
write_case("srs-unweighted", "Unweighted simple random sample: svydesign(ids = ~1), every weight 1.",
           d, des, list(weighted = FALSE, groupBy = "none", multiUnit = "pooled"))

## Case 2: stratified with weights (no clusters), by unit; unit U4 has no valid answer to Q3 (the access node
## A is then the mean of Q1 and Q2 in U4), plus missing answers throughout.
set.seed(20240202)
sizes <- c(S1 = 60, S2 = 50, S3 = 40)
pop <- c(S1 = 900, S2 = 1500, S3 = 1800)
d <- do.call(rbind, lapply(names(sizes), function(s) {
  k <- sizes[[s]]
  a <- make_answers(k, rep(c(S1 = 0.85, S2 = 0.75, S3 = 0.65)[[s]], k), miss = c(absent = 0.05, blank = 0.03, noopinion = 0.04))
  a$stratum <- s
  a$weight <- round(pop[[s]] / k * runif(k, 0.8, 1.25), 4)
  a
}))
n <- nrow(d)
d$unit <- sample(c("U1", "U2", "U3", "U4"), n, TRUE)
d$sex <- sample(c("M", "F"), n, TRUE)
d$Q3[d$unit == "U4"] <- sample(c(NA, "", "9"), sum(d$unit == "U4"), TRUE)
d$psu_id <- seq_len(n)
des <- svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = add_indicators(d))
write_case("stratified-weighted", "Stratified, weighted, no clusters; by unit; U4 has no valid answer to Q3.",
           d, des, list(weighted = TRUE, groupBy = "unit", multiUnit = "pooled"), group_var = "unit")

## Clustered sample: strata of PSUs (villages), each PSU with its own propensity (so clustering matters).
clustered <- function(psus_per_stratum, pop_psus, base, miss = c(absent = 0.03, blank = 0.02, noopinion = 0.03)) {
  do.call(rbind, lapply(names(psus_per_stratum), function(s) {
    do.call(rbind, lapply(seq_len(psus_per_stratum[[s]]), function(i) {
      m <- sample(4:12, 1)
      M <- sample(20:60, 1)
      a <- make_answers(m, rep(plogis(qlogis(base[[s]]) + rnorm(1, 0, 0.8)), m), miss)
      a$stratum <- s
      a$psu <- paste0("P", i) # PSU codes repeat across strata: they are nested in strata
      a$psu_id <- paste(s, i)
      a$fpc <- pop_psus[[s]]
      a$weight <- round(pop_psus[[s]] / psus_per_stratum[[s]] * M / m, 4)
      a
    }))
  }))
}

## Case 3: stratified two-stage-like sample analysed as one stage of clusters with FPC, by sex (a profile item;
## PSUs hold both sexes, so groups are not nested in PSUs). Stratum S5 has a single PSU (with FPC). Three
## respondents of sex "O" answered no index item: that group is empty.
set.seed(20240303)
psus <- c(S1 = 3, S2 = 4, S3 = 5, S4 = 3, S5 = 1)
d <- clustered(psus, c(S1 = 10, S2 = 12, S3 = 20, S4 = 8, S5 = 6), c(S1 = 0.8, S2 = 0.7, S3 = 0.75, S4 = 0.6, S5 = 0.85))
d$sex <- sample(c("M", "F"), nrow(d), TRUE)
others <- c(3, 17, 40)
d$sex[others] <- "O"
for (code in item_codes) d[[code]][others] <- c(NA, "", NA)[seq_along(others)]
d$Q1[others[2]] <- "9"
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = add_indicators(d))
write_case("clustered-fpc", "Stratified clustered with FPC, by sex; S5 has one PSU; group O has no valid answer.",
           d, des, list(weighted = TRUE, groupBy = "sex", multiUnit = "pooled"), group_var = "sex")

## Case 4: lonely PSUs without FPC: strata S4 and S5 have one PSU each; by unit (units cut across strata).
set.seed(20240404)
psus <- c(S1 = 4, S2 = 2, S3 = 3, S4 = 1, S5 = 1)
d <- clustered(psus, c(S1 = 30, S2 = 25, S3 = 40, S4 = 10, S5 = 12), c(S1 = 0.8, S2 = 0.7, S3 = 0.75, S4 = 0.6, S5 = 0.9))
d$fpc <- NULL
d$unit <- ifelse(d$stratum %in% c("S1", "S4"), "U1", ifelse(d$stratum %in% c("S2", "S5"), "U2", "U3"))
d$unit[seq(1, nrow(d), by = 7)] <- "U3"
d$sex <- sample(c("M", "F"), nrow(d), TRUE)
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = add_indicators(d))
write_case("lonely-psu", "Clustered without FPC; strata S4 and S5 have a single PSU (lonely.psu = 'adjust'); by unit.",
           d, des, list(weighted = TRUE, groupBy = "unit", multiUnit = "pooled"), group_var = "unit")

## Case 5: units (provinces) as strata with clusters and FPC; the whole-round figure is the mean of the unit
## indices (multiUnit = "meanOfUnits"); by unit. Case 6 is the same data with the pooled whole-round figure.
set.seed(20240505)
psus <- c(U1 = 3, U2 = 4, U3 = 2, U4 = 3, U5 = 2)
d <- clustered(psus, c(U1 = 15, U2 = 20, U3 = 9, U4 = 12, U5 = 10), c(U1 = 0.85, U2 = 0.7, U3 = 0.75, U4 = 0.65, U5 = 0.8))
d$unit <- d$stratum
d$sex <- sample(c("M", "F"), nrow(d), TRUE)
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, fpc = ~fpc, nest = TRUE, data = add_indicators(d))
write_case("mean-of-units", "Units as strata, clustered with FPC; whole round = mean of the unit indices; by unit.",
           d, des, list(weighted = TRUE, groupBy = "unit", multiUnit = "meanOfUnits"), group_var = "unit",
           mean_of_units = TRUE)
write_case("pooled-units", "The same data as mean-of-units with the pooled whole-round figure.",
           d, des, list(weighted = TRUE, groupBy = "unit", multiUnit = "pooled"), group_var = "unit")
