package dev.botfleet.e2e;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which browser tests failed and why, in a few lines, from Playwright's {@code junit.xml}: {@link E2eRunner} prints it
 * last. CI keeps only the end of a run's output, and the list reporter's lines (which test failed, with what error)
 * come long before it, so a failed run said where the server was but not which test had failed.
 */
final class FailedTests {
    private static final int MAX_TESTS = 8;
    private static final int LINES_PER_TEST = 4;

    private FailedTests() {
    }

    static List<String> of(Path junitXml) {
        List<String> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(junitXml)) return List.of("[e2e] no " + junitXml.getFileName() + ": Playwright wrote no report");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document report = factory.newDocumentBuilder().parse(junitXml.toFile());
            Element all = report.getDocumentElement();
            out.add("[e2e] tests: " + all.getAttribute("tests") + ", failures: " + all.getAttribute("failures")
                    + ", errors: " + all.getAttribute("errors") + ", skipped: " + all.getAttribute("skipped"));
            NodeList cases = report.getElementsByTagName("testcase");
            int failed = 0;
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                Element failure = firstChild(test, "failure");
                if (failure == null) failure = firstChild(test, "error");
                if (failure == null) continue;
                if (++failed > MAX_TESTS) continue;
                out.add("[e2e] FAILED " + test.getAttribute("classname") + " › " + test.getAttribute("name")
                        + " (" + test.getAttribute("time") + " s)");
                out.addAll(firstLines(failure.getTextContent().isBlank() ? failure.getAttribute("message")
                        : failure.getTextContent()));
            }
            if (failed > MAX_TESTS) out.add("[e2e] ... and " + (failed - MAX_TESTS) + " more failed tests");
            return out;
        } catch (Exception e) {
            out.add("[e2e] could not read " + junitXml + ": " + e);
            return out;
        }
    }

    private static Element firstChild(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    /** The failure's first non-blank lines: the error and the locator or call it was about (ANSI colours removed). */
    private static List<String> firstLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replaceAll("\u001B\\[[0-9;]*m", "").split("\n")) {
            if (line.isBlank()) continue;
            lines.add("    " + line.strip());
            if (lines.size() == LINES_PER_TEST) break;
        }
        return lines;
    }
}
