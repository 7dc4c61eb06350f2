#!/usr/bin/env python3
"""Reference values for crime:KernelDensity's Epanechnikov, uniform, triangular and Gaussian kernels from
scikit-learn's KernelDensity (kd-tree with zero tolerance: every term summed), on the LAPD points that src/test/r/kde_reference.R
writes (run that first). Run by hand from the project root (Debian: python3-sklearn, python3-pandas):
    /usr/bin/python3 src/test/python/kde_reference.py
scikit-learn's kernels in two dimensions equal the project's: 'epanechnikov' (1 - u^2), 'tophat' (a disc),
'linear' (a cone, the project's TRIANGULAR) and 'gaussian' (the bandwidth is the standard deviation), each
normalised over the plane; score_samples is the log of the density divided by the number of points, so the
written columns are n * exp(score) in points per square metre. Points: the first 2,000 of the sample; cells: the
centres (i + 0.5) * 200 of a 200 m square grid over 60 x 60 cells around the points' median, bandwidth 600 m
(the compact kernels' radius) and 250 m (the Gaussian's standard deviation).
"""
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.neighbors import KernelDensity

OUT = "src/test/resources/reference/kde/"
pts = pd.read_csv(OUT + "lapd_points_utm11.csv", comment="#").head(2000)
xy = pts[["x", "y"]].to_numpy()
n = len(xy)
cell = 200.0
ci = int(np.floor(np.median(xy[:, 0]) / cell)) - 30
cj = int(np.floor(np.median(xy[:, 1]) / cell)) - 30
ii, jj = np.meshgrid(np.arange(ci, ci + 60), np.arange(cj, cj + 60), indexing="xy")
centres = np.column_stack([(ii.ravel() + 0.5) * cell, (jj.ravel() + 0.5) * cell])
cols = {"i": ii.ravel(), "j": jj.ravel()}
for name, kernel, h in [("EPANECHNIKOV", "epanechnikov", 600.0), ("UNIFORM", "tophat", 600.0),
                        ("TRIANGULAR", "linear", 600.0), ("GAUSSIAN", "gaussian", 250.0)]:
    kd = KernelDensity(kernel=kernel, bandwidth=h, algorithm="kd_tree", rtol=0, atol=0).fit(xy)
    with np.errstate(divide="ignore"):
        cols[name] = n * np.exp(kd.score_samples(centres))
df = pd.DataFrame(cols)
with open(OUT + "lapd_sklearn.csv", "w") as f:
    f.write("# scikit-learn %s, numpy %s, python %s; %d points, 200 m cells, h 600 m (250 m Gaussian)\n"
            % (sklearn.__version__, np.__version__, sys.version.split()[0], n))
    df.to_csv(f, index=False, float_format="%.17g")
print("%d points, %d cells" % (n, len(df)))
