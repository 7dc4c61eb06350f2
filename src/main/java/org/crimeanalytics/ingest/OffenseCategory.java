package org.crimeanalytics.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * The coarse offense categories and, per source, how they are derived. The mapping is deliberately
 * simple and documented here (and in the README) so analysts can check it:
 *
 * <ul>
 *   <li><b>Chicago</b>: by the FBI (NIBRS-style UCR) code column. violent: 01A, 01B, 02, 03, 04A, 04B,
 *       08A, 08B (homicide, criminal sexual assault, robbery, aggravated and simple assault and
 *       battery); property: 05, 06, 07, 09, 10, 11, 12, 13, 14 (burglary, larceny, motor vehicle
 *       theft, arson, forgery, fraud, embezzlement, stolen property, vandalism); drugs: 18; other:
 *       the rest.</li>
 *   <li><b>UK police</b>: by {@code Crime type}. violent: "Violence and sexual offences", "Robbery";
 *       property: "Burglary", "Vehicle crime", "Theft from the person", "Shoplifting", "Bicycle
 *       theft", "Other theft", "Criminal damage and arson"; drugs: "Drugs"; other: the rest.</li>
 *   <li><b>LAPD and generic CSV</b>: by keywords in the offense description (upper-cased), checked
 *       in this order: drugs (NARCOTIC, DRUG, CONTROLLED SUBSTANCE); violent (HOMICIDE, MURDER,
 *       MANSLAUGHTER, RAPE, SEXUAL PENETRATION, ORAL COPULATION, SODOMY, ROBBERY, ASSAULT, BATTERY,
 *       KIDNAPPING, HUMAN TRAFFICKING, CRIMINAL THREATS, BRANDISH, SHOTS FIRED, LYNCHING, VIOLENCE);
 *       property (BURGLARY, THEFT, STOLEN, SHOPLIFTING, VANDALISM, ARSON, PICKPOCKET, PURSE SNATCHING,
 *       EMBEZZLEMENT, BUNCO, FRAUD, FORGERY, COUNTERFEIT, CREDIT CARD, TILL TAP, DAMAGE, TRESPASS);
 *       other: the rest.</li>
 * </ul>
 */
public enum OffenseCategory {
    VIOLENT, PROPERTY, DRUGS, OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** Lower-case name, as stored in the {@code category} attribute. */
    public String label() {
        return label;
    }

    private static final Set<String> FBI_VIOLENT = Set.of("01A", "01B", "02", "03", "04A", "04B", "08A", "08B");
    private static final Set<String> FBI_PROPERTY = Set.of("05", "06", "07", "09", "10", "11", "12", "13", "14");
    private static final String[] DRUG_WORDS = {"NARCOTIC", "DRUG", "CONTROLLED SUBSTANCE"};
    private static final String[] VIOLENT_WORDS = {"HOMICIDE", "MURDER", "MANSLAUGHTER", "RAPE", "SEXUAL PENETRATION",
        "ORAL COPULATION", "SODOMY", "ROBBERY", "ASSAULT", "BATTERY", "KIDNAPPING", "HUMAN TRAFFICKING",
        "CRIMINAL THREATS", "BRANDISH", "SHOTS FIRED", "LYNCHING", "VIOLENCE"};
    private static final String[] PROPERTY_WORDS = {"BURGLARY", "THEFT", "STOLEN", "SHOPLIFTING", "VANDALISM", "ARSON",
        "PICKPOCKET", "PURSE SNATCHING", "EMBEZZLEMENT", "BUNCO", "FRAUD", "FORGERY", "COUNTERFEIT", "CREDIT CARD",
        "TILL TAP", "DAMAGE", "TRESPASS"};

    /** Chicago: from the FBI code column. */
    public static OffenseCategory fromFbiCode(String code) {
        if (code == null) return OTHER;
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (FBI_VIOLENT.contains(c)) return VIOLENT;
        if (FBI_PROPERTY.contains(c)) return PROPERTY;
        if (c.equals("18")) return DRUGS;
        return OTHER;
    }

    /** UK police: from {@code Crime type}. */
    public static OffenseCategory fromUkCrimeType(String type) {
        if (type == null) return OTHER;
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "violence and sexual offences":
            case "robbery":
                return VIOLENT;
            case "burglary":
            case "vehicle crime":
            case "theft from the person":
            case "shoplifting":
            case "bicycle theft":
            case "other theft":
            case "criminal damage and arson":
                return PROPERTY;
            case "drugs":
                return DRUGS;
            default:
                return OTHER;
        }
    }

    /** LAPD and generic: keywords in the description. */
    public static OffenseCategory fromDescription(String description) {
        if (description == null) return OTHER;
        String d = description.toUpperCase(Locale.ROOT);
        for (String w : DRUG_WORDS) if (d.contains(w)) return DRUGS;
        for (String w : VIOLENT_WORDS) if (d.contains(w)) return VIOLENT;
        for (String w : PROPERTY_WORDS) if (d.contains(w)) return PROPERTY;
        return OTHER;
    }
}
