#!/usr/bin/env bash
# Removes exactly what install.sh added (the jars and styles recorded in WEB-INF/lib/.crime-analytics-installed).
#   install/uninstall.sh --webapp <geoserver>/webapps/geoserver [--rest URL --user admin --password geoserver]
set -euo pipefail
webapp="" rest="" user="admin" password="geoserver"
while [ $# -gt 0 ]; do
  case "$1" in
    --webapp) webapp=$2; shift 2 ;; --rest) rest=${2%/}; shift 2 ;; --user) user=$2; shift 2 ;; --password) password=$2; shift 2 ;;
    *) sed -n '2,3p' "$0"; exit 2 ;;
  esac
done
lib="$webapp/WEB-INF/lib"
manifest="$lib/.crime-analytics-installed"
[ -f "$manifest" ] || { echo "nothing to uninstall: $manifest not found"; exit 0; }
while read -r kind name; do
  case "$kind" in
    jar) rm -f "$lib/$name" && echo "removed $name" ;;
    style) if [ -n "$rest" ]; then
             curl -sS -u "$user:$password" -o /dev/null -X DELETE "$rest/rest/workspaces/crime/styles/$name?purge=true" && echo "deleted style crime:$name"
           else echo "style crime:$name left (give --rest to delete it)"; fi ;;
  esac
done < "$manifest"
rm -f "$manifest"
echo "uninstalled; restart GeoServer"
