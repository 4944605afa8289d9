package vn.iip.ingest.corpus;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A hand-checked expectation for one byte-flip case whose meaning needs judgement (which keyword of a cube, which
 * note of an export the flip hit): the damage as {@link Texts#changes} finds it, so the entry fails loudly if the
 * corpus ever makes another file under this name, why a careful reader reads it so, and the expectation.
 */
record Flip(List<String> damage, String why, Function<Original, Expected> expected) {

    static Map.Entry<String, Flip> flip(String name, List<String> damage, String why, Function<Original, Expected> e) {
        return Map.entry(name, new Flip(damage, why, e));
    }

    /** The whole file rejected with this rule. */
    static Function<Original, Expected> rejectedAs(String rule) {
        return original -> Expected.rejected(rule, "");
    }

    /** The flip changes nothing a reader uses: the original's figures. */
    static Function<Original, Expected> asOriginal() {
        return original -> Expected.read(original).build();
    }

    /** The file is read, but every row of it is quarantined with this rule, at its own place. */
    static Function<Original, Expected> everyRow(String rule) {
        return original -> {
            Expected.Builder expected = Expected.read(original);
            original.figures().keySet().forEach(place -> expected.quarantineInstead(place, rule));
            return expected.build();
        };
    }

    /** The entry's expectation once its damage is confirmed to be the case's; its why is the entry's. */
    static Expected check(String name, Map<String, Flip> table, List<String> damage, Original original) {
        Flip flip = table.get(name);
        if (flip == null) {
            throw new IllegalStateException("no hand-checked expectation for " + name + ", damaged " + damage);
        }
        if (!flip.damage().equals(damage)) {
            throw new IllegalStateException(name + " is damaged " + damage + ", but its entry was written for "
                    + flip.damage());
        }
        Expected expected = flip.expected().apply(original);
        return new Expected(expected.fileRule(), expected.quarantined(), expected.figures(),
                String.join("; ", damage) + " ⇒ " + flip.why());
    }
}
