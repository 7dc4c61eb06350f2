#!/usr/bin/env Rscript
# Reference values for the spatial statistics of gs-crime-analytics, computed by R spdep (and sf).
#
# Run by hand from the project root (Debian: apt-get install r-cran-spdep r-cran-sf):
#   Rscript src/test/r/spdep_reference.R [../shared/data]
# It writes small CSV files under src/test/resources/reference/spdep/, which are committed and read by
# org.crimeanalytics.hotspot.SpdepReferenceTest. Every file starts with a '#' line naming the R, spdep and
# sf versions. Indices in the *_nb.csv files are 0-based and weights are exactly the ones spdep used;
# the tracts' distance-band lists are not written (the test rebuilds them from the centroids and
# compares the neighbour counts, column nn).
#
# Data sets
# - grid3x3: 3 x 3 squares of 1 km (EPSG:32633) with values by row from the south-west 10 8 2 / 9 7 1 / 3 2 0
#   (issue #15, case 1); weights queen and rook.
# - knn5: five points (issue #15, case 2); weights KNN k = 3.
# - island7: six points within 90 m and one 1.38 km away (issue #15, case 3); distance band 150 m, so
#   the far point has no neighbours (spdep with zero.policy = TRUE).
# - idw8: eight points, inverse-distance weights within 400 m (issue #15, case 4).
# - lattice10: 10 x 10 queen lattice where one cell's value is 3e-6 standard deviations above the mean
#   (a tiny but real conditional variance, which must not be mistaken for none).
# - tracts: the 791 Chicago census tracts of ../shared/data/chicago/tracts_sdoh.geojson, value VCRIMERT15,
#   centroids in EPSG:26916 (metres); counts of the incidents of test-data/chicago_2017_01.csv.gz per
#   tract and Pop2014 for the Empirical Bayes rates. Weights: queen, rook (poly2nb), KNN k = 6, a distance
#   band (the smallest whole metre giving every tract a neighbour) and inverse distance in that band.
#
# Weight definitions (the project's, given to spdep as general weights):
# - binary (style "B") for Gi, Gi*, General G; row-standardised (style "W") for Moran's I, local and global.
# - inverse distance: w_ij = (d_min / d_ij)^1 with d_min the shortest positive distance between linked
#   features (unit-free); Gi* adds a self weight equal to the row's largest weight.
# - Gi* with binary weights adds a self weight 1 (spdep include.self).
suppressMessages({library(sf); library(spdep)})
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) > 0) args[1] else "../shared/data"
out <- "src/test/resources/reference/spdep"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
stamp <- sprintf("# %s; spdep %s; sf %s; written by src/test/r/spdep_reference.R",
                 R.version.string, packageVersion("spdep"), packageVersion("sf"))

write_csv <- function(df, name) {
  f <- file.path(out, name)
  con <- file(f, "w")
  writeLines(stamp, con)
  write.csv(df, con, row.names = FALSE, quote = FALSE)
  close(con)
}
num <- function(x) sprintf("%.15g", x)

nb_table <- function(lw) {
  i <- integer(0); j <- integer(0); w <- numeric(0)
  for (k in seq_along(lw$neighbours)) {
    nk <- lw$neighbours[[k]]
    if (length(nk) == 1 && nk[1] == 0L) next
    i <- c(i, rep(k - 1L, length(nk))); j <- c(j, nk - 1L); w <- c(w, lw$weights[[k]])
  }
  data.frame(i = i, j = j, w = num(w))
}

# listw with general weights from an nb and a list of weight vectors
glistw <- function(nb, glist) nb2listw(nb, glist = glist, style = "B", zero.policy = TRUE)

idw_glist <- function(nb, xy) {
  d <- nbdists(nb, xy)
  dmin <- min(unlist(lapply(d, function(v) v[v > 0])))
  lapply(d, function(v) if (length(v) == 0) numeric(0) else (dmin / pmax(v, dmin)))
}

# Gi* listw: self included, self weight 1 (binary) or the row maximum (general weights)
star_listw <- function(nb, glist) {
  nbs <- include.self(nb)
  gl <- vector("list", length(nb))
  for (k in seq_along(nb)) {
    nk <- nb[[k]]
    if (length(nk) == 1 && nk[1] == 0L) { gl[[k]] <- 1; next }
    selfw <- max(glist[[k]])
    # include.self puts k in sorted position
    ids <- nbs[[k]]
    w <- numeric(length(ids))
    w[ids == k] <- selfw
    w[ids != k] <- glist[[k]][order(nk)][rank(ids[ids != k])]
    gl[[k]] <- w
  }
  nb2listw(nbs, glist = gl, style = "B", zero.policy = TRUE)
}

