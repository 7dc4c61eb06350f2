#!/usr/bin/env Rscript
# Reference values for crime:KernelDensity, computed by R MASS::kde2d (Gaussian kernel) on the LAPD sample.
#
# Run by hand from the project root (Debian: apt-get install r-cran-mass r-cran-sf):
#   Rscript src/test/r/kde_reference.R
# then, for the other kernels (scikit-learn, on the points this script writes):
#   /usr/bin/python3 src/test/python/kde_reference.py
# It writes, under src/test/resources/reference/kde/ (every file starts with a '#' line naming the versions):
# - lapd_points_utm11.csv: the LAPD sample's points with a location (LAT and LON not 0), projected by sf to
#   EPSG:32611 (UTM zone 11N, metres), x and y to 17 significant digits;
# - lapd_kde2d.csv: kde2d on the square cell centres of a 500 m grid anchored at the CRS origin (centres at
#   (i + 0.5) * 500) covering the points, with a Gaussian standard deviation of 400 m. kde2d's h is four times
#   the standard deviation (it divides by 4), and its density integrates to 1: the column density_per_m2 is
#   n * kde2d, the project's unit (incidents per square metre).
suppressPackageStartupMessages({ library(MASS); library(sf) })
out <- "src/test/resources/reference/kde"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
version_line <- sprintf("# %s, MASS %s, sf %s (PROJ %s)", R.version.string, packageVersion("MASS"),
                        packageVersion("sf"), sf_extSoftVersion()[["PROJ"]])

d <- read.csv("test-data/lapd_sample10k.csv", check.names = FALSE, colClasses = "character")
lat <- as.numeric(d$LAT); lon <- as.numeric(d$LON)
keep <- !is.na(lat) & !is.na(lon) & lat != 0 & lon != 0
pts <- st_transform(st_as_sf(data.frame(lon = lon[keep], lat = lat[keep]), coords = c("lon", "lat"), crs = 4326), 32611)
xy <- st_coordinates(pts)
x <- xy[, 1]; y <- xy[, 2]; n <- length(x)

write_csv <- function(df, file) {
  con <- file(file.path(out, file), "w")
  writeLines(version_line, con)
  write.csv(df, con, row.names = FALSE)
  close(con)
}
write_csv(data.frame(x = sprintf("%.17g", x), y = sprintf("%.17g", y)), "lapd_points_utm11.csv")

cell <- 500; sd <- 400
i0 <- floor(min(x) / cell); i1 <- floor(max(x) / cell)
j0 <- floor(min(y) / cell); j1 <- floor(max(y) / cell)
gx <- (i0:i1 + 0.5) * cell; gy <- (j0:j1 + 0.5) * cell
k <- kde2d(x, y, h = c(4 * sd, 4 * sd), n = c(length(gx), length(gy)), lims = c(range(gx), range(gy)))
stopifnot(isTRUE(all.equal(k$x, gx, tolerance = 1e-12)), isTRUE(all.equal(k$y, gy, tolerance = 1e-12)))
g <- expand.grid(i = i0:i1, j = j0:j1)
g$density_per_m2 <- sprintf("%.17g", n * as.vector(k$z))  # expand.grid varies i fastest, as k$z is column-major
write_csv(g, "lapd_kde2d.csv")
cat(sprintf("%d points, %d x %d cells of %g m, sd %g m\n", n, length(gx), length(gy), cell, sd))
