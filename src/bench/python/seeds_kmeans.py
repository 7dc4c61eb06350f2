#!/usr/bin/env python3
"""The seeds' k-means job in pandas + scikit-learn: the peer `bench user-path` times beside the CLI.

Read a city's incident export, drop rows without a usable location, k-means the locations (k = 10) in
metres, and summarise each cluster (size, mean centre, top offense). Debian: python3-pandas, python3-sklearn.

    python3 src/bench/python/seeds_kmeans.py OUT.json INPUT.csv[.gz] [INPUT ...] [--restarts N]

--restarts N fits KMeans(n_init=N) instead of one k-means++ start (the reference SSE of the best of N).
Coordinates are projected to metres by a local equirectangular approximation at the median, so the
inertia (SSE, m^2) is comparable to the project's (a transverse Mercator at the median) to about 0.1 %.
"""
import json
import math
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans


def main():
    args = sys.argv[1:]
    restarts = 1
    if "--restarts" in args:
        k = args.index("--restarts")
        restarts = int(args[k + 1])
        del args[k:k + 2]
    out, srcs = args[0], args[1:]
    frames = [pd.read_csv(s, low_memory=False) for s in srcs]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    lat, lon = "Latitude", "Longitude"
    df = df.dropna(subset=[lat, lon])
    df = df[(df[lat] != 0) & (df[lon] != 0)]
    df = df[df[lat].between(41.6, 42.1) & df[lon].between(-88.0, -87.5)]
    df = df.drop_duplicates(subset=["Case Number"])
    lat0, lon0 = df[lat].median(), df[lon].median()
    r = 6371008.8
    x = np.radians(df[lon].to_numpy() - lon0) * r * math.cos(math.radians(lat0))
    y = np.radians(df[lat].to_numpy() - lat0) * r
    km = KMeans(n_clusters=10, n_init=restarts, random_state=1).fit(np.column_stack([x, y]))
    df = df.assign(cluster=km.labels_)
    summary = df.groupby("cluster").agg(size=("ID", "size"), lat=(lat, "mean"), lon=(lon, "mean"),
                                        top_offense=("Primary Type", lambda s: s.value_counts().index[0]))
    with open(out, "w") as f:
        json.dump({"incidents": int(len(df)), "sse_m2": float(km.inertia_), "clusters": summary.reset_index().to_dict("records")}, f)
    print(f"pandas+sklearn: {len(df)} incidents, SSE {km.inertia_:.6e} m2")


if __name__ == "__main__":
    main()
