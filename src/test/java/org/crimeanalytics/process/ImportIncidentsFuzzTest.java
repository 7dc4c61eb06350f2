package org.crimeanalytics.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.crimeanalytics.geo.Crs;
import org.crimeanalytics.json.Json;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.feature.NameImpl;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;
import org.geotools.process.Processors;
import org.junit.jupiter.api.Test;

/**
 * Hostile CSV for crime:ImportIncidents, generated deterministically: every case ends in a result
 * whose report accounts for every row, or in a ProcessException whose message starts with the
 * parameter it is about. Nothing else may escape, nothing may hang.
 */
class ImportIncidentsFuzzTest {

    private static final Pattern NAMES_A_PARAMETER =
            Pattern.compile("^(csv|features|columns|srcCrs|extent|dateFormat|keepColumns|format|useCentroids)(, [a-zA-Z]+)?: .+");

    private static final String[] BASES = {
        // LAPD-shaped
        "DR_NO,Date Rptd,DATE OCC,TIME OCC,AREA,AREA NAME,Rpt Dist No,Part 1-2,Crm Cd,Crm Cd Desc,Mocodes,Vict Age,Vict Sex,"
            + "Vict Descent,Premis Cd,Premis Desc,Weapon Used Cd,Weapon Desc,Status,Status Desc,Crm Cd 1,Crm Cd 2,Crm Cd 3,"
            + "Crm Cd 4,LOCATION,Cross Street,LAT,LON\n"
            + "010304468,01/08/2020 00:00,01/08/2020 00:00,2230,03,Southwest,0377,2,624,BATTERY - SIMPLE ASSAULT,0444 0913,36,F,B,"
            + "501,SINGLE FAMILY DWELLING,400,\"STRONG-ARM (HANDS, FIST, FEET OR BODILY FORCE)\",AO,Adult Other,624,,,,"
            + "1100 W  39TH PL,,34.0141,-118.2978\n"
            + "190101086,01/02/2020 00:00,01/01/2020 12:00:00 AM,0330,01,Central,0163,2,624,BATTERY - SIMPLE ASSAULT,0416,25,M,H,"
            + "102,SIDEWALK,500,UNKNOWN WEAPON/OTHER WEAPON,IC,Invest Cont,624,,,,700 S  HILL ST,,34.0459,-118.2545\n",
        // Chicago-shaped
        "ID,Case Number,Date,Block,IUCR,Primary Type,Description,Location Description,Arrest,Domestic,Beat,District,Ward,"
            + "Community Area,FBI Code,X Coordinate,Y Coordinate,Updated On,Latitude,Longitude\n"
            + "11227508,JB146365,01/01/2017 12:01:00 AM,027XX S WHIPPLE ST,1754,OFFENSE INVOLVING CHILDREN,AGG SEX ASSLT,"
            + "RESIDENCE,false,false,1033,010,12,30,02,1157434,1885691,02/11/2018 03:57:41 PM,41.84,-87.70\n"
            + "11228656,JB149151,01/01/2017 06:00:00 AM,081XX S ELLIS AVE,1153,DECEPTIVE PRACTICE,FINANCIAL ID THEFT,"
            + "RESIDENCE,false,false,0631,006,8,44,11,,,02/13/2018 03:58:53 PM,,\n",
        // UK-shaped
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
            + "Last outcome category,Context\n"
            + "a1,2023-05,Met,Met,-0.141,51.501,On or near X,E01004736,Westminster 018C,Robbery,,\n"
            + ",2023-05,Met,Met,-0.1,51.5,On or near Y,E01004737,Westminster 018D,Anti-social behaviour,,\n",
        // generic
        "id;date;offense;lat;lon\nA;2021-03-04T22:15:00;Burglary;40.71;-74.00\nB;2021-03-05;Theft;40.73;-73.98\n",
    };

    private static final String[] NASTY = {"", " ", "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "\r", "NaN", "Infinity",
        "-Infinity", "1e309", "0", "-0", "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "\uFEFF", "\uFFFD", "\ud800", "é", "🙂",
        "99999999999999999999", "-118.2978", "34.0141", "1176346", "13/45/2020 99:99", "2020-02-30", "null", "\u0000"};

