package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class QuickJitTest {

    @Test
    void theDirectiveTurnsC2OffForEveryMethodAndIsRemovable() throws Exception {
        String vm = System.getProperty("java.vm.name", "");
        assumeTrue(vm.contains("HotSpot") || vm.contains("OpenJDK"), "skipped: compiler directives are HotSpot's (this JVM is " + vm + ")");
        String before = (String) QuickJit.diagnosticCommand("compilerDirectivesPrint");
        try {
            assertTrue(QuickJit.apply(), "the directive was not added");
            String now = (String) QuickJit.diagnosticCommand("compilerDirectivesPrint");
            // the first directive printed is the one on top of the stack: ours, matching every method
            int top = now.indexOf("Directive:");
            String ours = now.substring(top, now.indexOf("Directive:", top + 1));
            assertTrue(ours.contains("matching: *.*"), ours);
            String c1 = ours.substring(ours.indexOf("c1 directives:"), ours.indexOf("c2 directives:"));
            String c2 = ours.substring(ours.indexOf("c2 directives:"));
            assertTrue(c2.contains("Exclude:true"), c2);
            assertTrue(c1.contains("Exclude:false"), "C1 must stay on: " + c1);
        } finally {
            // this test JVM goes on with C2 (methods whose C2 compilation came in these milliseconds stay on C1)
            if (!before.equals(QuickJit.diagnosticCommand("compilerDirectivesPrint"))) QuickJit.diagnosticCommand("compilerDirectivesRemove");
        }
        assertEquals(before, QuickJit.diagnosticCommand("compilerDirectivesPrint"));
    }

    @Test
    void onlyRunOnTwoProcessorsOrFewerUnlessTheSettingSaysOtherwise() {
        String old = System.getProperty("crime.jit");
        try {
            System.clearProperty("crime.jit");
            boolean envFull = "full".equalsIgnoreCase(String.valueOf(System.getenv("CRIME_JIT")).trim());
            boolean envQuick = "quick".equalsIgnoreCase(String.valueOf(System.getenv("CRIME_JIT")).trim());
            assertEquals(!envFull, QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 2));
            assertEquals(!envFull, QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 1));
            assertEquals(envQuick, QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 8));
            System.setProperty("crime.jit", "full");
            assertFalse(QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 2));
            System.setProperty("crime.jit", "QUICK");
            assertTrue(QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 16));
            assertEquals(null, QuickJit.unknownSetting());
            System.setProperty("crime.jit", " Fast ");
            assertEquals("fast", QuickJit.unknownSetting()); // said on the console; the default applies
            assertEquals(true, QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 2));
            assertEquals(false, QuickJit.wanted(new String[] {"run", "crime:HotSpots"}, 8));
            for (String cmd : new String[] {"demo", "bench", "describe", "list", "styles"}) {
                assertFalse(QuickJit.wanted(new String[] {cmd, "user-path"}, 2), cmd);
            }
            assertFalse(QuickJit.wanted(new String[0], 2));
        } finally {
            if (old == null) System.clearProperty("crime.jit");
            else System.setProperty("crime.jit", old);
        }
    }
}
