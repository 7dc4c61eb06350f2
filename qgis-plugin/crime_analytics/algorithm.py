"""One Processing algorithm per crime: process, its parameters built from the process's own description."""
import os
import re
import tempfile

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from . import runner, settings

# parameters that only make sense as a GeoServer rendering transformation (the view of a map)
VIEW_ONLY = {"outputBBOX", "outputWidth", "outputHeight", "cellSizePixels"}
GROUPS = {
    "ImportIncidents": "Incidents", "HotSpots": "Hot spots", "OptimizedHotSpots": "Hot spots", "ClusterOutlier": "Hot spots",
    "EmergingHotSpots": "Hot spots", "KernelDensity": "Density", "ClusterIncidents": "Clusters", "ClusterAreas": "Areas",
    "AggregateToAreas": "Areas", "TemporalProfile": "Time", "NearRepeat": "Time", "EvaluateHotspots": "Evaluation",
    "TrainModel": "Prediction", "Predict": "Prediction", "FeatureImpact": "Prediction",
}
FILTERS = {"json": "JSON (*.json)", "csv": "CSV (*.csv)", "sld": "SLD (*.sld)", "string": "Text (*.txt)"}


def label(name):
    """A parameter's name as a dialog label: cellSize -> Cell size, crs -> CRS."""
    if name.lower() in ("crs", "srccrs"):
        return "CRS" if name == "crs" else "Source CRS"
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).split()
    return " ".join([words[0].capitalize()] + [w.lower() if not w.isupper() else w for w in words[1:]])


class SldPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the process's SLD to its output layer once QGIS has loaded it."""

    instances = []  # QGIS does not keep a reference

    def __init__(self, sld):
        super().__init__()
        self.sld = sld

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is not None and self.sld and os.path.exists(self.sld):
            layer.loadSldStyle(self.sld)
            layer.triggerRepaint()

    @staticmethod
    def create(sld):
        p = SldPostProcessor(sld)
        SldPostProcessor.instances.append(p)
        return p


