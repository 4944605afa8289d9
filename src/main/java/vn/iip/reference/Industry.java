package vn.iip.reference;

/** An IIP industry: TOTAL, a VSIC 2018 section B–E, or a division written as section letter + two digits (C24). */
public record Industry(String code, String level, String sectionCode, String parentCode, String nameVi, String nameEn) {
    public static final String TOTAL = "TOTAL";
}
