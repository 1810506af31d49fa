package jtorch.kernel.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels as matplotlib writes them: the shortest decimal ({@code 0.1}, {@code 2.5},
 * {@code 100}), without the floating-point noise of tick arithmetic, and {@code 1e-05} style
 * outside [1e-4, 1e6). Locale-independent.
 */
final class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(text(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are only written");
    }

    static String text(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.9e", v);
        String mantissa = s.substring(0, s.indexOf('e')).replaceAll("\\.?0+$", "");
        int exp = Integer.parseInt(s.substring(s.indexOf('e') + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
}
