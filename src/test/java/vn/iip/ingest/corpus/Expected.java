package vn.iip.ingest.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a careful reader must make of one corpus file. Either the whole file is rejected with one rule (no figure
 * accepted, every row it yields carries that rule), or the file is read and exactly the listed rows are quarantined
 * with their rules, and exactly the listed figures are accepted: the original's figures, less those the damage took
 * away, with those it changed undetectably changed. {@link #why} says how the expectation follows from the damage.
 */
public record Expected(String fileRule, List<String> quarantined, List<String> figures, String why) {

    public static Expected rejected(String rule, String why) {
        return new Expected(Objects.requireNonNull(rule), List.of(), List.of(), why);
    }

    /** The file is read; start from the original's figures, all expected unless lost or changed below. */
    public static Builder read(Original original) {
        return new Builder(original);
    }

    /** A hand-made file that no golden file matches: the figures it must give are listed one by one. */
    public static Builder readNew() {
        return new Builder(null);
    }

    /** "place → rule", one per quarantined row, as the assertion compares them. */
    public static String quarantine(String place, String rule) {
        return place + " → " + rule;
    }

    @Override
    public String toString() {
        return (fileRule != null ? "file rejected as " + fileRule : "read; quarantined " + quarantined) + " — " + why;
    }

    public static final class Builder {
        private final Original original;
        private final Map<String, String> figures;
        private final List<String> quarantined = new ArrayList<>();

        private Builder(Original original) {
            this.original = original;
            this.figures = original == null ? new LinkedHashMap<>() : new LinkedHashMap<>(original.figures());
        }

        public Builder quarantine(String place, String rule) {
            quarantined.add(Expected.quarantine(place, rule));
            return this;
        }

        /** The original's row at this place gives no accepted figure here (quarantined, merged away or cut off). */
        public Builder lose(String originalPlace) {
            if (figures.remove(known(originalPlace)) == null) {
                throw new IllegalStateException(originalPlace + " is lost twice");
            }
            return this;
        }

        /** A bad row replaces the original's row at this place: quarantined with the rule, its figure lost. */
        public Builder quarantineInstead(String originalPlace, String rule) {
            return quarantine(originalPlace, rule).lose(originalPlace);
        }

        /** The damage changed this figure's published number in a way no reader can see (another valid number). */
        public Builder changeValue(String originalPlace, String from, String to) {
            String figure = figures.get(known(originalPlace));
            if (figure == null || !figure.contains(" = " + from + " ")) {
                throw new IllegalStateException(originalPlace + " does not give " + from + ": " + figure);
            }
            figures.put(originalPlace, figure.replace(" = " + from + " ", " = " + to + " "));
            return this;
        }

        /** The damage changed a part every figure shares (the publisher's name, say) in a way no rule catches. */
        public Builder changeEvery(String from, String to) {
            figures.replaceAll((place, figure) -> {
                if (!figure.contains(from)) {
                    throw new IllegalStateException(place + " does not contain '" + from + "': " + figure);
                }
                return figure.replace(from, to);
            });
            return this;
        }

        /** For {@link #readNew()}: one figure the file must give, as {@link Original#figure} writes it. */
        public Builder accept(String figure) {
            figures.put("accepted #" + figures.size(), figure);
            return this;
        }

        /** For a table entry that says why itself. */
        public Expected build() {
            return because("");
        }

        public Expected because(String why) {
            return new Expected(null, quarantined.stream().sorted().toList(),
                    figures.values().stream().sorted().toList(), why);
        }

        private String known(String place) {
            if (original != null && !original.figures().containsKey(place)) {
                throw new IllegalStateException(original.path() + " has no row at " + place);
            }
            return place;
        }
    }
}
