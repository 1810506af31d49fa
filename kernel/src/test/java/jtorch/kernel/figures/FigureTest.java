package jtorch.kernel.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jtorch.Tensor;
import jtorch.torch;
import org.junit.jupiter.api.Test;

/** The plot helpers rendered to PNG bytes: size, and the colours that must be drawn. */
class FigureTest {
    private static final int BLUE = 0x1f77b4;
    private static final int ORANGE = 0xff7f0e;

    static BufferedImage decode(byte[] png) throws IOException {
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** How many pixels are within a small distance of {@code rgb} (anti-aliasing blurs edges). */
    static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) + Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (rgb & 0xff));
                n += d < 30 ? 1 : 0;
            }
        }
        return n;
    }

    /** Keeps the picture under target/figures/ for a person to look at. */
    static BufferedImage render(String name, byte[] png) throws IOException {
        Path dir = Path.of("target", "figures");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
        return decode(png);
    }

    @Test
    void plot_listOfLosses_drawsOneLineAtTwiceTheShownSize() throws IOException {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            losses.add(Math.exp(-i / 20.0));
        }
        Figure f = Plots.plot(losses).title("loss").xlabel("epoch").ylabel("MSE");
        BufferedImage image = render("line", f.toPng());
        assertEquals(2 * Figure.DEFAULT_WIDTH, image.getWidth());
        assertEquals(2 * Figure.DEFAULT_HEIGHT, image.getHeight());
        assertTrue(count(image, BLUE) > 500, "the line is drawn in matplotlib's first colour");
        assertEquals(0, count(image, ORANGE));
        assertEquals("<Figure size 640x420 with 1 Axes>", f.toString());
    }

    @Test
    void plot_twoLabelledSeriesOnLogScale_drawsBothColoursAndLegend() throws IOException {
        Tensor x = torch.arange(1, 51);
        Tensor train = x.mul(-0.1).exp();
        Tensor val = x.mul(-0.05).exp();
        Figure f = Plots.plot(x, train).label("train").plot(x, val).label("val").yscale("log").xlabel("epoch");
        BufferedImage image = render("line-log-legend", f.toPng());
        assertTrue(count(image, BLUE) > 500);
        assertTrue(count(image, ORANGE) > 500);
    }

    @Test
    void legend_dataInTheUpperRight_goesToAnotherCorner() throws IOException {
        Tensor x = torch.linspace(-1, 1, 20);
        Figure f = Plots.scatter(x, x.mul(3).add(2)).label("data").plot(x, x.mul(3).add(2)).label("fitted line");
        assertEquals(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT, LegendPlacement.best(f.layers, false, false).anchor());
        render("legend-best", f.toPng());
        Figure falling = Plots.plot(x, x.mul(-1)).label("loss");
        assertEquals(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT, LegendPlacement.best(falling.layers, false, false).anchor());
    }

    @Test
    void plot_columnTensor_isOneSeries() throws IOException {
        Tensor x = torch.linspace(-1, 1, 20).view(-1, 1);
        assertTrue(count(decode(Plots.plot(x, x.mul(3)).toPng()), BLUE) > 200);
    }

    @Test
    void plot_matrix_saysHowToPickOneSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.plot(torch.zeros(3, 4)));
        assertEquals("y must be 1-D, got a tensor of shape [3, 4] (flatten it with .flatten(), or pick a column with .index(\":, 0\"))",
                e.getMessage());
    }

    @Test
    void plot_unequalLengths_namesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.plot(new double[] {1, 2, 3}, List.of(1, 2)));
        assertEquals("x and y must have the same length, got 3 and 2", e.getMessage());
    }

    @Test
    void plot_string_namesTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.plot("losses"));
        assertEquals("y must be a tensor, a Java array or a list of numbers, got String", e.getMessage());
    }

    @Test
    void plot_listWithNull_namesTheElement() {
        List<Double> values = new ArrayList<>(List.of(1.0, 2.0));
        values.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.plot(values));
        assertEquals("y must hold numbers; element 2 is null", e.getMessage());
    }

    @Test
    void scatter_points_drawsDots() throws IOException {
        torch.manualSeed(0);
        Tensor x = torch.randn(200);
        Tensor y = x.mul(2).add(torch.randn(200));
        BufferedImage image = render("scatter", Plots.scatter(x, y).title("scatter").toPng());
        assertTrue(count(image, BLUE) > 1000);
    }

    @Test
    void hist_tensorOfAnyShape_countsEveryValue() throws IOException {
        torch.manualSeed(0);
        BufferedImage image = render("hist", Plots.hist(torch.randn(50, 20), 20).title("weights").toPng());
        assertTrue(count(image, BLUE) > 20000, "bars fill a good part of the axes");
    }

    @Test
    void hist_allEqual_drawsOneBar() throws IOException {
        assertTrue(count(decode(Plots.hist(new int[] {3, 3, 3}).toPng()), BLUE) > 1000);
    }

    @Test
    void hist_onlyNaN_saysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.hist(new double[] {Double.NaN}).toPng());
        assertEquals("hist needs at least one finite value (all 1 are NaN or infinite)", e.getMessage());
    }

    @Test
    void bar_map_drawsBarsInMapOrder() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("cat", 3);
        counts.put("dog", 5);
        counts.put("bird", 2);
        BufferedImage image = render("bar", Plots.bar(counts).title("pets").toPng());
        assertTrue(count(image, BLUE) > 20000);
    }

    @Test
    void bar_twoGroups_drawsBothColours() throws IOException {
        Figure f = Plots.bar(List.of("a", "b"), new int[] {1, 2}).label("x").bar(List.of("a", "b"), new int[] {2, 1}).label("y");
        BufferedImage image = render("bar-groups", f.toPng());
        assertTrue(count(image, BLUE) > 5000 && count(image, ORANGE) > 5000);
    }

    @Test
    void bar_onLineAxes_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.plot(new double[] {1, 2}).bar(List.of("a"), new int[] {1}));
        assertEquals("cannot draw bar chart on the axes of line plot: start a new figure, e.g. bar(...)", e.getMessage());
    }

    @Test
    void imshow_matrix_drawsViridisEndsAndKeepsCellsSquare() throws IOException {
        Tensor m = torch.arange(0, 28 * 28).view(28, 28);
        Figure f = Plots.imshow(m).title("weights");
        int[] size = f.shownSize();
        BufferedImage image = render("imshow", f.toPng());
        assertEquals(2 * size[0], image.getWidth());
        assertTrue(count(image, 0x440154) > 500, "the smallest values are viridis' dark purple");
        assertTrue(count(image, 0xfde725) > 500, "the largest values are viridis' yellow");
    }

    @Test
    void imshow_grayWithoutColorbar_usesBlackToWhite() throws IOException {
        double[][] m = {{0, 1}, {1, 0}};
        BufferedImage image = render("imshow-gray", Plots.imshow(m).cmap("gray").colorbar(false).toPng());
        assertTrue(count(image, 0x000000) > 10000);
    }

    @Test
    void imshow_threeDims_saysHowToPickAChannel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.imshow(torch.zeros(3, 4, 4)));
        assertEquals("imshow data must be 2-D (rows, columns), got a tensor of shape [3, 4, 4] (for one channel of an image use .index(\"0\"))",
                e.getMessage());
    }

    @Test
    void cmap_unknown_listsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.imshow(new double[][] {{1}}).cmap("jet"));
        assertEquals("unknown colour map \"jet\"; choose viridis, magma, gray or coolwarm", e.getMessage());
    }

    @Test
    void yscale_unknown_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plots.plot(List.of(1)).yscale("symlog"));
        assertEquals("scale must be \"linear\" or \"log\", got \"symlog\"", e.getMessage());
    }

    @Test
    void plot_dataChangedAfterwards_figureKeepsItsCopy() throws IOException {
        List<Double> losses = new ArrayList<>(List.of(1.0, 0.5));
        Figure f = Plots.plot(losses);
        losses.clear();
        assertTrue(count(decode(f.toPng()), BLUE) > 100);
    }

    @Test
    void save_writesThePng(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = Plots.plot(List.of(1, 2, 3)).save(dir.resolve("fig.png").toString());
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void tickFormat_values_readLikeMatplotlib() {
        assertEquals("0.3", TickFormat.text(0.30000000000000004));
        assertEquals("100", TickFormat.text(100.0));
        assertEquals("-2.5", TickFormat.text(-2.5));
        assertEquals("1e-05", TickFormat.text(1e-5));
        assertEquals("2.5e+07", TickFormat.text(2.5e7));
    }
}
