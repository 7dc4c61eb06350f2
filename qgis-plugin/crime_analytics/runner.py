"""Running a crime: process: the parameters as the command line and the WPS take them, then local or GeoServer."""
import os
import re
import subprocess
import threading
import time

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from . import settings

PROGRESS = re.compile(r"^\s*crime:\w+:\s+(\d+)%\s*(.*)$")


def collect(alg, parameters, context, feedback, work):
    """{name: value} with values as the command line takes them: features as a file (@path), the rest as text."""
    values = {}
    for p in alg.inputs():
        name, kind = p["name"], p["kind"]
        if parameters.get(name) is None or parameters.get(name) == "":
            continue
        if kind == "features":
            values[name] = ("file", features_file(alg, parameters, name, context, feedback, work))
        elif kind == "number":
            values[name] = repr(alg.parameterAsDouble(parameters, name, context))
        elif kind == "integer":
            values[name] = str(alg.parameterAsInt(parameters, name, context))
        elif kind == "boolean":
            values[name] = "true" if alg.parameterAsBool(parameters, name, context) else "false"
        elif kind == "enum":
            values[name] = p["values"][alg.parameterAsEnum(parameters, name, context)]
        elif kind == "crs":
            crs = alg.parameterAsCrs(parameters, name, context)
            if crs.isValid():
                values[name] = crs.authid() or crs.toWkt()
        elif kind == "extent":
            crs = alg.parameterAsExtentCrs(parameters, name, context)
            r = alg.parameterAsExtent(parameters, name, context, crs)
            values[name] = "{},{},{},{},{}".format(r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum(), crs.authid())
        elif kind == "date":
            d = alg.parameterAsDateTime(parameters, name, context)
            values[name] = d.toString("yyyy-MM-dd'T'HH:mm")
        elif kind == "text":
            values[name] = ("file", alg.parameterAsFile(parameters, name, context))
        else:
            values[name] = alg.parameterAsString(parameters, name, context)
    return values


def features_file(alg, parameters, name, context, feedback, work):
    """A feature input as a file the processes read: the original CSV of a delimited-text layer of incidents (so the
    importer's rules apply: dates, duplicates, placeholder locations), else the features as GeoJSON in WGS 84
    (selected features only when asked)."""
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    source = alg.parameterAsSource(parameters, name, context)
    if layer is not None and layer.providerType() in ("delimitedtext", "ogr") and not _selected_only(parameters.get(name)):
        path = layer.source().split("?")[0].split("|")[0]
        if path.startswith("file://"):
            path = path[len("file://"):]
        if path.lower().endswith((".csv", ".csv.gz", ".tsv", ".txt")) and os.path.exists(path):
            return path
    path = os.path.join(work, name + ".geojson")
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GeoJSON"
    options.fileEncoding = "UTF-8"
    writer = QgsVectorFileWriter.create(path, source.fields(), source.wkbType(), wgs84, context.transformContext(), options)
    transform = QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext())
    for f in source.getFeatures():
        if feedback.isCanceled():
            break
        g = f.geometry()
        if not g.isNull():
            g.transform(transform)
        out = QgsFeature(f)
        out.setGeometry(g)
        writer.addFeature(out)
    del writer
    return path


def server_layers(alg, parameters, context, wps_url):
    """Feature inputs that are WFS layers of the GeoServer whose WPS runs the process: {input: type name}. They go by an
    internal reference (http://geoserver/wfs), so nothing is uploaded."""
    from urllib.parse import urlparse
    host = urlparse(wps_url or "").netloc
    found = {}
    for p in alg.inputs():
        if p["kind"] != "features" or parameters.get(p["name"]) is None:
            continue
        layer = alg.parameterAsVectorLayer(parameters, p["name"], context)
        if layer is None or layer.providerType() != "WFS" or _selected_only(parameters.get(p["name"])):
            continue
        src = layer.source()
        url = re.search(r"url='([^']+)'", src)
        name = re.search(r"typename='([^']+)'", src)
        if url and name and urlparse(url.group(1)).netloc == host:
            found[p["name"]] = name.group(1)
    return found


def _selected_only(value):
    return getattr(value, "selectedFeaturesOnly", False)


