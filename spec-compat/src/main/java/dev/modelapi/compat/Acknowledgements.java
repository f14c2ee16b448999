package dev.modelapi.compat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breaking changes the change itself acknowledges in {@code spec/CHANGES.md}: a line that the head adds to that
 * file (it is not in the base's version) and names the finding's operation and rule, e.g.
 * {@code - `getModels` response-property-removed /result/offset: offset is no longer echoed; clients use their own}.
 * Only added lines count, so an old acknowledgement never waves a new break through.
 */
public final class Acknowledgements {

    private final Set<String> addedLines;

    private Acknowledgements(Set<String> addedLines) {
        this.addedLines = addedLines;
    }

    /** The lines of {@code head} that {@code base} does not have ({@code base} may be empty: a new file). */
    public static Acknowledgements between(String base, String head) {
        Set<String> old = new HashSet<>(base == null ? List.of() : base.lines().map(String::trim).toList());
        Set<String> added = new HashSet<>();
        if (head != null) {
            head.lines().map(String::trim).filter(l -> !l.isEmpty() && !old.contains(l)).forEach(added::add);
        }
        return new Acknowledgements(added);
    }

    /** Whether an added line names {@code f}'s operation and rule (and its pointer, when it has one). */
    public boolean acknowledges(Finding f) {
        for (String line : addedLines) {
            if (containsWord(line, f.operation()) && containsWord(line, f.rule())
                    && (f.pointer().isEmpty() || line.contains(f.pointer()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String line, String word) {
        int i = line.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)) && line.charAt(i - 1) != '-';
            int end = i + word.length();
            boolean endOk = end == line.length() || !Character.isLetterOrDigit(line.charAt(end)) && line.charAt(end) != '-';
            if (startOk && endOk) {
                return true;
            }
            i = line.indexOf(word, i + 1);
        }
        return false;
    }
}
