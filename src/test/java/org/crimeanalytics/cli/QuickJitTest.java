package org.crimeanalytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class QuickJitTest {

    @Test
    void theDirectiveTurnsC2OffForEveryMethodAndIsRemovable() throws Exception {
        assumeTrue(System.getProperty("java.vm.name", "").contains("HotSpot") || System.getProperty("java.vm.name", "").contains("OpenJDK"),
                "skipped: compiler directives are HotSpot's (this JVM is " + System.getProperty("java.vm.name") + ")");
        String before = (String) QuickJit.diagnosticCommand("compilerDirectivesPrint");
        assertTrue(QuickJit.apply(), "the directive was not added");
        try {
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
            QuickJit.diagnosticCommand("compilerDirectivesRemove");
        }
        assertEquals(before, QuickJit.diagnosticCommand("compilerDirectivesPrint"));
    }

    @Test
    void offWithThePropertyOrTheEnvironment() {
        String old = System.getProperty("crime.jit");
        try {
            System.setProperty("crime.jit", "full");
            assertTrue(QuickJit.disabled());
            System.setProperty("crime.jit", "quick");
            assertFalse(QuickJit.disabled());
        } finally {
            if (old == null) System.clearProperty("crime.jit");
            else System.setProperty("crime.jit", old);
        }
        assertEquals("full".equalsIgnoreCase(String.valueOf(System.getenv("CRIME_JIT")).trim()), QuickJit.disabled());
    }
}
