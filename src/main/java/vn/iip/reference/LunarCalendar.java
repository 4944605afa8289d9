package vn.iip.reference;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar computed from the astronomy: new moons (Meeus, Astronomical Algorithms, ch. 49,
 * the mean phase with its main periodic terms, TT − UT by Espenak and Meeus' polynomials) and the Sun's apparent
 * longitude (ch. 25, low precision), both reckoned in the civil day of a time zone: UTC+7 for Vietnam (since 1968 by
 * law; earlier years are computed at UTC+7 too, as the proleptic calendar), UTC+8 for China. A month starts on the
 * day of the new moon; month 11 holds the winter solstice; in a year of 13 months the first month in which the Sun
 * enters no new 30° sector (no major solar term) is the leap one and takes the number of the month before it.
 * Pure functions of the date: no table, no clock.
 */
public final class LunarCalendar {
    private final double zoneHours;

    public LunarCalendar(double zoneHours) {
        this.zoneHours = zoneHours;
    }

    public static final LunarCalendar VIETNAM = new LunarCalendar(7);
    public static final LunarCalendar CHINA = new LunarCalendar(8);

    /** Julian day number of a civil date (the day starting at noon of that date, as JDN does). */
    static long julianDay(LocalDate date) {
        return date.toEpochDay() + 2440588L;
    }

    static LocalDate fromJulianDay(long jdn) {
        return LocalDate.ofEpochDay(jdn - 2440588L);
    }

    /** Julian ephemeris date of the k-th new moon after the one of 2000-01-06 (Meeus 49.1, with 49's main terms). */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.00000015 * t3 + 0.00000000073 * t2 * t2;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * dr;      // Sun's mean anomaly
        double mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3) * dr;  // Moon's mean anomaly
        double f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3) * dr;   // argument of latitude
        double omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * dr;
        double c = -0.40720 * Math.sin(mp) + 0.17241 * e * Math.sin(m) + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f) + 0.00739 * e * Math.sin(mp - m) - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m) - 0.00111 * Math.sin(mp - 2 * f) - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m) - 0.00042 * Math.sin(3 * mp) + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f) - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(omega) - 0.00007 * Math.sin(mp + 2 * m) + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m) + 0.00003 * Math.sin(mp + m - 2 * f) + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f) + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f) - 0.00002 * Math.sin(3 * mp + m) + 0.00002 * Math.sin(4 * mp);
        return jde + c;
    }

    /** TT − UT in days (Espenak and Meeus' polynomials, 1900–2150). */
    static double deltaT(double jd) {
        double y = 2000 + (jd - 2451544.5) / 365.2425;
        double seconds;
        if (y < 1920) {
            double u = y - 1900;
            seconds = -2.79 + 1.494119 * u - 0.0598939 * u * u + 0.0061966 * u * u * u - 0.000197 * u * u * u * u;
        } else if (y < 1941) {
            double u = y - 1920;
            seconds = 21.20 + 0.84493 * u - 0.076100 * u * u + 0.0020936 * u * u * u;
        } else if (y < 1961) {
            double u = y - 1950;
            seconds = 29.07 + 0.407 * u - u * u / 233 + u * u * u / 2547;
        } else if (y < 1986) {
            double u = y - 1975;
            seconds = 45.45 + 1.067 * u - u * u / 260 - u * u * u / 718;
        } else if (y < 2005) {
            double u = y - 2000;
            seconds = 63.86 + 0.3345 * u - 0.060374 * u * u + 0.0017275 * u * u * u + 0.000651814 * u * u * u * u
                    + 0.00002373599 * u * u * u * u * u;
        } else if (y < 2050) {
            double u = y - 2000;
            seconds = 62.92 + 0.32217 * u + 0.005589 * u * u;
        } else {
            double u = (y - 1820) / 100;
            seconds = -20 + 32 * u * u - 0.5628 * (2150 - y);
        }
        return seconds / 86400;
    }

    /** The civil day (its Julian day number) in this zone of the k-th new moon. */
    long newMoonDay(long k) {
        double jde = newMoon(k);
        double ut = jde - deltaT(jde);
        return (long) Math.floor(ut + 0.5 + zoneHours / 24);
    }

    /** The Sun's apparent longitude in degrees at a Julian date (UT; Meeus ch. 25, low precision). */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525;
        double dr = Math.PI / 180;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * dr;
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
        double omega = (125.04 - 1934.136 * t) * dr;
        double apparent = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        return ((apparent % 360) + 360) % 360;
    }

    /** Which of the 12 major-term sectors (0 = from 0°, the spring equinox) the Sun is in at the start of a day. */
    int sunSector(long dayNumber) {
        double startOfDay = dayNumber - 0.5 - zoneHours / 24;
        return (int) Math.floor(sunLongitude(startOfDay) / 30);
    }

    /** The index k of the last new moon whose day is on or before the day. */
    long newMoonOnOrBefore(long dayNumber) {
        long k = (long) Math.floor((dayNumber - 2451550.1) / 29.530588853);
        while (newMoonDay(k + 1) <= dayNumber) {
            k++;
        }
        while (newMoonDay(k) > dayNumber) {
            k--;
        }
        return k;
    }

    /** The new moon index of month 11 of the lunar year ending in the Gregorian year (it holds the winter solstice). */
    long month11(int year) {
        long dec31 = julianDay(LocalDate.of(year, 12, 31));
        long k = newMoonOnOrBefore(dec31);
        // The solstice (270°) falls around 21–22 December: month 11 is the month the sun enters sector 9 in.
        if (sunSector(newMoonDay(k)) >= 9) {
            k--;
        }
        return k;
    }

    /** The first day of the first lunar month (Tết) in the Gregorian year. */
    public LocalDate newYear(int year) {
        long previous11 = month11(year - 1);
        long next11 = month11(year);
        long months = next11 - previous11;
        long k = previous11 + 2;
        if (months == 13) {
            // A leap month after month 11 and before month 1 means month 1 is the third new moon.
            int leap = leapOffset(previous11);
            if (leap <= 2) {
                k++;
            }
        }
        return fromJulianDay(newMoonDay(k));
    }

    /** In a 13-month year from month 11 at k11: the offset (1..12) of the first month without a major term. */
    int leapOffset(long k11) {
        int last = sunSector(newMoonDay(k11 + 1));
        for (int i = 1; i <= 13; i++) {
            int next = sunSector(newMoonDay(k11 + i + 1));
            if (next == last) {
                return i;
            }
            last = next;
        }
        throw new IllegalStateException("no month without a major term after new moon " + k11);
    }

    /** A day of the lunar calendar: its year (the Gregorian year its Tết falls in), month 1–12, day 1–30, leap. */
    public record LunarDate(int year, int month, int day, boolean leapMonth) {}

    public LunarDate lunarDate(LocalDate date) {
        long dayNumber = julianDay(date);
        long k = newMoonOnOrBefore(dayNumber);
        int year = date.getYear();
        long a11 = month11(year);
        long b11;
        int lunarYear;
        if (a11 > k) {
            lunarYear = year;
            b11 = a11;
            a11 = month11(year - 1);
        } else {
            lunarYear = year + 1;
            b11 = month11(year + 1);
        }
        int day = (int) (dayNumber - newMoonDay(k)) + 1;
        int diff = (int) (k - a11);
        int month = diff + 11;
        boolean leap = false;
        if (b11 - a11 > 12) {
            int leapDiff = leapOffset(a11);
            if (diff >= leapDiff) {
                month = diff + 10;
                leap = diff == leapDiff;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }
}
