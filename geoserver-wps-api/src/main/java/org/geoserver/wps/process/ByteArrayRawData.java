/*
 * Compile-only declaration of GeoServer's WPS API type org.geoserver.wps.process.ByteArrayRawData (gs-wps-core
 * 2.26.x), written from its published API for gs-crime-analytics; never packaged: GeoServer supplies the real one.
 */
package org.geoserver.wps.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** RawData held in memory. */
public class ByteArrayRawData extends AbstractRawData {

    private final byte[] data;

    public ByteArrayRawData(byte[] data, String mimeType) {
        super(mimeType);
        this.data = data;
    }

    public ByteArrayRawData(byte[] data, String mimeType, String extension) {
        super(mimeType, extension);
        this.data = data;
    }

    public byte[] getData() {
        return data;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(data);
    }
}
