<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>crime_risk_levels</Name>
    <UserStyle>
      <Name>crime_risk_levels</Name>
      <Title>Risk levels of areas</Title>
      <Abstract>Clusters of areas ordered by mean crime rate</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>RISK_LEVEL_Low</Name>
          <Title>Low</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>RISK_LEVEL</ogc:PropertyName><ogc:Literal>Low</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#ffffcc</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>RISK_LEVEL_Medium-Low</Name>
          <Title>Medium-Low</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>RISK_LEVEL</ogc:PropertyName><ogc:Literal>Medium-Low</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#feb24c</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>RISK_LEVEL_Medium-High</Name>
          <Title>Medium-High</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>RISK_LEVEL</ogc:PropertyName><ogc:Literal>Medium-High</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fc4e2a</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>RISK_LEVEL_High</Name>
          <Title>High</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>RISK_LEVEL</ogc:PropertyName><ogc:Literal>High</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#800026</CssParameter>
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
