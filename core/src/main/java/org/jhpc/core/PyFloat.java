package org.jhpc.core;

/**
 * Formats a double exactly as Python 3's {@code repr(float)} / {@code print(float)} does: the shortest decimal
 * string that round-trips, in fixed notation when the decimal exponent is in [-4, 16), otherwise in scientific
 * notation with a signed, at least two-digit exponent ({@code 1e-05}, {@code 1.5e+16}); {@code inf}, {@code -inf},
 * {@code nan}. Since JDK 19 {@link Double#toString(double)} yields the shortest round-tripping digits, so only the
 * layout differs.
 */
public final class PyFloat {
    private PyFloat() {}

    /** A one-digit decimal that reads back as v (the nearer of the two candidates), or null. */
    private static String oneDigit(double v, String digits, int decpt) {
        int d = digits.charAt(0) - '0';
        String best = null;
        java.math.BigDecimal bestDist = null;
        java.math.BigDecimal exact = new java.math.BigDecimal(v);
        for (int c = d; c <= d + 1; c++) {
            java.math.BigDecimal cand = java.math.BigDecimal.valueOf(c).scaleByPowerOfTen(decpt - 1);
            if (cand.doubleValue() != v) continue;
            java.math.BigDecimal dist = cand.subtract(exact).abs();
            if (bestDist == null || dist.compareTo(bestDist) < 0) {
                bestDist = dist;
                best = Integer.toString(c);
            }
        }
        return best;
    }

    public static String repr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (Double.doubleToRawLongBits(v) < 0) ? "-0.0" : "0.0";
        StringBuilder out = new StringBuilder(24);
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        // Split Java's shortest representation into digits and a decimal exponent: value = 0.DIGITS * 10^decpt
        String s = Double.toString(v);
        int e = s.indexOf('E');
        String mant = e < 0 ? s : s.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mant.indexOf('.');
        String digits = mant.substring(0, dot) + mant.substring(dot + 1);
        int decpt = dot + exp10;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') lead++;
        digits = digits.substring(lead);
        decpt -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(0, end);
        if (digits.length() == 2) {   // Java prints at least two digits; Python may need only one
            String one = oneDigit(v, digits, decpt);
            if (one != null) {
                decpt += one.length() - 1;      // "10" → one digit more to the left
                digits = one.substring(0, 1);
            }
        }

        if (decpt > -4 && decpt <= 16) {          // fixed notation, as Python's float_repr_style 'short'
            if (decpt <= 0) {
                out.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {                                   // scientific: d[.ddd]e±XX
            out.append(digits.charAt(0));
            if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
            int x = decpt - 1;
            out.append('e').append(x < 0 ? '-' : '+');
            if (Math.abs(x) < 10) out.append('0');
            out.append(Math.abs(x));
        }
        return out.toString();
    }
}
