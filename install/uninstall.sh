#!/usr/bin/env bash
# Removes exactly what install.sh added (the jars, styles and the crime workspace if it created it, as recorded
# in WEB-INF/lib/.crime-analytics-installed); a workspace that holds anything else is kept.
#   install/uninstall.sh --webapp <geoserver>/webapps/geoserver | --data-dir <data directory> [--rest URL --user admin --password geoserver]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
webapp="" datadir="" rest="" user="admin" password="geoserver"
while [ $# -gt 0 ]; do
  case "$1" in
    --webapp) webapp=$2; shift 2 ;; --data-dir) datadir=$2; shift 2 ;; --rest) rest=${2%/}; shift 2 ;; --user) user=$2; shift 2 ;; --password) password=$2; shift 2 ;;
    *) sed -n '2,4p' "$0"; exit 2 ;;
  esac
done
. "$here/install/webapp.sh"
resolve_webapp
manifest="$lib/.crime-analytics-installed"
[ -f "$manifest" ] || { echo "nothing to uninstall: $manifest not found"; exit 0; }
workspace=no
while read -r kind name; do
  case "$kind" in
    workspace) workspace=yes ;;
    jar) rm -f "$lib/$name" && echo "removed $name" ;;
    style) if [ -n "$rest" ]; then
             curl -sS -u "$user:$password" -o /dev/null -X DELETE "$rest/rest/workspaces/crime/styles/$name?purge=true" && echo "deleted style crime:$name"
           else echo "style crime:$name left (give --rest to delete it)"; fi ;;
  esac
done < "$manifest"
if [ "$workspace" = yes ]; then
  if [ -n "$rest" ]; then
    # without recurse GeoServer refuses to delete a workspace that still holds something: then it is kept
    code=$(curl -sS -u "$user:$password" -o /dev/null -w '%{http_code}' -X DELETE "$rest/rest/workspaces/crime" || true)
    if [ "$code" = 200 ]; then echo "deleted workspace crime"
    else echo "workspace crime kept: it holds stores, layers or styles added after install (GeoServer answered $code)"; fi
  else echo "workspace crime left (give --rest to delete it)"; fi
fi
rm -f "$manifest"
echo "uninstalled; restart GeoServer"
