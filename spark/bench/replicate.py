#!/usr/bin/env python3
"""Writes an N-fold replica of the Chicago incident exports for the Spark benchmark (issue #19).

Copy 0 is the original rows; copies 1..N-1 have their IDs and case numbers suffixed with "-<copy>" (so that no
copy is a duplicate of another) and their locations moved by a Gaussian jitter of sigma metres (latitude and longitude,
and the Illinois State Plane feet X/Y columns by the same displacement); rows without a location stay without one.
One gzip file per copy, so Spark reads them in parallel.

    python3 spark/bench/replicate.py --copies 10 --out /tmp/chicago_x10 ../shared/data/chicago/crimes_201[4-8].csv.gz
"""
import argparse
import csv
import gzip
import math
import os
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--sigma", type=float, default=30.0, help="jitter in metres")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", required=True)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rnd = random.Random(a.seed)
    rows = 0
    for c in range(a.copies):
        path = os.path.join(a.out, "chicago_x%d_%02d.csv.gz" % (a.copies, c))
        with gzip.open(path, "wt", compresslevel=1, newline="") as out:
            w = None
            for f in a.inputs:
                with gzip.open(f, "rt", newline="") as fin:
                    r = csv.reader(fin)
                    header = next(r)
                    if w is None:
                        w = csv.writer(out)
                        w.writerow(header)
                        ix = {h: i for i, h in enumerate(header)}
                    for row in r:
                        if c > 0:
                            row[ix["ID"]] += "-%d" % c
                            row[ix["Case Number"]] += "-%d" % c
                            lat, lon = row[ix["Latitude"]], row[ix["Longitude"]]
                            if lat and lon:
                                dy, dx = rnd.gauss(0, a.sigma), rnd.gauss(0, a.sigma)
                                la, lo = float(lat), float(lon)
                                row[ix["Latitude"]] = "%.9f" % (la + dy / 111_320.0)
                                row[ix["Longitude"]] = "%.9f" % (lo + dx / (111_320.0 * math.cos(math.radians(la))))
                                if row[ix["X Coordinate"]] and row[ix["Y Coordinate"]]:
                                    row[ix["X Coordinate"]] = str(round(float(row[ix["X Coordinate"]]) + dx / 0.3048006))
                                    row[ix["Y Coordinate"]] = str(round(float(row[ix["Y Coordinate"]]) + dy / 0.3048006))
                                if "Location" in ix:
                                    row[ix["Location"]] = "(%s, %s)" % (row[ix["Latitude"]], row[ix["Longitude"]])
                        w.writerow(row)
                        rows += 1
        print("wrote", path, file=sys.stderr)
    print(rows, "rows")


if __name__ == "__main__":
    main()
