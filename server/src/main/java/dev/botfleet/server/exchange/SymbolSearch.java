package dev.botfleet.server.exchange;

import dev.botfleet.engine.market.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds symbols by what a user types: case-insensitive, with or without the slash. Exact matches rank first, then
 * symbols that start with the text, then those that contain it; within a rank the venue's order is kept. One pass over
 * the list: a few thousand symbols take well under a millisecond.
 */
final class SymbolSearch {
    private SymbolSearch() {
    }

    static List<Instrument> search(List<Instrument> all, String query, int limit) {
        String q = normalise(query);
        if (q.isEmpty()) return all.subList(0, Math.min(limit, all.size()));
        List<Instrument> exact = new ArrayList<>();
        List<Instrument> prefix = new ArrayList<>();
        List<Instrument> contains = new ArrayList<>();
        for (Instrument i : all) {
            String s = normalise(i.symbol());
            if (s.equals(q)) exact.add(i);
            else if (s.startsWith(q)) prefix.add(i);
            else if (contains.size() < limit && s.contains(q)) contains.add(i);
        }
        List<Instrument> out = new ArrayList<>(exact);
        out.addAll(prefix);
        out.addAll(contains);
        return out.subList(0, Math.min(limit, out.size()));
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replace("/", "").replace("-", "").strip().toUpperCase(Locale.ROOT);
    }
}
