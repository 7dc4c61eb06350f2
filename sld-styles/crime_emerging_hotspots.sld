<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>crime_emerging_hotspots</Name>
    <UserStyle>
      <Name>crime_emerging_hotspots</Name>
      <Title>Emerging hot spots</Title>
      <Abstract>CATEGORY: 1..8 hot patterns, -1..-8 cold, 0 none</Abstract>
      <FeatureTypeStyle>
        <Rule>
          <Name>CATEGORY_1</Name>
          <Title>New Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fddbc7</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_2</Name>
          <Title>Consecutive Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#f4a582</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_3</Name>
          <Title>Intensifying Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#d6604d</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_4</Name>
          <Title>Persistent Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>4</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#b2182b</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_5</Name>
          <Title>Diminishing Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>5</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#e08214</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_6</Name>
          <Title>Sporadic Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>6</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#fdb863</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_7</Name>
          <Title>Oscillating Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>7</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#8c510a</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_8</Name>
          <Title>Historical Hot Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>8</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#bf812d</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-1</Name>
          <Title>New Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#d1e5f0</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-2</Name>
          <Title>Consecutive Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#92c5de</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-3</Name>
          <Title>Intensifying Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#4393c3</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-4</Name>
          <Title>Persistent Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-4</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#2166ac</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-5</Name>
          <Title>Diminishing Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-5</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#35978f</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-6</Name>
          <Title>Sporadic Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-6</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#80cdc1</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-7</Name>
          <Title>Oscillating Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-7</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#01665e</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_-8</Name>
          <Title>Historical Cold Spot</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>-8</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#542788</CssParameter>
              <CssParameter name="fill-opacity">0.8</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#555555</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>CATEGORY_0</Name>
          <Title>No Pattern Detected</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>CATEGORY</ogc:PropertyName><ogc:Literal>0</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#bbbbbb</CssParameter>
              <CssParameter name="stroke-width">0.3</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
