#!/bin/sh
# The Spark jobs in local[2] beside the command line on the same input, whole processes (JVM start to written
# output), wall time and peak resident memory (/usr/bin/time). One run per command (a run of the replica takes
# minutes); the machine's noise (+-15 %) is in the figures.
#   spark/bench/spark-vs-cli.sh LABEL 'INPUT_GLOB' WORKDIR [HEAP]
#   e.g. spark/bench/spark-vs-cli.sh chicago5 '../shared/data/chicago/crimes_201[4-8].csv.gz' /tmp/bench19/c5 8g
# The replica: python3 spark/bench/replicate.py --copies 10 --out /tmp/bench19/x10 ../shared/data/chicago/crimes_201[4-8].csv.gz
# Prints one tab-separated line per command: label, runner, job, seconds, peak MB, summary excerpt; also in WORKDIR/results.tsv.
set -e
label=$1; input=$2; work=$3; heap=${4:-8g}
root=$(cd "$(dirname "$0")/../.." && pwd)
tracts=${TRACTS:-$root/../shared/data/chicago/tracts_sdoh.geojson}
mkdir -p "$work/jars"
results="$work/results.tsv"
# the jars copied first: a rebuild during the run must not change what is timed
cp "$root/target/crime-analytics.jar" "$work/jars/"
run() { # runner job command...
  runner=$1; job=$2; shift 2
  log="$work/$runner-$job.log"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$log" 2>&1 || { echo "$label	$runner	$job	FAILED (see $log)" | tee -a "$results"; return 0; }
  set -- $(cat "$work/time.txt")
  summary=$(grep -E '^\{"job"|"incidents' "$log" | tail -1 | cut -c1-160)
  printf '%s\t%s\t%s\t%s\t%d\t%s\n' "$label" "$runner" "$job" "$1" $(($2 / 1024)) "$summary" | tee -a "$results"
}
cli() { job=$1; shift; run cli "$job" java -Xmx"$heap" -Dcrime.maxIncidents=100000000 -jar "$work/jars/crime-analytics.jar" run "$@"; }
spk() { job=$1; shift; run spark "$job" "$root/spark/bin/spark-local" --master 'local[2]' --driver-memory "$heap" "$@"; }

# the I/O floor: reading the input once
run floor zcat sh -c "zcat $input | wc -l"
# command line: every process reads the export itself
cli hotspots crime:HotSpots "incidents=@$input" cellSize=250 -o result="$work/cli_hotspots.csv"
cli areas crime:AggregateToAreas "incidents=@$input" "areas=@$tracts" populationAttribute=Pop2014 -o result="$work/cli_areas.csv"
cli emerging crime:EmergingHotSpots "incidents=@$input" cellSize=500 step=MONTH -o result="$work/cli_emerging.csv"
cli kde crime:KernelDensity "incidents=@$input" cellSize=100 bandwidth=500 -o result="$work/cli_kde.csv"
cli kmeans crime:ClusterIncidents "incidents=@$input" method=KMEANS k=10 seed=1 -o result="$work/cli_kmeans.csv"
# Spark: one job straight from the export (the whole path), the ingest to GeoParquet, then every job from it
spk hotspots-from-csv hotspots --input "$input" --cell-size 250 --output "$work/spark_hotspots_csv"
spk ingest ingest --input "$input" --output "$work/spark_incidents"
spk hotspots hotspots --input "$work/spark_incidents" --cell-size 250 --output "$work/spark_hotspots"
spk areas areas --input "$work/spark_incidents" --areas "$tracts" --population Pop2014 --output "$work/spark_areas"
spk emerging emerging --input "$work/spark_incidents" --cell-size 500 --step MONTH --output "$work/spark_emerging"
spk kde kde --input "$work/spark_incidents" --cell-size 100 --bandwidth 500 --output "$work/spark_kde"
spk kmeans clusters --input "$work/spark_incidents" --method KMEANS --k 10 --seed 1 --output "$work/spark_kmeans"
