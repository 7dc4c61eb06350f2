package org.crimeanalytics.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coarse offense categories and how they are derived. The mapping is deliberately simple and
 * listed here in full (the README repeats it) so analysts can check it. In order of preference, from:
 *
 * <ol>
 *   <li><b>a NIBRS offense code</b> (FBI NIBRS User Manual, Group A and B): violent 09A, 09B, 100, 11A-11D,
 *       120, 13A-13C, 36A, 36B, 64A, 64B (homicide, kidnapping, sex offenses, robbery, assault, human
 *       trafficking); property 200, 210, 220, 23A-23H, 240, 250, 26A-26G, 270, 280, 290, 510, 90A, 90J (arson,
 *       extortion, burglary, larceny, motor vehicle theft, forgery, fraud, embezzlement, stolen property,
 *       vandalism, bribery, bad checks, trespass); drugs 35A, 35B; other: every other code (09C justifiable
 *       homicide, 26H, 370, 39A-39D, 40A-40C, 520, 720, 90B-90I, 90Z).</li>
 *   <li><b>Chicago's FBI code</b>: violent 01A, 01B, 02, 03, 04A, 04B, 08A, 08B; property 05, 06, 07, 09-14;
 *       drugs 18; other: the rest.</li>
 *   <li><b>UK police crime type</b>: violent "Violence and sexual offences", "Robbery"; property "Burglary",
 *       "Vehicle crime", "Theft from the person", "Shoplifting", "Bicycle theft", "Other theft", "Criminal
 *       damage and arson"; drugs "Drugs"; other: the rest.</li>
 *   <li><b>words of the offense description</b> (upper-cased, whole words or phrases), checked in this
 *       order: {@link #OTHER_PHRASES} (e.g. driving under the influence) give other; then {@link #DRUG_WORDS},
 *       {@link #VIOLENT_WORDS}, {@link #PROPERTY_WORDS}; a description with none of them is other. The
 *       labels violent, property, drugs and other map to themselves (this project's own output).</li>
 * </ol>
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

    private static final Set<String> NIBRS_VIOLENT = Set.of("09A", "09B", "100", "11A", "11B", "11C", "11D", "120", "13A",
            "13B", "13C", "36A", "36B", "64A", "64B");
    private static final Set<String> NIBRS_PROPERTY = Set.of("200", "210", "220", "23A", "23B", "23C", "23D", "23E", "23F",
            "23G", "23H", "240", "250", "26A", "26B", "26C", "26D", "26E", "26F", "26G", "270", "280", "290", "510", "90A", "90J");
    private static final Set<String> NIBRS_DRUGS = Set.of("35A", "35B");
    private static final Pattern NIBRS = Pattern.compile("\\d{2}[A-H]|\\d{3}|90[A-Z]");

    /** Phrases that make a description "other" whatever else it contains. */
    public static final String[] OTHER_PHRASES = {"DRIVING UNDER THE INFLUENCE", "DUI", "DWI", "INTOXICATED",
        "IMPAIRED DRIVING", "NON VIOLENT", "NONVIOLENT", "FALSE REPORT", "SEX OFFENDER REGISTRATION"};
    /** Words and phrases of drug offenses. */
    public static final String[] DRUG_WORDS = {"NARCOTIC", "NARCOTICS", "DRUG", "DRUGS", "CONTROLLED SUBSTANCE",
        "CONTROLLED SUBSTANCES", "MARIJUANA", "MARIHUANA", "CANNABIS", "COCAINE", "CRACK", "HEROIN", "METHAMPHETAMINE",
        "OPIUM", "OPIATE", "FENTANYL", "PARAPHERNALIA",
        // French, Spanish, Portuguese, German, Italian
        "STUPEFIANTS", "STUPÉFIANTS", "DROGUE", "DROGUES", "DROGA", "DROGAS", "NARCOTRÁFICO", "NARCOTRAFICO",
        "BETÄUBUNGSMITTEL", "RAUSCHGIFT", "RAUSCHGIFTDELIKT", "STUPEFACENTI"};
    /** Words and phrases of violent offenses (against the person). */
    public static final String[] VIOLENT_WORDS = {"HOMICIDE", "MURDER", "MANSLAUGHTER", "RAPE", "SEXUAL PENETRATION",
        "ORAL COPULATION", "SODOMY", "SEXUAL ASSAULT", "SEX ABUSE", "SEXUAL ABUSE", "SEX CRIMES", "SEX CRIME",
        "SEXUAL OFFENCES", "SEXUAL OFFENSES", "INDECENT ASSAULT", "FONDLING", "MOLESTATION", "ROBBERY", "ROBBERIES",
        "MUGGING", "CARJACKING", "ASSAULT", "ASSAULTS", "BATTERY", "KIDNAP", "KIDNAPPING", "ABDUCTION", "HUMAN TRAFFICKING",
        "CRIMINAL THREATS", "THREAT", "THREATS", "MENACING", "INTIMIDATION", "BRANDISH", "SHOTS FIRED", "SHOOTING",
        "STABBING", "LYNCHING", "VIOLENCE", "VIOLENT", "STRANGULATION", "CHILD ABUSE", "OFFENCE AGAINST A PERSON",
        "OFFENSE AGAINST A PERSON", "AGAINST THE PERSON", "SEX OFFENSE", "SEX OFFENSES", "SEX OFFENCE", "SEX OFFENCES",
        "DISCHARGING FIREARM", "DISCHARGING A FIREARM", "DISCHARGE OF FIREARM", "DISCHARGE OF A FIREARM",
        // French, Spanish, Portuguese, German, Italian
        "AGRESSION", "AGRESSIONS", "VIOL", "VIOLS", "VIOLENCES", "COUPS ET BLESSURES", "HOMICIDIO", "HOMICÍDIO", "ASALTO",
        "LESIONES", "SECUESTRO", "VIOLACION", "VIOLACIÓN", "VIOLENCIA", "ROUBO", "RAUB", "KÖRPERVERLETZUNG", "MORD",
        "TOTSCHLAG", "VERGEWALTIGUNG", "RAPINA", "OMICIDIO", "LESIONI"};
    /** Words and phrases of property offenses. */
    public static final String[] PROPERTY_WORDS = {"BURGLARY", "BURGLARIES", "BREAK AND ENTER", "BREAKING AND ENTERING",
        "B&E", "HOUSEBREAKING", "BREAK IN", "THEFT", "THEFTS", "STEAL", "STEALING", "STOLEN", "LARCENY", "SHOPLIFTING",
        "SHOPLIFT", "PICKPOCKET", "PURSE SNATCHING", "VEHICLE CRIME", "AUTO THEFT", "UNAUTHORIZED USE OF A VEHICLE",
        "JOYRIDING", "VANDALISM", "CRIMINAL MISCHIEF", "MISCHIEF", "GRAFFITI", "CRIMINAL DAMAGE", "DAMAGE", "DESTRUCTION",
        "ARSON", "EMBEZZLEMENT", "BUNCO", "FRAUD", "FRAUDS", "SWINDLE", "CON GAME", "FALSE PRETENSES", "FORGERY",
        "COUNTERFEIT", "COUNTERFEITING", "CREDIT CARD", "TILL TAP", "TRESPASS", "TRESPASSING", "EXTORTION",
        "BLACKMAIL", "LOOTING", "UUV", "UNAUTHORIZED USE OF MOTOR VEHICLE", "BREAKING & ENTERING", "BREAKING ENTERING",
        "DAMAGING", "WHITE COLLAR", "PICKPOCKETING",
        // French, Spanish, Portuguese, German, Italian
        "VOL", "VOLS", "CAMBRIOLAGE", "CAMBRIOLAGES", "DÉGRADATION", "DEGRADATION", "DÉGRADATIONS", "ESCROQUERIE", "ROBO",
        "HURTO", "DAÑOS", "DANOS", "FRAUDE", "FURTO", "DIEBSTAHL", "EINBRUCH", "WOHNUNGSEINBRUCH", "WOHNUNGSEINBRUCHDIEBSTAHL", "SACHBESCHÄDIGUNG",
        "BETRUG", "FURTI", "TRUFFA"};

    /**
     * Words that make a description 'other' when none of the lists above matched: offenses known to be
     * neither violent, property nor drugs (so they are not reported as unmatched).
     */
    public static final String[] OTHER_WORDS = {"OTHER", "OTHERS", "MISCELLANEOUS", "MISC", "NON CRIMINAL", "NONCRIMINAL",
        "WARRANT", "WARRANTS", "SUSPICIOUS", "DISTURBANCE", "DISORDERLY", "DISORDERLY CONDUCT", "PUBLIC ORDER", "PUBLIC PEACE",
        "WEAPON", "WEAPONS", "WEAPONS OFFENSE", "TRAFFIC", "LIQUOR", "DRUNKENNESS", "GAMBLING", "PROSTITUTION", "VICE",
        "LOITERING", "CURFEW", "RUNAWAY", "MISSING", "HARASSMENT", "HARRASSMENT", "STALKING", "INVESTIGATE", "INVESTIGATION",
        "ANTI SOCIAL BEHAVIOUR", "ARREST", "FUGITIVE", "OBSTRUCTION", "RESISTING", "VERBAL DISPUTE", "NOISE", "ANIMAL",
        "ACCIDENT", "PUBLIC INDECENCY", "OBSCENITY"};

    private static final Map<String, OffenseCategory> LABELS = Map.of("VIOLENT", VIOLENT, "PROPERTY", PROPERTY, "DRUGS",
            DRUGS, "OTHER", OTHER);

    /** Whether a value looks like a NIBRS offense code (09A, 120, 90Z). */
    public static boolean isNibrsCode(String code) {
        return code != null && NIBRS.matcher(code.trim().toUpperCase(Locale.ROOT)).matches();
    }

    /** From a NIBRS offense code; null when the value is not a NIBRS code. */
    public static OffenseCategory fromNibrs(String code) {
        if (!isNibrsCode(code)) return null;
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (NIBRS_VIOLENT.contains(c)) return VIOLENT;
        if (NIBRS_PROPERTY.contains(c)) return PROPERTY;
        if (NIBRS_DRUGS.contains(c)) return DRUGS;
        return OTHER;
    }

    /** Chicago: from the FBI code column. */
    public static OffenseCategory fromFbiCode(String code) {
        if (code == null) return OTHER;
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (FBI_VIOLENT.contains(c)) return VIOLENT;
        if (FBI_PROPERTY.contains(c)) return PROPERTY;
        if (c.equals("18")) return DRUGS;
        return OTHER;
    }

    /** UK police: from {@code Crime type}; null when it is not one of the published types. */
    public static OffenseCategory fromUkCrimeType(String type) {
        if (type == null) return null;
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
            case "anti-social behaviour":
            case "other crime":
            case "public order":
            case "possession of weapons":
                return OTHER;
            default:
                return null;
        }
    }

    /** From the words of a description (see the class comment); OTHER when none matches. */
    public static OffenseCategory fromDescription(String description) {
        OffenseCategory c = matchWords(description);
        return c == null ? OTHER : c;
    }

    /**
     * From the words of a description, or null when no word, phrase or label of the vocabulary occurs
     * in it (the description is then 'other' for want of a match, which the report counts).
     */
    public static OffenseCategory matchWords(String description) {
        if (description == null) return null;
        String up = description.trim().toUpperCase(Locale.ROOT);
        OffenseCategory label = LABELS.get(up);
        if (label != null) return label;
        OffenseCategory uk = fromUkCrimeType(description);
        if (uk != null) return uk;
        String d = " " + up.replaceAll("[^\\p{L}\\p{N}&]+", " ").trim() + " ";
        if (contains(d, OTHER_PHRASES)) return OTHER;
        if (contains(d, DRUG_WORDS)) return DRUGS;
        if (contains(d, VIOLENT_WORDS)) return VIOLENT;
        if (contains(d, PROPERTY_WORDS)) return PROPERTY;
        if (contains(d, OTHER_WORDS)) return OTHER;
        return null;
    }

    private static boolean contains(String padded, String[] words) {
        for (String w : words) if (padded.contains(" " + w + " ")) return true;
        return false;
    }
}
