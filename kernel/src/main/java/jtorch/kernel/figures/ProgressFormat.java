package jtorch.kernel.figures;

import java.util.Locale;
import jtorch.kernel.render.Html;

/**
 * How a progress bar's state reads: tqdm's text line
 * ({@code train:  40%|████      | 40/100 [00:02<00:03, 20.10it/s, loss=0.12]}) and the HTML bar
 * notebooks show (tqdm.notebook's layout: description, bar, the same counters).
 */
final class ProgressFormat {
    private static final int TEXT_BAR = 10;
    private static final char[] EIGHTHS = {' ', '\u258f', '\u258e', '\u258d', '\u258c', '\u258b', '\u258a', '\u2589'};

    /** A snapshot of a bar: count, total (-1 unknown), seconds elapsed, state. */
    static final class State {
        final String desc;
        final long n;
        final long total;
        final double elapsed;
        final String postfix;
        final ProgressBar.Status status;

        State(String desc, long n, long total, double elapsed, String postfix, ProgressBar.Status status) {
            this.desc = desc;
            this.n = n;
            this.total = total;
            this.elapsed = elapsed;
            this.postfix = postfix;
            this.status = status;
        }

        double rate() {
            return elapsed > 0 && n > 0 ? n / elapsed : Double.NaN;
        }
    }

    private ProgressFormat() {}

    static String text(State s) {
        StringBuilder sb = new StringBuilder();
        if (s.desc != null && !s.desc.isEmpty()) {
            sb.append(s.desc).append(": ");
        }
        if (s.total > 0) {
            double frac = Math.min(1, (double) s.n / s.total);
            sb.append(String.format(Locale.ROOT, "%3d%%|", (int) Math.floor(frac * 100))).append(blocks(frac)).append("| ");
            sb.append(s.n).append('/').append(s.total);
        } else {
            sb.append(s.n).append("it");
        }
        sb.append(" [").append(counters(s)).append(']');
        if (s.status == ProgressBar.Status.STOPPED) {
            sb.append(" interrupted");
        }
        return sb.toString();
    }

    /** {@code 00:02<00:03, 20.10it/s, loss=0.12}: elapsed, remaining (when the total is known), rate, postfix. */
    static String counters(State s) {
        StringBuilder sb = new StringBuilder(clock(s.elapsed));
        double rate = s.rate();
        if (s.total > 0) {
            sb.append('<').append(Double.isNaN(rate) ? "?" : clock(Math.max(0, s.total - s.n) / rate));
        }
        sb.append(", ").append(rate(rate));
        if (s.postfix != null && !s.postfix.isEmpty()) {
            sb.append(", ").append(s.postfix);
        }
        return sb.toString();
    }

    static String html(State s) {
        double frac = s.total > 0 ? Math.min(1, (double) s.n / s.total) : s.status == ProgressBar.Status.RUNNING ? 0 : 1;
        String color = s.status == ProgressBar.Status.DONE ? "#4caf50" : s.status == ProgressBar.Status.STOPPED ? "#e53935" : "#2196f3";
        StringBuilder sb = new StringBuilder("<div class=\"jtorch-progress\" style=\"display:flex;align-items:center;gap:8px;"
                + "font-family:var(--jp-code-font-family,monospace);font-size:12px\">");
        if (s.desc != null && !s.desc.isEmpty()) {
            sb.append("<span>").append(Html.escape(s.desc)).append(":</span>");
        }
        if (s.total > 0) {
            sb.append(String.format(Locale.ROOT, "<span>%d%%</span>", (int) Math.floor(frac * 100)));
        }
        sb.append("<div style=\"width:300px;height:14px;background:#e0e0e0;border-radius:3px;overflow:hidden\">")
                .append(String.format(Locale.ROOT, "<div style=\"width:%.1f%%;height:100%%;background:%s\"></div></div>", frac * 100, color))
                .append("<span>").append(s.total > 0 ? s.n + "/" + s.total : s.n + "it")
                .append(" [").append(Html.escape(counters(s))).append(']')
                .append(s.status == ProgressBar.Status.STOPPED ? " interrupted" : "").append("</span></div>");
        return sb.toString();
    }

    private static String blocks(double frac) {
        int eighths = (int) Math.floor(frac * TEXT_BAR * 8);
        StringBuilder sb = new StringBuilder();
        sb.append("\u2588".repeat(eighths / 8));
        if (sb.length() < TEXT_BAR) {
            sb.append(EIGHTHS[eighths % 8]);
        }
        while (sb.length() < TEXT_BAR) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** tqdm's time format: {@code mm:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long t = Double.isFinite(seconds) ? (long) seconds : 0;
        long h = t / 3600;
        long m = t / 60 % 60;
        long sec = t % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%02d:%02d", m, sec);
    }

    /** tqdm's rate: {@code 20.10it/s}, or {@code 2.50s/it} when slower than one per second. */
    static String rate(double rate) {
        if (Double.isNaN(rate)) {
            return "?it/s";
        }
        return rate >= 1 || rate == 0 ? String.format(Locale.ROOT, "%.2fit/s", rate) : String.format(Locale.ROOT, "%.2fs/it", 1 / rate);
    }
}