    private static String mutate(String base, Random r) {
        StringBuilder s = new StringBuilder(base);
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int kind = r.nextInt(9);
            int at = s.length() == 0 ? 0 : r.nextInt(s.length());
            switch (kind) {
                case 0 -> s.setLength(at); // truncate
                case 1 -> s.insert(at, NASTY[r.nextInt(NASTY.length)]);
                case 2 -> s.insert(at, '"');
                case 3 -> { // swap delimiter everywhere
                    String d = new String[] {";", "\t", "|", " "}[r.nextInt(4)];
                    String t = s.toString().replace(",", d);
                    s.setLength(0);
                    s.append(t);
                }
                case 4 -> s.insert(0, "\uFEFF");
                case 5 -> s.insert(at, "x".repeat(r.nextBoolean() ? 10_000 : 1_100_000)); // huge field
                case 6 -> { // duplicate a line
                    String t = s.toString();
                    int nl = t.indexOf('\n');
                    if (nl > 0 && nl + 1 < t.length()) s.append(t.substring(nl + 1));
                }
                case 7 -> { // swap two adjacent cells in every row (lat/lon order)
                    String t = s.toString().replace("34.0141,-118.2978", "-118.2978,34.0141")
                            .replace("41.84,-87.70", "-87.70,41.84").replace("40.71;-74.00", "-74.00;40.71");
                    s.setLength(0);
                    s.append(t);
                }
                default -> s.append(NASTY[r.nextInt(NASTY.length)]).append('\n');
            }
        }
        return s.toString();
    }

    private static Map<String, Object> params(Random r) {
        Map<String, Object> p = new HashMap<>();
        switch (r.nextInt(8)) {
            case 0 -> p.put("columns", new String[] {"lat=LAT;lon=LON", "date=Nope", "foo=bar", "lat", "=", ";;",
                "lat=lat;lon=lon;id=id"}[r.nextInt(7)]);
            case 1 -> p.put("extent", new ReferencedEnvelope(-180, 180, -90, 90, Crs.wgs84()));
            case 2 -> p.put("dateFormat", new String[] {"dd.MM.yyyy", "qqqq-ZZ-pp", "'unclosed", "yyyy"}[r.nextInt(4)]);
            case 3 -> p.put("keepColumns", new String[] {"Beat", "AREA", ",,", "Community Area,Ward"}[r.nextInt(4)]);
            case 4 -> p.put("format", ImportIncidentsProcess.Format.values()[r.nextInt(5)]);
            case 5 -> p.put("srcCrs", Crs.decode("EPSG:3435", "srcCrs"));
            default -> { }
        }
        return p;
    }

    @Test
    void thousandsOfHostileInputsEndInAReportOrANamedError() {
        Process process = Processors.createProcess(new NameImpl("crime", "ImportIncidents"));
        Random r = new Random(20261122);
        int results = 0;
        int errors = 0;
        List<String> failures = new ArrayList<>();
        int cases = 1500;
        for (int c = 0; c < cases; c++) {
            String csv = mutate(BASES[c % BASES.length], r);
            Map<String, Object> in = params(r);
            in.put("csv", csv);
            final int caseNo = c;
            try {
                Map<String, Object> out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> process.execute(in, null),
                        "case " + caseNo + " hung");
                @SuppressWarnings("unchecked")
                Map<String, Object> rep = (Map<String, Object>) Json.parse((String) out.get("report"));
                long read = (Long) rep.get("rows_read");
                long accepted = (Long) rep.get("accepted");
                long rejected = (Long) rep.get("rejected");
                assertEquals(read, accepted + rejected, "case " + c);
                assertEquals(accepted, ((SimpleFeatureCollection) out.get("result")).size(), "case " + c);
                results++;
            } catch (ProcessException e) {
                if (e.getMessage() == null || !NAMES_A_PARAMETER.matcher(e.getMessage()).matches()) {
                    failures.add("case " + c + ": message does not name a parameter: " + e.getMessage());
                }
                errors++;
            } catch (RuntimeException | Error e) {
                if (e instanceof org.opentest4j.AssertionFailedError a) throw a;
                failures.add("case " + c + ": " + e);
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " bad outcomes, first: " + failures.subList(0, Math.min(5, failures.size())));
        assertEquals(cases, results + errors);
        assertTrue(results > cases / 3, "most hostile inputs still give a report: " + results);
        assertTrue(errors > 10, "some inputs are refused with a named error: " + errors);
    }
}
