package vn.iip.ingest.pcaxis;

import java.util.List;
import java.util.Map;

/**
 * A parsed PC-Axis file in its default language: keywords (name, or name + "|" + subkeys, e.g.
 * {@code VALUES|Năm}) with their value lists, the STUB and HEADING variables, and the DATA cells as written.
 * Dense files leave {@code coordinates} empty (cells follow the STUB × HEADING cross-product); sparse (KEYS) files
 * give each cell's variable values, in STUB then HEADING order.
 */
public record PxDocument(String encoding, Map<String, List<String>> keywords, List<String> stub, List<String> heading,
                         List<String> cells, List<List<String>> coordinates) {

    public List<String> get(String keyword) {
        return keywords.getOrDefault(keyword, List.of());
    }

    public String first(String keyword) {
        List<String> values = get(keyword);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The value texts of a variable. */
    public List<String> values(String variable) {
        return get("VALUES|" + variable);
    }

    /** The codes of a variable, parallel to its values (empty when the file gives none). */
    public List<String> codes(String variable) {
        return get("CODES|" + variable);
    }

    /** Stub variables first, then heading variables: the order of the dense DATA cross-product. */
    public List<String> variables() {
        return java.util.stream.Stream.concat(stub.stream(), heading.stream()).toList();
    }
}
