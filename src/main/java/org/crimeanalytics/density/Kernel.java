package org.crimeanalytics.density;

/**
 * Radially symmetric kernels of the plane, each normalised so that {@code K(|x| / h) / h²} integrates
 * to 1 over the plane for a bandwidth {@code h} (metres): the estimate is then in incidents per square
 * metre and its integral is the number (or total weight) of incidents.
 *
 * <p>With {@code u} the distance over the bandwidth:
 * <ul>
 *   <li>{@link #QUARTIC} (biweight, ArcGIS Pro's Kernel Density and CrimeStat's quartic): {@code 3/π (1 - u²)²}, u &lt; 1;</li>
 *   <li>{@link #GAUSSIAN}: {@code exp(-u²/2) / 2π}, the bandwidth being the standard deviation along each
 *       axis (R {@code MASS::kde2d}'s {@code h} is four times it); evaluated up to {@value #GAUSSIAN_REACH}
 *       bandwidths, beyond which a term is below 10^-31 of the peak;</li>
 *   <li>{@link #EPANECHNIKOV}: {@code 2/π (1 - u²)}, u &lt; 1;</li>
 *   <li>{@link #UNIFORM} (a disc, scikit-learn's tophat): {@code 1/π}, u &lt; 1;</li>
 *   <li>{@link #TRIANGULAR} (a cone, scikit-learn's linear): {@code 3/π (1 - u)}, u &lt; 1.</li>
 * </ul>
 * {@link #axisVariance()} is the variance along one axis of the kernel with unit bandwidth; bandwidths are
 * carried from one kernel to another so that this variance is the same (see {@link Bandwidth#forKernel}).
 */
public enum Kernel {
    QUARTIC(1, 1.0 / 8),
    GAUSSIAN(Kernel.GAUSSIAN_REACH, 1),
    EPANECHNIKOV(1, 1.0 / 6),
    UNIFORM(1, 1.0 / 4),
    TRIANGULAR(1, 3.0 / 20);

    /** Bandwidths up to which the Gaussian kernel is evaluated. */
    public static final double GAUSSIAN_REACH = 12;

    private final double reach;
    private final double axisVariance;

    Kernel(double reach, double axisVariance) {
        this.reach = reach;
        this.axisVariance = axisVariance;
    }

    /** Distance, in bandwidths, beyond which the kernel is zero (or treated as zero). */
    public double reach() {
        return reach;
    }

    /** Variance along one axis of the kernel with unit bandwidth. */
    public double axisVariance() {
        return axisVariance;
    }

    /**
     * The kernel at squared scaled distance {@code u2 = (d / h)²}, for unit bandwidth (divide by h² for a
     * density per square unit). Zero at and beyond the reach.
     */
    public double at(double u2) {
        if (!(u2 < reach * reach)) return 0;
        switch (this) {
            case QUARTIC: {
                double t = 1 - u2;
                return 3 / Math.PI * t * t;
            }
            case GAUSSIAN:
                return Math.exp(-0.5 * u2) / (2 * Math.PI);
            case EPANECHNIKOV:
                return 2 / Math.PI * (1 - u2);
            case UNIFORM:
                return 1 / Math.PI;
            default: // TRIANGULAR
                return 3 / Math.PI * (1 - Math.sqrt(u2));
        }
    }
}