analyse <- function(name, wname, nb, glist, x, ids, write_nb = TRUE) {
  n <- length(x)
  lwB <- glistw(nb, glist)
  lwW <- nb2listw(nb, glist = glist, style = "W", zero.policy = TRUE)
  lwS <- star_listw(nb, glist)
  if (write_nb) write_csv(nb_table(lwB), sprintf("%s_%s_nb.csv", name, wname))
  gi <- as.numeric(localG(x, lwB, zero.policy = TRUE))
  gistar <- as.numeric(localG(x, lwS, zero.policy = TRUE))
  lmT <- localmoran(x, lwW, conditional = FALSE, zero.policy = TRUE)
  lmC <- localmoran(x, lwW, conditional = TRUE, zero.policy = TRUE)
  local <- data.frame(id = ids, nn = card(nb), gi_z = num(gi), gistar_z = num(gistar),
                      lmi_I = num(lmT[, 1]), lmi_E_total = num(lmT[, 2]), lmi_V_total = num(lmT[, 3]), lmi_z_total = num(lmT[, 4]),
                      lmi_E_cond = num(lmC[, 2]), lmi_V_cond = num(lmC[, 3]), lmi_z_cond = num(lmC[, 4]))
  write_csv(local, sprintf("%s_%s_local.csv", name, wname))
  mr <- moran.test(x, lwW, randomisation = TRUE, alternative = "two.sided", zero.policy = TRUE)
  mn <- moran.test(x, lwW, randomisation = FALSE, alternative = "two.sided", zero.policy = TRUE)
  lwBin <- nb2listw(nb, style = "B", zero.policy = TRUE)
  gg <- globalG.test(x, lwBin, alternative = "two.sided", zero.policy = TRUE)
  glob <- data.frame(
    statistic = c("moran_I", "moran_E", "moran_V_rand", "moran_z_rand", "moran_p_rand", "moran_V_norm", "moran_z_norm",
                  "moran_p_norm", "G", "G_E", "G_V", "G_z", "G_p"),
    value = num(c(mr$estimate[1], mr$estimate[2], mr$estimate[3], mr$statistic, mr$p.value, mn$estimate[3], mn$statistic,
                  mn$p.value, gg$estimate[1], gg$estimate[2], gg$estimate[3], gg$statistic, gg$p.value)))
  write_csv(glob, sprintf("%s_%s_global.csv", name, wname))
}

binary <- function(nb) lapply(nb, function(v) if (length(v) == 1 && v[1] == 0L) numeric(0) else rep(1, length(v)))

points_sf <- function(x, y, crs = 32633) st_as_sf(data.frame(x = x, y = y), coords = c("x", "y"), crs = crs)

# grid3x3 -------------------------------------------------------------------------------------------
sq <- function(x0, y0, s) st_polygon(list(rbind(c(x0, y0), c(x0 + s, y0), c(x0 + s, y0 + s), c(x0, y0 + s), c(x0, y0))))
polys <- list()
for (r in 0:2) for (c in 0:2) polys[[length(polys) + 1]] <- sq(500000 + c * 1000, 5000000 + r * 1000, 1000)
g <- st_sf(v = c(10, 8, 2, 9, 7, 1, 3, 2, 0), geometry = st_sfc(polys, crs = 32633))
xy <- st_coordinates(st_centroid(g))
write_csv(data.frame(id = 0:8, x = num(xy[, 1]), y = num(xy[, 2]), value = g$v), "grid3x3_points.csv")
for (queen in c(TRUE, FALSE)) {
  nb <- poly2nb(g, queen = queen)
  analyse("grid3x3", if (queen) "queen" else "rook", nb, binary(nb), g$v, 0:8)
}

# knn5 ------------------------------------------------------------------------------------------------
k5 <- data.frame(x = c(500000, 500100, 500000, 499900, 505000), y = c(5000000, 5000000, 5000100, 5000000, 5000000),
                 v = c(8, 1, 2, 3, 10))
write_csv(data.frame(id = 0:4, x = num(k5$x), y = num(k5$y), value = k5$v), "knn5_points.csv")
nb <- knn2nb(knearneigh(cbind(k5$x, k5$y), k = 3))
analyse("knn5", "knn3", nb, binary(nb), k5$v, 0:4)

# island7 ---------------------------------------------------------------------------------------------
i7 <- data.frame(x = 500000 + c(0, 40, 80, 0, 40, 80, 1380), y = 5000000 + c(0, 0, 0, 40, 40, 40, 0), v = c(1, 2, 1, 2, 1, 2, 30))
write_csv(data.frame(id = 0:6, x = num(i7$x), y = num(i7$y), value = i7$v), "island7_points.csv")
nb <- dnearneigh(cbind(i7$x, i7$y), 0, 150)
analyse("island7", "band150", nb, binary(nb), i7$v, 0:6)

