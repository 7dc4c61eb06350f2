# Sourced by install.sh and uninstall.sh: finds the GeoServer webapp (the directory holding WEB-INF/lib)
# from --webapp, or from --data-dir in the two usual layouts: the binary distribution
# (<geoserver>/data_dir beside <geoserver>/webapps/geoserver) and a data directory inside the webapp
# (<webapp>/data). Sets $webapp and $lib, or exits with an error naming the option.
resolve_webapp() {
  if [ -z "$webapp" ] && [ -n "$datadir" ]; then
    [ -d "$datadir" ] || { echo "error: --data-dir $datadir does not exist" >&2; exit 2; }
    for c in "$datadir/../webapps/geoserver" "$datadir/.."; do
      if [ -d "$c/WEB-INF/lib" ]; then webapp=$(cd "$c" && pwd); break; fi
    done
    [ -n "$webapp" ] || { echo "error: no GeoServer webapp found next to or around --data-dir $datadir; give --webapp" >&2; exit 2; }
    echo "webapp found from the data directory: $webapp"
  fi
  [ -n "$webapp" ] || { echo "error: --webapp <geoserver webapp directory> (or --data-dir <data directory>) is required" >&2; exit 2; }
  lib="$webapp/WEB-INF/lib"
  [ -d "$lib" ] || { echo "error: $lib does not exist: --webapp must be the GeoServer webapp (containing WEB-INF/lib)" >&2; exit 2; }
}