class LocalRunner:
    """`java -jar crime-analytics.jar run crime:Name key=value ... -o output=path`, its progress and its error line."""

    def run(self, process, values, wanted, feedback):
        jar = settings.get(settings.JAR)
        if not jar or not os.path.exists(jar):
            raise QgsProcessingException("Crime analytics: set the path of crime-analytics.jar (Processing > Options > Providers > "
                                         "Crime analytics, or the CRIME_JAR environment variable); not found: '{}'".format(jar))
        cmd = [settings.get(settings.JAVA), "-jar", jar, "run", process]
        for name, v in values.items():
            cmd.append("{}=@{}".format(name, v[1]) if isinstance(v, tuple) else "{}={}".format(name, v))
        for name, path in wanted.items():
            cmd += ["-o", "{}={}".format(name, path)]
        feedback.pushCommandInfo(" ".join(cmd))
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
        errors = []

        def read_stderr():
            for line in proc.stderr:
                line = line.rstrip("\n")
                m = PROGRESS.match(line)
                if m:
                    feedback.setProgress(float(m.group(1)))
                    feedback.setProgressText(m.group(2))
                elif line.startswith("error:"):
                    errors.append(line[len("error:"):].strip())
                elif line.strip():
                    feedback.pushInfo(line.strip())

        t = threading.Thread(target=read_stderr, daemon=True)
        t.start()
        while proc.poll() is None:
            if feedback.isCanceled():
                proc.kill()
                proc.wait()
                proc.stdout.close()
                proc.stderr.close()
                raise QgsProcessingException("cancelled")
            time.sleep(0.1)
        t.join(5)
        out = proc.stdout.read()
        proc.stdout.close()
        proc.stderr.close()
        if out.strip():
            feedback.pushInfo(out.strip())
        if proc.returncode != 0:
            raise QgsProcessingException(errors[0] if errors else "{} failed (exit code {})".format(process, proc.returncode))
        return {name: path for name, path in wanted.items() if os.path.exists(path)}


class WpsRunner:
    """The same run on a GeoServer's WPS (OWSLib): layers of that GeoServer by internal WFS reference, others uploaded
    as GeoJSON; asynchronous, its progress polled; the outputs written to the same files."""

    def request(self, process, values, wanted, outputs, layers_of_server=None):
        from owslib.wps import ComplexDataInput, WFSFeatureCollection, WFSQuery
        inputs = []
        for name, v in values.items():
            if isinstance(v, tuple):
                typename = (layers_of_server or {}).get(name)
                if typename:
                    inputs.append((name, WFSFeatureCollection(wfsUrl="http://geoserver/wfs", wfsQuery=WFSQuery(typename), wfsMethod="POST")))
                else:
                    with open(v[1], encoding="utf-8") as f:
                        text = f.read()
                    mime = "text/csv" if v[1].lower().endswith(".csv") else "application/json"
                    inputs.append((name, ComplexDataInput(text, mimeType=mime)))
            else:
                inputs.append((name, v))
        out = []
        for name in wanted:
            kind = outputs[name]["kind"]
            mime = {"features": "application/json", "raster": "image/tiff", "json": "application/json", "csv": "text/csv",
                    "sld": "application/vnd.ogc.sld+xml"}.get(kind)
            out.append((name, kind in ("features", "raster"), mime))
        return inputs, out

    def run(self, process, values, wanted, outputs, feedback, work, server_layers=None):
        from owslib.wps import WebProcessingService
        url = settings.get(settings.WPS_URL)
        if not url:
            raise QgsProcessingException("Crime analytics: set the GeoServer WPS URL (Processing > Options > Providers > Crime analytics)")
        wps = WebProcessingService(url, username=settings.get(settings.WPS_USER) or None,
                                   password=settings.get(settings.WPS_PASSWORD) or None, skip_caps=True)
        inputs, out = self.request(process, values, wanted, outputs, server_layers)
        execution = wps.execute(process, inputs, output=out, mode="async")
        while not execution.isComplete():
            if feedback.isCanceled():
                raise QgsProcessingException("cancelled")
            time.sleep(1)
            execution.checkStatus(sleepSecs=0)
            if execution.percentCompleted is not None:
                feedback.setProgress(float(execution.percentCompleted))
        if not execution.isSucceded():
            raise QgsProcessingException("; ".join(e.text for e in execution.errors) or process + " failed on the server")
        for name, path in wanted.items():
            execution.getOutput(path, identifier=name)
        return {name: path for name, path in wanted.items() if os.path.exists(path)}
