#!/usr/bin/env bash
# Installs gs-crime-analytics into a GeoServer 2.26.x / 2.27.x: copies the plugin jars into WEB-INF/lib
# and, with --rest, uploads every style of sld-styles/ into a 'crime' workspace (created or replaced;
# the on-the-fly transformation styles need the processes loaded: run again after the restart).
# Idempotent; records exactly what it added in WEB-INF/lib/.crime-analytics-installed for uninstall.sh.
#   install/install.sh --webapp <geoserver>/webapps/geoserver | --data-dir <geoserver data directory>
#                      [--zip target/gs-crime-analytics-*-geoserver-plugin.zip]
#                      [--rest http://host:8080/geoserver --user admin --password geoserver]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
webapp="" datadir="" zip="" rest="" user="admin" password="geoserver"
while [ $# -gt 0 ]; do
  case "$1" in
    --webapp) webapp=$2; shift 2 ;; --data-dir) datadir=$2; shift 2 ;; --zip) zip=$2; shift 2 ;; --rest) rest=${2%/}; shift 2 ;;
    --user) user=$2; shift 2 ;; --password) password=$2; shift 2 ;;
    *) sed -n '2,8p' "$0"; exit 2 ;;
  esac
done
. "$here/install/webapp.sh"
resolve_webapp
[ -n "$zip" ] || zip=$(ls "$here"/target/gs-crime-analytics-*-geoserver-plugin.zip 2>/dev/null | head -1 || true)
[ -f "$zip" ] || { echo "error: no plugin zip; build it with: mvn -B -q -DskipTests package" >&2; exit 2; }

main=$(ls "$lib"/gs-main-*.jar 2>/dev/null | head -1 || true)
version=$(basename "${main:-unknown}" .jar | sed 's/^gs-main-//')
case "$version" in
  2.26.*|2.27.*) echo "GeoServer $version: supported" ;;
  *) echo "error: GeoServer version '$version' is not 2.26.x or 2.27.x (found ${main:-no gs-main jar})" >&2; exit 1 ;;
esac
if [ -n "$rest" ]; then
  # the REST URL must be the GeoServer whose webapp this is (when it answers: before the first start it may not)
  served=$(curl -sS -u "$user:$password" "$rest/rest/about/version.json" 2>/dev/null \
    | grep -o '"@name":"GeoServer"[^}]*"Version":"[^"]*"' | sed 's/.*"Version":"//; s/"$//' || true)
  if [ -n "$served" ] && [ "$served" != "$version" ]; then
    echo "error: --rest $rest serves GeoServer $served but $lib holds $version: not the same GeoServer" >&2; exit 1
  fi
fi
if ls "$lib"/gs-wps-core-*.jar >/dev/null 2>&1; then
  echo "WPS extension: present (processes will be listed in WPS GetCapabilities under crime:)"
else
  echo "WPS extension: NOT installed. The processes still work as SLD rendering transformations; for WPS,"
  echo "  install the WPS extension for GeoServer $version (geoserver-$version-wps-plugin.zip) into $lib."
fi

manifest="$lib/.crime-analytics-installed"
touch "$manifest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q -o "$zip" -d "$tmp"
for jar in "$tmp"/*.jar; do
  name=$(basename "$jar")
  if [ ! -e "$lib/$name" ] || grep -qx "jar $name" "$manifest"; then
    cp "$jar" "$lib/$name"
    grep -qx "jar $name" "$manifest" || echo "jar $name" >> "$manifest"
  else
    echo "kept: $name was already in $lib (not recorded, uninstall leaves it)"
  fi
done
echo "copied $(ls "$tmp"/*.jar | wc -l) jars into $lib"

if [ -n "$rest" ]; then
  code=exists
  if ! curl -sS -u "$user:$password" "$rest/rest/workspaces.json" | grep -q '"name":"crime"'; then
    code=$(curl -sS -u "$user:$password" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -X POST \
      "$rest/rest/workspaces" -d '{"workspace":{"name":"crime"}}' || true)
  fi
  if [ "$code" = 201 ]; then
    echo "workspace crime created"
    grep -qx "workspace crime" "$manifest" || echo "workspace crime" >> "$manifest"
  fi
  loaded=no
  curl -sS "$rest/wfs?service=WFS&version=1.1.0&request=GetCapabilities" | grep -q '>HotSpots<' && loaded=yes
  # one listing instead of a GET per style (each 404 would be an ERROR line in GeoServer's log)
  existing=$(curl -sS -u "$user:$password" "$rest/rest/workspaces/crime/styles.json" || true)
  for sld in "$here"/sld-styles/*.sld; do
    name=$(basename "$sld" .sld)
    if [ "$loaded" = no ] && grep -q '<Transformation>' "$sld"; then
      echo "style crime:$name skipped: GeoServer has not loaded the crime: processes yet; restart it and run this again"
      continue
    fi
    if printf '%s' "$existing" | grep -q "\"name\":\"$name\""; then
      curl -sS -f -u "$user:$password" -X PUT -H 'Content-Type: application/vnd.ogc.sld+xml' --data-binary @"$sld" \
        "$rest/rest/workspaces/crime/styles/$name" >/dev/null
      echo "style crime:$name replaced"
    else
      curl -sS -f -u "$user:$password" -X POST -H 'Content-Type: application/vnd.ogc.sld+xml' --data-binary @"$sld" \
        "$rest/rest/workspaces/crime/styles?name=$name" >/dev/null
      echo "style crime:$name created"
    fi
    grep -qx "style $name" "$manifest" || echo "style $name" >> "$manifest"
  done
fi
if ls "$lib"/gs-wps-core-*.jar >/dev/null 2>&1; then
  cat <<EOT

Review this WPS access rule: it restricts crime:TrainModel (which writes models into the data directory) to the
role ROLE_CRIME_ANALYST. It is not applied; see its comment for how ($here/install/wps-access-rule.xml):
EOT
  sed -n '/^<processGroup>/,/^<\/processGroup>/p' "$here/install/wps-access-rule.xml"
fi
cat <<EOT

Now restart GeoServer, then check:
  - the log shows no error mentioning org.crimeanalytics or weka;
  - WPS GetCapabilities (with WPS) lists crime:HotSpots and the other crime: processes, or
    WFS 1.1.0 GetCapabilities lists HotSpots, ClusterIncidents, ... among the filter functions;
  - a WMS GetMap of a point layer with the style crime:crime_transformation_hotspots draws hot spots.
EOT
