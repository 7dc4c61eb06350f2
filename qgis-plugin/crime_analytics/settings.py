"""Provider settings (Processing > Options > Providers > Crime analytics), readable without a GUI through QgsSettings."""
from qgis.core import QgsSettings

try:  # the Processing plugin's options page, when QGIS runs with it
    from processing.core.ProcessingConfig import ProcessingConfig, Setting
except ImportError:  # pragma: no cover
    ProcessingConfig = None

MODE = "CRIME_MODE"            # "local" or "geoserver"
JAR = "CRIME_JAR"              # path to crime-analytics.jar (local)
JAVA = "CRIME_JAVA"            # java executable (local), default "java" (Java 17)
WPS_URL = "CRIME_WPS_URL"      # e.g. http://localhost:8080/geoserver/wps
WPS_USER = "CRIME_WPS_USER"
WPS_PASSWORD = "CRIME_WPS_PASSWORD"

DEFAULTS = {MODE: "local", JAR: "", JAVA: "java", WPS_URL: "", WPS_USER: "", WPS_PASSWORD: ""}
DESCRIPTIONS = {
    MODE: "Run on: local (the jar) or geoserver (WPS)",
    JAR: "crime-analytics.jar (local mode)",
    JAVA: "Java 17 executable (local mode)",
    WPS_URL: "GeoServer WPS URL (geoserver mode)",
    WPS_USER: "GeoServer user",
    WPS_PASSWORD: "GeoServer password",
}


def register(provider):
    if ProcessingConfig is None:
        return
    ProcessingConfig.settingIcons[provider.name()] = provider.icon()
    for key, default in DEFAULTS.items():
        ProcessingConfig.addSetting(Setting(provider.name(), key, DESCRIPTIONS[key], default))
    ProcessingConfig.readSettings()


def unregister():
    if ProcessingConfig is None:
        return
    for key in DEFAULTS:
        ProcessingConfig.removeSetting(key)


def get(key):
    """A setting: the environment (CRIME_JAR=... for qgis_process and tests), the options page, then the default."""
    if os.environ.get(key):
        return os.environ[key]
    if ProcessingConfig is not None:
        v = ProcessingConfig.getSetting(key)
        if v not in (None, ""):
            return v
    v = QgsSettings().value("crime_analytics/" + key, "")
    return v if v else DEFAULTS[key]


import os  # noqa: E402  (kept last: used by get())
