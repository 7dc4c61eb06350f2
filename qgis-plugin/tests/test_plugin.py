#!/usr/bin/env python3
"""Headless checks of the QGIS plugin with Debian's QGIS (3.22): python3-qgis, qgis_process; run by QgisPluginIT.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis-plugin/tests/test_plugin.py target/crime-analytics.jar target/qgis-check

Loads the plugin, lists the algorithms, runs HotSpots (grid), ClusterIncidents (DBSCAN), AggregateToAreas (LAPD
divisions) and TemporalProfile through Processing and compares every output with the command line's output of the
same run; runs HotSpots inside a graphical model and from qgis_process; applies the SLD to the result layer and
renders it; writes screenshots of the algorithm dialog and of the styled map into the output folder.
"""
import json
import os
import shutil
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
JAR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "target", "crime-analytics.jar")
OUT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, "target", "qgis-check")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))
os.makedirs(os.environ["XDG_RUNTIME_DIR"], exist_ok=True)
os.environ["CRIME_JAR"] = JAR
os.environ["CRIME_MODE"] = "local"

from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,  # noqa: E402
                       QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource, QgsProcessingModelParameter,
                       QgsProcessingParameterFeatureSource, QgsVectorLayer)

APP = QgsApplication([], True)
APP.initQgis()
sys.path.insert(0, "/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing  # noqa: E402
import processing  # noqa: E402

Processing.initialize()
sys.path.insert(0, os.path.join(ROOT, "qgis-plugin"))
from crime_analytics.plugin import CrimeAnalyticsPlugin  # noqa: E402

PLUGIN = CrimeAnalyticsPlugin(None)
PLUGIN.initProcessing()
LAPD = os.path.join(ROOT, "test-data", "lapd_sample10k.csv")
DIVISIONS = os.path.join(ROOT, "test-data", "lapd_divisions.geojson")


def cli(process, args, outputs):
    cmd = ["java", "-jar", JAR, "run", process] + args
    for k, v in outputs.items():
        cmd += ["-o", "{}={}".format(k, v)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def features(path):
    with open(path, encoding="utf-8") as f:
        return [x["properties"] for x in json.load(f)["features"]]


def layer_features(path):
    layer = QgsVectorLayer(path, "x", "ogr")
    assert layer.isValid(), path
    return [{f.fields()[i].name(): f.attributes()[i] for i in range(len(f.attributes()))} for f in layer.getFeatures()]


def incidents_layer():
    uri = "file://{}?type=csv&xField=LON&yField=LAT&crs=EPSG:4326&detectTypes=no".format(LAPD)
    layer = QgsVectorLayer(uri, "lapd", "delimitedtext")
    assert layer.isValid()
    return layer


class PluginTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        shutil.rmtree(OUT, ignore_errors=True)
        os.makedirs(OUT)

    def test_every_process_is_an_algorithm(self):
        provider = QgsApplication.processingRegistry().providerById("crime")
        names = sorted(a.name() for a in provider.algorithms())
        with open(os.path.join(ROOT, "qgis-plugin", "crime_analytics", "algorithms.json"), encoding="utf-8") as f:
            described = sorted(p["name"].split(":")[1].lower() for p in json.load(f)["processes"])
        self.assertEqual(described, names)
        self.assertEqual(15, len(names))
        hot = QgsApplication.processingRegistry().algorithmById("crime:hotspots")
        kinds = {d.name(): d.type() for d in hot.parameterDefinitions()}
        self.assertEqual("source", kinds["incidents"])
        self.assertEqual("enum", kinds["weights"])
        self.assertEqual("crs", kinds["crs"])
        self.assertEqual("sink", kinds["result"])
        self.assertNotIn("outputBBOX", kinds)  # map-view parameters are for GeoServer's transformations only

    def test_hotspots_equal_the_command_line(self):
        out = os.path.join(OUT, "qgis_hotspots.geojson")
        r = processing.run("crime:hotspots", {"incidents": incidents_layer(), "cellSize": 1000, "cellShape": 1, "fdr": True,
                                              "result": out, "summary": os.path.join(OUT, "qgis_hotspots.json")})
        cli("crime:HotSpots", ["incidents=@" + LAPD, "cellSize=1000", "cellShape=HEXAGON", "fdr=true"],
            {"result": os.path.join(OUT, "cli_hotspots.geojson")})
        ours = {f["CELL_ID"]: f for f in layer_features(r["result"])}
        theirs = {f["CELL_ID"]: f for f in features(os.path.join(OUT, "cli_hotspots.geojson"))}
        self.assertEqual(set(theirs), set(ours))
        for k, f in theirs.items():
            self.assertAlmostEqual(f["GiZScore"], ours[k]["GiZScore"], places=9)
            self.assertEqual(f["Gi_Bin"], ours[k]["Gi_Bin"])
        self.assertTrue(os.path.exists(r["style"]))

    def test_dbscan_clusters_equal_the_command_line(self):
        out = os.path.join(OUT, "qgis_dbscan.geojson")
        alg = QgsApplication.processingRegistry().algorithmById("crime:clusterincidents")
        method = [d for d in alg.parameterDefinitions() if d.name() == "method"][0].options().index("DBSCAN")
        r = processing.run("crime:clusterincidents", {"incidents": incidents_layer(), "method": method, "eps": 400, "minPoints": 8,
                                                      "result": out, "clusters": os.path.join(OUT, "qgis_dbscan_clusters.geojson")})
        cli("crime:ClusterIncidents", ["incidents=@" + LAPD, "method=DBSCAN", "eps=400", "minPoints=8"],
            {"result": os.path.join(OUT, "cli_dbscan.geojson")})
        ours = {f["incident_id"]: f["CLUSTER_ID"] for f in layer_features(r["result"])}
        theirs = {f["incident_id"]: f["CLUSTER_ID"] for f in features(os.path.join(OUT, "cli_dbscan.geojson"))}
        self.assertEqual(theirs, ours)
        self.assertGreater(len(set(theirs.values())), 3)

    def test_aggregate_to_divisions_equals_the_command_line(self):
        divisions = QgsVectorLayer(DIVISIONS, "divisions", "ogr")
        r = processing.run("crime:aggregatetoareas", {"incidents": incidents_layer(), "areas": divisions,
                                                       "result": os.path.join(OUT, "qgis_divisions.geojson")})
        cli("crime:AggregateToAreas", ["incidents=@" + LAPD, "areas=@" + DIVISIONS], {"result": os.path.join(OUT, "cli_divisions.geojson")})
        ours = {f["PREC"]: f["CRIME_COUNT"] for f in layer_features(r["result"])}
        theirs = {f["PREC"]: f["CRIME_COUNT"] for f in features(os.path.join(OUT, "cli_divisions.geojson"))}
        self.assertEqual(theirs, ours)
        self.assertEqual(21, len(ours))

    def test_temporal_profile_equals_the_command_line(self):
        divisions = QgsVectorLayer(DIVISIONS, "divisions", "ogr")
        r = processing.run("crime:temporalprofile", {"incidents": incidents_layer(), "areas": divisions,
                                                      "result": os.path.join(OUT, "qgis_temporal.geojson"),
                                                      "matrix": os.path.join(OUT, "qgis_matrix.csv")})
        cli("crime:TemporalProfile", ["incidents=@" + LAPD, "areas=@" + DIVISIONS],
            {"result": os.path.join(OUT, "cli_temporal.geojson"), "matrix": os.path.join(OUT, "cli_matrix.csv")})
        ours = {f["PREC"]: (f["PEAK_HOUR"], f["INCIDENTS"]) for f in layer_features(r["result"])}
        theirs = {f["PREC"]: (f["PEAK_HOUR"], f["INCIDENTS"]) for f in features(os.path.join(OUT, "cli_temporal.geojson"))}
        self.assertEqual(theirs, ours)
        with open(r["matrix"], encoding="utf-8") as a, open(os.path.join(OUT, "cli_matrix.csv"), encoding="utf-8") as b:
            self.assertEqual(b.read(), a.read())

    def test_in_a_model_and_with_its_style(self):
        model = QgsProcessingModelAlgorithm("hot spots model", "crime")
        model.addModelParameter(QgsProcessingParameterFeatureSource("points", "points"), QgsProcessingModelParameter("points"))
        child = QgsProcessingModelChildAlgorithm("crime:hotspots")
        child.setChildId("hot")
        child.addParameterSources("incidents", [QgsProcessingModelChildParameterSource.fromModelParameter("points")])
        child.addParameterSources("cellSize", [QgsProcessingModelChildParameterSource.fromStaticValue(2000)])
        from qgis.core import QgsProcessingModelOutput
        output = QgsProcessingModelOutput("hotspots", "hot spots")
        output.setChildOutputName("result")
        child.setModelOutputs({"hotspots": output})
        model.addChildAlgorithm(child)
        out = os.path.join(OUT, "model_hotspots.geojson")
        r = processing.run(model, {"points": incidents_layer(), "hot:hotspots": out})
        layer = QgsVectorLayer(r["hot:hotspots"], "model", "ogr")
        self.assertTrue(layer.isValid())
        self.assertGreater(layer.featureCount(), 100)
        # the process's SLD, as the plugin applies it when QGIS loads the result
        from crime_analytics.algorithm import SldPostProcessor
        sld = os.path.join(OUT, "hot.sld")
        cli("crime:HotSpots", ["incidents=@" + LAPD, "cellSize=2000"], {"style": sld})
        SldPostProcessor.create(sld).postProcessLayer(layer, QgsProcessingContext(), QgsProcessingFeedback())
        self.assertEqual("RuleRenderer", layer.renderer().type())
        self.assertEqual(7, len(layer.renderer().rootRule().children()))
        render(layer, os.path.join(OUT, "styled_hotspots.png"))

    def test_qgis_process_runs_it(self):
        env = dict(os.environ, QGIS_PLUGINPATH=os.path.join(ROOT, "qgis-plugin"), QGIS_CUSTOM_CONFIG_PATH=os.path.join(OUT, "profile"))
        os.makedirs(env["QGIS_CUSTOM_CONFIG_PATH"], exist_ok=True)
        subprocess.run(["qgis_process.bin", "plugins", "enable", "crime_analytics"], env=env, check=True, capture_output=True)
        out = os.path.join(OUT, "qgis_process_hotspots.geojson")
        p = subprocess.run(["qgis_process.bin", "run", "crime:hotspots", "--incidents=" + LAPD, "--cellSize=1000", "--result=" + out],
                           env=env, capture_output=True, text=True)
        self.assertEqual(0, p.returncode, p.stdout + p.stderr)
        self.assertEqual(1066, len(features(out)))
        bad = subprocess.run(["qgis_process.bin", "run", "crime:hotspots", "--incidents=" + LAPD, "--cellSize=0.5", "--result=" + out],
                             env=env, capture_output=True, text=True)
        self.assertNotEqual(0, bad.returncode)

    def test_geoserver_mode_builds_the_wps_request(self):
        # no WPS here: the request OWSLib would send, with one input by internal WFS reference and one uploaded
        from owslib.wps import WPSExecution
        from owslib.etree import etree
        from crime_analytics.runner import WpsRunner
        with open(os.path.join(ROOT, "qgis-plugin", "crime_analytics", "algorithms.json"), encoding="utf-8") as f:
            d = next(p for p in json.load(f)["processes"] if p["name"] == "crime:HotSpots")
        outputs = {o["name"]: o for o in d["outputs"]}
        inputs, out = WpsRunner().request("crime:HotSpots", {"incidents": ("file", LAPD), "cellSize": "1000"},
                                          {"result": "r.geojson", "summary": "s.json"}, outputs, {"incidents": "crime:lapd_incidents"})
        xml = etree.tostring(WPSExecution(version="1.0.0", url="http://x/wps").buildRequest("crime:HotSpots", inputs, output=out,
                                                                                               mode="async")).decode()
        self.assertIn('xlink:href="http://geoserver/wfs"', xml)
        self.assertIn('typeName="crime:lapd_incidents"', xml)
        self.assertIn('storeExecuteResponse="true"', xml)
        self.assertIn('mimeType="application/json"', xml)
        inputs, _ = WpsRunner().request("crime:HotSpots", {"incidents": ("file", DIVISIONS)}, {"result": "r"}, outputs, {})
        xml = etree.tostring(WPSExecution(version="1.0.0", url="http://x/wps").buildRequest("crime:HotSpots", inputs, output=out)).decode()
        self.assertIn("ComplexData", xml)
        self.assertIn('mimeType="application/json"', xml)

    def test_installed_from_the_zip(self):
        # what "Install from ZIP" does: the zip's crime_analytics/ folder into the profile's python/plugins
        import glob
        import zipfile
        zips = glob.glob(os.path.join(ROOT, "target", "crime_analytics-*-qgis-plugin.zip"))
        self.assertTrue(zips, "build the zip first: mvn -B -q -DskipTests package")
        profile = os.path.join(OUT, "zip-profile")
        plugins = os.path.join(profile, "profiles", "default", "python", "plugins")
        os.makedirs(plugins)
        with zipfile.ZipFile(zips[0]) as z:
            z.extractall(plugins)
        env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=profile)
        env.pop("QGIS_PLUGINPATH", None)
        subprocess.run(["qgis_process.bin", "plugins", "enable", "crime_analytics"], env=env, check=True, capture_output=True)
        listed = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True).stdout
        self.assertIn("crime:kerneldensity", listed)
        self.assertEqual(15, listed.count("\tcrime:"))

    def test_the_dialog(self):
        from processing.gui.AlgorithmDialog import AlgorithmDialog
        alg = QgsApplication.processingRegistry().createAlgorithmById("crime:kerneldensity")
        dialog = AlgorithmDialog(alg)
        dialog.resize(900, 700)
        dialog.show()
        APP.processEvents()
        self.assertTrue(dialog.grab().save(os.path.join(OUT, "dialog_kerneldensity.png")))
        dialog.close()
        from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
        batch = BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("crime:hotspots"))
        batch.resize(1200, 400)
        batch.show()
        APP.processEvents()
        self.assertTrue(batch.grab().save(os.path.join(OUT, "batch_hotspots.png")))
        batch.close()


def render(layer, path):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(800, 800))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    APP.exitQgis()
    sys.exit(0 if result.wasSuccessful() else 1)
