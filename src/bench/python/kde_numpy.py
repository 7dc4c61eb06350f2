#!/usr/bin/env python3
"""A city-wide kernel density in pandas + numpy + scipy: the peer `bench user-path` times beside crime:KernelDensity.

Read the incident export, drop rows without a usable location and repeated case numbers, project to metres,
and estimate a quartic-kernel density (radius 500 m) on 100 m square cells anchored at the projection's origin,
the way a Python analyst would write it: np.histogram2d of the points (each counted at its cell's centre), then
scipy.signal.fftconvolve with the quartic kernel sampled on the cell offsets. Writes the grid as a .npz with its
origin, and a JSON summary. Debian: python3-pandas, python3-scipy, python3-pyproj.

    python3 src/bench/python/kde_numpy.py OUT_PREFIX INPUT.csv[.gz] [INPUT ...]
"""
import json
import sys

import numpy as np
import pandas as pd
from pyproj import Transformer
from scipy.signal import fftconvolve

CELL, RADIUS = 100.0, 500.0


def main():
    out, srcs = sys.argv[1], sys.argv[2:]
    frames = [pd.read_csv(s, usecols=["Case Number", "Latitude", "Longitude"]) for s in srcs]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    df = df.dropna(subset=["Latitude", "Longitude"])
    df = df[(df["Latitude"] != 0) & (df["Longitude"] != 0)]
    df = df.drop_duplicates(subset=["Case Number"])
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32616", always_xy=True).transform(
        df["Longitude"].to_numpy(), df["Latitude"].to_numpy())
    r = int(np.ceil(RADIUS / CELL))
    i0, i1 = int(np.floor(x.min() / CELL)) - r, int(np.floor(x.max() / CELL)) + r + 1
    j0, j1 = int(np.floor(y.min() / CELL)) - r, int(np.floor(y.max() / CELL)) + r + 1
    counts, _, _ = np.histogram2d(x, y, bins=[i1 - i0, j1 - j0], range=[[i0 * CELL, i1 * CELL], [j0 * CELL, j1 * CELL]])
    off = np.arange(-r, r + 1) * CELL
    dx, dy = np.meshgrid(off, off, indexing="ij")
    u2 = (dx ** 2 + dy ** 2) / RADIUS ** 2
    kernel = np.where(u2 < 1, 3 / np.pi * (1 - u2) ** 2, 0) / RADIUS ** 2 * 1e6  # incidents per km2
    kde = fftconvolve(counts, kernel, mode="same")
    kde[kde < 1e-9] = 0
    np.savez_compressed(out + ".npz", kde=kde.astype(np.float32), i0=i0, j0=j0, cell=CELL)
    with open(out + ".json", "w") as f:
        json.dump({"incidents": int(len(x)), "cells": int(kde.size), "max_per_km2": float(kde.max()),
                   "mass": float(kde.sum() * CELL * CELL / 1e6)}, f)


if __name__ == "__main__":
    main()
