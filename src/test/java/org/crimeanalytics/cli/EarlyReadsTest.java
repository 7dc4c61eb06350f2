package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.crimeanalytics.TestData;
import org.crimeanalytics.ingest.IncidentIngest;
import org.crimeanalytics.ingest.IncidentTable;
import org.crimeanalytics.process.ImportIncidentsProcess;
import org.junit.jupiter.api.Test;

class EarlyReadsTest {

    @Test
    void anEarlyReadIsTheUsualRead() {
        String lapd = "@" + TestData.testData("lapd_sample10k.csv");
        EarlyReads e = EarlyReads.start(new String[] {"crime:HotSpots", "incidents=" + lapd, "-o", "incidents=" + lapd, "cellSize=500"});
        IncidentIngest.Result early = e.take(lapd, null);
        assertNotNull(early);
        IncidentIngest.Result usual = ImportIncidentsProcess.ingestFiles(List.of(TestData.testData("lapd_sample10k.csv")), "lapd_sample10k.csv",
                ImportIncidentsProcess.options(null, null, null, null, null, null), null);
        assertEquals(usual.report().toJson(), early.report().toJson());
        assertEquals(usual.table().size(), early.table().size());
        for (int i = 0; i < usual.table().size(); i += 97) {
            assertEquals(usual.table().text(IncidentTable.ID, i), early.table().text(IncidentTable.ID, i));
            assertEquals(usual.table().lon(i), early.table().lon(i), 0);
            assertEquals(usual.table().occurred(i), early.table().occurred(i));
            assertEquals(usual.table().text(IncidentTable.CATEGORY, i), early.table().text(IncidentTable.CATEGORY, i));
        }
        assertNull(e.take(lapd, null), "taken once");
    }

    @Test
    void onlyIncidentsCsvFilesAreReadEarlyAndXyExportsTheUsualWay() {
        String lapd = "@" + TestData.testData("lapd_sample10k.csv");
        String vancouver = "@" + TestData.testData("exports/vancouver_crimedata.csv");
        String divisions = "@" + TestData.testData("lapd_divisions.geojson");
        EarlyReads e = EarlyReads.start(new String[] {"crime:AggregateToAreas", "areas=" + lapd, "incidents=" + divisions});
        assertNull(e.take(lapd, null), "not the incidents parameter");
        assertNull(e.take(divisions, null), "not a CSV file");
        e = EarlyReads.start(new String[] {"crime:HotSpots", "incidents=" + vancouver});
        assertNull(e.take(vancouver, null), "UTM x/y need GeoTools: read the usual way");
        e = EarlyReads.start(new String[] {"crime:HotSpots", "incidents=@" + TestData.testData("") + "/nothing_*.csv"});
        assertNull(e.take("@" + TestData.testData("") + "/nothing_*.csv", null), "a glob matching nothing starts nothing");
    }

    @Test
    void aGeoJsonFileIsParsedEarlyIntoTheTreeTheUsualReadParses() throws Exception {
        String divisions = "@" + TestData.testData("lapd_divisions.geojson");
        EarlyReads e = EarlyReads.start(new String[] {"crime:AggregateToAreas", "areas=" + divisions});
        Object tree = e.takeJson(divisions);
        assertEquals(org.crimeanalytics.json.Json.parse(java.nio.file.Files.readString(TestData.testData("lapd_divisions.geojson"))), tree);
        assertEquals(org.crimeanalytics.geo.GeoJson.read(TestData.testData("lapd_divisions.geojson")).size(),
                org.crimeanalytics.geo.GeoJson.read(tree, "lapd_divisions").size());
        assertNull(e.takeJson(divisions), "taken once");
        e = EarlyReads.start(new String[] {"crime:AggregateToAreas", "areas=" + divisions});
        e.cancelRest();
        assertNull(e.takeJson(divisions), "dropped once the inputs are converted");
    }
}
