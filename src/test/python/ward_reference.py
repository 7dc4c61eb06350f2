"""Reference partitions for WardClusteringTest: SciPy's Ward linkage (minimum variance) cut at k clusters.

Run with Debian's python3-scipy: /usr/bin/python3 src/test/python/ward_reference.py
It prints the points and, for each k, the cluster of each point (numbered by first appearance), which the test holds.
"""
import numpy as np
from scipy.cluster.hierarchy import linkage, fcluster

rng = np.random.default_rng(7)
# three loose groups in 3 dimensions, rounded so the test can hold the values
centres = np.array([[0, 0, 0], [3, 1, 0], [1, 4, 2]], dtype=float)
pts = np.round(np.vstack([c + rng.normal(0, 1.1, size=(8, 3)) for c in centres]), 2)
print("points:", ", ".join("{%s}" % ", ".join(repr(float(v)) for v in p) for p in pts))
z = linkage(pts, method="ward")
for k in (2, 3, 4, 6):
    lab = fcluster(z, k, criterion="maxclust")
    seen = {}
    out = [seen.setdefault(l, len(seen)) for l in lab]
    print(k, out)
print("merge heights:", [round(float(h), 6) for h in z[:, 2]])
