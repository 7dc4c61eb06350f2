package org.crimeanalytics.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.crimeanalytics.grid.Grid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand cases (closed-form kernel sums), mass, and the binned evaluation against the exact one. */
class KernelDensityTest {

    static final Lattice SQUARES_100 = new Lattice(new Grid(Grid.Shape.SQUARE, 100));

    @Test
    void onePointQuarticEqualsTheClosedForm() {
        double h = 250, px = 1234, py = -567;
        KernelDensity kd = new KernelDensity(Kernel.QUARTIC, h, SQUARES_100);
        double[] x = {px}, y = {py};
        Surface s = kd.estimate(x, y, null, kd.windowOf(x, y), KernelDensity.Method.EXACT, null);
        int checked = 0;
        for (int j = s.window().j0(); j < s.window().j0() + s.window().ny(); j++) {
            for (int i = s.window().i0(); i < s.window().i0() + s.window().nx(); i++) {
                double cx = (i + 0.5) * 100, cy = (j + 0.5) * 100; // square centres
                double d2 = (cx - px) * (cx - px) + (cy - py) * (cy - py);
                double expected = d2 < h * h ? 3 / Math.PI / (h * h) * Math.pow(1 - d2 / (h * h), 2) : 0;
                assertEquals(expected, s.at(i, j), 1e-15 * 3 / Math.PI / (h * h), "cell " + i + "," + j);
                if (expected > 0) checked++;
            }
        }
        assertTrue(checked > 15, "cells inside the radius: " + checked);
        // the cell centred at (1250, -550) is 23.8 m away: 3/pi (1 - (23.85/250)^2)^2 / 250^2 per m2
        double d2 = 16 * 16 + 17 * 17;
        assertEquals(3 / Math.PI * Math.pow(1 - d2 / 62500, 2) / 62500, s.at(12, -6), 1e-18);
    }

    @Test
    void twoPointsWithWeightsAddUp() {
        double h = 300;
        double[] x = {0, 180}, y = {0, 40}, w = {2, 3};
        for (Kernel k : Kernel.values()) {
            KernelDensity kd = new KernelDensity(k, h, SQUARES_100);
            Surface s = kd.estimate(x, y, w, kd.windowOf(x, y), KernelDensity.Method.EXACT, null);
            // cell (1, 0) is centred at (150, 50)
            double d0 = Math.hypot(150, 50) / h, d1 = Math.hypot(150 - 180, 50 - 40) / h;
            double expected = (2 * k.at(d0 * d0) + 3 * k.at(d1 * d1)) / (h * h);
            assertEquals(expected, s.at(1, 0), 1e-15 * expected, k.name());
        }
        // explicit values at u = 0.5: quartic 3/pi * 0.5625, Epanechnikov 2/pi * 0.75, uniform 1/pi,
        // triangular 3/pi * 0.5, Gaussian exp(-1/8) / 2 pi
        assertEquals(3 / Math.PI * 0.5625, Kernel.QUARTIC.at(0.25), 1e-15);
        assertEquals(2 / Math.PI * 0.75, Kernel.EPANECHNIKOV.at(0.25), 1e-15);
        assertEquals(1 / Math.PI, Kernel.UNIFORM.at(0.25), 1e-15);
        assertEquals(3 / Math.PI * 0.5, Kernel.TRIANGULAR.at(0.25), 1e-15);
        assertEquals(Math.exp(-0.125) / (2 * Math.PI), Kernel.GAUSSIAN.at(0.25), 1e-15);
        assertEquals(0, Kernel.QUARTIC.at(1), 0);
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void theMassIsTheNumberOfIncidents(Kernel k) {
        // cells 1/50 of the bandwidth: the sum over cells times the cell area is the total weight
        Random r = new Random(7);
        double[] x = new double[40], y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * 400;
            y[i] = r.nextGaussian() * 400;
        }
        double h = k == Kernel.GAUSSIAN ? 100 : 500;
        for (Grid.Shape shape : Grid.Shape.values()) {
            KernelDensity kd = new KernelDensity(k, h, new Lattice(new Grid(shape, h / 50)));
            Surface s = kd.estimate(x, y, null, kd.windowOf(x, y), KernelDensity.Method.EXACT, null);
            // midpoint-rule error: second order for the smooth kernels, first for the discs' edges
            double tol = switch (k) {
                case GAUSSIAN, QUARTIC -> 1e-6;
                case EPANECHNIKOV, TRIANGULAR -> 1e-4;
                case UNIFORM -> 2e-3;
            };
            assertEquals(40, s.mass(), 40 * tol, k + " " + shape);
        }
    }

