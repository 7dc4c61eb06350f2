#!/usr/bin/env python3
"""Run crime:HotSpots on a GeoServer WPS with OWSLib (Debian python3-owslib; QGIS ships it too) and load the result.

    python3 resources/owslib/hotspots.py http://localhost:8080/geoserver/wps admin geoserver out/
    python3 resources/owslib/hotspots.py --request-only out/HotSpots-owslib.xml

The incidents go by reference to the WFS layer crime:lapd_incidents of the same GeoServer (an internal
http://geoserver/wfs reference: nothing is uploaded). The run is asynchronous: OWSLib polls the status document
(percentCompleted rises), then the result (GeoJSON, stored by GeoServer as a reference) and the JSON summary are
read. --request-only writes the Execute document OWSLib builds, without a server (the project's tests run it locally
with `java -jar target/crime-analytics.jar execute`).
"""
import json
import os
import sys

from owslib.etree import etree
from owslib.wps import WebProcessingService, WFSFeatureCollection, WFSQuery, WPSExecution, monitorExecution

PROCESS = "crime:HotSpots"
INPUTS = [
    ("incidents", WFSFeatureCollection(wfsUrl="http://geoserver/wfs", wfsQuery=WFSQuery("crime:lapd_incidents"), wfsMethod="POST")),
    ("cellSize", "1000"),
    ("cellShape", "HEXAGON"),
    ("fdr", "true"),
]
# the main output first (RawDataOutput would return only it); the summary needs a response document
OUTPUTS = [("result", True, "application/json"), ("summary", False, "application/json")]


def request_only(path):
    execution = WPSExecution(version="1.0.0", url="http://localhost/geoserver/wps")
    request = execution.buildRequest(PROCESS, INPUTS, output=OUTPUTS, mode="async")
    with open(path, "wb") as f:
        f.write(etree.tostring(request, xml_declaration=True, encoding="UTF-8"))
    print("wrote", path)


def run(url, user, password, out_dir):
    wps = WebProcessingService(url, username=user, password=password, skip_caps=False)
    names = [p.identifier for p in wps.processes if p.identifier.startswith("crime:")]
    print(len(names), "crime: processes:", ", ".join(sorted(names)))
    process = wps.describeprocess(PROCESS)
    print(PROCESS, "inputs:", ", ".join(i.identifier for i in process.dataInputs))
    execution = wps.execute(PROCESS, INPUTS, output=OUTPUTS, mode="async")
    monitorExecution(execution, sleepSecs=2)  # prints percentCompleted as it rises
    if not execution.isSucceded():
        for e in execution.errors:
            print("error:", e.code, e.text, file=sys.stderr)
        sys.exit(1)
    os.makedirs(out_dir, exist_ok=True)
    result_path = os.path.join(out_dir, "hotspots.geojson")
    execution.getOutput(result_path, identifier="result")
    with open(result_path, encoding="utf-8") as f:
        cells = json.load(f)["features"]
    hot = sum(1 for c in cells if c["properties"]["Gi_Bin"] > 0)
    summary = next(o for o in execution.processOutputs if o.identifier == "summary")
    print(len(cells), "cells,", hot, "hot spots; summary:", summary.data[0][:200] if summary.data else summary.reference)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--request-only":
        request_only(sys.argv[2])
    elif len(sys.argv) == 5:
        run(*sys.argv[1:])
    else:
        print(__doc__)
        sys.exit(2)
