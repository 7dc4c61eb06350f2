"""Registers the provider with QGIS's Processing framework (also without a GUI, for qgis_process)."""
from qgis.core import QgsApplication

from .provider import CrimeAnalyticsProvider


class CrimeAnalyticsPlugin:
    def __init__(self, iface=None):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802
        self.provider = CrimeAnalyticsProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
