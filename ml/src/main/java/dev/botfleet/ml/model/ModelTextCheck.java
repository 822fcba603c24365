package dev.botfleet.ml.model;

import dev.botfleet.ml.model.ModelRejectedException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the structure of a LightGBM text model in Java before the native loader reads it. LightGBM trusts its
 * input: {@code tree_sizes} pointing past the end of a truncated file makes it read beyond the buffer and can kill
 * the JVM, and a child index pointing back up a tree makes prediction loop forever. So every tree block must lie
 * inside the file and be a well-formed tree (docs/ml.md "Models"): arrays of the right lengths, split features
 * within the model's features, children below their parent, every node reached once. Categorical splits and
 * linear trees, which botfleet's feature sets never produce, are refused.
 */
final class ModelTextCheck {

    private ModelTextCheck() {
    }

    /** The header's key=value lines, after checking the whole file. */
    static Map<String, String> check(byte[] file) throws ModelRejectedException {
        Map<String, String> header = new HashMap<>();
        int p = 0;
        int treesStart = -1;
        while (p < file.length) {
            int end = lineEnd(file, p);
            String line = new String(file, p, end - p, StandardCharsets.UTF_8).strip();
            if (line.startsWith("Tree=") || line.equals("end of trees")) {
                treesStart = p;
                break;
            }
            int eq = line.indexOf('=');
            if (eq > 0) header.put(line.substring(0, eq), line.substring(eq + 1));
            p = next(file, end);
        }
        for (String key : new String[]{"num_class", "label_index", "max_feature_idx", "feature_names",
                "feature_infos", "tree_sizes"}) {
            if (!header.containsKey(key)) fail("the model header has no " + key);
        }
        if (treesStart < 0) fail("the model has no trees");
        int maxFeature = parseInt(header.get("max_feature_idx"), "max_feature_idx");
        if (maxFeature < 0) fail("max_feature_idx is negative");
        String[] sizes = header.get("tree_sizes").strip().split(" ");
        if (sizes.length == 0 || sizes[0].isEmpty()) fail("the model has no trees");
        long offset = treesStart;
        for (int t = 0; t < sizes.length; t++) {
            long size = parseLong(sizes[t], "tree_sizes");
            if (size <= 0 || offset + size > file.length) {
                fail("tree " + t + " lies outside the file (truncated?)");
            }
            checkTree(new String(file, (int) offset, (int) size, StandardCharsets.UTF_8), t, maxFeature);
            offset += size;
        }
        String rest = new String(file, (int) offset, file.length - (int) offset, StandardCharsets.UTF_8).strip();
        if (!rest.startsWith("end of trees")) fail("no 'end of trees' after the " + sizes.length + " trees");
        return header;
    }

    private static void checkTree(String block, int t, int maxFeature) throws ModelRejectedException {
        if (!block.startsWith("Tree=" + t)) fail("tree " + t + " does not begin with 'Tree=" + t + "'");
        if (!block.endsWith("\n\n") && !block.endsWith("\r\n\r\n")) fail("tree " + t + " is not closed by a blank line");
        Map<String, String> kv = new HashMap<>();
        for (String line : block.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        String where = "tree " + t;
        int leaves = parseInt(required(kv, "num_leaves", where), where + " num_leaves");
        if (leaves < 1) fail(where + " has no leaves");
        if (parseInt(kv.getOrDefault("num_cat", "0"), where + " num_cat") != 0) {
            fail(where + " has categorical splits, which botfleet's feature sets do not use");
        }
        if (parseInt(kv.getOrDefault("is_linear", "0"), where + " is_linear") != 0) {
            fail(where + " is a linear tree, which botfleet does not support");
        }
        double[] leafValues = doubles(required(kv, "leaf_value", where), leaves, where + " leaf_value");
        for (double v : leafValues) {
            if (!Double.isFinite(v)) fail(where + " has a leaf value that is not a number");
        }
        if (leaves == 1) return;
        int splits = leaves - 1;
        long[] features = longs(required(kv, "split_feature", where), splits, where + " split_feature");
        doubles(required(kv, "threshold", where), splits, where + " threshold");
        long[] decisions = longs(required(kv, "decision_type", where), splits, where + " decision_type");
        long[] left = longs(required(kv, "left_child", where), splits, where + " left_child");
        long[] right = longs(required(kv, "right_child", where), splits, where + " right_child");
        int[] reached = new int[splits + leaves]; // internal nodes, then leaves
        reached[0] = 1; // the root
        for (int n = 0; n < splits; n++) {
            if (features[n] < 0 || features[n] > maxFeature) {
                fail(where + " splits on feature " + features[n] + "; the model has " + (maxFeature + 1));
            }
            if ((decisions[n] & 1) != 0) fail(where + " has a categorical split");
            for (long child : new long[]{left[n], right[n]}) {
                if (child >= 0) {
                    // LightGBM numbers a split node after its parent; anything else could loop forever
                    if (child <= n || child >= splits) fail(where + " node " + n + " has a bad child " + child);
                    reached[(int) child]++;
                } else {
                    long leaf = ~child;
                    if (leaf >= leaves) fail(where + " node " + n + " points to a missing leaf " + leaf);
                    reached[splits + (int) leaf]++;
                }
            }
        }
        for (int i = 0; i < reached.length; i++) {
            if (reached[i] != 1) fail(where + " is not a tree: a node is reached " + reached[i] + " times");
        }
    }

    private static String required(Map<String, String> kv, String key, String where) throws ModelRejectedException {
        String v = kv.get(key);
        if (v == null) fail(where + " has no " + key);
        return v;
    }

    private static double[] doubles(String text, int count, String what) throws ModelRejectedException {
        String[] parts = text.split(" ");
        if (parts.length != count) fail(what + " has " + parts.length + " values, " + count + " expected");
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                fail(what + " has a value that is not a number: " + abbreviate(parts[i]));
            }
        }
        return out;
    }

    private static long[] longs(String text, int count, String what) throws ModelRejectedException {
        String[] parts = text.split(" ");
        if (parts.length != count) fail(what + " has " + parts.length + " values, " + count + " expected");
        long[] out = new long[count];
        for (int i = 0; i < count; i++) out[i] = parseLong(parts[i], what);
        return out;
    }

    private static int parseInt(String text, String what) throws ModelRejectedException {
        long v = parseLong(text, what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) fail(what + " is out of range");
        return (int) v;
    }

    private static long parseLong(String text, String what) throws ModelRejectedException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            fail(what + " is not a whole number: " + abbreviate(text));
            return 0; // unreachable
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') i++;
        return i;
    }

    private static int next(byte[] b, int lineEnd) {
        int i = lineEnd;
        if (i < b.length && b[i] == '\r') i++;
        if (i < b.length && b[i] == '\n') i++;
        return i;
    }

    private static void fail(String message) throws ModelRejectedException {
        throw new ModelRejectedException(Reason.NOT_A_MODEL, "malformed LightGBM model: " + message);
    }
}
