<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>crime_kde_raster</Name>
    <UserStyle>
      <Name>crime_kde_raster</Name>
      <Title>Kernel density (raster)</Title>
      <Abstract>Colour map of the raster band, incidents per km²</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>crime_kde_raster</Name>
          <Title>Kernel density (raster)</Title>
          <RasterSymbolizer>
            <Opacity>1</Opacity>
            <ColorMap>
              <ColorMapEntry color="#ffffcc" opacity="0" quantity="0" label="0 incidents per km²"/>
              <ColorMapEntry color="#ffeda0" opacity="0.85" quantity="50" label="50 incidents per km²"/>
              <ColorMapEntry color="#feb24c" opacity="0.85" quantity="100" label="100 incidents per km²"/>
              <ColorMapEntry color="#fd8d3c" opacity="0.85" quantity="150" label="150 incidents per km²"/>
              <ColorMapEntry color="#fc4e2a" opacity="0.85" quantity="200" label="200 incidents per km²"/>
              <ColorMapEntry color="#bd0026" opacity="0.85" quantity="250" label="250 incidents per km²"/>
              <ColorMapEntry color="#800026" opacity="0.85" quantity="1000" label="1000 incidents per km²"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