# idw8 ------------------------------------------------------------------------------------------------
d8 <- data.frame(x = 500000 + c(0, 150, 300, 80, 260, 500, 420, 700), y = 5000000 + c(0, 20, -10, 200, 230, 100, 330, 250),
                 v = c(5, 3, 8, 2, 6, 1, 4, 7))
write_csv(data.frame(id = 0:7, x = num(d8$x), y = num(d8$y), value = d8$v), "idw8_points.csv")
xy8 <- cbind(d8$x, d8$y)
nb <- dnearneigh(xy8, 0, 400)
analyse("idw8", "band400", nb, binary(nb), d8$v, 0:7)
analyse("idw8", "idw400", nb, idw_glist(nb, xy8), d8$v, 0:7)

# lattice10: 10 x 10 queen lattice of 100 m squares; cell 45's eight neighbours are 20 and its own value
# lies 3e-6 standard deviations above the mean: a tiny but real conditional variance ---------------------
v10 <- (0:99 * 7) %% 21
sq10 <- list()
for (r in 0:9) for (c in 0:9) sq10[[length(sq10) + 1]] <- sq(500000 + c * 100, 5000000 + r * 100, 100)
g10 <- st_sf(v = v10, geometry = st_sfc(sq10, crs = 32633))
nb10 <- poly2nb(g10, queen = TRUE)
v10[nb10[[46]]] <- 20
others <- v10[-46]
sdv <- sd(v10)
v10[46] <- mean(others) + 3e-6 * sdv * 100 / 99  # z_46 = v_46 - mean(v) = 3e-6 sd
xy10 <- st_coordinates(st_centroid(g10))
write_csv(data.frame(id = 0:99, x = num(xy10[, 1]), y = num(xy10[, 2]), value = num(v10)), "lattice10_points.csv")
analyse("lattice10", "queen", nb10, binary(nb10), v10, 0:99)

# Chicago tracts ----------------------------------------------------------------------------------------
tracts_file <- file.path(shared, "chicago/tracts_sdoh.geojson")
if (file.exists(tracts_file)) {
  tr <- st_read(tracts_file, quiet = TRUE)
  trp <- st_transform(tr, 26916)
  cxy <- st_coordinates(st_centroid(st_geometry(trp)))
  inc <- read.csv(gzfile("test-data/chicago_2017_01.csv.gz"), check.names = FALSE)
  inc <- inc[!is.na(inc$Latitude) & !is.na(inc$Longitude), ]
  pts <- st_as_sf(inc, coords = c("Longitude", "Latitude"), crs = 4326)
  cnt <- lengths(st_intersects(st_geometry(tr), st_geometry(pts)))
  ids <- as.character(tr$geoid10)
  write_csv(data.frame(id = ids, x = num(cxy[, 1]), y = num(cxy[, 2]), value = num(tr$VCRIMERT15),
                       count = cnt, population = tr$Pop2014), "tracts_points.csv")
  x <- tr$VCRIMERT15
  nbq <- poly2nb(tr, queen = TRUE)
  nbr <- poly2nb(tr, queen = FALSE)
  nbk <- knn2nb(knearneigh(cxy, k = 6))
  band <- ceiling(max(unlist(nbdists(knn2nb(knearneigh(cxy, k = 1)), cxy))))
  nbd <- dnearneigh(cxy, 0, band)
  analyse("tracts", "queen", nbq, binary(nbq), x, ids)
  analyse("tracts", "rook", nbr, binary(nbr), x, ids)
  analyse("tracts", "knn6", nbk, binary(nbk), x, ids)
  # distance weights are rebuilt by the test from the centroids: their lists are not written (too large)
  analyse("tracts", sprintf("band%d", band), nbd, binary(nbd), x, ids, write_nb = FALSE)
  analyse("tracts", sprintf("idw%d", band), nbd, idw_glist(nbd, cxy), x, ids, write_nb = FALSE)
  ebg <- EBest(cnt, tr$Pop2014)
  # EBlocal's default computes the local variance around each neighbour's own local mean; geoda = TRUE
  # uses the focal area's local mean (Marshall 1991, GeoDa), which is what the project computes
  ebl <- EBlocal(cnt, tr$Pop2014, nbq)
  ebg2 <- EBlocal(cnt, tr$Pop2014, nbq, geoda = TRUE)
  write_csv(data.frame(id = ids, count = cnt, population = tr$Pop2014, raw = num(ebg$raw), eb_global = num(ebg$estmm),
                       eb_spatial_queen = num(ebl$est), eb_spatial_queen_geoda = num(ebg2$est)), "tracts_eb.csv")
} else {
  message("no ", tracts_file, ": tract references not written")
}
message("written to ", out)