class CrimeAlgorithm(QgsProcessingAlgorithm):
    def __init__(self, description):
        super().__init__()
        self.d = description
        self.local = description["name"].split(":")[1]

    # --- identity -------------------------------------------------------------------------------------------------
    def createInstance(self):  # noqa: N802
        return CrimeAlgorithm(self.d)

    def name(self):
        return self.local.lower()

    def displayName(self):  # noqa: N802
        return self.d["title"]

    def group(self):
        return GROUPS.get(self.local, "Other")

    def groupId(self):  # noqa: N802
        return self.group().lower().replace(" ", "_")

    def shortHelpString(self):  # noqa: N802
        return self.d["abstract"]

    # --- parameters -----------------------------------------------------------------------------------------------
    def inputs(self):
        return [p for p in self.d["inputs"] if p["name"] not in VIEW_ONLY]

    def initAlgorithm(self, config=None):  # noqa: N802
        for p in self.inputs():
            q = self.parameter(p)
            if q is not None:
                q.setHelp(p.get("description", "")) if hasattr(q, "setHelp") else None
                self.addParameter(q)
        for o in self.d["outputs"]:
            kind, name, title = o["kind"], o["name"], label(o["name"])
            if kind == "features":
                self.addParameter(QgsProcessingParameterFeatureSink(name, title, QgsProcessing.TypeVectorAnyGeometry,
                                                                    optional=name != "result", createByDefault=True))
            elif kind == "raster":
                self.addParameter(QgsProcessingParameterRasterDestination(name, title, optional=True, createByDefault=False))
            elif kind == "string":
                self.addOutput(QgsProcessingOutputString(name, title))
            elif kind == "sld" and (name == "style" or name.endswith("Style")):
                # applied to the layer it styles; kept as a file only when asked for
                self.addParameter(QgsProcessingParameterFileDestination(name, title, FILTERS["sld"], optional=True, createByDefault=False))
            else:
                self.addParameter(QgsProcessingParameterFileDestination(name, title, FILTERS.get(kind, FILTERS["string"]),
                                                                        optional=True, createByDefault=name in ("summary", "report", "metrics")))

    @staticmethod
    def parameter(p):
        name, title, kind, optional = p["name"], label(p["name"]), p["kind"], not p.get("required", False)
        default = p.get("default")
        if kind == "features":
            return QgsProcessingParameterFeatureSource(name, title, [QgsProcessing.TypeVectorAnyGeometry], optional=optional)
        if kind in ("number", "integer"):
            t = QgsProcessingParameterNumber.Double if kind == "number" else QgsProcessingParameterNumber.Integer
            q = QgsProcessingParameterNumber(name, title, t, defaultValue=float(default) if default is not None else None, optional=optional)
            if "min" in p:
                q.setMinimum(float(p["min"]))
            if "max" in p:
                q.setMaximum(float(p["max"]))
            return q
        if kind == "boolean":
            return QgsProcessingParameterBoolean(name, title, defaultValue=str(default).lower() == "true" if default is not None else False,
                                                 optional=True)
        if kind == "enum":
            values = p["values"]
            idx = values.index(default) if default in values else None
            return QgsProcessingParameterEnum(name, title, options=values, defaultValue=idx, optional=optional)
        if kind == "crs":
            return QgsProcessingParameterCrs(name, title, optional=optional)
        if kind == "extent":
            return QgsProcessingParameterExtent(name, title, optional=optional)
        if kind == "date":
            return QgsProcessingParameterDateTime(name, title, QgsProcessingParameterDateTime.Date, optional=optional)
        if kind == "text":
            return QgsProcessingParameterFile(name, title, extension="csv", optional=optional)
        return QgsProcessingParameterString(name, title, defaultValue=default, optional=optional)

    # --- running --------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        work = tempfile.mkdtemp(prefix="crime-")
        values = runner.collect(self, parameters, context, feedback, work)
        outputs = {o["name"]: o for o in self.d["outputs"]}
        wanted = self.wanted_outputs(parameters, context, work)
        mode = settings.get(settings.MODE)
        if mode == "geoserver":
            server = runner.server_layers(self, parameters, context, settings.get(settings.WPS_URL))
            files = runner.WpsRunner().run(self.d["name"], values, wanted, outputs, feedback, work, server)
        else:
            files = runner.LocalRunner().run(self.d["name"], values, wanted, feedback)
        return self.publish(parameters, context, feedback, files, outputs, work)

    def wanted_outputs(self, parameters, context, work):
        """Every output the run must write, with a file for it (features first as GeoJSON, copied into the sinks)."""
        wanted = {}
        for o in self.d["outputs"]:
            name, kind = o["name"], o["kind"]
            if kind == "features":
                if parameters.get(name) is not None or name == "result":
                    wanted[name] = os.path.join(work, name + ".geojson")
                    style = "style" if name == "result" else name + "Style"
                    if style in {x["name"] for x in self.d["outputs"]}:
                        wanted[style] = os.path.join(work, style + ".sld")
            elif kind == "raster":
                path = self.parameterAsOutputLayer(parameters, name, context) if parameters.get(name) else None
                if path:
                    wanted[name] = path if path.lower().endswith((".tif", ".tiff")) else os.path.splitext(path)[0] + ".tif"
            elif kind == "string":
                wanted[name] = os.path.join(work, name + ".txt")
            else:
                path = self.parameterAsFileOutput(parameters, name, context) if parameters.get(name) else None
                if path:
                    wanted[name] = path
        return wanted

    def publish(self, parameters, context, feedback, files, outputs, work):
        result = {}
        for name, path in files.items():
            kind = outputs[name]["kind"]
            if kind == "features":
                layer = QgsVectorLayer(path, name, "ogr")
                if not layer.isValid():
                    raise QgsProcessingException("{}: the output {} could not be read".format(self.d["name"], name))
                sink, dest = self.parameterAsSink(parameters, name, context, layer.fields(), layer.wkbType(), layer.crs())
                if sink is None:
                    continue
                for f in layer.getFeatures():
                    sink.addFeature(f, QgsFeatureSink.FastInsert)
                result[name] = dest
                style = files.get("style" if name == "result" else name + "Style")
                if style and context.willLoadLayerOnCompletion(dest):
                    context.layerToLoadOnCompletionDetails(dest).setPostProcessor(SldPostProcessor.create(style))
            elif kind == "string":
                with open(path, encoding="utf-8") as f:
                    result[name] = f.read().strip()
            else:
                result[name] = path
        return result
