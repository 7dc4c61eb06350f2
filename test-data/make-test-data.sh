#!/usr/bin/env bash
# Cuts the project's small test samples out of the shared real data (../shared/data).
# Run from anywhere: test-data/make-test-data.sh [shared-data-dir]. Output is deterministic.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shared="${1:-$here/../../shared/data}"
[ -d "$shared/chicago" ] || { echo "shared data not found at $shared" >&2; exit 1; }

# LAPD "Crime Data from 2020 to Present": the whole 10,000-row sample (13 Null Island rows, two date formats).
cp "$shared/lapd/crime_2020_present_sample10k.csv" "$here/lapd_sample10k.csv"
# LAPD divisions (PREC matches the crime column AREA).
cp "$shared/lapd/lapd_divisions.geojson" "$here/lapd_divisions.geojson"
# Chicago "Crimes - 2001 to present": every January 2017 row, header kept, gzipped without a timestamp.
zcat "$shared/chicago/crimes_2017.csv.gz" | awk -F, 'NR==1 || substr($3,1,3)=="01/"' | gzip -n -9 > "$here/chicago_2017_01.csv.gz"
# The same for January 2016 (the earlier month of the demo's change map).
zcat "$shared/chicago/crimes_2016.csv.gz" | awk -F, 'NR==1 || substr($3,1,3)=="01/"' | gzip -n -9 > "$here/chicago_2016_01.csv.gz"
# Chicago community areas with ACS population (area_num_1 matches the crime column Community Area).
cp "$shared/chicago/community_areas_2020.geojson" "$here/chicago_community_areas.geojson"
chmod 644 "$here"/*.csv "$here"/*.gz "$here"/*.geojson
ls -l "$here"
