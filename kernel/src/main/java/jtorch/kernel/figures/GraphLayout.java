package jtorch.kernel.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered drawing of a {@link GraphFigure} (the Sugiyama scheme, small): each box sits one row
 * below the lowest box that points to it, arrows that skip rows pass through invisible waypoints,
 * rows are reordered a few times by the mean position of their neighbours to untangle crossings,
 * then each box is moved towards the mean x of its neighbours so arrows run as straight as the
 * gaps between boxes allow.
 *
 * <p>Invariants after {@link #of}: every arrow goes from a row to the next one; {@code rows}
 * lists every box and waypoint exactly once; x positions are box centres in points.
 */
final class GraphLayout {
    private static final Font FONT = new Font(Font.MONOSPACED, Font.PLAIN, 13);
    private static final int LINE_H = 17;
    private static final int BOX_PAD = 13;
    private static final int ROW_GAP = 44;
    private static final int COL_GAP = 22;
    private static final int MARGIN = 16;
    private static final int SWEEPS = 4;
    private static final Map<GraphFigure.Kind, Color> FILL = Map.of(
            GraphFigure.Kind.OUTPUT, new Color(0xcaff70),
            GraphFigure.Kind.FUNCTION, new Color(0xd3d3d3),
            GraphFigure.Kind.LEAF, new Color(0xadd8e6));

    /** A box or a waypoint (box == null) of the drawing. */
    private static final class Cell {
        final GraphFigure.Box box;
        final double height;
        final List<Cell> down = new ArrayList<>();
        final List<Cell> up = new ArrayList<>();
        int row;
        double x;
        double width;

        Cell(GraphFigure.Box box, double width) {
            this.box = box;
            this.width = width;
            this.height = box == null ? 0 : BOX_PAD + LINE_H * box.lines.size();
        }
    }

    private final List<List<Cell>> rows = new ArrayList<>();
    /** Where each row starts and how tall its tallest box is. */
    private double[] rowTop;
    private double[] rowHeight;
    private int width;

    private GraphLayout() {}

    static GraphLayout of(GraphFigure graph) {
        GraphLayout layout = new GraphLayout();
        layout.build(graph);
        return layout;
    }

    int width() {
        return width;
    }

    int height() {
        int last = rows.size() - 1;
        return (int) Math.ceil(rowTop[last] + rowHeight[last]) + MARGIN;
    }

    private void build(GraphFigure graph) {
        FontMetrics metrics = metrics();
        Map<GraphFigure.Box, Cell> cells = new IdentityHashMap<>();
        for (GraphFigure.Box b : graph.boxes) {
            int text = b.lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
            cells.put(b, new Cell(b, text + 20));
        }
        assignRows(graph, cells);
        for (GraphFigure.Box b : graph.boxes) {
            Cell from = cells.get(b);
            for (GraphFigure.Box n : b.next) {
                link(from, cells.get(n));
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int r = 1; r < rows.size(); r++) {
                order(rows.get(r), rows.get(r - 1), true);
            }
            for (int r = rows.size() - 2; r >= 0; r--) {
                order(rows.get(r), rows.get(r + 1), false);
            }
        }
        double widest = 0;
        for (List<Cell> row : rows) {
            widest = Math.max(widest, rowWidth(row));
        }
        for (List<Cell> row : rows) {
            double x = (widest - rowWidth(row)) / 2;
            for (Cell c : row) {
                c.x = x + c.width / 2;
                x += c.width + COL_GAP;
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int r = 1; r < rows.size(); r++) {
                straighten(rows.get(r), true);
            }
            for (int r = rows.size() - 2; r >= 0; r--) {
                straighten(rows.get(r), false);
            }
        }
        double left = Double.POSITIVE_INFINITY;
        double right = Double.NEGATIVE_INFINITY;
        for (List<Cell> row : rows) {
            for (Cell c : row) {
                left = Math.min(left, c.x - c.width / 2);
                right = Math.max(right, c.x + c.width / 2);
            }
        }
        for (List<Cell> row : rows) {
            for (Cell c : row) {
                c.x += MARGIN - left;
            }
        }
        width = (int) Math.ceil(right - left) + 2 * MARGIN;
        rowTop = new double[rows.size()];
        rowHeight = new double[rows.size()];
        double y = MARGIN;
        for (int r = 0; r < rows.size(); r++) {
            rowTop[r] = y;
            rowHeight[r] = rows.get(r).stream().mapToDouble(c -> c.height).max().orElse(0);
            y += rowHeight[r] + ROW_GAP;
        }
    }

    /**
     * Moves each cell of {@code row} towards the mean x of its neighbours above ({@code byUp}) or
     * below, keeping the row's order and the gaps between cells: the wanted positions are pushed
     * apart from the left and from the right, and each cell takes the middle of the two.
     */
    private static void straighten(List<Cell> row, boolean byUp) {
        int n = row.size();
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            Cell c = row.get(i);
            List<Cell> near = byUp ? c.up : c.down;
            want[i] = near.isEmpty() ? c.x : near.stream().mapToDouble(m -> m.x).average().orElse(c.x);
        }
        double[] fromLeft = want.clone();
        for (int i = 1; i < n; i++) {
            fromLeft[i] = Math.max(want[i], fromLeft[i - 1] + gap(row.get(i - 1), row.get(i)));
        }
        double[] fromRight = want.clone();
        for (int i = n - 2; i >= 0; i--) {
            fromRight[i] = Math.min(want[i], fromRight[i + 1] - gap(row.get(i), row.get(i + 1)));
        }
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = (fromLeft[i] + fromRight[i]) / 2;
            x = i == 0 ? x : Math.max(x, prev + gap(row.get(i - 1), row.get(i)));
            row.get(i).x = x;
            prev = x;
        }
    }

    /** The distance between the centres of neighbours {@code a} and {@code b} in a row. */
    private static double gap(Cell a, Cell b) {
        return (a.width + b.width) / 2 + COL_GAP;
    }

    /** Longest-path rows: a box goes one row below every box that points to it. */
    private void assignRows(GraphFigure graph, Map<GraphFigure.Box, Cell> cells) {
        boolean changed = true;
        for (int pass = 0; changed && pass <= graph.boxes.size(); pass++) {
            changed = false;
            for (GraphFigure.Box b : graph.boxes) {
                for (GraphFigure.Box n : b.next) {
                    if (cells.get(n).row < cells.get(b).row + 1) {
                        cells.get(n).row = cells.get(b).row + 1;
                        changed = true;
                    }
                }
            }
        }
        for (GraphFigure.Box b : graph.boxes) {
            place(cells.get(b));
        }
    }

    private void place(Cell c) {
        while (rows.size() <= c.row) {
            rows.add(new ArrayList<>());
        }
        rows.get(c.row).add(c);
    }

    /** An arrow from {@code from} to {@code to}, through one waypoint per row it skips. */
    private void link(Cell from, Cell to) {
        Cell at = from;
        for (int r = from.row + 1; r < to.row; r++) {
            Cell waypoint = new Cell(null, 0);
            waypoint.row = r;
            place(waypoint);
            connect(at, waypoint);
            at = waypoint;
        }
        connect(at, to);
    }

    private void connect(Cell a, Cell b) {
        a.down.add(b);
        b.up.add(a);
    }

    /** Sorts {@code row} by the mean index of its neighbours in {@code fixed} (stable for ties). */
    private static void order(List<Cell> row, List<Cell> fixed, boolean byUp) {
        Map<Cell, Double> key = new IdentityHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            List<Cell> near = byUp ? row.get(i).up : row.get(i).down;
            double sum = 0;
            for (Cell n : near) {
                sum += fixed.indexOf(n);
            }
            key.put(row.get(i), near.isEmpty() ? i : sum / near.size());
        }
        row.sort(Comparator.comparingDouble(key::get));
    }

    private static double rowWidth(List<Cell> row) {
        double w = COL_GAP * (row.size() - 1);
        for (Cell c : row) {
            w += c.width;
        }
        return w;
    }

    /** The top of a box (boxes are centred in their row); a waypoint's middle. */
    private double top(Cell c) {
        return rowTop[c.row] + (rowHeight[c.row] - c.height) / 2;
    }

    private double bottom(Cell c) {
        return top(c) + c.height;
    }

    void draw(Graphics2D g, int w, int h) {
        g.setFont(FONT);
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(new Color(0x555555));
        for (List<Cell> row : rows) {
            for (Cell from : row) {
                if (from.box != null) {
                    for (Cell next : from.down) {
                        drawArrow(g, from, next);
                    }
                }
            }
        }
        FontMetrics fm = g.getFontMetrics();
        for (List<Cell> row : rows) {
            for (Cell c : row) {
                if (c.box == null) {
                    continue;
                }
                RoundRectangle2D rect = new RoundRectangle2D.Double(c.x - c.width / 2, top(c), c.width, c.height, 8, 8);
                g.setColor(FILL.get(c.box.kind));
                g.fill(rect);
                g.setColor(Color.BLACK);
                g.draw(rect);
                for (int i = 0; i < c.box.lines.size(); i++) {
                    String text = c.box.lines.get(i);
                    double middle = top(c) + BOX_PAD / 2.0 + LINE_H * (i + 0.5);
                    g.drawString(text, (float) (c.x - fm.stringWidth(text) / 2.0),
                            (float) (middle + (fm.getAscent() - fm.getDescent()) / 2.0));
                }
            }
        }
    }

    /** The arrow from box {@code from} through the waypoints starting at {@code next}, curved at each waypoint. */
    private void drawArrow(Graphics2D g, Cell from, Cell next) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {from.x, bottom(from)});
        Cell at = next;
        while (at.box == null) {
            points.add(new double[] {at.x, top(at)});
            at = at.down.get(0);
        }
        points.add(new double[] {at.x, top(at)});
        Path2D line = new Path2D.Double();
        line.moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size() - 1; i++) {
            double[] p = points.get(i);
            double[] q = points.get(i + 1);
            boolean last = i == points.size() - 2;
            line.quadTo(p[0], p[1], last ? q[0] : (p[0] + q[0]) / 2, last ? q[1] : (p[1] + q[1]) / 2);
        }
        double[] end = points.get(points.size() - 1);
        double[] before = points.get(points.size() - 2);
        if (points.size() == 2) {
            line.lineTo(end[0], end[1]);
        }
        g.draw(line);
        arrowHead(g, before[0], before[1], end[0], end[1]);
    }

    private static void arrowHead(Graphics2D g, double x1, double y1, double x2, double y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double size = 8;
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - size * Math.cos(angle - 0.4), y2 - size * Math.sin(angle - 0.4));
        head.lineTo(x2 - size * Math.cos(angle + 0.4), y2 - size * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    private static FontMetrics metrics() {
        Png.headless();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(FONT);
        } finally {
            g.dispose();
        }
    }
}
