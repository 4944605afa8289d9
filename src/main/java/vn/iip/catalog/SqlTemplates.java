package vn.iip.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of the long-lived objects (views, the as-of function), one resource file per object under
 * {@code vn/iip/catalog/}, with its schemas as parameters: {@code ${gold}} is filled in, never another statement
 * rewritten.
 */
final class SqlTemplates {
    private SqlTemplates() {}

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{(\\w+)}");

    static String render(String name, Map<String, String> parameters) {
        String template = read(name);
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("SQL template " + name + " needs the parameter " + matcher.group(1));
            }
            matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sql);
        return sql.toString().strip();
    }

    private static String read(String name) {
        try (InputStream in = SqlTemplates.class.getResourceAsStream("/vn/iip/catalog/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("SQL template " + name + ".sql is missing from the jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
