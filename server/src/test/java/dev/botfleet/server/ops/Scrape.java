package dev.botfleet.server.ops;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus text of {@code /actuator/prometheus}, parsed into samples (name, labels, value). */
record Scrape(int status, String text, List<Sample> samples) {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(MockMvc mvc, String bearer) {
        try {
            var request = MockMvcRequestBuilders.get(ScrapeSecurity.PATH);
            if (bearer != null) request.header("Authorization", bearer);
            MvcResult result = mvc.perform(request).andReturn();
            String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            List<Sample> samples = new ArrayList<>();
            if (result.getResponse().getStatus() == 200) {
                for (String line : text.split("\n")) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    Matcher m = LINE.matcher(line);
                    if (!m.find()) throw new AssertionError("not a sample: " + line);
                    Map<String, String> labels = new TreeMap<>();
                    if (m.group(2) != null) {
                        Matcher l = LABEL.matcher(m.group(2));
                        while (l.find()) labels.put(l.group(1), l.group(2));
                    }
                    samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
                }
            }
            return new Scrape(result.getResponse().getStatus(), text, samples);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The value of the sample with exactly these labels, or NaN when there is none. */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && s.labels.equals(new TreeMap<>(labels)))
                .mapToDouble(Sample::value).findFirst().orElse(Double.NaN);
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }
}