    @ParameterizedTest
    @EnumSource(Grid.Shape.class)
    void binnedKeepsTheWeightAndMatchesExactForPointsOnCellCentres(Grid.Shape shape) {
        Lattice l = new Lattice(new Grid(shape, 50));
        Random r = new Random(3);
        double[] x = new double[300], y = new double[300], w = new double[300];
        double total = 0;
        for (int p = 0; p < x.length; p++) {
            int i = r.nextInt(40) - 20, j = r.nextInt(40) - 20;
            x[p] = l.x(i, j);
            y[p] = l.y(j);
            w[p] = 1 + r.nextInt(3);
            total += w[p];
        }
        for (Kernel k : Kernel.values()) {
            // radius 250 m = 5 cells exactly: the uniform disc's rim lies on cell centres
            KernelDensity kd = new KernelDensity(k, k == Kernel.GAUSSIAN ? 60 : 250, l);
            Lattice.Window win = kd.windowOf(x, y);
            Surface e = kd.estimate(x, y, w, win, KernelDensity.Method.EXACT, null);
            Surface b = kd.estimate(x, y, w, win, KernelDensity.Method.BINNED, null);
            assertEquals(total, b.mass(), 1e-9 * total, k + " " + shape + ": the binned table spreads all the weight");
            if (k == Kernel.UNIFORM || k == Kernel.TRIANGULAR) continue; // their discrete mass differs from 1 by design
            // points on centres are binned to themselves, so binned = exact over the table's discrete mass (one table for
            // squares; hexagons have one per row parity, nearly equal)
            double max = e.max(), discrete = e.mass() / total;
            for (int c = 0; c < e.values().length; c++) {
                assertEquals(e.values()[c] / discrete, b.values()[c], (shape == Grid.Shape.SQUARE ? 1e-12 : 2e-3) * max, k + " " + shape + " cell " + c);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Grid.Shape.class)
    void binningKeepsTheMassAndStaysCloseToTheExactSum(Grid.Shape shape) {
        Lattice l = new Lattice(new Grid(shape, 25));
        Random r = new Random(11);
        double[] x = new double[2000], y = new double[2000];
        for (int p = 0; p < x.length; p++) {
            x[p] = r.nextGaussian() * 600 + 10_000;
            y[p] = r.nextGaussian() * 300 - 4_000;
        }
        KernelDensity kd = new KernelDensity(Kernel.QUARTIC, 250, l);
        Lattice.Window win = kd.windowOf(x, y);
        Surface e = kd.estimate(x, y, null, win, KernelDensity.Method.EXACT, null);
        Surface b = kd.estimate(x, y, null, win, KernelDensity.Method.BINNED, null);
        assertEquals(e.mass(), b.mass(), 1e-3 * e.mass());
        double max = e.max(), worst = 0;
        for (int c = 0; c < e.values().length; c++) worst = Math.max(worst, Math.abs(e.values()[c] - b.values()[c]));
        assertTrue(worst < 0.01 * max, "largest difference " + worst / max + " of the peak");
    }

    @Test
    void hexagonCentresAreTheGridsCells() {
        Grid g = new Grid(Grid.Shape.HEXAGON, 120);
        Lattice l = new Lattice(g);
        for (int j = -5; j <= 5; j++) {
            for (int i = -5; i <= 5; i++) {
                long k = l.key(i, j);
                double[] c = g.centre(k);
                assertEquals(c[0], l.x(i, j), 1e-9);
                assertEquals(c[1], l.y(j), 1e-9);
                assertEquals(k, g.cell(l.x(i, j), l.y(j)));
            }
        }
        assertEquals(g.cellArea(), l.cellArea(), 1e-9);
        Lattice s = new Lattice(new Grid(Grid.Shape.SQUARE, 120));
        assertEquals(new Grid(Grid.Shape.SQUARE, 120).cell(s.x(3, -2), s.y(-2)), s.key(3, -2));
    }

    @Test
    void emptyAndInvalidInput() {
        KernelDensity kd = new KernelDensity(Kernel.QUARTIC, 100, SQUARES_100);
        Surface s = kd.estimate(new double[0], new double[0], null, kd.windowOf(new double[0], new double[0]),
                KernelDensity.Method.AUTO, null);
        assertEquals(0, s.mass(), 0);
        assertThrows(IllegalArgumentException.class, () -> new KernelDensity(Kernel.QUARTIC, 0, SQUARES_100));
        assertThrows(IllegalArgumentException.class, () -> new KernelDensity(Kernel.QUARTIC, Double.NaN, SQUARES_100));
        double[] x = {0}, y = {0};
        assertThrows(KernelDensity.CancelledException.class,
                () -> kd.estimate(x, y, null, kd.windowOf(x, y), KernelDensity.Method.EXACT, () -> true));
    }

    @Test
    void rulesOfThumbOnAHandCase() {
        // four points 100 m from their centre: SD = 100, Dm = 100
        double[] x = {100, -100, 0, 0}, y = {0, 0, 100, -100};
        Bandwidth.Choice s = Bandwidth.choose(Bandwidth.Rule.SILVERMAN, x, y, null);
        assertEquals(100, s.standardDistance(), 1e-12);
        assertEquals(100, s.medianDistance(), 1e-12);
        assertEquals(0.9 * 100 * Math.pow(4, -0.2), s.value(), 1e-9); // 68.21 m, a quartic radius
        assertEquals(Kernel.QUARTIC, s.madeFor());
        Bandwidth.Choice sc = Bandwidth.choose(Bandwidth.Rule.SCOTT, x, y, null);
        assertEquals(Math.sqrt(5000) * Math.pow(4, -1.0 / 6), sc.value(), 1e-9); // 56.12 m, a Gaussian sd
        // an outlier: the median distance keeps the Silverman bandwidth sensible
        // (200 points within 100 m and two 20 km away: SD is about 2 km, the median distance about 200 m)
        Random r = new Random(5);
        double[] x2 = new double[202], y2 = new double[202];
        for (int i = 0; i < 200; i++) {
            x2[i] = r.nextDouble() * 100;
            y2[i] = r.nextDouble() * 100;
        }
        x2[200] = 20_000;
        x2[201] = 20_000;
        Bandwidth.Choice o = Bandwidth.choose(Bandwidth.Rule.SILVERMAN, x2, y2, null);
        assertTrue(o.standardDistance() > 5 * o.medianDistance(), o.toString());
        assertEquals(0.9 * Math.sqrt(1 / Math.log(2)) * o.medianDistance() * Math.pow(202, -0.2), o.value(), 1e-9);
        // weights count as that many points
        Bandwidth.Choice wt = Bandwidth.choose(Bandwidth.Rule.SILVERMAN, x, y, new double[] {2, 2, 2, 2});
        assertEquals(0.9 * 100 * Math.pow(8, -0.2), wt.value(), 1e-9);
        // unit-free: coordinates x10 give a bandwidth x10
        double[] x10 = {1000, -1000, 0, 0}, y10 = {0, 0, 1000, -1000};
        assertEquals(10 * s.value(), Bandwidth.choose(Bandwidth.Rule.SILVERMAN, x10, y10, null).value(), 1e-9);
        // carried between kernels by the per-axis variance: a quartic radius r is a Gaussian sd r / sqrt(8)
        assertEquals(100 / Math.sqrt(8), Bandwidth.forKernel(100, Kernel.QUARTIC, Kernel.GAUSSIAN), 1e-12);
    }

    @Test
    void perAxisVariancesAreTheKernelsSecondMoments() {
        // numerical integral of x^2 K(|x|) over the plane for unit bandwidth
        for (Kernel k : Kernel.values()) {
            double step = k == Kernel.GAUSSIAN ? 0.01 : 0.002, lim = k == Kernel.GAUSSIAN ? 10 : 1;
            double sum = 0, mass = 0;
            for (double a = -lim + step / 2; a < lim; a += step) {
                for (double b = -lim + step / 2; b < lim; b += step) {
                    double v = k.at(a * a + b * b);
                    sum += a * a * v;
                    mass += v;
                }
            }
            assertEquals(1, mass * step * step, 2e-3, k + " mass");
            assertEquals(k.axisVariance(), sum * step * step, 2e-3 * k.axisVariance() + 1e-5, k + " variance");
        }
    }
}
