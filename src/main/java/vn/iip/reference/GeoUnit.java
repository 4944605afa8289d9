package vn.iip.reference;

import java.time.LocalDate;

/**
 * One row of the geography: a province-level unit (or the country, code VN) in one geography version, valid over a
 * date range. Code 46 has two vn63 rows (Thừa Thiên Huế, then Huế from 2025-01-01).
 */
public record GeoUnit(String code, String version, String nameVi, String nameEn, String regionVi, String regionEn,
                      LocalDate validFrom, LocalDate validTo, String successorCode) {
    public boolean isCountry() {
        return "VN".equals(code);
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
