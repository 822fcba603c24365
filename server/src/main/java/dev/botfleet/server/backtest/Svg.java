package dev.botfleet.server.backtest;

import java.util.Locale;

/** A line chart drawn as inline SVG: x is time, y is value; no script, no external resource. */
final class Svg {
    static final int WIDTH = 1000;
    static final int LEFT = 70;
    static final int RIGHT = 10;
    static final int TOP = 10;
    static final int BOTTOM = 24;

    private final StringBuilder out = new StringBuilder();
    private final int height;
    private final long minX;
    private final long maxX;
    private final double minY;
    private final double maxY;

    Svg(int height, long minX, long maxX, double minY, double maxY, String label) {
        this.height = height;
        this.minX = minX;
        this.maxX = Math.max(maxX, minX + 1);
        double pad = (maxY - minY) * 0.05;
        if (pad == 0) pad = Math.abs(maxY) * 0.01 + 1e-9;
        this.minY = minY - pad;
        this.maxY = maxY + pad;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#fff\"/>");
        axes();
    }

    double x(long t) {
        return LEFT + (double) (t - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
    }

    double y(double v) {
        return TOP + (maxY - v) / (maxY - minY) * (height - TOP - BOTTOM);
    }

    private void axes() {
        for (int k = 0; k <= 4; k++) {
            double v = minY + (maxY - minY) * k / 4;
            double yy = y(v);
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT, WIDTH - RIGHT, yy, yy));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">%s</text>",
                    LEFT - 4, yy + 3, Html.number(v)));
        }
        for (int k = 0; k <= 4; k++) {
            long t = minX + (maxX - minX) * k / 4;
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">%s</text>",
                    x(t), height - 6, java.time.Instant.ofEpochMilli(t).toString().substring(0, 16).replace('T', ' ')));
        }
    }

    void line(long[] xs, double[] ys, String color) {
        out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.2\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(xs[i]), y(ys[i])));
        }
        out.append("\"/>");
    }

    /** A triangle pointing up (entries) or down (exits), with a native tooltip. */
    void marker(long t, double v, boolean up, String color, String title) {
        double cx = x(t);
        double cy = y(v);
        String points = up
                ? String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", cx, cy, cx - 4, cy + 8, cx + 4, cy + 8)
                : String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", cx, cy, cx - 4, cy - 8, cx + 4, cy - 8);
        out.append("<polygon points=\"").append(points).append("\" fill=\"").append(color).append("\"><title>")
                .append(Html.escape(title)).append("</title></polygon>");
    }

    String end() {
        return out.append("</svg>").toString();
    }
}
