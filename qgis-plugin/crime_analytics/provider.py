"""The "Crime analytics" Processing provider: one algorithm per crime: process, from algorithms.json."""
import json
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithm import CrimeAlgorithm
from . import settings

HERE = os.path.dirname(__file__)


def descriptions():
    """The processes as `crime-analytics.jar describe --json` wrote them (bundled, so the plugin and the jar agree)."""
    with open(os.path.join(HERE, "algorithms.json"), encoding="utf-8") as f:
        return json.load(f)["processes"]


class CrimeAnalyticsProvider(QgsProcessingProvider):
    def load(self):
        settings.register(self)
        self.refreshAlgorithms()
        return True

    def unload(self):
        settings.unregister()

    def id(self):
        return "crime"

    def name(self):
        return "Crime analytics"

    def longName(self):  # noqa: N802
        return "Crime analytics (gs-crime-analytics: local jar or GeoServer WPS)"

    def icon(self):
        return QIcon(os.path.join(HERE, "icon.svg"))

    def loadAlgorithms(self):  # noqa: N802
        for d in descriptions():
            self.addAlgorithm(CrimeAlgorithm(d))
