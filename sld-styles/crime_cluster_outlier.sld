<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>crime_cluster_outlier</Name>
    <UserStyle>
      <Name>crime_cluster_outlier</Name>
      <Title>Clusters and outliers (Anselin Local Moran&apos;s I)</Title>
      <Abstract>COType: HH, LL clusters; HL, LH outliers; blank not significant</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>COType_HH</Name>
          <Title>High-High cluster</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>COType</ogc:PropertyName><ogc:Literal>HH</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#d7191c</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>COType_HL</Name>
          <Title>High-Low outlier</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>COType</ogc:PropertyName><ogc:Literal>HL</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fdae61</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>COType_LH</Name>
          <Title>Low-High outlier</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>COType</ogc:PropertyName><ogc:Literal>LH</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#abd9e9</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>COType_LL</Name>
          <Title>Low-Low cluster</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>COType</ogc:PropertyName><ogc:Literal>LL</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#2c7bb6</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>not_significant</Name>
          <Title>Not significant</Title>
          <ElseFilter/>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#eeeeee</CssParameter>
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
