/*
 * Compile-only declaration of GeoServer's WPS API type org.geoserver.wps.process.RawData (gs-wps-core 2.26.x),
 * written from its published interface for gs-crime-analytics; never packaged: GeoServer supplies the real one.
 */
package org.geoserver.wps.process;

import java.io.IOException;
import java.io.InputStream;

/** Raw (complex) data of a WPS input or output: a MIME type and bytes. */
public interface RawData {

    /** The MIME type of the data. */
    String getMimeType();

    /** The data. */
    InputStream getInputStream() throws IOException;

    /** The extension of a file holding the data (without dot). */
    String getFileExtension();
}
