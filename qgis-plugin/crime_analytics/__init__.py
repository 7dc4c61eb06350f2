"""QGIS plugin entry point: the Processing provider "Crime analytics"."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import CrimeAnalyticsPlugin
    return CrimeAnalyticsPlugin(iface)
