package jtorch.kernel.figures;

import java.util.Arrays;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/** numpy's histogram for {@code hist}: equal-width bins from the smallest to the largest finite value. */
final class Histograms {
    private Histograms() {}

    static HistogramDataset dataset(String key, double[] values, int bins) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("hist needs at least one finite value (all " + values.length + " are NaN or infinite)");
        }
        double min = Arrays.stream(finite).min().getAsDouble();
        double max = Arrays.stream(finite).max().getAsDouble();
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        HistogramDataset data = new HistogramDataset();
        data.setType(HistogramType.FREQUENCY);
        data.addSeries(key, finite, bins, min, max);
        return data;
    }
}
