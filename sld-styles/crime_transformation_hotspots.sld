<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>crime_transformation_hotspots</Name>
    <UserStyle>
      <Name>crime_transformation_hotspots</Name>
      <Title>Hot spots on the fly (crime:HotSpots transformation)</Title>
      <Abstract>Apply to a point layer of incidents: Gi* on square cells of about 32 pixels (1, 2 or 5 x 10^k m) in a transverse Mercator centred on the whole layer (ground metres), computed on the whole layer for the current zoom level</Abstract>
      <FeatureTypeStyle>
        <Transformation>
          <ogc:Function name="crime:HotSpots">
            <ogc:Function name="parameter"><ogc:Literal>incidents</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>cellSizePixels</ogc:Literal><ogc:Literal>32</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>cellShape</ogc:Literal><ogc:Literal>SQUARE</ogc:Literal></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputBBOX</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_bbox</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputWidth</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_width</ogc:Literal></ogc:Function></ogc:Function>
            <ogc:Function name="parameter"><ogc:Literal>outputHeight</ogc:Literal><ogc:Function name="env"><ogc:Literal>wms_height</ogc:Literal></ogc:Function></ogc:Function>
          </ogc:Function>
        </Transformation>
        <Rule>
          <Name>Gi_Bin_-3</Name>
          <Title>Cold Spot - 99% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>-3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#4575b5</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_-2</Name>
          <Title>Cold Spot - 95% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>-2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#849eba</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_-1</Name>
          <Title>Cold Spot - 90% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>-1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#c0ccbe</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_0</Name>
          <Title>Not Significant</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ffffbf</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_1</Name>
          <Title>Hot Spot - 90% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fab984</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_2</Name>
          <Title>Hot Spot - 95% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ed7551</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>Gi_Bin_3</Name>
          <Title>Hot Spot - 99% Confidence</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>Gi_Bin</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#d62f27</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
