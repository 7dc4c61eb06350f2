/*
 * Compile-only declaration of GeoServer's WPS API type org.geoserver.wps.process.AbstractRawData (gs-wps-core
 * 2.26.x), written from its published API for gs-crime-analytics; never packaged: GeoServer supplies the real one.
 */
package org.geoserver.wps.process;

/** Base of RawData implementations: the MIME type and file extension. */
public abstract class AbstractRawData implements RawData {

    /** The metadata key of a parameter's MIME types ("mimeTypes"). */
    public static final String MIME_TYPES = "mimeTypes";

    /** The metadata key naming the input that receives the chosen output MIME type ("chosenMimeType"). */
    public static final String SELECTION_ATTRIBUTE = "chosenMimeType";

    protected String mimeType;

    protected String extension = "bin";

    public AbstractRawData(String mimeType) {
        this.mimeType = mimeType;
    }

    public AbstractRawData(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    @Override
    public String getMimeType() {
        return mimeType;
    }

    @Override
    public String getFileExtension() {
        return extension;
    }
}
